"""The bakery settings dialog: how many ovens, the baking hours of each weekday
(blank = no baking that day) and the days off. Saved by one service call."""

from __future__ import annotations

import tkinter as tk
from collections.abc import Callable

import customtkinter as ctk

from src.services.bakedays.dto import WEEKDAYS, BakerySettingsView
from src.services.facade import Services, as_services
from src.ui import theme
from src.ui.dialogs import FormDialog


class BakeryDialog(FormDialog):
    """Edit the bakery settings through ``services``; ``on_saved(view)`` runs after a save."""

    def __init__(self, parent: tk.Misc, services: Services,
                 on_saved: Callable[[BakerySettingsView], None] | None = None) -> None:
        super().__init__(parent, "Bakery settings", ok_text="Save")
        self._services = as_services(services)
        self._on_saved = on_saved or (lambda _view: None)
        current = self._services.bakery_settings.get_bakery_settings()
        self.ovens_entry = ctk.CTkEntry(self.body, width=80)
        self.add_field("Ovens", self.ovens_entry, name="ovens",
                       hint="how many can bake at once")
        self.ovens_entry.insert(0, str(current.ovens))
        hours = {h.weekday: h for h in current.hours}
        self.hour_entries: dict[int, tuple[ctk.CTkEntry, ctk.CTkEntry]] = {}
        for weekday, name in enumerate(WEEKDAYS):
            pair = ctk.CTkFrame(self.body, fg_color="transparent")
            start = ctk.CTkEntry(pair, width=70, placeholder_text="–")
            end = ctk.CTkEntry(pair, width=70, placeholder_text="–")
            start.pack(side="left")
            ctk.CTkLabel(pair, text=" to ", font=theme.font(13)).pack(side="left")
            end.pack(side="left")
            if weekday in hours:
                start.insert(0, hours[weekday].start)
                end.insert(0, hours[weekday].end)
            self.hour_entries[weekday] = (start, end)
            self.add_field(name, pair, name=f"hours.{weekday}",
                           hint="HH:MM; blank: no baking" if weekday == 0 else None)
        self.days_off_entry = ctk.CTkEntry(self.body, width=300,
                                           placeholder_text="e.g. 2026-12-24, 2026-12-25")
        self.add_field("Days off", self.days_off_entry, name="days_off")
        self.days_off_entry.insert(0, ", ".join(d.isoformat() for d in current.days_off))
        self.finish()

    def set_hours(self, weekday: int, start: str, end: str) -> None:
        """Replace one weekday's typed hours (tests)."""
        for entry, text in zip(self.hour_entries[weekday], (start, end), strict=True):
            entry.delete(0, "end")
            if text:
                entry.insert(0, text)

    def on_submit(self) -> bool:
        hours = {w: (s.get(), e.get()) for w, (s, e) in self.hour_entries.items()}
        days_off = [d.strip() for d in self.days_off_entry.get().split(",") if d.strip()]
        return self.save_with(
            lambda: self._services.bakery_settings.set_bakery_settings(
                self.ovens_entry.get(), hours, days_off),
            self._saved)

    def _saved(self, view: object) -> None:
        if isinstance(view, BakerySettingsView):
            self._on_saved(view)

    def set_errors(self, errors: dict[str, str]) -> None:
        """Every bad day off is shown on the one "Days off" line."""
        merged: dict[str, str] = {}
        for field, text in errors.items():
            key = "days_off" if str(field).startswith("days_off") else field
            merged[key] = (merged[key] + "; " + text) if key in merged else text
        super().set_errors(merged)
