"""Colours, fonts and the ttk.Treeview style that matches customtkinter.

Colours are (light, dark) pairs, the form customtkinter widgets accept
directly. Plain tk / ttk widgets need one resolved colour, so ``color(name)``
picks the half for the current appearance mode and ``style_treeviews(root)``
re-applies the ttk style whenever the mode changes.
"""

from __future__ import annotations

import tkinter as tk
from tkinter import ttk
from typing import Literal

import customtkinter as ctk

# Where a tree cell's text sits (Tk's anchor names).
Anchor = Literal["nw", "n", "ne", "w", "center", "e", "sw", "s", "se"]

# (light, dark). Status colours are chosen to stay readable as text on the
# window background and as row backgrounds behind the default text colour.
COLORS: dict[str, tuple[str, str]] = {
    "window": ("gray92", "gray14"),
    "surface": ("gray86", "gray17"),
    "section": ("#F4F4F5", "#232427"),
    "border": ("gray70", "gray30"),
    "text": ("gray10", "#DCE4EE"),
    "muted": ("gray35", "gray65"),
    "accent": ("#3B8ED0", "#1F6AA5"),
    "accent_text": ("#FFFFFF", "#FFFFFF"),
    "button_off": ("gray80", "gray28"),
    "error": ("#B3261E", "#F2B8B5"),
    # Row highlights (background) and their foreground for badges.
    "warning_bg": ("#FFF1CC", "#4A3B10"),
    "warning_fg": ("#8A5A00", "#FFD27A"),
    "ok_bg": ("#DFF3E3", "#1E3B25"),
    "ok_fg": ("#1E6B34", "#8FD9A3"),
    "exact_bg": ("#DCEBFB", "#1B3350"),
    "exact_fg": ("#1C5FA8", "#9CC8F5"),
    "short_bg": ("#FBE0DE", "#4A2020"),
    "short_fg": ("#A1261D", "#F2B8B5"),
    "tree_bg": ("#FFFFFF", "#2B2B2B"),
    "tree_alt_bg": ("#F7F7F8", "#303133"),
    "tree_heading_bg": ("gray85", "gray22"),
    "tree_select_bg": ("#3B8ED0", "#1F6AA5"),
    "disabled_text": ("gray45", "gray60"),
}

# Plan-state badge colours: (background, foreground) name pairs from COLORS.
STATE_BADGES: dict[str, tuple[str, str]] = {
    "draft": ("exact_bg", "exact_fg"),
    "locked": ("warning_bg", "warning_fg"),
    "in_production": ("ok_bg", "ok_fg"),
    "completed": ("surface", "muted"),
}

FONT_FAMILY = "DejaVu Sans"
TREE_STYLE = "Bake.Treeview"
ROW_HEIGHT = 24
# Treeview tags every list can use for highlighted rows.
ROW_TAGS = ("warning", "ok", "exact", "short", "muted")


def is_dark() -> bool:
    return ctk.get_appearance_mode() == "Dark"


def color(name: str) -> str:
    """The colour ``name`` resolved for the current appearance mode (for tk / ttk widgets)."""
    light, dark = COLORS[name]
    return dark if is_dark() else light


def font(size: int = 13, weight: str = "normal") -> ctk.CTkFont:
    return ctk.CTkFont(family=FONT_FAMILY, size=size, weight=weight)


def tk_font(size: int = 11, weight: str = "normal") -> tuple[str, int, str]:
    """A font for plain tk / ttk widgets: ``size`` points at 96 dpi, given to Tk in
    pixels (a negative size) so text always fits the fixed Treeview row height."""
    return (FONT_FAMILY, -round(size * 96 / 72), weight)


def title_font() -> ctk.CTkFont:
    return font(20, "bold")


def section_font() -> ctk.CTkFont:
    return font(15, "bold")


