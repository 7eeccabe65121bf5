"""Recipes of the catalog and their yield types: list, get, create, update,
delete, duplicate. One transaction per call; rules in catalog_recipe_rules."""

from __future__ import annotations

import uuid
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from src.db import Database
from src.models import (
    FinishedGood,
    FinishedGoodComponent,
    FinishedUnit,
    Recipe,
    RecipeIngredient,
    YieldMode,
)
from src.planning.aggregation import IngredientLine, effective_lines
from src.planning.batches import format_decimal
from src.planning.variants import RecipeInfo, variant_order

from ..errors import ConflictError, NotFoundError, ValidationError
from ..validation import clean_name
from .common import (
    events_using_recipes,
    flush,
    listing,
    plain_decimal,
    unique_name,
)
from .dto import (
    RecipeInput,
    RecipeLineView,
    RecipeSummary,
    RecipeView,
    YieldView,
)
from .recipe_rules import (
    CleanRecipe,
    CleanYield,
    check_recipe_name_free,
    validate_recipe,
)
from .single_goods import (
    drop_unused_single_goods,
    ensure_single_goods,
    rename_single_goods,
)


def yield_label(mode: str, items_per_batch: int | None, percentage: Decimal | None) -> str:
    """The yield in words: "24 per batch" or "50 % of a batch per item"."""
    if mode == YieldMode.DISCRETE_COUNT.value:
        return f"{items_per_batch} per batch"
    assert percentage is not None  # a batch-portion yield always has one
    return f"{format_decimal(percentage)} % of a batch per item"


def yield_view(unit: FinishedUnit) -> YieldView:
    mode = unit.yield_mode.value
    percentage = plain_decimal(unit.batch_percentage)
    return YieldView(
        id=unit.id,
        recipe_id=unit.recipe_id,
        name=unit.name,
        mode=mode,
        items_per_batch=unit.items_per_batch,
        batch_percentage=percentage,
        label=yield_label(mode, unit.items_per_batch, percentage),
    )


def _line(row: RecipeIngredient) -> IngredientLine:
    return IngredientLine(row.ingredient_id, plain_decimal(row.quantity), row.unit)


def _line_views(recipe: Recipe) -> tuple[tuple[RecipeLineView, ...], tuple[RecipeLineView, ...]]:
    """(own lines, effective lines) with the variant flags set."""
    names = {row.ingredient_id: row.ingredient.name for row in recipe.ingredient_lines}
    own = [_line(row) for row in recipe.ingredient_lines]
    base_lines = None
    if recipe.base_recipe is not None:
        base_rows = recipe.base_recipe.ingredient_lines
        names.update({row.ingredient_id: row.ingredient.name for row in base_rows})
        base_lines = [_line(row) for row in base_rows]
    own_ids = {line.ingredient_id for line in own}
    base_ids = {line.ingredient_id for line in base_lines or ()}

    def view(line: IngredientLine, inherited: bool) -> RecipeLineView:
        return RecipeLineView(
            ingredient_id=line.ingredient_id,
            ingredient=names[line.ingredient_id],
            quantity=line.quantity,
            unit=line.unit,
            inherited=inherited,
            replaces_base=not inherited and line.ingredient_id in base_ids,
        )

    own_views = tuple(view(line, False) for line in own)
    effective = tuple(
        view(line, line.ingredient_id not in own_ids) for line in effective_lines(own, base_lines)
    )
    return own_views, effective


def _recipe_view(session: Session, recipe: Recipe) -> RecipeView:
    own, effective = _line_views(recipe)
    events = events_using_recipes(session, [recipe.id]).get(recipe.id, [])
    return RecipeView(
        id=recipe.id,
        name=recipe.name,
        category=recipe.category or "",
        notes=recipe.notes or "",
        base_recipe_id=recipe.base_recipe_id,
        base_recipe_name=recipe.base_recipe.name if recipe.base_recipe else None,
        own_lines=own,
        effective_lines=effective,
        yields=tuple(yield_view(u) for u in recipe.finished_units),
        variant_names=tuple(v.name for v in sorted(recipe.variants, key=_by_name)),
        used_by_events=tuple(events),
    )


def _by_name(row) -> tuple[str, int]:
    return (row.name.casefold(), row.id)


def _load_for_view(session: Session, recipe_id: int) -> Recipe:
    recipe = session.scalars(
        select(Recipe)
        .where(Recipe.id == recipe_id)
        .options(
            selectinload(Recipe.ingredient_lines).joinedload(RecipeIngredient.ingredient),
            selectinload(Recipe.finished_units),
            selectinload(Recipe.variants),
            selectinload(Recipe.base_recipe)
            .selectinload(Recipe.ingredient_lines)
            .joinedload(RecipeIngredient.ingredient),
        )
    ).one_or_none()
    if recipe is None:
        raise NotFoundError(f"Recipe {recipe_id} does not exist (it may have been deleted)")
    return recipe


