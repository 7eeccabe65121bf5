"""Treeview columns as wide as their text: measured with the tree's own fonts.

A ttk.Treeview cuts a cell's text at the column's edge without a sign, so the
planning lists size their short columns to the longest text they show (and the
heading), and leave the rest of the width to the one column that stretches.
"""

from __future__ import annotations

import tkinter as tk
import tkinter.font as tkfont
from collections.abc import Iterable
from tkinter import ttk

from src.ui import theme

CELL_PAD = 10  # the cell's padding on both sides, and a little air
INDENT = 20  # ttk's indent of one tree level (the clam theme)
OPENER = 18  # the open/close mark of a group row


def cell_font(master: tk.Misc) -> tkfont.Font:
    """The font the Bake treeview style draws cells with."""
    return tkfont.Font(master, font=theme.tk_font(10))


def heading_font(master: tk.Misc) -> tkfont.Font:
    """The font of the Bake treeview style's headings (and of bold group rows)."""
    return tkfont.Font(master, font=theme.tk_font(10, "bold"))


def fit_width(master: tk.Misc, heading: str, texts: Iterable[str], *, lead: int = 0) -> int:
    """The width that shows ``heading`` and every one of ``texts`` whole; ``lead``
    pixels come before a cell's text (a tree column's indent)."""
    cells = cell_font(master)
    widest = max((cells.measure(text) for text in texts), default=0)
    return max(heading_font(master).measure(heading), lead + widest) + CELL_PAD


def fits(tree: ttk.Treeview, column: str, text: str, *, lead: int = 0, bold: bool = False) -> bool:
    """True when ``text`` is shown whole in ``column`` of ``tree`` as it is now."""
    font = heading_font(tree) if bold else cell_font(tree)
    width = int(tree.column(column, "width"))
    return lead + font.measure(text) + CELL_PAD // 2 <= width
