""""Suggest from attendees": attendees × each good's per-guest rate, as a preview.

Every good the event can plan is listed with its per-guest rate, which can be
typed here ("3" cookies, "0.1" gift tins; empty: no rate) and saved with
"Save rates" (a catalog edit). Each suggestion can be accepted on its own;
"Accept all" takes every one. An accepted suggestion is an ordinary quantity
edit (saved at once, refused when the plan's state does not allow it).
"""

from __future__ import annotations

import tkinter as tk
from collections.abc import Callable
from decimal import Decimal

import customtkinter as ctk

from src.services.aids.dto import SuggestionPreview
from src.services.errors import ServiceError
from src.ui import theme
from src.ui.dialogs import FormDialog

PreviewCall = Callable[[], SuggestionPreview]
AcceptCall = Callable[["list[int] | None"], "str | None"]  # None: all
RateCall = Callable[[int, str], object]  # raises ServiceError when refused
ROWS_WITHOUT_SCROLL = 10


class SuggestDialog(FormDialog):
    def __init__(self, parent: tk.Misc, preview: PreviewCall, accept: AcceptCall,
                 set_rate: RateCall, can_accept: bool) -> None:
        super().__init__(parent, "Suggest from attendees", ok_text="Accept all",
                         cancel_text="Close")
        self._preview, self._accept, self._set_rate = preview, accept, set_rate
        self._can_accept = can_accept
        self.intro = ctk.CTkLabel(self.body, text="", anchor="w", justify="left",
                                  font=theme.font(13), wraplength=560)
        self.intro.grid(row=0, column=0, columnspan=3, sticky="w")
        self.rows_frame: ctk.CTkFrame | None = None
        self.rates_button = ctk.CTkButton(
            self.body, text="Save rates", width=110, command=self.save_rates,
            fg_color="transparent", border_width=1, text_color=theme.COLORS["text"],
        )
        self.rates_button.grid(row=2, column=0, sticky="w", pady=(8, 0))
        self._row = 3
        self.accept_buttons: dict[int, ctk.CTkButton] = {}
        self.rate_entries: dict[int, ctk.CTkEntry] = {}
        self._rates: dict[int, str] = {}
        self.preview: SuggestionPreview | None = None
        self.refresh()
        self.finish(focus=self.ok_button)

    def _table(self, rows: int) -> ctk.CTkFrame:
        if self.rows_frame is not None:
            self.rows_frame.destroy()
        if rows > ROWS_WITHOUT_SCROLL:
            frame: ctk.CTkFrame = ctk.CTkScrollableFrame(
                self.body, width=560, height=32 * ROWS_WITHOUT_SCROLL, fg_color="transparent")
        else:
            frame = ctk.CTkFrame(self.body, fg_color="transparent")
        frame.grid(row=1, column=0, columnspan=3, sticky="ew", pady=(8, 0))
        self.rows_frame = frame
        return frame

    def refresh(self) -> None:
        self.accept_buttons.clear()
        self.rate_entries.clear()
        try:
            preview = self._preview()
        except ServiceError as exc:
            self.intro.configure(text=exc.message)
            self.ok_button.configure(state="disabled")
            self.rates_button.configure(state="disabled")
            return
        self.preview = preview
        text = f"For {preview.attendees} guests, rounded up. Type a rate to add or change one."
        if preview.not_available:
            text += "\nNot shown (recipes not selected): " + ", ".join(preview.not_available)
        self.intro.configure(text=text)
        listed: list[tuple[int, str, Decimal | None, int | None, int | None, bool]] = [
            (r.good_id, r.good_name, r.per_guest, r.current, r.suggested, r.changes)
            for r in preview.rows
        ] + [(u.good_id, u.good_name, None, u.current, None, False) for u in preview.unrated]
        listed.sort(key=lambda x: x[1].casefold())
        table = self._table(len(listed))
        for col, title in enumerate(("Finished good", "Per guest", "Now", "Suggested", "")):
            ctk.CTkLabel(table, text=title, font=theme.font(12, "bold"),
                         anchor="w").grid(row=0, column=col, sticky="w", padx=(0, 14))
        self._rates = {}
        for i, (gid, name, rate, current, suggested, changes) in enumerate(listed, start=1):
            ctk.CTkLabel(table, text=name, anchor="w", font=theme.font(13)).grid(
                row=i, column=0, sticky="w", padx=(0, 14))
            entry = ctk.CTkEntry(table, width=70, height=26)
            self._rates[gid] = "" if rate is None else str(rate)
            entry.insert(0, self._rates[gid])
            entry.grid(row=i, column=1, sticky="w", padx=(0, 14), pady=2)
            self.rate_entries[gid] = entry
            for col, value in ((2, current), (3, suggested)):
                ctk.CTkLabel(table, text="—" if value is None else str(value), anchor="w",
                             font=theme.font(13)).grid(row=i, column=col, sticky="w",
                                                       padx=(0, 14))
            if suggested is None:
                continue
            button = ctk.CTkButton(
                table, text="Accept" if changes else "Same", width=70, height=24,
                command=lambda g=gid: self.accept([g]),
                state="normal" if changes and self._can_accept else "disabled",
            )
            button.grid(row=i, column=4, pady=2)
            self.accept_buttons[gid] = button
        changed = any(r.changes for r in preview.rows)
        self.ok_button.configure(state="normal" if changed and self._can_accept else "disabled")
        if not self._can_accept:
            self.set_error(None, "Quantities can change only in a draft plan; "
                                 "the suggestion is shown only.")

    def save_rates(self) -> bool:
        """Save every rate typed differently from what is stored; refresh the suggestions."""
        self.clear_errors()
        for gid, entry in self.rate_entries.items():
            text = entry.get().strip()
            if text == self._rates.get(gid, ""):
                continue
            try:
                self._set_rate(gid, text)
            except ServiceError as exc:
                name = self._good_name(gid)
                self.set_error(None, f"{name}: {exc.message}")
                return False
        self.refresh()
        return True

    def _good_name(self, gid: int) -> str:
        p = self.preview
        names = {r.good_id: r.good_name for r in p.rows} if p else {}
        names.update({u.good_id: u.good_name for u in p.unrated} if p else {})
        return names.get(gid, str(gid))

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
