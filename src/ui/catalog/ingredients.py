"""The Ingredients section of the Catalog tab and the ingredient editor."""

from __future__ import annotations

import tkinter as tk
from collections.abc import Callable, Sequence

import customtkinter as ctk

from src.services.catalog.dto import IngredientView
from src.services.errors import ServiceError
from src.services.facade import Services
from src.services.formatting import DISPLAY_UNITS, format_decimal, unit_display
from src.ui import theme
from src.ui.dialogs import FormDialog

from .list_presenters import IngredientsPresenter
from .list_section import ListLayout, ListSection
from .listing import Column, ListRow
from .packs import PacksPanel

NO_UNIT = "none"
DENSITY_HINT = "flour ≈ 0.53, sugar ≈ 0.85, butter ≈ 0.96"
DISPLAY_UNIT_HINT = "none: the preferred pack's unit"


def ingredient_row(item: IngredientView) -> ListRow:
    used = len(item.used_by_recipes)
    return ListRow(
        iid=str(item.id),
        text=item.name,
        values=(
            item.category,
            format_decimal(item.density_g_per_ml) if item.density_g_per_ml is not None else "",
            unit_display(item.preferred_unit) if item.preferred_unit else "",
            item.packs or "no packs",
            ", ".join(item.used_by_recipes) if used else "not used",
        ),
    )


class IngredientDialog(FormDialog):
    """Create (``ingredient`` None) or edit an ingredient; ``on_saved(view)`` after a save.
    A refused save keeps the dialog open with the text and each message at its field."""

    def __init__(
        self,
        parent: tk.Misc,
        presenter: IngredientsPresenter,
        ingredient: IngredientView | None,
        on_saved: Callable[[IngredientView], None],
        on_packs_changed: Callable[[], None] | None = None,
    ) -> None:
        super().__init__(parent, "Edit ingredient" if ingredient else "New ingredient", "Save")
        self._presenter = presenter
        self._ingredient = ingredient
        self._on_saved = on_saved
        self.name_entry = ctk.CTkEntry(self.body, width=260, font=theme.font(13))
        self.category_entry = ctk.CTkEntry(self.body, width=260, font=theme.font(13))
        self.density_entry = ctk.CTkEntry(
            self.body, width=260, placeholder_text="optional", font=theme.font(13)
        )
        self.unit_menu = ctk.CTkOptionMenu(
            self.body, values=[NO_UNIT, *DISPLAY_UNITS], width=120, font=theme.font(13)
        )
        self.add_field("Name", self.name_entry, name="name")
        self.add_field("Category", self.category_entry, name="category")
        self.add_field("Density (g per ml)", self.density_entry, name="density_g_per_ml",
                       hint=DENSITY_HINT)
        self.add_field("Display unit", self.unit_menu, name="preferred_unit",
                       hint=DISPLAY_UNIT_HINT)
        self.unit_menu.grid_configure(sticky="w")
        self.packs: PacksPanel | None = None
        if ingredient is not None:
            try:
                self.packs = PacksPanel(self.body, presenter.services, ingredient.id,
                                        on_packs_changed)
            except ServiceError:
                self._close()  # e.g. deleted in another window: no half-built dialog left
                raise
            self.add_field("Packs", self.packs, name="packs")
        else:
            self.add_field("Packs", ctk.CTkLabel(self.body, text="save the ingredient first",
                                                 text_color=theme.COLORS["muted"], anchor="w",
                                                 font=theme.font(12)), name="packs")
        if ingredient is not None:
            self.name_entry.insert(0, ingredient.name)
            self.category_entry.insert(0, ingredient.category)
            if ingredient.density_g_per_ml is not None:
                self.density_entry.insert(0, str(ingredient.density_g_per_ml))
            self.unit_menu.set(unit_display(ingredient.preferred_unit) if ingredient.preferred_unit
                               else NO_UNIT)
        self.finish()

    def on_submit(self) -> bool:
        unit = self.unit_menu.get()
        values = dict(
            name=self.name_entry.get(),
            category=self.category_entry.get(),
            density_g_per_ml=self.density_entry.get(),
            preferred_unit=None if unit == NO_UNIT else unit,
        )
        if self._ingredient is None:
            return self.save_with(
                lambda: self._presenter.create_ingredient(**values), self._on_saved
            )
        ingredient_id = self._ingredient.id
        return self.save_with(
            lambda: self._presenter.update_ingredient(ingredient_id, **values),
            self._on_saved,
        )


class IngredientsSection(ListSection[IngredientView, IngredientsPresenter]):
    """The ingredient list with New / Edit / Delete; ``on_changed()`` after every saved edit."""

    layout = ListLayout("ingredient", 240, name_stretch=False, columns=(
        Column("category", "Category", 180),
        Column("density", "Density (g/ml)", 120, "e"),
        Column("unit", "Display unit", 110),
        Column("packs", "Packs", 260),
        Column("used", "Used by recipes", 300, stretch=True),
    ))

    def __init__(self, master: tk.Misc, services: Services,
                 on_changed: Callable[[], None]) -> None:
        super().__init__(master, services, on_changed, IngredientsPresenter)

    def _open_editor(self, item: IngredientView | None) -> IngredientDialog:
        if item is None:
            return IngredientDialog(self, self.presenter, None, self._saved)
        return IngredientDialog(self, self.presenter, item, self._saved, self._packs_changed)

    def _rows(self, items: Sequence[IngredientView]) -> list[ListRow]:
        return [ingredient_row(i) for i in items]

    def _select_first(self, action: str) -> str:
        return f"Select an ingredient to {action.lower()} first."

    def _delete_question(self, item: IngredientView) -> str:
        return f'Delete "{item.name}"? Its pantry stock goes too.'

    def _delete(self, item: IngredientView) -> None:
        self.presenter.delete_ingredient(item.id)

    def _packs_changed(self) -> None:
        """A pack was saved or deleted in the open editor: the list and the plan follow."""
        self.refresh()
        self._on_changed()
