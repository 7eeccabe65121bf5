""""Record leftovers": how many of each line's good were left when the event ended.

Optional, for plans in production or completed; a clone of the event then
starts from what was actually used. Many lines scroll inside the dialog so it
always fits the screen.
"""

from __future__ import annotations

import tkinter as tk
from collections.abc import Callable

import customtkinter as ctk

from src.services.aids.dto import LeftoverRow
from src.services.errors import ServiceError, ValidationError
from src.ui import theme
from src.ui.dialogs import FormDialog

# {good id: text} -> anything when saved; raises ServiceError when refused
SaveCall = Callable[[dict[int, str]], object]
ROWS_WITHOUT_SCROLL = 7


class LeftoversDialog(FormDialog):
    def __init__(self, parent: tk.Misc, rows: tuple[LeftoverRow, ...], save: SaveCall,
                 on_saved: Callable[[object], None]) -> None:
        super().__init__(parent, "Record leftovers", ok_text="Save")
        self._save, self._on_saved = save, on_saved
        ctk.CTkLabel(self.body, text="How many were left over? Leave empty if unknown.",
                     font=theme.font(12), text_color=theme.COLORS["muted"]).grid(
            row=0, column=0, columnspan=3, sticky="w")
        if len(rows) > ROWS_WITHOUT_SCROLL:
            table: ctk.CTkFrame = ctk.CTkScrollableFrame(
                self.body, width=380, height=36 * ROWS_WITHOUT_SCROLL, fg_color="transparent")
        else:
            table = ctk.CTkFrame(self.body, fg_color="transparent")
        table.grid(row=1, column=0, columnspan=3, sticky="nsew", pady=(6, 0))
        self.entries: dict[int, ctk.CTkEntry] = {}
        for i, row in enumerate(rows):
            ctk.CTkLabel(table, text=row.good_name, anchor="w", font=theme.font(13)).grid(
                row=i, column=0, sticky="w", padx=(0, 12), pady=3)
            entry = ctk.CTkEntry(table, width=90)
            if row.leftover is not None:
                entry.insert(0, str(row.leftover))
            entry.grid(row=i, column=1, pady=3)
            ctk.CTkLabel(table, text=f"of {row.quantity}", font=theme.font(12),
                         text_color=theme.COLORS["muted"]).grid(row=i, column=2, padx=(8, 0))
            self.entries[row.good_id] = entry
        self._row = 2
        self.finish(focus=next(iter(self.entries.values()), None))

    def on_submit(self) -> bool:
        self.clear_errors()
        values = {gid: entry.get() for gid, entry in self.entries.items()}
        try:
            saved = self._save(values)
        except ValidationError as exc:
            self.set_error(None, "\n".join(exc.errors.values()) or exc.message)
            return False
        except ServiceError as exc:
            self.set_error(None, exc.message)
            return False
        self._on_saved(saved)
        return True