def list_recipes(db: Database) -> list[RecipeSummary]:
    """Every recipe: bases by name (ignoring case), each followed by its
    variants by name. ``line_count`` counts the effective lines (a variant's
    inherited lines included). Three queries whatever the catalog's size."""
    with db.uow() as session:
        rows = session.execute(
            select(Recipe.id, Recipe.name, Recipe.category, Recipe.base_recipe_id)
        ).all()
        ingredients: dict[int, set[int]] = {}
        for rid, ing in session.execute(
            select(RecipeIngredient.recipe_id, RecipeIngredient.ingredient_id)
        ):
            ingredients.setdefault(rid, set()).add(ing)
        yield_counts = dict(
            session.execute(
                select(FinishedUnit.recipe_id, func.count()).group_by(FinishedUnit.recipe_id)
            ).all()
        )
    by_id = {r.id: r for r in rows}
    names = {r.id: r.name for r in rows}

    def summary(r) -> RecipeSummary:
        own = ingredients.get(r.id, set())
        count = (
            len(own | ingredients.get(r.base_recipe_id, set())) if r.base_recipe_id else len(own)
        )
        return RecipeSummary(
            id=r.id,
            name=r.name,
            category=r.category or "",
            base_recipe_id=r.base_recipe_id,
            base_recipe_name=names.get(r.base_recipe_id) if r.base_recipe_id else None,
            is_variant=r.base_recipe_id is not None,
            line_count=count,
            yield_count=yield_counts.get(r.id, 0),
        )

    infos = {r.id: RecipeInfo(r.id, r.name, r.category or "", r.base_recipe_id) for r in rows}
    return [summary(by_id[info.id]) for info in variant_order(infos)]


def get_recipe(db: Database, recipe_id: int) -> RecipeView:
    """A recipe with its own and effective lines, yield types, variants and the
    events that use it."""
    with db.uow() as session:
        return _recipe_view(session, _load_for_view(session, recipe_id))


def _new_unit(item: CleanYield) -> FinishedUnit:
    return FinishedUnit(
        name=item.name,
        yield_mode=YieldMode(item.mode),
        items_per_batch=item.items_per_batch,
        batch_percentage=item.batch_percentage,
    )


def _replace_lines(recipe: Recipe, clean: CleanRecipe) -> None:
    recipe.ingredient_lines.clear()
    for line in clean.lines:
        recipe.ingredient_lines.append(
            RecipeIngredient(
                ingredient_id=line.ingredient_id, quantity=line.quantity, unit=line.unit
            )
        )


def create_recipe(db: Database, data: RecipeInput) -> RecipeView:
    """Add a recipe (a variant when ``data.base_recipe_id`` is set) with its
    lines and yield types. Raises ValidationError listing every bad field."""
    with db.uow() as session:
        clean = validate_recipe(session, data, None)
        recipe = Recipe(
            name=clean.name,
            category=clean.category,
            notes=clean.notes,
            base_recipe_id=clean.base_recipe_id,
        )
        session.add(recipe)
        _replace_lines(recipe, clean)
        for item in clean.yields:
            recipe.finished_units.append(_new_unit(item))
        flush(session, f'Recipe "{clean.name}"')
        ensure_single_goods(session, [u.id for u in recipe.finished_units])
        return _recipe_view(session, _load_for_view(session, recipe.id))


def _goods_using_units(session: Session, unit_ids: list[int]) -> dict[int, list[str]]:
    """finished unit id → names of the finished goods that have it as a component."""
    if not unit_ids:
        return {}
    rows = session.execute(
        select(FinishedGoodComponent.finished_unit_id, FinishedGood.name)
        .join(FinishedGood, FinishedGood.id == FinishedGoodComponent.finished_good_id)
        .where(FinishedGoodComponent.finished_unit_id.in_(unit_ids))
    ).all()
    out: dict[int, list[str]] = {}
    for uid, name in rows:
        if uid is None:  # excluded by the query; narrows the column's type
            continue
        out.setdefault(uid, []).append(name)
    return {uid: sorted(set(names), key=str.casefold) for uid, names in out.items()}


def _replace_yields(session: Session, recipe: Recipe, clean: CleanRecipe) -> None:
    kept = {item.id: item for item in clean.yields if item.id is not None}
    removed = [u for u in recipe.finished_units if u.id not in kept]
    drop_unused_single_goods(session, [u.id for u in removed])
    in_goods = _goods_using_units(session, [u.id for u in removed])
    if in_goods:
        parts = [
            f'"{u.name}" is part of '
            + listing(len(in_goods[u.id]), "finished good", "finished goods", in_goods[u.id])
            for u in removed
            if u.id in in_goods
        ]
        raise ConflictError(
            "These yield types cannot be removed: "
            + "; ".join(parts)
            + ". Remove them from those goods first."
        )
    for unit in removed:
        recipe.finished_units.remove(unit)
    session.flush()
    # Renames go through a temporary name so that swapping two names never
    # trips the unique constraint half-way.
    renamed = [u for u in recipe.finished_units if kept[u.id].name != u.name]
    renames = {u.id: (u.name, kept[u.id].name) for u in renamed}
    for unit in renamed:
        unit.name = f"~{uuid.uuid4()}"
    session.flush()
    for unit in recipe.finished_units:
        item = kept[unit.id]
        unit.name = item.name
        unit.yield_mode = YieldMode(item.mode)
        unit.items_per_batch = item.items_per_batch
        unit.batch_percentage = item.batch_percentage
    for item in clean.yields:
        if item.id is None:
            recipe.finished_units.append(_new_unit(item))
    session.flush()
    rename_single_goods(session, renames)


