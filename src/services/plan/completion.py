"""The completion record: what a completed plan's figures were computed from,
frozen when the plan is completed (DESIGN.md: "a completed plan is history").

Private to src/services; every function takes an open session. The record
holds the plan's part of the catalog — its recipes (and the bases they
inherit from), their yield types and ingredient lines, the goods its lines
reach, those ingredients and the pantry of them — as it was at completion.
The plan view of a completed plan computes its figures from the record, so
they do not change when the catalog changes later. Written once, never
rewritten::

    {"version": 1, "completed_at": "...Z",
     "recipes": [[id, name, category, base_id]], "units": [[id, recipe_id, name,
     mode, items_per_batch, batch_percentage]], "goods": [[id, name, [[quantity,
     unit_id, good_id]]]], "ingredients": [[id, name, category, density,
     preferred_unit]], "lines": [[recipe_id, ingredient_id, quantity, unit]],
     "pantry": [[ingredient_id, quantity, unit]]}
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from src.models import PlanCompletion
from src.planning.aggregation import IngredientInfo, IngredientLine
from src.planning.plan_view import PlanCatalog
from src.planning.plan_view.compare import parse_taken_at
from src.planning.shopping import PantryLine
from src.planning.types import Component, Good, YieldType
from src.planning.variants import RecipeInfo, with_ancestors
from src.utils.datetime_utils import utc_now

from .catalog_rows import load_plan_catalog, load_recipe_lines
from .loading import load_event_choices

RECORD_VERSION = 1


def _text(value: Decimal | None) -> str | None:
    return None if value is None else str(value)


def _reached_goods(goods: Mapping[int, Good], line_goods: list[int]) -> set[int]:
    seen: set[int] = set()
    stack = list(line_goods)
    while stack:
        gid = stack.pop()
        if gid in seen or gid not in goods:
            continue
        seen.add(gid)
        stack.extend(c.good_id for c in goods[gid].components if c.good_id is not None)
    return seen


def build_record(session: Session, event_id: int) -> dict[str, Any]:
    """The completion record of the event's plan as the catalog is now."""
    catalog = load_plan_catalog(session)
    choices = load_event_choices(session, event_id)
    recipe_ids = with_ancestors(catalog.recipes, choices.selected | set(choices.decisions))
    own = load_recipe_lines(session, recipe_ids)
    ingredient_ids = {line.ingredient_id for lines in own.values() for line in lines}
    goods = _reached_goods(catalog.goods, list(choices.lines))
    return {
        "version": RECORD_VERSION,
        "completed_at": utc_now().replace(microsecond=0).isoformat() + "Z",
        "recipes": [
            [r.id, r.name, r.category, r.base_id]
            for r in sorted(catalog.recipes.values(), key=lambda r: r.id)
            if r.id in recipe_ids
        ],
        "units": [
            [u.id, u.recipe_id, u.name, u.mode, u.items_per_batch, _text(u.batch_percentage)]
            for u in sorted(catalog.units.values(), key=lambda u: u.id)
            if u.recipe_id in recipe_ids
        ],
        "goods": [
            [g.id, g.name, [[c.quantity, c.unit_id, c.good_id] for c in g.components]]
            for g in sorted(catalog.goods.values(), key=lambda g: g.id)
            if g.id in goods
        ],
        "ingredients": [
            [i.id, i.name, i.category, _text(i.density_g_per_ml), i.preferred_unit]
            for i in sorted(catalog.ingredients.values(), key=lambda i: i.id)
            if i.id in ingredient_ids
        ],
        "lines": [
            [rid, line.ingredient_id, str(line.quantity), line.unit]
            for rid in sorted(own)
            for line in own[rid]
        ],
        "pantry": [
            [p.ingredient_id, str(p.quantity), p.unit]
            for p in catalog.pantry
            if p.ingredient_id in ingredient_ids
        ],
    }


def write_completion_once(session: Session, event_id: int) -> bool:
    """Store the event's completion record unless it has one. True when written now."""
    exists = session.scalar(
        select(PlanCompletion.id).where(PlanCompletion.event_id == event_id)
    )
    if exists is not None:
        return False
    session.add(PlanCompletion(event_id=event_id, completion_data=build_record(session, event_id)))
    session.flush()
    return True


def _decimal(value: str | None) -> Decimal | None:
    return None if value is None else Decimal(value)


def frozen_catalog(
    record: dict[str, Any], live: PlanCatalog | None = None
) -> tuple[PlanCatalog, dict[int, list[IngredientLine]], datetime]:
    """The catalog, the recipes' own lines and the completion time of a record.

    Packs and the currency are not part of the record: with ``live`` (today's
    catalog) they are today's, so a completed plan's costs use today's prices."""
    recipes = {r[0]: RecipeInfo(r[0], r[1], r[2], r[3]) for r in record["recipes"]}
    units = {
        u[0]: YieldType(u[0], u[1], u[2], u[3], u[4], _decimal(u[5])) for u in record["units"]
    }
    goods = {
        g[0]: Good(g[0], g[1], tuple(Component(c[0], c[1], c[2]) for c in g[2]))
        for g in record["goods"]
    }
    ingredients = {
        i[0]: IngredientInfo(i[0], i[1], i[2], _decimal(i[3]), i[4]) for i in record["ingredients"]
    }
    lines: dict[int, list[IngredientLine]] = {}
    for rid, iid, qty, unit in record["lines"]:
        lines.setdefault(rid, []).append(IngredientLine(iid, Decimal(qty), unit))
    pantry = [PantryLine(p[0], Decimal(p[1]), p[2]) for p in record["pantry"]]
    catalog = PlanCatalog(recipes, units, goods, ingredients, pantry)
    if live is not None:
        catalog = PlanCatalog(recipes, units, goods, ingredients, pantry,
                              live.packs, live.currency)
    return catalog, lines, parse_taken_at({"taken_at": record.get("completed_at")})


def load_completion(session: Session, event_id: int, state: object) -> dict[str, Any] | None:
    """The event's completion record when its plan is completed (one statement), else None."""
    from src.models.event import PlanState

    if state != PlanState.COMPLETED:
        return None
    return session.scalar(
        select(PlanCompletion.completion_data).where(PlanCompletion.event_id == event_id)
    )


def write_missing_records(session: Session) -> int:
    """Write the record of every completed plan that has none (imported ones)."""
    from src.models import Event
    from src.models.event import PlanState

    done = session.scalars(
        select(Event.id).where(
            Event.plan_state == PlanState.COMPLETED,
            Event.id.not_in(select(PlanCompletion.event_id)),
        )
    ).all()
    for event_id in done:
        write_completion_once(session, event_id)
    return len(done)
