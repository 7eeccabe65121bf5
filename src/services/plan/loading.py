"""Loading for the plan services: catalog and event rows as plain planning data.

Private to src/services. Every function takes an open session and never
commits. Each loads one table (or a few joined ones) with one statement of
selected columns (no ORM objects, no lazy loads), so a caller's statement
count does not grow with the size of the catalog or the plan.

The plan view reads through its own combined loaders (``plan_queries``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from src.models import (
    BatchDecision,
    Event,
    EventFinishedGood,
    EventRecipe,
    FinishedGood,
    FinishedGoodComponent,
    FinishedUnit,
    Ingredient,
    PantryItem,
    PlanSnapshot,
    PlanState,
    ProductionRun,
    Recipe,
    RecipeIngredient,
)
from src.planning.aggregation import IngredientInfo, IngredientLine, effective_lines
from src.planning.decomposition import (
    CycleError,
    decompose_lines,
    group_by_recipe,
    recipes_reached,
)
from src.planning.shopping import PantryLine
from src.planning.types import Component, Good, YieldType

from ..errors import ConflictError, NotFoundError
from .dto import RecipeChoiceRow

__all__ = [
    "RecipeInfo",
    "EventRow",
    "cycle_message",
    "load_event_row",
    "load_recipes",
    "load_units",
    "load_goods",
    "load_ingredients",
    "load_recipe_lines",
    "with_ancestors",
    "effective_recipe_lines",
    "load_pantry",
    "load_selected",
    "load_lines",
    "load_decisions",
    "reached_recipes",
    "needs_by_recipe",
    "names_listed",
    "needs_or_conflict",
    "load_baked",
    "load_snapshot",
    "recipe_choice_rows",
]


@dataclass(frozen=True)
class RecipeInfo:
    id: int
    name: str
    category: str
    base_id: int | None


@dataclass(frozen=True)
class EventRow:
    id: int
    name: str
    event_date: date
    expected_attendees: int | None
    notes: str
    plan_state: PlanState
    output_mode: str


def plain(value: Decimal) -> Decimal:
    """``value`` without the storage scale's trailing zeros ("2.750000" → 2.75),
    never in exponent form."""
    value = Decimal(value)
    if value == value.to_integral_value():
        return value.quantize(Decimal(1))
    return value.normalize()


def cycle_message(exc: CycleError) -> str:
    return (
        "The finished goods contain a cycle: "
        + " → ".join(exc.names)
        + ". Edit one of these bundles so that it no longer contains itself."
    )


def names_listed(names: Iterable[str]) -> str:
    """ "A", "A and B", "A, B and C"."""
    items = list(names)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def _cols(model):
    """The model's table columns: selecting them runs on the Core path, which
    skips the ORM's per-row processing (the catalog tables have thousands of rows)."""
    return model.__table__.c


def load_event_row(session: Session, event_id: int) -> EventRow:
    row = session.execute(
        select(
            Event.id,
            Event.name,
            Event.event_date,
            Event.expected_attendees,
            Event.notes,
            Event.plan_state,
            Event.output_mode,
        ).where(Event.id == event_id)
    ).first()
    if row is None:
        raise NotFoundError(f"Event {event_id} does not exist (it may have been deleted)")
    return EventRow(
        row.id,
        row.name,
        row.event_date,
        row.expected_attendees,
        row.notes or "",
        row.plan_state,
        row.output_mode.value,
    )


def load_recipes(session: Session) -> dict[int, RecipeInfo]:
    rows = session.execute(
        select(
            _cols(Recipe).id,
            _cols(Recipe).name,
            _cols(Recipe).category,
            _cols(Recipe).base_recipe_id,
        )
    ).all()
    return {r[0]: RecipeInfo(r[0], r[1], r[2] or "", r[3]) for r in rows}


def load_units(session: Session) -> dict[int, YieldType]:
    rows = session.execute(
        select(
            _cols(FinishedUnit).id,
            _cols(FinishedUnit).recipe_id,
            _cols(FinishedUnit).name,
            _cols(FinishedUnit).yield_mode,
            _cols(FinishedUnit).items_per_batch,
            _cols(FinishedUnit).batch_percentage,
        )
    ).all()
    return {
        r[0]: YieldType(r[0], r[1], r[2], r[3].value, r[4], None if r[5] is None else plain(r[5]))
        for r in rows
    }


