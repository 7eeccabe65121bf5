"""A unit field: pick from the list or type the unit as bakers write it ("T", "tsp.", "lbs").

What is typed goes to the services as it is; they read it with the one unit
parser (src/planning/units.py via services) and refuse an unknown unit with a
message naming it. The list offers the display names ("fl oz", not "fl_oz").
"""

from __future__ import annotations

import tkinter as tk
from collections.abc import Callable

import customtkinter as ctk

from src.services.units import DISPLAY_UNITS
from src.ui import theme


class UnitBox(ctk.CTkComboBox):
    """``on_choice()`` runs when the baker picks or types a unit (not on ``set``)."""

    def __init__(self, master: tk.Misc, *, width: int = 90,
                 on_choice: Callable[[], None] | None = None) -> None:
        self._on_choice = on_choice
        super().__init__(master, values=list(DISPLAY_UNITS), width=width, font=theme.font(13),
                         dropdown_font=theme.font(12), command=lambda _v: self._chosen())
        self._entry.bind("<KeyRelease>", lambda _e: self._chosen(), add=True)

    def _chosen(self) -> None:
        if self._on_choice is not None:
            self._on_choice()

    def set(self, value: str) -> None:
        """Show ``value``, also while the field is disabled."""
        disabled = str(self._entry.cget("state")) == "disabled"
        if disabled:
            self._entry.configure(state="normal")
        super().set(value)
        if disabled:
            self._entry.configure(state="disabled")
