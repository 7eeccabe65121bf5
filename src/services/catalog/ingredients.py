"""Ingredients of the catalog: list, get, create, update, delete. One transaction per call."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from src.db import Database
from src.models import Ingredient, PantryItem, PurchasePack, Recipe, RecipeIngredient
from src.models.types import DENSITY_DIGITS
from src.planning.costs import money_text
from src.planning.units import UnitError, normalize_unit

from ..errors import ConflictError, NotFoundError, ValidationError
from ..settings import currency_symbol
from ..validation import clean_name, parse_decimal
from .common import (
    clean_category,
    flush,
    listing,
    name_taken,
    plain_decimal,
    try_field,
)
from .dto import IngredientView


def load_ingredient(session: Session, ingredient_id: int) -> Ingredient:
    ingredient = session.get(Ingredient, ingredient_id)
    if ingredient is None:
        raise NotFoundError(f"Ingredient {ingredient_id} does not exist (it may have been deleted)")
    return ingredient


def parse_unit(value: object, *, what: str, field: str) -> str:
    """A supported unit's canonical name from user text, else a message naming the unit."""
    text = "" if value is None else str(value).strip()
    if not text:
        raise ValidationError(f"{what} is required", field=field)
    try:
        return normalize_unit(text)
    except UnitError as exc:
        raise ValidationError(f"{what}: {exc}", field=field) from None


def _parse_density(value: object) -> Decimal | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    return parse_decimal(
        value, what="Density (g per ml)", field="density_g_per_ml", digits=DENSITY_DIGITS
    )


def _parse_preferred_unit(value: object) -> str | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    return parse_unit(value, what="Preferred unit", field="preferred_unit")


def _validated(name, category, density, preferred_unit) -> tuple:
    errors: dict[str, str] = {}
    values = (
        try_field(errors, "name", lambda: clean_name(name, what="Ingredient name")),
        try_field(errors, "category", lambda: clean_category(category)),
        try_field(errors, "density_g_per_ml", lambda: _parse_density(density)),
        try_field(errors, "preferred_unit", lambda: _parse_preferred_unit(preferred_unit)),
    )
    if errors:
        raise ValidationError.from_errors(errors)
    return values


def _check_name_free(session: Session, name: str, own_id: int | None) -> None:
    existing = session.execute(select(Ingredient.id, Ingredient.name)).all()
    clash = name_taken(existing, name, own_id)
    if clash is not None:
        raise ValidationError(f'An ingredient named "{clash}" already exists', field="name")


def _recipes_using(session: Session, ingredient_ids: list[int] | None) -> dict[int, list[str]]:
    """ingredient id → names of the recipes with a line for it (one query)."""
    query = select(RecipeIngredient.ingredient_id, Recipe.name).join(
        Recipe, Recipe.id == RecipeIngredient.recipe_id
    )
    if ingredient_ids is not None:
        query = query.where(RecipeIngredient.ingredient_id.in_(ingredient_ids))
    out: dict[int, set[str]] = {}
    for ingredient_id, recipe_name in session.execute(query):
        out.setdefault(ingredient_id, set()).add(recipe_name)
    return {k: sorted(v, key=str.casefold) for k, v in out.items()}


def _packs_text(session: Session, ingredient_ids: list[int] | None) -> dict[int, str]:
    """ingredient id → its packs in short, in the order entered (one query)."""
    query = select(PurchasePack).order_by(PurchasePack.position, PurchasePack.id)
    if ingredient_ids is not None:
        query = query.where(PurchasePack.ingredient_id.in_(ingredient_ids))
    packs = session.scalars(query).all()
    currency = currency_symbol(session) if packs else ""
    out: dict[int, list[str]] = {}
    for p in packs:
        price = "no price" if p.price is None else money_text(p.price, currency)
        mark = " (preferred)" if p.preferred else ""
        out.setdefault(p.ingredient_id, []).append(f"{p.label} {price}{mark}")
    return {iid: ", ".join(texts) for iid, texts in out.items()}


