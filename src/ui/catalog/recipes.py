"""The Recipes section of the Catalog tab: variants listed under their base,
New / Edit / Duplicate / Delete, and the duplicate dialog."""

from __future__ import annotations

import tkinter as tk
from collections.abc import Callable, Sequence

import customtkinter as ctk

from src.services.catalog.dto import RecipeSummary, RecipeView
from src.services.facade import Services
from src.ui import theme
from src.ui.dialogs import FormDialog

from .list_presenters import RecipesPresenter
from .list_section import Button, ListLayout, ListSection
from .listing import Column, ListRow
from .recipe_editor import RecipeDialog


def recipe_rows(recipes: Sequence[RecipeSummary]) -> list[ListRow]:
    """Tree rows: each variant under its base, marked "variant"."""
    rows = []
    for r in recipes:
        rows.append(
            ListRow(
                iid=str(r.id),
                text=r.name,
                values=(
                    "variant" if r.is_variant else "base",
                    r.category,
                    str(r.line_count),
                    str(r.yield_count),
                ),
                parent=str(r.base_recipe_id) if r.is_variant else "",
                tags=("variant",) if r.is_variant else (),
            )
        )
    return rows


class DuplicateDialog(FormDialog):
    """Ask the copy's name and whether it is a variant; ``on_saved(view)`` after the copy."""

    def __init__(
        self, parent: tk.Misc, presenter: RecipesPresenter, recipe: RecipeSummary,
        on_saved: Callable[[RecipeView], None],
    ) -> None:
        super().__init__(parent, f'Duplicate "{recipe.name}"', "Duplicate")
        self._presenter = presenter
        self._recipe = recipe
        self._on_saved = on_saved
        self.name_entry = ctk.CTkEntry(self.body, width=300, font=theme.font(13))
        self.name_entry.insert(0, f"{recipe.name} (copy)")
        self.add_field("New name", self.name_entry, name="name")
        base = recipe.base_recipe_name if recipe.is_variant else recipe.name
        self.variant_box = ctk.CTkCheckBox(
            self.body, text=f'as a variant of "{base}" (no own lines; inherits them)',
            font=theme.font(13),
        )
        self.add_field("", self.variant_box, name="as_variant")
        self.finish()

    def on_submit(self) -> bool:
        return self.save_with(
            lambda: self._presenter.duplicate_recipe(
                self._recipe.id, self.name_entry.get(), bool(self.variant_box.get())
            ),
            self._on_saved,
        )


class RecipesSection(ListSection[RecipeSummary, RecipesPresenter]):
    """The recipe list; ``on_changed()`` after every saved edit."""

    layout = ListLayout("recipe", 340, columns=(
        Column("kind", "Kind", 90),
        Column("category", "Category", 180),
        Column("lines", "Lines", 70, "e"),
        Column("yields", "Yield types", 100, "e"),
    ))

    def __init__(self, master: tk.Misc, services: Services,
                 on_changed: Callable[[], None]) -> None:
        super().__init__(master, services, on_changed, RecipesPresenter)

    def _buttons(self) -> list[Button]:
        new, edit, delete = super()._buttons()
        return [new, edit, ("Duplicate", self.duplicate), delete]

    def _open_editor(self, recipe: RecipeSummary | None) -> RecipeDialog:
        return RecipeDialog(self, self._services, recipe.id if recipe is not None else None,
                            self._saved)

    def _rows(self, recipes: Sequence[RecipeSummary]) -> list[ListRow]:
        return recipe_rows(recipes)

    def _delete_question(self, recipe: RecipeSummary) -> str:
        return f'Delete the recipe "{recipe.name}" with its lines and yield types?'

    def _delete(self, recipe: RecipeSummary) -> None:
        self.presenter.delete_recipe(recipe.id)

    def duplicate(self) -> None:
        recipe = self._need_selection("Duplicate")
        if recipe is not None:
            self.dialog = DuplicateDialog(self, self.presenter, recipe, self._saved)
