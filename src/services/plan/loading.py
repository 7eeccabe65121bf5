"""Loading for the plan services: an event's rows as plain planning data.

Private to src/services. Every function takes an open session and never
commits. Each loads one table (or a few joined ones) with one statement of
selected columns (no ORM objects, no lazy loads), so a caller's statement
count does not grow with the size of the plan. The catalog's tables are read
in src.services.plan.catalog_rows; this module reads the event's.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Any

from sqlalchemy import bindparam, literal, select, union_all
from sqlalchemy.orm import Session

from src.models import (
    BatchDecision,
    Event,
    EventFinishedGood,
    EventRecipe,
    PlanSnapshot,
    PlanState,
    ProductionRun,
)
from src.planning.decomposition import CycleError, recipes_reached
from src.planning.plan_view.batches import needs_by_recipe
from src.planning.plan_view.catalog import cycle_message
from src.planning.progress import baked_by_recipe
from src.planning.types import Good, YieldType

from ..errors import ConflictError, NotFoundError
from .catalog_rows import driver_rows, load_goods, load_units

__all__ = [
    "EventRow",
    "EventChoices",
    "names_listed",
    "load_event_row",
    "load_event_and_snapshot",
    "load_event_choices",
    "load_selected",
    "load_lines",
    "load_decisions",
    "reached_recipes",
    "needs_or_conflict",
    "load_baked",
    "load_snapshot",
]


@dataclass(frozen=True)
class EventRow:
    id: int
    name: str
    event_date: date
    expected_attendees: int | None
    notes: str
    plan_state: PlanState
    output_mode: str


def names_listed(names: Iterable[str]) -> str:
    """ "A", "A and B", "A, B and C"."""
    items = list(names)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


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


@dataclass(frozen=True)
class EventChoices:
    """The event's selected recipes, finished-good lines and batch decisions."""

    selected: set[int]
    lines: dict[int, int]
    decisions: dict[int, tuple[int, int | None]]


@cache
def _event_and_snapshot_statement() -> Any:
    e, snap = Event.__table__.c, PlanSnapshot.__table__.c
    return (
        select(
            e.id, e.name, e.event_date, e.expected_attendees, e.notes, e.plan_state,
            e.output_mode, snap.snapshot_data,
        )
        .select_from(Event.__table__.outerjoin(PlanSnapshot.__table__, snap.event_id == e.id))
        .where(e.id == bindparam("event_id"))
    )  # fmt: skip


def load_event_and_snapshot(session: Session, event_id: int) -> tuple[EventRow, dict | None]:
    """The event's row and its plan snapshot, if any (one statement)."""
    row = session.execute(_event_and_snapshot_statement(), {"event_id": event_id}).first()
    if row is None:
        raise NotFoundError(f"Event {event_id} does not exist (it may have been deleted)")
    event = EventRow(row[0], row[1], row[2], row[3], row[4] or "", row[5], row[6].value)
    return event, row[7]


@cache
def _choices_statement() -> Any:
    """The event's selections, lines and decisions: the three tables' rows
    tagged 1, 2, 3 and padded to the same columns (all whole numbers)."""
    er, efg, bd = (
        EventRecipe.__table__.c,
        EventFinishedGood.__table__.c,
        BatchDecision.__table__.c,
    )
    none = literal(None, type_=BatchDecision.__table__.c.finished_unit_id.type)
    event_id: Any = bindparam("event_id")
    return union_all(
        select(literal(1), er.recipe_id, literal(0), none).where(er.event_id == event_id),
        select(literal(2), efg.finished_good_id, efg.quantity, none).where(
            efg.event_id == event_id
        ),
        select(literal(3), bd.recipe_id, bd.batches, bd.finished_unit_id).where(
            bd.event_id == event_id
        ),
    )


def load_event_choices(session: Session, event_id: int) -> EventChoices:
    """Selections, lines and decisions of the event in one statement."""
    selected: set[int] = set()
    lines: dict[int, int] = {}
    decisions: dict[int, tuple[int, int | None]] = {}
    for kind, key, number, unit_id in driver_rows(
        session, _choices_statement(), {"event_id": event_id}
    ):
        if kind == 1:
            selected.add(key)
        elif kind == 2:
            lines[key] = number
        else:
            decisions[key] = (number, unit_id)
    return EventChoices(selected, lines, decisions)


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
        select(ProductionRun.recipe_id, ProductionRun.batches).where(
            ProductionRun.event_id == event_id
        )
    ).all()
    return baked_by_recipe((rid, batches) for rid, batches in rows)


def load_snapshot(session: Session, event_id: int) -> dict | None:
    return session.scalar(
        select(PlanSnapshot.snapshot_data).where(PlanSnapshot.event_id == event_id)
    )