def load_goods(session: Session) -> dict[int, Good]:
    names = session.execute(select(_cols(FinishedGood).id, _cols(FinishedGood).name)).all()
    comps = session.execute(
        select(
            _cols(FinishedGoodComponent).finished_good_id,
            _cols(FinishedGoodComponent).quantity,
            _cols(FinishedGoodComponent).finished_unit_id,
            _cols(FinishedGoodComponent).component_good_id,
        ).order_by(_cols(FinishedGoodComponent).id)
    ).all()
    by_good: dict[int, list[Component]] = {}
    for gid, qty, unit_id, child_id in comps:
        by_good.setdefault(gid, []).append(Component(qty, unit_id, child_id))
    return {gid: Good(gid, name, tuple(by_good.get(gid, ()))) for gid, name in names}


def load_ingredients(session: Session) -> dict[int, IngredientInfo]:
    rows = session.execute(
        select(
            _cols(Ingredient).id,
            _cols(Ingredient).name,
            _cols(Ingredient).category,
            _cols(Ingredient).density_g_per_ml,
            _cols(Ingredient).preferred_unit,
        )
    ).all()
    return {
        r[0]: IngredientInfo(r[0], r[1], r[2] or "", None if r[3] is None else plain(r[3]), r[4])
        for r in rows
    }


def load_recipe_lines(
    session: Session, recipe_ids: Iterable[int]
) -> dict[int, list[IngredientLine]]:
    """recipe id → its own ingredient lines (in entry order), for ``recipe_ids``
    only (one statement)."""
    wanted = sorted(set(recipe_ids))
    if not wanted:
        return {}
    rows = session.execute(
        select(
            _cols(RecipeIngredient).recipe_id,
            _cols(RecipeIngredient).ingredient_id,
            _cols(RecipeIngredient).quantity,
            _cols(RecipeIngredient).unit,
        )
        .where(_cols(RecipeIngredient).recipe_id.in_(wanted))
        .order_by(_cols(RecipeIngredient).id)
    ).all()
    out: dict[int, list[IngredientLine]] = {}
    for rid, ing_id, qty, unit in rows:
        out.setdefault(rid, []).append(IngredientLine(ing_id, plain(qty), unit))
    return out


def with_ancestors(recipes: Mapping[int, RecipeInfo], recipe_ids: Iterable[int]) -> set[int]:
    """``recipe_ids`` and every base they inherit from, through any depth."""
    out: set[int] = set()
    for first in recipe_ids:
        rid: int | None = first
        while rid is not None and rid not in out and rid in recipes:
            out.add(rid)
            rid = recipes[rid].base_id
    return out


def effective_recipe_lines(
    recipes: Mapping[int, RecipeInfo],
    own_lines: Mapping[int, list[IngredientLine]],
    recipe_id: int,
) -> tuple[IngredientLine, ...]:
    """The recipe's lines after inheritance from its base chain (a variant's
    own line for an ingredient replaces its base's)."""
    chain: list[int] = []
    rid: int | None = recipe_id
    while rid is not None and rid in recipes and rid not in chain:
        chain.append(rid)
        rid = recipes[rid].base_id
    lines: tuple[IngredientLine, ...] | None = None
    for rid in reversed(chain):
        lines = effective_lines(own_lines.get(rid, ()), lines)
    return lines or ()


def load_pantry(session: Session) -> list[PantryLine]:
    rows = session.execute(
        select(_cols(PantryItem).ingredient_id, _cols(PantryItem).quantity, _cols(PantryItem).unit)
    ).all()
    return [PantryLine(r[0], plain(r[1]), r[2]) for r in rows]


def load_selected(session: Session, event_id: int) -> set[int]:
    return set(
        session.scalars(select(EventRecipe.recipe_id).where(EventRecipe.event_id == event_id))
    )


