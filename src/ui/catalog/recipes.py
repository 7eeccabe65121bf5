"""The Recipes section of the Catalog tab: variants listed under their base,
New / Edit / Duplicate / Delete, and the duplicate dialog."""

from __future__ import annotations

import tkinter as tk
from collections.abc import Callable, Sequence

import customtkinter as ctk

from src.services.catalog.dto import RecipeSummary, RecipeView
from src.services.errors import ServiceError
from src.services.facade import Services
from src.ui import theme
from src.ui.dialogs import FormDialog, ask_confirm, show_notice

from .list_presenters import RecipesPresenter
from .listing import Column, ListPanel, ListRow
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


class RecipesSection(ctk.CTkFrame):
    """The recipe list; ``on_changed()`` after every saved edit."""

    def __init__(self, master: tk.Misc, services: Services,
                 on_changed: Callable[[], None]) -> None:
        super().__init__(master, fg_color="transparent")
        self._services = services
        self.presenter = RecipesPresenter(services, self)
        self._on_changed = on_changed
        self._items: dict[str, RecipeSummary] = {}
        self.dialog: FormDialog | None = None
        self.panel = ListPanel(
            self,
            tree_heading="Recipe",
            tree_width=340,
            columns=(
                Column("kind", "Kind", 90),
                Column("category", "Category", 180),
                Column("lines", "Lines", 70, "e"),
                Column("yields", "Yield types", 100, "e"),
            ),
            buttons=(
                ("New", self.new),
                ("Edit", self.edit),
                ("Duplicate", self.duplicate),
                ("Delete", self.delete),
            ),
            on_activate=lambda _iid: self.edit(),
            noun="recipe",
        )
        self.panel.pack(fill="both", expand=True)

    def refresh(self) -> None:
        self.presenter.load()

    # -- the presenter's view ------------------------------------------------
    def show(self, recipes: Sequence[RecipeSummary]) -> None:
        self._items = {str(r.id): r for r in recipes}
        self.panel.set_rows(recipe_rows(recipes))

    def select(self, iid: str) -> None:
        self.panel.select(iid)

    def show_notice(self, title: str, text: str) -> None:
        show_notice(self, title, text)

    def changed(self) -> None:
        self._on_changed()

    def selected(self) -> RecipeSummary | None:
        iid = self.panel.selected()
        return self._items.get(iid) if iid else None

    def _need_selection(self, title: str) -> RecipeSummary | None:
        item = self.selected()
        if item is None:
            show_notice(self, title, "Select a recipe first.")
        return item

    def new(self) -> None:
        self.dialog = RecipeDialog(self, self._services, None, self._saved)

    def edit(self) -> None:
        item = self._need_selection("Edit recipe")
        if item is None:
            return
        try:
            self.dialog = RecipeDialog(self, self._services, item.id, self._saved)
        except ServiceError as exc:  # deleted meanwhile in another window
            show_notice(self, "Edit recipe", exc.message)
            self.refresh()

    def duplicate(self) -> None:
        item = self._need_selection("Duplicate recipe")
        if item is not None:
            self.dialog = DuplicateDialog(self, self.presenter, item, self._saved)

    def delete(self) -> None:
        item = self._need_selection("Delete recipe")
        if item is None:
            return

        def answer(yes: bool) -> None:
            if yes:
                self.presenter.delete_recipe(item.id)

        ask_confirm(self, "Delete recipe", f'Delete the recipe "{item.name}" with its lines '
                    "and yield types?", answer, "Delete")

    def _saved(self, recipe: RecipeView) -> None:
        self.presenter.saved(recipe.id)
