"""The Catalog tab: Ingredients / Recipes / Finished goods, one shown at a time.

A section's list is loaded when it is first shown and again after any catalog
edit (an ingredient renamed shows in recipes, a new yield type in goods), but
only for the section on screen; the others reload when next shown.
"""

from __future__ import annotations

import tkinter as tk
from collections.abc import Callable
from typing import Any, Protocol

import customtkinter as ctk

from src.services.facade import Services, as_services
from src.ui import theme

from .goods import GoodsSection
from .ingredients import IngredientsSection
from .recipes import RecipesSection

INGREDIENTS, RECIPES, GOODS = "Ingredients", "Recipes", "Finished goods"


class _Section(Protocol):
    """What the tab does with each of its sections."""

    def grid(self, **options: Any) -> None: ...
    def grid_remove(self) -> None: ...
    def refresh(self) -> None: ...


class CatalogTab(ctk.CTkFrame):
    """The catalog editor. ``on_catalog_changed()`` runs after every saved edit."""

    def __init__(
        self, master: tk.Misc, services: Services,
        on_catalog_changed: Callable[[], None] | None = None,
    ) -> None:
        super().__init__(master, fg_color="transparent")
        self._services = services = as_services(services)
        self._on_catalog_changed = on_catalog_changed
        self.grid_columnconfigure(0, weight=1)
        self.grid_rowconfigure(1, weight=1)

        header = ctk.CTkFrame(self, fg_color="transparent")
        header.grid(row=0, column=0, sticky="ew", padx=16, pady=(12, 8))
        ctk.CTkLabel(header, text="Catalog", font=theme.title_font()).pack(side="left")
        self.switch = ctk.CTkSegmentedButton(
            header, values=[INGREDIENTS, RECIPES, GOODS], command=self.show_section,
            font=theme.font(13),
        )
        self.switch.pack(side="left", padx=(24, 0))

        body = ctk.CTkFrame(self, fg_color="transparent")
        body.grid(row=1, column=0, sticky="nsew", padx=16, pady=(0, 12))
        body.grid_columnconfigure(0, weight=1)
        body.grid_rowconfigure(0, weight=1)
        self.ingredients = IngredientsSection(body, services, self._changed)
        self.recipes = RecipesSection(body, services, self._changed)
        self.goods = GoodsSection(body, services, self._changed)
        self.sections: dict[str, _Section] = {
            INGREDIENTS: self.ingredients, RECIPES: self.recipes, GOODS: self.goods,
        }
        self._stale = set(self.sections)
        self.current = ""
        # A new baker starts with ingredients: a recipe's lines need them first.
        progress = services.first_run.setup_progress()
        self.show_section(RECIPES if progress.ingredients or progress.recipes else INGREDIENTS)

    def show_section(self, name: str) -> None:
        """Show one section (loading its list if it is out of date)."""
        if self.current and self.current != name:
            self.sections[self.current].grid_remove()
        self.current = name
        self.switch.set(name)
        section = self.sections[name]
        section.grid(row=0, column=0, sticky="nsew")
        if name in self._stale:
            section.refresh()
            self._stale.discard(name)

    def refresh(self) -> None:
        """Reload from the database (after an import, or edits made elsewhere)."""
        self._stale = set(self.sections)
        self.show_section(self.current)

    def _changed(self) -> None:
        # The section that saved has reloaded itself; the others are now out of date.
        self._stale = set(self.sections) - {self.current}
        if self._on_catalog_changed is not None:
            self._on_catalog_changed()