def load_lines(session: Session, event_id: int) -> dict[int, int]:
    """good id → quantity of the event's finished-good lines."""
    rows = session.execute(
        select(EventFinishedGood.finished_good_id, EventFinishedGood.quantity).where(
            EventFinishedGood.event_id == event_id
        )
    ).all()
    return {gid: qty for gid, qty in rows}


def load_decisions(session: Session, event_id: int) -> dict[int, tuple[int, int | None]]:
    """recipe id → (batches, finished unit id) of the event's batch decisions."""
    rows = session.execute(
        select(
            BatchDecision.recipe_id, BatchDecision.batches, BatchDecision.finished_unit_id
        ).where(BatchDecision.event_id == event_id)
    ).all()
    return {rid: (batches, unit_id) for rid, batches, unit_id in rows}


def reached_recipes(
    goods: Mapping[int, Good], units: Mapping[int, YieldType], good_ids: Iterable[int]
) -> dict[int, frozenset[int]]:
    """good id → ids of the recipes its decomposition reaches
    (src.planning.decomposition.recipes_reached), for ``good_ids`` and the goods
    they contain. A cycle reachable from them is a ConflictError naming its goods."""
    try:
        return recipes_reached(goods, units, list(good_ids))
    except CycleError as exc:
        raise ConflictError(cycle_message(exc)) from exc


def needs_by_recipe(
    lines: Mapping[int, int], goods: Mapping[int, Good], units: Mapping[int, YieldType]
) -> dict[int, dict[int, int]]:
    """recipe id → {unit id: items} needed by ``lines`` (good id → quantity).
    Raises CycleError on a cycle reachable from the lines."""
    return group_by_recipe(decompose_lines(dict(lines), goods), units)


def needs_or_conflict(
    session: Session, lines: Mapping[int, int]
) -> tuple[dict[int, Good], dict[int, YieldType], dict[int, dict[int, int]]]:
    """Goods, units, and recipe id → {unit id: items} for the given lines; a
    cycle reachable from the lines is a ConflictError naming its goods."""
    goods, units = load_goods(session), load_units(session)
    try:
        return goods, units, needs_by_recipe(lines, goods, units)
    except CycleError as exc:
        raise ConflictError(cycle_message(exc)) from exc


def load_baked(session: Session, event_id: int) -> dict[int, int]:
    """recipe id → batches baked so far for the event (one statement)."""
    rows = session.execute(
        select(ProductionRun.recipe_id, func.sum(ProductionRun.batches))
        .where(ProductionRun.event_id == event_id)
        .group_by(ProductionRun.recipe_id)
    ).all()
    return {rid: int(total) for rid, total in rows}


def load_snapshot(session: Session, event_id: int) -> dict | None:
    return session.scalar(
        select(PlanSnapshot.snapshot_data).where(PlanSnapshot.event_id == event_id)
    )


def recipe_choice_rows(
    recipes: Mapping[int, RecipeInfo], selected: set[int]
) -> tuple[RecipeChoiceRow, ...]:
    """Bases by name, each followed by its variants (depth-first, by name)."""
    children: dict[int | None, list[RecipeInfo]] = {}
    for r in recipes.values():
        parent = r.base_id if r.base_id in recipes else None
        children.setdefault(parent, []).append(r)
    for group in children.values():
        group.sort(key=lambda r: (r.name.casefold(), r.id))
    order: list[RecipeInfo] = []
    seen: set[int] = set()
    stack = list(reversed(children.get(None, [])))
    while stack:
        r = stack.pop()
        if r.id in seen:
            continue
        seen.add(r.id)
        order.append(r)
        stack.extend(reversed(children.get(r.id, [])))
    # Recipes on a base cycle (not reachable from any base) still appear.
    order += sorted((r for r in recipes.values() if r.id not in seen), key=lambda r: r.name)
    return tuple(
        RecipeChoiceRow(
            id=r.id,
            name=r.name,
            category=r.category,
            base_recipe_id=r.base_id,
            base_recipe_name=(
                recipes[r.base_id].name
                if r.base_id is not None and r.base_id in recipes else None
            ),
            is_variant=r.base_id is not None,
            selected=r.id in selected,
        )
        for r in order
    )
