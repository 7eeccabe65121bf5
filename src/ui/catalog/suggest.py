"""Type-ahead choice: a combobox whose list narrows to what matches the typed text.

Used to pick an ingredient for a recipe line, a base recipe, or a component
of a finished good, where the catalog may hold hundreds of names.
"""

from __future__ import annotations

import tkinter as tk
from collections.abc import Callable, Sequence

import customtkinter as ctk

from src.ui import theme

SUGGESTION_LIMIT = 40


def suggestions(choices: Sequence[str], text: str, limit: int = SUGGESTION_LIMIT) -> list[str]:
    """The choices matching ``text`` (ignoring case): those starting with it first,
    then those containing it, each group in the given order; at most ``limit``."""
    query = text.strip().casefold()
    if not query:
        return list(choices[:limit])
    starts = [c for c in choices if c.casefold().startswith(query)]
    if len(starts) >= limit:
        return starts[:limit]
    inside = [c for c in choices if query in c.casefold() and not c.casefold().startswith(query)]
    return (starts + inside)[:limit]


class SuggestBox(ctk.CTkComboBox):
    """A combobox over ``choices``; typing narrows its drop-down list. ``on_change(text)``
    runs after each key and after a choice from the list."""

    def __init__(
        self,
        master: tk.Misc,
        choices: Sequence[str],
        *,
        initial: str = "",
        width: int = 220,
        on_change: Callable[[str], None] | None = None,
    ) -> None:
        self._choices = list(choices)
        self._on_change = on_change
        self._var = tk.StringVar(master, value=initial)
        super().__init__(
            master,
            values=suggestions(self._choices, ""),
            variable=self._var,
            width=width,
            command=self._chosen,
            font=theme.font(13),
            dropdown_font=theme.font(12),
        )
        self._entry.bind("<KeyRelease>", self._typed, add=True)

    @property
    def entry(self) -> tk.Entry:
        """The inner entry (for focus and key events)."""
        return self._entry

    def set_choices(self, choices: Sequence[str]) -> None:
        self._choices = list(choices)
        self.configure(values=suggestions(self._choices, self.get()))

    def shown_choices(self) -> list[str]:
        """What the drop-down list offers now."""
        return list(self.cget("values"))

    def _typed(self, _event: tk.Event | None = None) -> None:
        self.configure(values=suggestions(self._choices, self.get()))
        if self._on_change is not None:
            self._on_change(self.get())

    def _chosen(self, value: str) -> None:
        if self._on_change is not None:
            self._on_change(value)
