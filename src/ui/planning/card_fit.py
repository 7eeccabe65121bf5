"""Widths for a batch decision card's two lines: plain arithmetic, no widgets.

A card's top line is the recipe's name, its need, its cost and its decision;
its bottom line the options, the yield type picker and Clear. On a laptop
screen both lines usually fit as they are. When they do not, nothing is cut:
the name wraps past a share of the width, the need wraps to what the name,
cost and decision leave, and options that do not fit beside each other go on
the next line. These functions say how.
"""

from __future__ import annotations

from collections.abc import Sequence

NAME_SHARE = 0.4  # a name longer than this share of the line wraps
MIN_WRAP = 120  # no text wraps narrower than this (pixels)


def wrap_at(natural: int, room: int) -> int:
    """The wraplength for a text ``natural`` pixels wide given ``room`` pixels:
    0 (no wrapping) when it fits, else the room (at least ``MIN_WRAP``)."""
    if natural <= room:
        return 0
    return max(MIN_WRAP, room)


def name_wrap(natural: int, line: int) -> int:
    """The name's wraplength on a line ``line`` pixels wide (0: it fits whole)."""
    return wrap_at(natural, max(MIN_WRAP, int(line * NAME_SHARE)))


def flow(widths: Sequence[int], room: int) -> list[tuple[int, int]]:
    """(line, column) of each item ``widths`` wide, in order, beside each other
    while they fit in ``room`` pixels and on the next line when they do not (an
    item wider than the room has a line of its own)."""
    places: list[tuple[int, int]] = []
    line, column, used = 0, 0, 0
    for width in widths:
        if column and used + width > room:
            line, column, used = line + 1, 0, 0
        places.append((line, column))
        column += 1
        used += width
    return places
