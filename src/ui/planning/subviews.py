"""The planning tab's sub-views: a registry and the tab bar that shows one at a time.

A sub-view is a ``SubView(key, title, build, leads_in)``: ``build(master, tab)``
makes the view's widget inside ``master`` (a page of the bar) and returns it,
the first time the view is shown; when the returned widget has ``show(plan)``
the presenter hands it the current plan and every refreshed one. ``leads_in``
names the plan states in which the view is shown first when an event is opened
(Production for a plan in production). The views and their order are the
``VIEWS`` tuple in ``views.py``: a new view is
one line there.

The bar is a ttk.Notebook: Tab reaches it, Left / Right move between views,
Ctrl+Tab / Ctrl+Shift+Tab cycle and Ctrl+1 … Ctrl+9 jump to a view.
"""

from __future__ import annotations

import tkinter as tk
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from tkinter import ttk
from typing import TYPE_CHECKING, Any

from src.ui import theme

if TYPE_CHECKING:
    from src.ui.planning.tab import PlanningTab

NOTEBOOK_STYLE = "Bake.TNotebook"


@dataclass(frozen=True)
class SubView:
    """One view of the plan: its key, its tab title, how to build it, and the plan
    states in which it opens first."""

    key: str
    title: str
    build: Callable[[tk.Misc, PlanningTab], Any]
    leads_in: tuple[str, ...] = ()


def style_notebook(widget: tk.Misc) -> None:
    """Tabs in the app's colours and fonts (ttk "clam" theme, set by the tree style)."""
    theme.style_treeviews(widget.winfo_toplevel())
    style = ttk.Style(widget)
    bg, section = theme.color("window"), theme.color("section")
    style.configure(NOTEBOOK_STYLE, background=bg, borderwidth=0, tabmargins=(0, 2, 0, 0))
    style.configure(f"{NOTEBOOK_STYLE}.Tab", font=theme.tk_font(11, "bold"), padding=(16, 5),
                    background=theme.color("surface"), foreground=theme.color("text"),
                    bordercolor=theme.color("border"), lightcolor=section,
                    focuscolor=theme.color("accent"))
    style.map(f"{NOTEBOOK_STYLE}.Tab",
              background=[("selected", section), ("active", theme.color("tree_bg"))],
              foreground=[("selected", theme.color("exact_fg"))],
              expand=[("selected", (0, 2, 0, 0))])


class SubViewBar(ttk.Notebook):
    """The tab bar over the sub-views; ``pages[key]`` is the frame a view is built in
    and ``views[key]`` what its ``build`` returned."""

    def __init__(self, master: tk.Misc, tab: PlanningTab, subviews: Sequence[SubView],
                 on_built: Callable[[Any], None] | None = None) -> None:
        style_notebook(master)
        super().__init__(master, style=NOTEBOOK_STYLE, takefocus=True)
        self._tab = tab
        self._on_built = on_built or (lambda _view: None)
        self.subviews = {v.key: v for v in subviews}
        self.view_keys: list[str] = [v.key for v in subviews]
        self.pages: dict[str, tk.Frame] = {}
        self.views: dict[str, Any] = {}
        for view in subviews:
            page = tk.Frame(self, bg=theme.color("window"), padx=0, pady=6)
            self.add(page, text=view.title)
            self.pages[view.key] = page
        # A view is built when it is first shown (start-up pays for the first only).
        self.bind("<<NotebookTabChanged>>", lambda _e: self.view(self.current), add="+")
        self.view(self.current)
        self.enable_traversal()
        theme.on_appearance_change(self, self._paint)

    def view(self, key: str) -> Any:
        """The view ``key``, built the first time it is shown or asked for; its
        builder's result is handed to ``on_built``."""
        if key not in self.views:
            widget = self.subviews[key].build(self.pages[key], self._tab)
            if widget is not None and not widget.winfo_manager():
                widget.pack(fill="both", expand=True)
            self.views[key] = widget
            self._on_built(widget)
        return self.views[key]

    def _paint(self) -> None:
        style_notebook(self)
        for page in self.pages.values():
            page.configure(bg=theme.color("window"))

    @property
    def current(self) -> str:
        """The key of the view shown now."""
        selected = self.select()
        for key, page in self.pages.items():
            if str(page) == str(selected):
                return key
        return self.view_keys[0]

    def show_view(self, key: str) -> None:
        """Show the view ``key`` as a click on its tab does."""
        if key in self.pages:
            self.view(key)
            self.select(self.pages[key])

    def show_nth(self, index: int) -> bool:
        """Show the ``index``-th view (0-based); False when there is none."""
        if 0 <= index < len(self.view_keys):
            self.show_view(self.view_keys[index])
            return True
        return False

    def lead_view(self, plan_state: str) -> str:
        """The view a plan in ``plan_state`` opens on: the first that leads in that
        state, else the first view."""
        for key in self.view_keys:
            if plan_state in self.subviews[key].leads_in:
                return key
        return self.view_keys[0]

