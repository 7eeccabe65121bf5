"""The catalog lists' intents: load a list, delete an item, save from a dialog.

Each list (ingredients, recipes, finished goods) has a presenter with named
methods; the section is its view (``show(items)``, ``select(iid)``,
``show_notice(title, text)``, ``changed()``). Saves made from a dialog raise
the service's error for ``FormDialog.save_with`` to put at the fields. Tested
with fake views.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable, Sequence
from typing import Any, Protocol

from src.services.catalog.dto import FinishedGoodView, IngredientView, RecipeSummary, RecipeView
from src.services.errors import ServiceError
from src.services.facade import Services, as_services
from src.ui.wording import count_of


class ListView(Protocol):
    def show(self, items: Sequence[Any]) -> None: ...
    def select(self, iid: str) -> None: ...
    def show_notice(self, title: str, text: str) -> None: ...
    def changed(self) -> None: ...


class ListPresenter(ABC):
    def __init__(self, services: Services, view: ListView) -> None:
        self.services = as_services(services)
        self.view = view

    @abstractmethod
    def _items(self) -> Sequence[Any]:
        """The list's rows, read through the services."""

    def load(self) -> None:
        """Show the list as it is saved now."""
        self.view.show(self._items())

    def saved(self, item_id: int) -> None:
        """A dialog saved ``item_id``: show the list with it selected."""
        self.load()
        self.view.select(str(item_id))
        self.view.changed()

    def _delete(self, delete: Callable[[int], object], item_id: int) -> bool:
        try:
            delete(item_id)
        except ServiceError as exc:
            self.view.show_notice("Cannot delete", exc.message)
            return False
        self.load()
        self.view.changed()
        return True


class IngredientsPresenter(ListPresenter):
    def _items(self) -> list[IngredientView]:
        return self.services.catalog.list_ingredients()

    def create_ingredient(self, **values: Any) -> IngredientView:
        return self.services.catalog.create_ingredient(**values)

    def update_ingredient(self, ingredient_id: int, **values: Any) -> IngredientView:
        return self.services.catalog.update_ingredient(ingredient_id, **values)

    def delete_ingredient(self, ingredient_id: int) -> bool:
        """Delete it (its pantry stock too); False with a notice when refused."""
        return self._delete(self.services.catalog.delete_ingredient, ingredient_id)


class RecipesPresenter(ListPresenter):
    def _items(self) -> list[RecipeSummary]:
        return self.services.catalog.list_recipes()

    def duplicate_recipe(self, recipe_id: int, new_name: str, as_variant: bool) -> RecipeView:
        return self.services.catalog.duplicate_recipe(
            recipe_id, new_name=new_name, as_variant=as_variant)

    def delete_recipe(self, recipe_id: int) -> bool:
        """Delete it with its lines and yield types; False with a notice when refused."""
        return self._delete(self.services.catalog.delete_recipe, recipe_id)


class GoodsListPresenter(ListPresenter):
    def _items(self) -> list[FinishedGoodView]:
        return self.services.catalog.list_finished_goods()

    def delete_good(self, good_id: int) -> bool:
        """Delete the finished good; False with a notice when refused."""
        return self._delete(self.services.catalog.delete_finished_good, good_id)

    def create_single_item_goods(self) -> list[str]:
        """Make a single-item good for every yield type without one; a notice says
        what was made (or why nothing was)."""
        title = "Single-item goods"
        try:
            created = list(self.services.catalog.create_single_item_goods())
        except ServiceError as exc:
            self.view.show_notice(title, exc.message)
            return []
        if not created:
            self.view.show_notice(
                title, "Every yield type already has a single-item good; nothing was created.")
            return []
        self.load()
        self.view.changed()
        self.view.show_notice(
            title, f"Created {count_of(len(created), 'single-item good')}: " + ", ".join(created))
        return created
