"""Keyboard access for customtkinter buttons.

A CTkButton is drawn on a canvas that Tab skips and keys do not press.
``make_buttons_focusable(widget)`` makes every enabled CTkButton inside
``widget`` reachable with Tab (in the order the buttons were made, Tk's
natural order), pressed with Space or Enter, and ringed while it has the focus.
"""

from __future__ import annotations

import tkinter as tk

import customtkinter as ctk

from src.ui import theme

FOCUS_RING = 2


def _descendants(widget: tk.Misc) -> list[tk.Misc]:
    found: list[tk.Misc] = []
    stack = [widget]
    while stack:
        current = stack.pop()
        found.append(current)
        stack.extend(reversed(current.winfo_children()))
    return found


def make_focusable(button: ctk.CTkButton) -> None:
    """Tab reaches ``button`` while it is enabled; Space / Enter press it."""
    canvas = button._canvas  # CTkButton keeps its canvas private; it is what takes focus
    if getattr(button, "_keyboard_ready", False):
        return
    button._keyboard_ready = True

    def takes_focus(_name: str) -> int:
        return 0 if str(button.cget("state")) == "disabled" else 1

    canvas.configure(takefocus=takes_focus)
    ring: dict[str, object] = {}

    def press(_event: tk.Event) -> str:
        if str(button.cget("state")) != "disabled":
            button.invoke()
        return "break"

    def focus_in(_event: tk.Event) -> None:
        ring["width"] = button.cget("border_width")
        ring["color"] = button.cget("border_color")
        button.configure(border_width=FOCUS_RING, border_color=theme.COLORS["exact_fg"])

    def focus_out(_event: tk.Event) -> None:
        if ring:
            button.configure(border_width=ring["width"], border_color=ring["color"])
            ring.clear()

    for sequence in ("<space>", "<Return>", "<KP_Enter>"):
        canvas.bind(sequence, press)
    canvas.bind("<FocusIn>", focus_in, add="+")
    canvas.bind("<FocusOut>", focus_out, add="+")


def make_buttons_focusable(widget: tk.Misc) -> None:
    """``make_focusable`` for every CTkButton inside ``widget``."""
    for child in _descendants(widget):
        if isinstance(child, ctk.CTkButton):
            make_focusable(child)
