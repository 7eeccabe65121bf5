"""The catalog services' public import point: ingredients, recipes and their
yield types, finished goods. The work lives in catalog_ingredients,
catalog_recipes (rules in catalog_recipe_rules) and catalog_goods."""

from .goods import (
    create_finished_good,
    create_single_item_goods,
    delete_finished_good,
    get_finished_good,
    list_finished_goods,
    update_finished_good,
)
from .ingredients import (
    create_ingredient,
    delete_ingredient,
    get_ingredient,
    list_ingredients,
    update_ingredient,
)
from .recipes import (
    create_recipe,
    delete_recipe,
    duplicate_recipe,
    get_recipe,
    list_finished_units,
    list_recipes,
    update_recipe,
)

__all__ = [
    "create_finished_good",
    "create_ingredient",
    "create_recipe",
    "create_single_item_goods",
    "delete_finished_good",
    "delete_ingredient",
    "delete_recipe",
    "duplicate_recipe",
    "get_finished_good",
    "get_ingredient",
    "get_recipe",
    "list_finished_goods",
    "list_finished_units",
    "list_ingredients",
    "list_recipes",
    "update_finished_good",
    "update_ingredient",
    "update_recipe",
]
