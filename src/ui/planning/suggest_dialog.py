""""Suggest from attendees": attendees × each good's per-guest rate, as a preview.

Each row can be accepted on its own; "Accept all" takes every suggestion. An
accepted suggestion is an ordinary quantity edit (saved at once, refused when
the plan's state does not allow quantities to change).
"""

from __future__ import annotations

import tkinter as tk
from collections.abc import Callable

import customtkinter as ctk

from src.services.errors import ServiceError
from src.services.planning_aids_dto import SuggestionPreview
from src.ui import theme
from src.ui.dialogs import FormDialog

PreviewCall = Callable[[], SuggestionPreview]
AcceptCall = Callable[["list[int] | None"], "str | None"]  # None: all


class SuggestDialog(FormDialog):
    def __init__(self, parent: tk.Misc, preview: PreviewCall, accept: AcceptCall,
                 can_accept: bool) -> None:
        super().__init__(parent, "Suggest from attendees", ok_text="Accept all",
                         cancel_text="Close")
        self._preview, self._accept, self._can_accept = preview, accept, can_accept
        self.intro = ctk.CTkLabel(self.body, text="", anchor="w", justify="left",
                                  font=theme.font(13), wraplength=520)
        self.intro.grid(row=0, column=0, columnspan=3, sticky="w")
        self.rows_frame = ctk.CTkFrame(self.body, fg_color="transparent")
        self.rows_frame.grid(row=1, column=0, columnspan=3, sticky="ew", pady=(8, 0))
        self._row = 2
        self.accept_buttons: dict[int, ctk.CTkButton] = {}
        self.preview: SuggestionPreview | None = None
        self.refresh()
        self.finish(focus=self.ok_button)

    def refresh(self) -> None:
        for child in self.rows_frame.winfo_children():
            child.destroy()
        self.accept_buttons.clear()
        try:
            preview = self._preview()
        except ServiceError as exc:
            self.intro.configure(text=exc.message)
            self.ok_button.configure(state="disabled")
            return
        self.preview = preview
        if not preview.rows:
            self.intro.configure(text="No finished good this event can plan has a per-guest "
                                      "rate yet. Set one in the catalog (e.g. 3 cookies).")
            self.ok_button.configure(state="disabled")
            return
        text = f"For {preview.attendees} guests, rounded up:"
        if preview.not_available:
            text += ("\nNot shown (recipes not selected): " + ", ".join(preview.not_available))
        self.intro.configure(text=text)
        for col, title in enumerate(("Finished good", "Per guest", "Now", "Suggested", "")):
            ctk.CTkLabel(self.rows_frame, text=title, font=theme.font(12, "bold"),
                         anchor="w").grid(row=0, column=col, sticky="w", padx=(0, 14))
        for i, r in enumerate(preview.rows, start=1):
            cells = (r.good_name, str(r.per_guest), "—" if r.current is None else str(r.current),
                     str(r.suggested))
            for col, text in enumerate(cells):
                ctk.CTkLabel(self.rows_frame, text=text, anchor="w", font=theme.font(13)).grid(
                    row=i, column=col, sticky="w", padx=(0, 14))
            button = ctk.CTkButton(
                self.rows_frame, text="Accept" if r.changes else "Same", width=70, height=24,
                command=lambda gid=r.good_id: self.accept([gid]),
                state="normal" if r.changes and self._can_accept else "disabled",
            )
            button.grid(row=i, column=4, pady=2)
            self.accept_buttons[r.good_id] = button
        changes = any(r.changes for r in preview.rows)
        self.ok_button.configure(state="normal" if changes and self._can_accept else "disabled")
        if not self._can_accept:
            self.set_error(None, "Quantities can change only in a draft plan; "
                                 "the suggestion is shown only.")

    def accept(self, good_ids: list[int] | None) -> bool:
        error = self._accept(good_ids)
        if error:
            self.set_error(None, error)
            return False
        self.clear_errors()
        self.refresh()
        return True

    def on_submit(self) -> bool:
        if self.ok_button.cget("state") == "disabled":
            return False
        return self.accept(None)