def _view(ingredient: Ingredient, recipes: list[str], packs: str = "") -> IngredientView:
    return IngredientView(
        id=ingredient.id,
        name=ingredient.name,
        category=ingredient.category or "",
        density_g_per_ml=plain_decimal(ingredient.density_g_per_ml),
        preferred_unit=ingredient.preferred_unit,
        used_by_recipes=tuple(recipes),
        packs=packs,
    )


def list_ingredients(db: Database) -> list[IngredientView]:
    """Every ingredient, by name ignoring case, with the recipes that use it (two queries)."""
    with db.uow() as session:
        ingredients = session.scalars(select(Ingredient)).all()
        used = _recipes_using(session, None)
        packs = _packs_text(session, None)
        ordered = sorted(ingredients, key=lambda i: (i.name.casefold(), i.id))
        return [_view(i, used.get(i.id, []), packs.get(i.id, "")) for i in ordered]


def get_ingredient(db: Database, ingredient_id: int) -> IngredientView:
    with db.uow() as session:
        ingredient = load_ingredient(session, ingredient_id)
        return _view(ingredient, _recipes_using(session, [ingredient_id]).get(ingredient_id, []),
                     _packs_text(session, [ingredient_id]).get(ingredient_id, ""))


def create_ingredient(
    db: Database,
    *,
    name: str,
    category: str = "",
    density_g_per_ml: str | Decimal | None = None,
    preferred_unit: str | None = None,
) -> IngredientView:
    """Add an ingredient. The name must be new (ignoring case); density, when
    given, is a positive number of g per ml; the preferred unit a supported one."""
    clean_name_, category_, density, unit = _validated(
        name, category, density_g_per_ml, preferred_unit
    )
    with db.uow() as session:
        _check_name_free(session, clean_name_, None)
        ingredient = Ingredient(
            name=clean_name_, category=category_, density_g_per_ml=density, preferred_unit=unit
        )
        session.add(ingredient)
        flush(session, f'Ingredient "{clean_name_}"')
        return _view(ingredient, [])


def update_ingredient(
    db: Database,
    ingredient_id: int,
    *,
    name: str,
    category: str,
    density_g_per_ml: str | Decimal | None,
    preferred_unit: str | None,
) -> IngredientView:
    """Change every field of an ingredient, with the rules of create_ingredient."""
    clean_name_, category_, density, unit = _validated(
        name, category, density_g_per_ml, preferred_unit
    )
    with db.uow() as session:
        ingredient = load_ingredient(session, ingredient_id)
        _check_name_free(session, clean_name_, ingredient_id)
        ingredient.name = clean_name_
        ingredient.category = category_
        ingredient.density_g_per_ml = density
        ingredient.preferred_unit = unit
        flush(session, f'Ingredient "{clean_name_}"')
        return _view(ingredient, _recipes_using(session, [ingredient_id]).get(ingredient_id, []),
                     _packs_text(session, [ingredient_id]).get(ingredient_id, ""))


def delete_ingredient(db: Database, ingredient_id: int) -> None:
    """Delete an ingredient and its pantry stock. Refused (ConflictError naming
    them) while any recipe has a line for it."""
    with db.uow() as session:
        ingredient = load_ingredient(session, ingredient_id)
        recipes = _recipes_using(session, [ingredient_id]).get(ingredient_id, [])
        if recipes:
            raise ConflictError(
                f'"{ingredient.name}" cannot be deleted: it is used by '
                f"{listing(len(recipes), 'recipe', 'recipes', recipes)}. "
                "Remove it from those recipes first."
            )
        # Explicit rather than relying on ON DELETE CASCADE, so it holds on any backend.
        session.execute(delete(PantryItem).where(PantryItem.ingredient_id == ingredient_id))
        session.delete(ingredient)
