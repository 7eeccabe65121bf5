"""Batch decisions: how many batches of each selected recipe the baker will bake.

A decision is for a selected recipe that the plan's lines need; any whole
number of batches ≥ 1 may be chosen (a shortfall is the baker's call, the
window asks for confirmation). In production, decisions change only through
an amendment (see amendments.py).
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from src.db import Database
from src.models import BatchDecision, Event, Recipe
from src.planning.batches import batch_need, is_stale
from src.planning.types import YieldType

from .. import policy
from ..errors import NotFoundError, ValidationError
from ..validation import parse_whole
from .dto import DecisionRow
from .events import load_event
from .loading import names_listed, needs_or_conflict


def recipe_name(session: Session, recipe_id: int) -> str:
    """The recipe's name, or NotFoundError."""
    name = session.scalar(select(Recipe.name).where(Recipe.id == recipe_id))
    if name is None:
        raise NotFoundError(f"Recipe {recipe_id} does not exist (it may have been deleted)")
    return name


def require_selected(event: Event, recipe_id: int, name: str) -> None:
    if recipe_id not in {er.recipe_id for er in event.event_recipes}:
        raise ValidationError(f"{name} is not selected for this event", field="recipe")


def recipe_need_or_error(
    session: Session, event: Event, recipe_id: int, name: str
) -> tuple[dict[int, int], dict[int, YieldType]]:
    """The recipe's needed items per unit in this plan, and all units; a
    ValidationError when no line of the plan needs the recipe."""
    lines = {x.finished_good_id: x.quantity for x in event.event_finished_goods}
    _, units, needs = needs_or_conflict(session, lines)
    if recipe_id not in needs:
        raise ValidationError(
            f"No finished good of this plan needs {name}; set quantities first",
            field="recipe",
        )
    return needs[recipe_id], units


def decision_of(event: Event, recipe_id: int) -> BatchDecision | None:
    return next((d for d in event.batch_decisions if d.recipe_id == recipe_id), None)


def set_batch_decision(
    db: Database,
    event_id: int,
    recipe_id: int,
    batches: int | str,
    finished_unit_id: int | None = None,
) -> DecisionRow:
    """Record (or replace) the batches to bake for a selected recipe the plan
    needs, in draft or locked plans. ``batches`` is a whole number ≥ 1 (int or
    text); ``finished_unit_id``, when given, must be one of the recipe's yield
    types. Returns the saved decision."""
    count = parse_whole(batches, what="Batches", field="batches")
    with db.uow() as session:
        event = load_event(session, event_id)
        policy.require(event.plan_state, policy.Action.EDIT_DECISIONS)
        name = recipe_name(session, recipe_id)
        require_selected(event, recipe_id, name)
        needed, units = recipe_need_or_error(session, event, recipe_id, name)
        yield_name = None
        if finished_unit_id is not None:
            unit = units.get(finished_unit_id)
            if unit is None:
                raise ValidationError(
                    f"Yield type {finished_unit_id} does not exist", field="finished_unit_id"
                )
            if unit.recipe_id != recipe_id:
                raise ValidationError(
                    f"{unit.name} is not a yield type of {name}", field="finished_unit_id"
                )
            if finished_unit_id not in needed:
                wanted = sorted(units[u].name for u in needed)
                raise ValidationError(
                    f"{unit.name} is not needed by this plan; {name} is needed as "
                    f"{names_listed(wanted)}",
                    field="finished_unit_id",
                )
            yield_name = unit.name
        decision = decision_of(event, recipe_id)
        if decision is None:
            decision = BatchDecision(recipe_id=recipe_id)
            event.batch_decisions.append(decision)
        decision.batches = count
        decision.finished_unit_id = finished_unit_id
        session.flush()
        return DecisionRow(
            batches=count,
            finished_unit_id=finished_unit_id,
            yield_name=yield_name,
            stale=is_stale(count, batch_need(needed, units)),
        )


def clear_batch_decision(db: Database, event_id: int, recipe_id: int) -> None:
    """Remove the recipe's decision (draft or locked plans); no-op when none."""
    with db.uow() as session:
        event = load_event(session, event_id)
        policy.require(event.plan_state, policy.Action.EDIT_DECISIONS)
        recipe_name(session, recipe_id)
        decision = decision_of(event, recipe_id)
        if decision is not None:
            event.batch_decisions.remove(decision)
