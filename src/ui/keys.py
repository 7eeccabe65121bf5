"""Keyboard habits every text field follows: Ctrl+A selects all of its text.

Tk's own Ctrl+A moves to the start of the line (an Emacs habit), so typing "12"
over a selected "1" gave "121". :func:`install_select_all` rebinds it for the
Entry and Text classes once per application, so every field, in every tab and
dialog (customtkinter's entries are Tk entries inside), selects all instead.
"""

from __future__ import annotations

import tkinter as tk


def _select_all_entry(event: tk.Event[tk.Misc]) -> str:
    widget = event.widget  # bound to the Entry class: a tk.Entry
    if isinstance(widget, tk.Entry):
        widget.select_range(0, "end")
        widget.icursor("end")
    return "break"


def _select_all_text(event: tk.Event[tk.Misc]) -> str:
    widget = event.widget  # bound to the Text class: a tk.Text
    if isinstance(widget, tk.Text):
        widget.tag_add("sel", "1.0", "end-1c")
        widget.mark_set("insert", "end-1c")
    return "break"


def install_select_all(root: tk.Misc) -> None:
    """Ctrl+A (either case) selects all the text of the focused entry or text box."""
    for sequence in ("<Control-a>", "<Control-A>"):
        root.bind_class("Entry", sequence, _select_all_entry)
        root.bind_class("Text", sequence, _select_all_text)
