"""The main window: tabs Planning | Catalog | Pantry."""

from __future__ import annotations

import tkinter as tk

import customtkinter as ctk

from src.services.facade import Services, as_services
from src.ui import theme
from src.ui.keyboard import make_buttons_focusable
from src.ui.keys import install_select_all
from src.ui.planning.tab import PlanningTab

TITLE = "Bake Planner"
# The window fits a 1366×768 laptop screen with room for a title bar and a panel.
WIDTH, HEIGHT = 1366, 800
MIN_WIDTH, MIN_HEIGHT = 1100, 640
SCREEN_MARGIN = 70  # title bar and task bar of a laptop screen
PLANNING, CATALOG, PANTRY = "Planning", "Catalog", "Pantry"
TABS = (PLANNING, CATALOG, PANTRY)


class MainWindow(ctk.CTkFrame):
    """The window's content on ``services``: the tab view with the planning tab first.

    The Catalog and Pantry tabs are built the first time they are shown (start-up
    pays only for the planning tab). An edit there marks the plan out of date; it is
    reloaded when the Planning tab is shown again."""

    def __init__(self, master: tk.Misc, services: Services) -> None:
        super().__init__(master, fg_color="transparent")
        self.services = services = as_services(services)
        self.tabs = ctk.CTkTabview(self, anchor="nw", command=self._tab_changed)
        self.tabs.pack(fill="both", expand=True, padx=8, pady=(0, 8))
        for name in TABS:
            self.tabs.add(name)
        self.planning = PlanningTab(self.tabs.tab(PLANNING), services)
        # Tab reaches the Planning / Catalog / Pantry headers; Space switches. (The
        # tab view keeps its header private and out of its winfo_children.)
        make_buttons_focusable(self.tabs._segmented_button)
        self.planning.pack(fill="both", expand=True)
        self.catalog: ctk.CTkFrame | None = None
        self.pantry: ctk.CTkFrame | None = None
        self._plan_stale = False
        # What the welcome guide adds must show in the Catalog and Pantry tabs.
        self.planning.welcome.on_catalog_changed = self.catalog_changed_elsewhere
        # The first tab added is the one shown. (CTkTabview.set() here would hide every
        # other tab 100 ms later, even one the user has switched to by then.)

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
        """The planning tab's guide saved an ingredient or recipe: reload the built tabs,
        and the planning tab too, so its change watcher does not take this window's own
        edit for one made on another computer."""
        self.planning.reload()
        if self.catalog is not None:
            self.catalog.refresh()
        if self.pantry is not None:
            self.pantry.refresh()

    def data_changed(self) -> None:
        """Catalog or pantry data changed: the plan must be reloaded before it is shown."""
        self._plan_stale = True

    def _tab_changed(self) -> None:
        name = self.tabs.get()
        if name == CATALOG and self.catalog is None:
            from src.ui.catalog.tab import CatalogTab

            self.catalog = CatalogTab(
                self.tabs.tab(CATALOG), self.services, on_catalog_changed=self.data_changed
            )
            self.catalog.pack(fill="both", expand=True)
            make_buttons_focusable(self.catalog)
        elif name == PANTRY:
            if self.pantry is None:
                from src.ui.pantry.tab import PantryTab

                self.pantry = PantryTab(
                    self.tabs.tab(PANTRY), self.services, on_pantry_changed=self.data_changed
                )
                self.pantry.pack(fill="both", expand=True)
                make_buttons_focusable(self.pantry)
            # Ingredients may have been added in the catalog since: list them all.
            self.pantry.refresh()
        elif name == PLANNING and self._plan_stale:
            self._plan_stale = False
            self.planning.reload()


def window_size(screen_width: int, screen_height: int) -> tuple[int, int]:
    """The window's first size: 1366×800, made smaller to fit the screen."""
    return (min(WIDTH, screen_width), min(HEIGHT, screen_height - SCREEN_MARGIN))


def build_main_window(root: ctk.CTk, services: Services) -> MainWindow:
    """Title, minimum size and content of ``root``; the events are loaded and shown."""
    root.title(TITLE)
    install_select_all(root)
    theme.readable_defaults()
    width, height = window_size(root.winfo_screenwidth(), root.winfo_screenheight())
    root.minsize(min(MIN_WIDTH, width), min(MIN_HEIGHT, height))
    root.geometry(f"{width}x{height}")
    theme.style_treeviews(root)
    window = MainWindow(root, services)
    window.pack(fill="both", expand=True)
    window.planning.start()
    backup = as_services(services).backup_path
    if backup is not None:  # a migration ran on opening: say where the backup is
        window.planning.watcher.show(
            f"The database was upgraded; a backup was saved first: {backup}")
    return window