def _apply_tree_style(root: tk.Misc) -> None:
    style = ttk.Style(root)
    # "clam" honours background colours on every platform; the native themes ignore them.
    if style.theme_use() != "clam":
        style.theme_use("clam")
    bg, fg = color("tree_bg"), color("text")
    style.configure(
        TREE_STYLE,
        background=bg,
        fieldbackground=bg,
        foreground=fg,
        rowheight=ROW_HEIGHT,
        font=tk_font(10),
        borderwidth=0,
        relief="flat",
    )
    style.configure(
        f"{TREE_STYLE}.Heading",
        background=color("tree_heading_bg"),
        foreground=fg,
        font=tk_font(10, "bold"),
        relief="flat",
        borderwidth=0,
    )
    style.map(
        f"{TREE_STYLE}.Heading",
        background=[("active", color("surface"))],
    )
    style.map(
        TREE_STYLE,
        background=[("selected", color("tree_select_bg"))],
        foreground=[("selected", "#FFFFFF"), ("disabled", color("disabled_text"))],
    )
    style.layout(TREE_STYLE, [("Treeview.treearea", {"sticky": "nswe"})])
    style.configure(
        "Bake.Vertical.TScrollbar",
        background=color("surface"),
        troughcolor=bg,
        bordercolor=bg,
        arrowcolor=fg,
    )


_styled_roots: set[str] = set()
_trees: list[ttk.Treeview] = []


def style_treeviews(root: tk.Misc) -> None:
    """Apply the Bake treeview style and keep it in step with the appearance mode."""
    _apply_tree_style(root)
    key = str(root.winfo_toplevel())
    if key in _styled_roots:
        return
    _styled_roots.add(key)

    def on_mode_change(_mode: str) -> None:
        try:
            _apply_tree_style(root)
        except tk.TclError:  # the root is gone
            return
        for tree in list(_trees):
            try:
                configure_row_tags(tree)
            except tk.TclError:
                _trees.remove(tree)

    ctk.AppearanceModeTracker.add(on_mode_change)


def on_appearance_change(widget: tk.Misc, callback) -> None:
    """Call ``callback()`` whenever light/dark mode changes, for as long as ``widget``
    exists (plain tk widgets hold one resolved colour and must be re-coloured)."""

    def changed(_mode: str) -> None:
        try:
            callback()
        except tk.TclError:  # destroyed meanwhile
            ctk.AppearanceModeTracker.remove(changed)

    ctk.AppearanceModeTracker.add(changed)

    def destroyed(event: tk.Event) -> None:
        if event.widget is widget:
            ctk.AppearanceModeTracker.remove(changed)

    widget.bind("<Destroy>", destroyed, add="+")


def configure_row_tags(tree: ttk.Treeview) -> None:
    """Give ``tree`` the shared row tags (warning, ok, exact, short, muted)."""
    tree.tag_configure("warning", background=color("warning_bg"), foreground=color("text"))
    tree.tag_configure("ok", background=color("ok_bg"), foreground=color("text"))
    tree.tag_configure("exact", background=color("exact_bg"), foreground=color("text"))
    tree.tag_configure("short", background=color("short_bg"), foreground=color("text"))
    tree.tag_configure("muted", foreground=color("muted"))
    tree.tag_configure("variant", foreground=color("muted"))


def make_tree(master: tk.Misc, columns: tuple[str, ...], height: int = 8, **kwargs) -> ttk.Treeview:
    """A Treeview with the shared style and row tags, re-coloured on mode changes."""
    style_treeviews(master.winfo_toplevel())
    tree = ttk.Treeview(master, columns=columns, height=height, style=TREE_STYLE, **kwargs)
    configure_row_tags(tree)
    _trees.append(tree)
    tree.bind("<Destroy>", lambda _e: _trees.remove(tree) if tree in _trees else None, add=True)
    return tree


def make_scrollbar(master: tk.Misc, tree: ttk.Treeview) -> ttk.Scrollbar:
    bar = ttk.Scrollbar(
        master, orient="vertical", command=tree.yview, style="Bake.Vertical.TScrollbar"
    )
    tree.configure(yscrollcommand=bar.set)
    return bar


def apply_appearance_from_env(value: str | None) -> None:
    """Light or dark when asked (``BAKE_PLANNER_APPEARANCE``), else follow the system."""
    mode = (value or "").strip().lower()
    ctk.set_appearance_mode(mode if mode in ("light", "dark") else "system")


def readable_defaults() -> None:
    """White text on the blue buttons and menus (customtkinter's default is a light
    grey-blue, hard to read), and a disabled menu's text still legible. Applies to
    widgets created afterwards."""
    themes = ctk.ThemeManager.theme
    for kind in ("CTkButton", "CTkOptionMenu"):
        themes[kind]["text_color"] = ["#FFFFFF", "#FFFFFF"]
    themes["CTkOptionMenu"]["text_color_disabled"] = ["#D5E2EE", "gray70"]