def update_recipe(db: Database, recipe_id: int, data: RecipeInput) -> RecipeView:
    """Replace a recipe's fields, lines and yield types. Yield types matched by
    ``YieldInput.id`` are changed in place, so batch decisions and finished
    goods that refer to them keep doing so. Removing a yield type that a
    finished good uses is refused (ConflictError naming the goods)."""
    with db.uow() as session:
        recipe = _load_for_view(session, recipe_id)
        clean = validate_recipe(session, data, recipe)
        recipe.name = clean.name
        recipe.category = clean.category
        recipe.notes = clean.notes
        recipe.base_recipe_id = clean.base_recipe_id
        _replace_lines(recipe, clean)
        _replace_yields(session, recipe, clean)
        flush(session, f'Recipe "{clean.name}"')
        ensure_single_goods(session, [u.id for u in recipe.finished_units])
        session.expire(recipe)
        return _recipe_view(session, _load_for_view(session, recipe.id))


def delete_recipe(db: Database, recipe_id: int) -> None:
    """Delete a recipe with its lines and yield types. Refused (ConflictError
    naming them) while events use it (selected, decided or baked), while it
    has variants, or while finished goods contain its yield types."""
    with db.uow() as session:
        recipe = _load_for_view(session, recipe_id)
        reasons: list[str] = []
        events = events_using_recipes(session, [recipe.id]).get(recipe.id, [])
        if events:
            reasons.append(f"it is used by {listing(len(events), 'event', 'events', events)}")
        if recipe.variants:
            names = [v.name for v in sorted(recipe.variants, key=_by_name)]
            reasons.append(f"it has {listing(len(names), 'variant', 'variants', names)}")
        drop_unused_single_goods(session, [u.id for u in recipe.finished_units])
        in_goods = _goods_using_units(session, [u.id for u in recipe.finished_units])
        goods = sorted({g for names in in_goods.values() for g in names}, key=str.casefold)
        if goods:
            reasons.append(
                "its yield types are part of "
                + listing(len(goods), "finished good", "finished goods", goods)
            )
        if reasons:
            raise ConflictError(f'"{recipe.name}" cannot be deleted: ' + "; ".join(reasons) + ".")
        session.delete(recipe)


def duplicate_recipe(
    db: Database, recipe_id: int, *, new_name: str, as_variant: bool = False
) -> RecipeView:
    """A copy of a recipe named ``new_name`` with copies of its yield types
    (named "<name> (copy)", "<name> (copy 2)", … so they stay unique). A plain
    copy keeps the original's lines and base; ``as_variant`` makes the copy a
    variant, with no own lines, of the original's base (or of the original
    when it is a base)."""
    name = clean_name(new_name, what="Recipe name")
    with db.uow() as session:
        original = _load_for_view(session, recipe_id)
        clash = check_recipe_name_free(session, name, None)
        if clash:
            raise ValidationError(clash, field="name")
        copy = Recipe(
            name=name,
            category=original.category,
            notes=original.notes,
            base_recipe_id=(original.base_recipe_id or original.id)
            if as_variant
            else original.base_recipe_id,
        )
        session.add(copy)
        if not as_variant:
            for row in original.ingredient_lines:
                copy.ingredient_lines.append(
                    RecipeIngredient(
                        ingredient_id=row.ingredient_id, quantity=row.quantity, unit=row.unit
                    )
                )
        taken = {n.casefold() for n in session.scalars(select(FinishedUnit.name))}
        for unit in original.finished_units:
            unit_name = unique_name(unit.name, "copy", taken)
            taken.add(unit_name.casefold())
            copy.finished_units.append(
                FinishedUnit(
                    name=unit_name,
                    yield_mode=unit.yield_mode,
                    items_per_batch=unit.items_per_batch,
                    batch_percentage=unit.batch_percentage,
                )
            )
        flush(session, f'Recipe "{name}"')
        ensure_single_goods(session, [u.id for u in copy.finished_units])
        return _recipe_view(session, _load_for_view(session, copy.id))


def list_finished_units(db: Database) -> list[YieldView]:
    """Every yield type, by recipe name then yield name (ignoring case)."""
    with db.uow() as session:
        rows = session.execute(
            select(FinishedUnit, Recipe.name).join(Recipe, Recipe.id == FinishedUnit.recipe_id)
        ).all()
        ordered = sorted(rows, key=lambda r: (r[1].casefold(), r[0].name.casefold(), r[0].id))
        return [yield_view(unit) for unit, _ in ordered]
