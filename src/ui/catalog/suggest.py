"""Type-ahead choice: a combobox whose list narrows to what matches the typed text,
and which fills in the first matching name as a selected suggestion while typing.

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

    def _typed(self, event: tk.Event | None = None) -> None:
        text = self.get()
        matches = suggestions(self._choices, text)
        self.configure(values=matches)
        keysym = str(getattr(event, "keysym", ""))
        char = getattr(event, "char", "") or (keysym if len(keysym) == 1 else "")
        if len(char) == 1 and char.isprintable():
            self._complete(text, matches)
        if self._on_change is not None:
            self._on_change(self.get())

    def _complete(self, text: str, matches: Sequence[str]) -> None:
        """Suggest while typing: the first name starting with the typed text is
        filled in after the cursor, selected, so the next key types over it."""
        if not text or self._entry.index("insert") != len(text):
            return
        found = next((c for c in matches if c.casefold().startswith(text.casefold())), None)
        if found is None or len(found) == len(text):
            return
        self._entry.delete(0, "end")
        self._entry.insert(0, found)
        self._entry.select_range(len(text), "end")
        self._entry.icursor(len(text))

    def _chosen(self, value: str) -> None:
        if self._on_change is not None:
            self._on_change(value)
