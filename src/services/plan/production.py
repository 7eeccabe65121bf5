"""Production runs: batches actually baked for a recipe of a plan in production."""

from __future__ import annotations

from datetime import UTC, datetime
from functools import cache
from typing import Any

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session

from src.db import Database
from src.models import ProductionRun, Recipe
from src.utils.datetime_utils import utc_now

from .. import policy
from ..errors import ConflictError, ValidationError
from ..validation import parse_whole
from .decisions import decision_of, recipe_name, require_selected
from .dto import ProductionRunRow
from .events import load_event
from .loading import load_baked

NOTES_MAX = 2000


def _recorded_at(value: datetime | str | None) -> datetime:
    if value is None or (isinstance(value, str) and not value.strip()):
        return utc_now()
    if isinstance(value, str):
        try:
            moment = datetime.fromisoformat(value.strip())
        except ValueError:
            raise ValidationError(
                f'"{value}" is not a valid time; use e.g. 2026-12-18T10:00:00',
                field="recorded_at",
            ) from None
    elif isinstance(value, datetime):
        moment = value
    else:
        raise ValidationError(
            "The time of a production run must be a date and time", field="recorded_at"
        )
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC).replace(tzinfo=None)
    return moment


@cache
def _runs_statement() -> Any:
    return (
        select(
            ProductionRun.id,
            ProductionRun.recipe_id,
            Recipe.name,
            ProductionRun.batches,
            ProductionRun.recorded_at,
            ProductionRun.notes,
        )
        .join(Recipe, Recipe.id == ProductionRun.recipe_id)
        .where(ProductionRun.event_id == bindparam("event_id"))
        .order_by(ProductionRun.recorded_at, ProductionRun.id)
    )


def run_rows(session: Session, event_id: int) -> tuple[ProductionRunRow, ...]:
    """The event's production runs, oldest first (one statement)."""
    rows = session.execute(_runs_statement(), {"event_id": event_id}).all()
    return tuple(ProductionRunRow(r[0], r[1], r[2], r[3], r[4], r[5] or "") for r in rows)


def over_message(name: str, count: int, decided: int, baked: int) -> str:
    """The question asked before recording beyond the decision."""
    batches = "1 batch" if count == 1 else f"{count} batches"
    if decided == 0:
        every = "the 1 batch" if count == 1 else f"all {count} batches"
        return (
            f"{name} has no batch decision, so {every} would be extras; "
            "confirm to record the extra batches"
        )
    return (
        f"Recording {batches} of {name} goes beyond the decision "
        f"({decided} decided, {baked} already baked, {baked + count} after this); "
        "confirm to record the extra batches"
    )


def record_production(
    db: Database,
    event_id: int,
    recipe_id: int,
    batches: int | str,
    notes: str = "",
    recorded_at: datetime | str | None = None,
    over: bool = False,
) -> ProductionRunRow:
    """Record that ``batches`` (whole, ≥ 1) batches of a selected recipe were
    baked; only while the plan is in production. Going beyond the decided
    batches (or baking a recipe with no decision) needs ``over=True`` — the
    baker's confirmation; the plan then shows the overage as extras."""
    count = parse_whole(batches, what="Batches baked", field="batches")
    moment = _recorded_at(recorded_at)
    text = (notes or "").strip()
    if len(text) > NOTES_MAX:
        raise ValidationError(
            f"Notes must be at most {NOTES_MAX} characters (they have {len(text)})",
            field="notes",
        )
    with db.uow() as session:
        event = load_event(session, event_id)
        policy.require(event.plan_state, policy.Action.RECORD_PRODUCTION)
        name = recipe_name(session, recipe_id)
        require_selected(event, recipe_id, name)
        decision = decision_of(event, recipe_id)
        decided = 0 if decision is None else decision.batches
        baked = load_baked(session, event_id).get(recipe_id, 0)
        if baked + count > decided and not over:
            raise ConflictError(over_message(name, count, decided, baked))
        run = ProductionRun(
            event_id=event_id, recipe_id=recipe_id, batches=count, recorded_at=moment, notes=text
        )
        session.add(run)
        session.flush()
        return ProductionRunRow(run.id, recipe_id, name, count, moment, text)


def list_production_runs(db: Database, event_id: int) -> tuple[ProductionRunRow, ...]:
    """The event's production runs, oldest first."""
    with db.uow() as session:
        load_event(session, event_id)
        return run_rows(session, event_id)
