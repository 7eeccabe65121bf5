"""Writing the whole database as an exchange document (docs/EXCHANGE.md, version 2).

The order of every list is fixed (by name, then date; lines and components in
the order they were entered), so two exports of the same data are identical.
Decimals are plain strings without trailing zeros ("2.75", "50"). Amendment
data is translated from ids to names (docs/EXCHANGE.md).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from src.models import (
    Event,
    FinishedGood,
    Ingredient,
    PantryItem,
    Recipe,
)
from src.planning.replay import current_snapshot

from .bake_days import add_bake_days
from .packs import ingredient_v2_fields
from .schema import FORMAT, VERSION


def decimal_text(value: Decimal) -> str:
    """A stored decimal as the document writes it: no exponent, no trailing zeros."""
    if value == value.to_integral_value():
        return str(value.quantize(Decimal(1)))
    return format(value.normalize(), "f")


def timestamp_text(moment: datetime) -> str:
    """A stored (naive UTC) time as ISO 8601 with "Z"; microseconds only when present."""
    spec = "seconds" if moment.microsecond == 0 else "microseconds"
    return moment.replace(tzinfo=None).isoformat(timespec=spec) + "Z"


def _by_name(rows):
    return sorted(rows, key=lambda r: (r.name.casefold(), r.name, r.id))


def _ingredient(ing: Ingredient) -> dict[str, Any]:
    out: dict[str, Any] = {
        "name": ing.name,
        "category": ing.category or "",
        "density_g_per_ml": None
        if ing.density_g_per_ml is None
        else decimal_text(ing.density_g_per_ml),
    }
    out.update(ingredient_v2_fields(ing, decimal_text))
    return out


def _recipe(recipe: Recipe) -> dict[str, Any]:
    out: dict[str, Any] = {"name": recipe.name}
    if recipe.base_recipe is not None:
        out["base"] = recipe.base_recipe.name
    out["category"] = recipe.category or ""
    out["notes"] = recipe.notes or ""
    out["ingredients"] = [
        {"ingredient": line.ingredient.name, "quantity": decimal_text(line.quantity),
         "unit": line.unit}
        for line in recipe.ingredient_lines
    ]
    yields = []
    for unit in recipe.finished_units:
        row: dict[str, Any] = {"name": unit.name, "mode": unit.yield_mode.value}
        if unit.items_per_batch is not None:
            row["items_per_batch"] = unit.items_per_batch
        if unit.batch_percentage is not None:
            row["batch_percentage"] = decimal_text(unit.batch_percentage)
        yields.append(row)
    out["yields"] = yields
    return out


def _good(good: FinishedGood) -> dict[str, Any]:
    components = []
    for comp in good.components:
        if comp.finished_unit is not None:
            components.append({"unit": comp.finished_unit.name, "quantity": comp.quantity})
        else:
            assert comp.component_good is not None  # a component holds a unit or a good
            components.append({"good": comp.component_good.name, "quantity": comp.quantity})
    out: dict[str, Any] = {"name": good.name, "notes": good.notes or "", "components": components}
    if good.per_guest is not None:  # version 2 additions: only when set
        out["per_guest"] = decimal_text(good.per_guest)
    return out


def _amendment_data(
    data: Mapping[str, Any], goods: Mapping[int, str], recipes: Mapping[int, str]
) -> dict[str, Any]:
    """Stored ids → names (docs/EXCHANGE.md). The names the application keeps
    beside the ids stand in when the thing has since been deleted; keys this
    version does not know pass through unchanged."""
    out: dict[str, Any] = {}
    for key, value in data.items():
        if key == "finished_good_id":
            out["good"] = goods.get(value, data.get("finished_good_name"))
        elif key == "recipe_id":
            out["recipe"] = recipes.get(value, data.get("recipe_name"))
        elif key in ("selected_recipe_ids", "deselected_recipe_ids"):
            stem = key[: -len("_ids")]
            stored = list(data.get(stem + "_names") or [])
            out[stem.replace("_recipe", "_recipes")] = [
                recipes.get(rid, stored[i] if i < len(stored) else None)
                for i, rid in enumerate(value or [])
            ]
        elif key == "batch_changes":
            out[key] = [_amendment_data(c, goods, recipes) for c in value or ()]
        elif key not in (
            "finished_good_name",
            "recipe_name",
            "selected_recipe_names",
            "deselected_recipe_names",
        ):
            out[key] = value
    return out


def _event(event: Event, goods: Mapping[int, str], recipes: Mapping[int, str]) -> dict[str, Any]:
    decisions = sorted(event.batch_decisions, key=lambda d: (recipes[d.recipe_id].casefold(),
                                                             recipes[d.recipe_id]))
    runs = sorted(
        event.production_runs, key=lambda r: (r.recorded_at, recipes[r.recipe_id], r.id)
    )
    amendments = sorted(event.plan_amendments, key=lambda a: (a.created_at, a.id))
    snapshot = None
    if event.plan_snapshot is not None:  # today's names, no ids (they are this database's)
        snapshot = dict(event.plan_snapshot.snapshot_data)
        if "ids" in snapshot:
            snapshot = current_snapshot(snapshot, recipes, goods)
    return {
        "name": event.name,
        "date": event.event_date.isoformat(),
        "expected_attendees": event.expected_attendees,
        "notes": event.notes or "",
        "plan_state": event.plan_state.value,
        "output_mode": event.output_mode.value,
        "recipes": sorted((recipes[er.recipe_id] for er in event.event_recipes),
                          key=lambda n: (n.casefold(), n)),
        "finished_goods": [
            {"good": goods[line.finished_good_id], "quantity": line.quantity}
            | ({"leftover": line.leftover} if line.leftover is not None else {})
            for line in sorted(event.event_finished_goods,
                               key=lambda li: (goods[li.finished_good_id].casefold(),
                                               goods[li.finished_good_id]))
        ],
        "batch_decisions": [
            {"recipe": recipes[d.recipe_id], "batches": d.batches,
             "yield": d.finished_unit.name if d.finished_unit is not None else None}
            | ({"pinned": True} if d.pinned else {})
            for d in decisions
        ],
        "production": [
            {"recipe": recipes[r.recipe_id], "batches": r.batches,
             "recorded_at": timestamp_text(r.recorded_at), "notes": r.notes or ""}
            for r in runs
        ],
        "snapshot": snapshot,
        "amendments": [
            {"type": a.amendment_type.value, "reason": a.reason,
             "created_at": timestamp_text(a.created_at),
             "data": _amendment_data(a.amendment_data or {}, goods, recipes)}
            for a in amendments
        ],
    }


def build_document(session: Session) -> dict[str, Any]:
    """The whole database as a version-2 document (a bounded number of queries)."""
    ingredients = session.scalars(select(Ingredient).options(selectinload(Ingredient.packs))).all()
    recipes = session.scalars(
        select(Recipe).options(
            selectinload(Recipe.base_recipe),
            selectinload(Recipe.ingredient_lines),
            selectinload(Recipe.finished_units),
        )
    ).all()
    goods = session.scalars(
        select(FinishedGood).options(selectinload(FinishedGood.components))
    ).all()
    pantry = session.scalars(select(PantryItem).options(selectinload(PantryItem.ingredient))).all()
    events = session.scalars(
        select(Event).options(
            selectinload(Event.plan_snapshot),
            selectinload(Event.production_runs),
            selectinload(Event.batch_decisions),
        )
    ).all()
    # Everything the relationships above point at is already in the identity map.
    recipe_names = {r.id: r.name for r in recipes}
    good_names = {g.id: g.name for g in goods}
    document = {
        "format": FORMAT,
        "version": VERSION,
        "ingredients": [_ingredient(i) for i in _by_name(ingredients)],
        "recipes": [_recipe(r) for r in _by_name(recipes)],
        "finished_goods": [_good(g) for g in _by_name(goods)],
        "pantry": [
            {"ingredient": p.ingredient.name, "quantity": decimal_text(p.quantity),
             "unit": p.unit}
            for p in sorted(pantry, key=lambda p: (p.ingredient.name.casefold(),
                                                   p.ingredient.name))
        ],
        "events": [
            _event(e, good_names, recipe_names)
            for e in sorted(events, key=lambda e: (e.event_date, e.name.casefold(), e.name, e.id))
        ],
    }
    add_bake_days(session, document)
    return document
