"""The main window: tabs Planning | Catalog | Pantry."""

from __future__ import annotations

import tkinter as tk

import customtkinter as ctk

from src.db import Database
from src.ui import theme
from src.ui.keys import install_select_all
from src.ui.planning.tab import PlanningTab

TITLE = "Bake Planner"
MIN_WIDTH, MIN_HEIGHT = 1280, 800
PLANNING, CATALOG, PANTRY = "Planning", "Catalog", "Pantry"
TABS = (PLANNING, CATALOG, PANTRY)


class MainWindow(ctk.CTkFrame):
    """The window's content for ``db``: the tab view with the planning tab first.

    The Catalog and Pantry tabs are built the first time they are shown (start-up
    pays only for the planning tab). An edit there marks the plan out of date; it is
    reloaded when the Planning tab is shown again."""

    def __init__(self, master: tk.Misc, db: Database) -> None:
        super().__init__(master, fg_color="transparent")
        self.db = db
        self.tabs = ctk.CTkTabview(self, anchor="nw", command=self._tab_changed)
        self.tabs.pack(fill="both", expand=True, padx=8, pady=(0, 8))
        for name in TABS:
            self.tabs.add(name)
        self.planning = PlanningTab(self.tabs.tab(PLANNING), db)
        self.planning.pack(fill="both", expand=True)
        self.catalog: ctk.CTkFrame | None = None
        self.pantry: ctk.CTkFrame | None = None
        self._plan_stale = False
        # What the welcome guide adds must show in the Catalog and Pantry tabs.
        self.planning.welcome.on_catalog_changed = self.catalog_changed_elsewhere
        # Planning, the first tab added, is already the one shown. (CTkTabview.set()
        # would also leave a job that hides every other tab 100 ms later.)

    def show_tab(self, name: str) -> None:
        """Switch to tab ``name`` as a click on its header does."""
        # Not CTkTabview.set(): it hides the other tabs 100 ms later, and that job,
        # left from a switch just before, would hide the tab shown now. Same steps, at once.
        tabs = self.tabs
        tabs._current_name = name
        tabs._segmented_button.set(name)
        for other in TABS:
            if other != name:
                tabs.tab(other).grid_forget()
        tabs._set_grid_current_tab()
        self._tab_changed()

    def catalog_changed_elsewhere(self) -> None:
        """The planning tab's guide saved an ingredient or recipe: reload the built tabs."""
        if self.catalog is not None:
            self.catalog.refresh()  # type: ignore[attr-defined]
        if self.pantry is not None:
            self.pantry.refresh()  # type: ignore[attr-defined]

    def data_changed(self) -> None:
        """Catalog or pantry data changed: the plan must be reloaded before it is shown."""
        self._plan_stale = True

    def _tab_changed(self) -> None:
        name = self.tabs.get()
        if name == CATALOG and self.catalog is None:
            from src.ui.catalog.tab import CatalogTab

            self.catalog = CatalogTab(
                self.tabs.tab(CATALOG), self.db, on_catalog_changed=self.data_changed
            )
            self.catalog.pack(fill="both", expand=True)
        elif name == PANTRY:
            if self.pantry is None:
                from src.ui.pantry.tab import PantryTab

                self.pantry = PantryTab(
                    self.tabs.tab(PANTRY), self.db, on_pantry_changed=self.data_changed
                )
                self.pantry.pack(fill="both", expand=True)
            # Ingredients may have been added in the catalog since: list them all.
            self.pantry.refresh()
        elif name == PLANNING and self._plan_stale:
            self._plan_stale = False
            self.planning.reload()


def build_main_window(root: ctk.CTk, db: Database) -> MainWindow:
    """Title, minimum size and content of ``root``; the events are loaded and shown."""
    root.title(TITLE)
    install_select_all(root)
    theme.readable_defaults()
    root.minsize(MIN_WIDTH, MIN_HEIGHT)
    root.geometry(f"{MIN_WIDTH}x{MIN_HEIGHT}")
    theme.style_treeviews(root)
    window = MainWindow(root, db)
    window.pack(fill="both", expand=True)
    window.planning.start()
    if db.backup_path is not None:  # a migration ran on opening: say where the backup is
        window.planning.watcher.show(
            f"The database was upgraded; a backup was saved first: {db.backup_path}")
    return window
