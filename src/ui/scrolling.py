"""Scrolling that follows the pointer (and the keyboard focus).

``ScrollArea`` is a plain tk canvas holding one frame (``area.body``) with a
scroll bar shown only while the body is taller than the area. The mouse wheel
is routed by ``install_wheel(root)``: the innermost scrollable thing under the
pointer scrolls and nothing else does. A list (Treeview, Text, Listbox) under
the pointer scrolls itself through its own class bindings, so the area around
it never moves with it; an area scrolls only when the pointer is over it and
not over such a list. A field that gets the keyboard focus inside an area is
scrolled into view.
"""

from __future__ import annotations

import sys
import tkinter as tk
from tkinter import ttk
from typing import Any

from src.ui import theme

# Widgets that scroll themselves with the wheel (Tk class bindings do it).
SELF_SCROLLING = (ttk.Treeview, tk.Text, tk.Listbox)


class ScrollArea(tk.Frame):
    """A vertically scrolling area; put children in ``self.body``."""

    def __init__(self, master: tk.Misc, **kwargs: Any) -> None:
        super().__init__(master, highlightthickness=0, borderwidth=0, **kwargs)
        self.canvas = tk.Canvas(self, highlightthickness=0, borderwidth=0, height=40)
        self.bar = ttk.Scrollbar(self, orient="vertical", command=self.canvas.yview,
                                 style="Bake.Vertical.TScrollbar")
        self.canvas.configure(yscrollcommand=self._bar_moved)
        self.body = tk.Frame(self.canvas, highlightthickness=0, borderwidth=0)
        self._window = self.canvas.create_window(0, 0, anchor="nw", window=self.body)
        self.canvas.pack(side="left", fill="both", expand=True)
        self.body.bind("<Configure>", lambda _e: self._resized())
        self.canvas.bind("<Configure>", lambda _e: self._resized())
        self._bar_shown = False
        self.paint()
        theme.on_appearance_change(self, self.paint)
        install_wheel(self)

    def paint(self) -> None:
        bg = theme.color("section")
        for widget in (self, self.canvas, self.body):
            widget.configure(bg=bg)

    def _resized(self) -> None:
        width = self.canvas.winfo_width()
        if width > 1:
            self.canvas.itemconfigure(self._window, width=width)
        self.canvas.configure(scrollregion=(0, 0, width, self.body.winfo_reqheight()))
        self._show_bar(self.can_scroll())

    def _bar_moved(self, first: float | str, last: float | str) -> None:
        self.bar.set(first, last)

    def _show_bar(self, shown: bool) -> None:
        if shown == self._bar_shown:
            return
        self._bar_shown = shown
        if shown:
            self.bar.pack(side="right", fill="y", before=self.canvas)
        else:
            self.bar.pack_forget()
            self.canvas.yview_moveto(0)

    def can_scroll(self) -> bool:
        """True when the body is taller than what the area shows."""
        return self.body.winfo_reqheight() > self.canvas.winfo_height() + 1

    def scroll(self, units: int) -> None:
        """Scroll by ``units`` wheel steps (negative: up)."""
        if self.can_scroll():
            self.canvas.yview_scroll(units, "units")

    def see(self, widget: tk.Misc) -> None:
        """Scroll so ``widget`` (inside the body) is fully visible."""
        self.update_idletasks()
        total = self.body.winfo_reqheight()
        if total <= 1 or not self.can_scroll():
            return
        top = widget.winfo_rooty() - self.body.winfo_rooty()
        bottom = top + widget.winfo_height()
        seen_from = self.canvas.canvasy(0)
        seen = self.canvas.winfo_height()
        if seen_from <= top and bottom <= seen_from + seen:
            return
        target = top if top < seen_from else bottom - seen
        self.canvas.yview_moveto(max(0.0, target / total))

    def visible_top(self) -> float:
        """The fraction of the body scrolled past (0.0 at the top)."""
        return float(self.canvas.yview()[0])


def scroll_owner(widget: tk.Misc | None) -> ScrollArea | ttk.Treeview | tk.Text | tk.Listbox | None:
    """The innermost scrollable thing containing ``widget`` (itself included)."""
    while widget is not None:
        if isinstance(widget, (ScrollArea, *SELF_SCROLLING)):
            return widget
        widget = widget.master
    return None


def wheel_units(event: tk.Event) -> int:
    """Wheel steps of ``event``: X11 buttons 4 / 5, or the delta on Windows and macOS."""
    if event.num == 4:
        return -1
    if event.num == 5:
        return 1
    delta = int(getattr(event, "delta", 0) or 0)
    if not delta:
        return 0
    if sys.platform == "darwin":
        return -delta
    return -max(1, abs(delta) // 120) if delta > 0 else max(1, abs(delta) // 120)


def _on_wheel(event: tk.Event) -> None:
    try:
        under = event.widget.winfo_containing(event.x_root, event.y_root)
    except (tk.TclError, AttributeError, KeyError):
        return
    owner = scroll_owner(under)
    if isinstance(owner, ScrollArea):
        owner.scroll(wheel_units(event))
    # A list under the pointer has already scrolled itself (class binding).


def install_wheel(widget: tk.Misc) -> None:
    """Route the mouse wheel of ``widget``'s application to what is under the pointer
    (once per Tk interpreter)."""
    # A Tcl variable marks the interpreter (each Tk root has its own).
    if widget.tk.call("info", "exists", "::bake_planner_wheel"):
        return
    widget.tk.setvar("::bake_planner_wheel", "1")
    for sequence in ("<MouseWheel>", "<Button-4>", "<Button-5>"):
        widget.bind_all(sequence, _on_wheel, add="+")
    widget.bind_all("<FocusIn>", _on_focus, add="+")


def _on_focus(event: tk.Event) -> None:
    """A field reached by the keyboard inside an area is scrolled into view."""
    focused = event.widget
    if not isinstance(focused, tk.Misc):
        return
    owner = scroll_owner(focused.master)
    if isinstance(owner, ScrollArea):
        try:
            owner.see(focused)
        except tk.TclError:
            return
