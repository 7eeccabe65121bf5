"""Radio-button circles large enough to see and hit (Tk's own indicator is ~10 px).

Plain ``tk.Radiobutton`` draws a fixed small indicator on X11. Buttons made by
:func:`big_radio_options` hide it (``indicatoron=0``) and show an 18 px circle
image instead, ring only when off and with a dot when on, recoloured by
:func:`radio_images` for the appearance mode.
"""

from __future__ import annotations

import tkinter as tk
from typing import Literal, TypedDict

SIZE = 18
_CACHE = "_bake_radio_images"  # attribute of the root: images live and die with it


def _circle(master: tk.Misc, ring: str, fill: str, dot: str | None) -> tk.PhotoImage:
    image = tk.PhotoImage(master=master, width=SIZE, height=SIZE)
    c = (SIZE - 1) / 2
    for y in range(SIZE):
        row: list[str] = []
        for x in range(SIZE):
            d = ((x - c) ** 2 + (y - c) ** 2) ** 0.5
            if d <= c - 2.2:
                row.append(dot if dot is not None and d <= c - 5.2 else fill)
            elif d <= c + 0.3:
                row.append(ring)
            else:
                row.append("")
        for x, colour in enumerate(row):
            if colour:
                image.put(colour, (x, y))
    return image


def radio_images(master: tk.Misc, ring: str, fill: str, dot: str) -> tuple[tk.PhotoImage,
                                                                          tk.PhotoImage]:
    """(off, on) circle images in these colours (cached per root and colour set)."""
    root = master.nametowidget(".")  # the application's root window
    cache: dict[tuple[str, str, str], tuple[tk.PhotoImage, tk.PhotoImage]] = getattr(
        root, _CACHE, None) or {}
    setattr(root, _CACHE, cache)
    key = (ring, fill, dot)
    if key not in cache:
        cache[key] = (_circle(root, ring, fill, None), _circle(root, ring, fill, dot))
    return cache[key]


class RadioLook(TypedDict):
    """Radiobutton options for :func:`big_radio_options`."""

    image: tk.PhotoImage
    selectimage: tk.PhotoImage
    compound: Literal["left"]
    indicatoron: bool
    relief: Literal["flat"]
    offrelief: Literal["flat"]
    overrelief: Literal["flat"]
    selectcolor: str
    borderwidth: int
    padx: int
    pady: int


def big_radio_options(off: tk.PhotoImage, on: tk.PhotoImage, bg: str) -> RadioLook:
    """Radiobutton options that show ``off``/``on`` left of the text, on ``bg``."""
    return RadioLook(image=off, selectimage=on, compound="left", indicatoron=False,
                     relief="flat", offrelief="flat", overrelief="flat", selectcolor=bg,
                     borderwidth=0, padx=4, pady=3)
