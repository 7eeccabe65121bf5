"""Ctrl+Z / Ctrl+Shift+Z (and Ctrl+Y) and an Edit menu with Undo and Redo for plan edits.

Installed once by the planning tab; the keys act only while the planning tab is
shown, and leave a multi-line text box its own editing keys. The menu items
name what they would undo ("Undo batch decision") and are greyed when there is
nothing to undo or redo for the shown event.
"""

from __future__ import annotations

import tkinter as tk
from typing import Protocol

from src.ui import theme

from .presenter import PlanningPresenter


class _Tab(Protocol):
    presenter: PlanningPresenter

    def winfo_toplevel(self) -> tk.Tk | tk.Toplevel: ...
    def winfo_ismapped(self) -> bool: ...


class UndoControls:
    """The keys and menu items of ``tab``; ``refresh_menu()`` after every change."""

    def __init__(self, tab: _Tab) -> None:
        self.tab = tab
        window = tab.winfo_toplevel()
        for sequence in ("<Control-z>", "<Control-Z>"):
            # With Shift held, Tk reports the capital letter: that is redo.
            window.bind(sequence, self._on_key, add="+")
        window.bind("<Control-y>", lambda e: self._on_key(e, redo=True), add="+")
        self.menu = self._edit_menu(window)

    def _edit_menu(self, window: tk.Tk | tk.Toplevel) -> tk.Menu:
        bar_name = str(window.cget("menu"))
        bar = window.nametowidget(bar_name) if bar_name else tk.Menu(window, tearoff=False)
        if not bar_name:
            window.configure(menu=bar)
        menu = tk.Menu(bar, tearoff=False, font=theme.tk_font(11),
                       postcommand=self.refresh_menu)
        menu.add_command(label="Undo", accelerator="Ctrl+Z", command=self.undo)
        menu.add_command(label="Redo", accelerator="Ctrl+Shift+Z", command=self.redo)
        bar.add_cascade(label="Edit", menu=menu)
        return menu

    def refresh_menu(self) -> None:
        """Name the steps in the menu and grey what cannot be done."""
        stack, event_id = self.tab.presenter.undo, self.tab.presenter.event_id
        self.menu.entryconfigure(0, label=stack.undo_label(event_id),
                                 state="normal" if stack.can_undo(event_id) else "disabled")
        self.menu.entryconfigure(1, label=stack.redo_label(event_id),
                                 state="normal" if stack.can_redo(event_id) else "disabled")

    def undo(self) -> str | None:
        return self.tab.presenter.undo_edit()

    def redo(self) -> str | None:
        return self.tab.presenter.undo_edit(redo=True)

    def _on_key(self, event: tk.Event, redo: bool = False) -> str | None:
        if not self.tab.winfo_ismapped() or isinstance(event.widget, tk.Text):
            return None
        shifted = event.keysym == "Z" or bool(int(event.state) & 0x1)
        if redo or shifted:
            self.redo()
        else:
            self.undo()
        return "break"
