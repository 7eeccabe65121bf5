"""The recipe editor's "Timing" row: minutes per batch, oven loads and how long the
result keeps (every field optional: blank = unknown, scheduled with defaults)."""

from __future__ import annotations

import tkinter as tk

import customtkinter as ctk

from src.services.bakedays.dto import RecipeTimingView, TimingInput
from src.services.bakedays.settings import validated_timing
from src.services.errors import ValidationError
from src.ui import theme

# field, heading, width
FIELDS = (
    ("active_minutes", "Mix min", 62),
    ("rest_minutes", "Rest min", 62),
    ("oven_minutes", "Oven min / load", 100),
    ("loads_per_batch", "Loads / batch", 90),
    ("days_fresh", "Days fresh", 74),
    ("days_frozen", "Days frozen", 80),
)


class TimingFields(ctk.CTkFrame):
    """A titled row of entries plus a "Freezes" check box, with one error line."""

    def __init__(self, master: tk.Misc) -> None:
        super().__init__(master, fg_color="transparent")
        ctk.CTkLabel(self, text="Timing for bake days", font=theme.section_font(),
                     anchor="w").grid(row=0, column=0, columnspan=8, sticky="w")
        self.entries: dict[str, ctk.CTkEntry] = {}
        for col, (field, heading, width) in enumerate(FIELDS):
            ctk.CTkLabel(self, text=heading, font=theme.font(12), anchor="w",
                         text_color=theme.COLORS["muted"]).grid(row=1, column=col, sticky="w")
            entry = ctk.CTkEntry(self, width=width, placeholder_text="?", font=theme.font(13))
            entry.grid(row=2, column=col, sticky="w", padx=(0, 6))
            entry._default_border = entry.cget("border_color")
            self.entries[field] = entry
        self.freezes = ctk.CTkCheckBox(self, text="Freezes", font=theme.font(13))
        self.freezes.grid(row=2, column=len(FIELDS), sticky="w", padx=(4, 0))
        ctk.CTkLabel(self, text="blank = unknown (scheduled with defaults, and flagged)",
                     font=theme.font(12), text_color=theme.COLORS["muted"]).grid(
            row=1, column=len(FIELDS), columnspan=2, sticky="w", padx=(4, 0))
        self.error = ctk.CTkLabel(self, text="", text_color=theme.COLORS["error"], anchor="w",
                                  justify="left", font=theme.font(12))
        self.error.grid(row=3, column=0, columnspan=8, sticky="w")

    def fill(self, view: RecipeTimingView) -> None:
        for field, entry in self.entries.items():
            entry.delete(0, "end")
            value = getattr(view, field)
            if value is not None:
                entry.insert(0, str(value))
        (self.freezes.select if view.freezes else self.freezes.deselect)()

    def read(self) -> TimingInput:
        values = {f: e.get() for f, e in self.entries.items()}
        return TimingInput(freezes=bool(self.freezes.get()), **values)

    def check(self) -> bool:
        """Validate what is typed; show the problems and return False when any."""
        try:
            validated_timing(self.read())
        except ValidationError as exc:
            self.show_errors(exc.errors or {"": exc.message})
            return False
        self.show_errors({})
        return True

    def show_errors(self, errors: dict[str, str]) -> None:
        for field, entry in self.entries.items():
            entry.configure(border_color=theme.COLORS["error"] if field in errors
                            else entry._default_border)
        self.error.configure(text="\n".join(errors.values()))

    def error_text(self) -> str:
        return str(self.error.cget("text"))
