"""Has anything changed since the plan was shown? A cheap version of what a window shows.

Two windows — two processes, or two computers on one PostgreSQL server — may
show the same plan. Each polls ``plan_version`` every few seconds and
refreshes when it differs from the version read with the shown plan;
``PlanVersion.changes_since`` names what changed for the notice.

The version is one statement: per area, the row count and a fingerprint of
the rows that changes whenever a row is written. On SQLite (one computer, one
clock) the fingerprint is the newest ``updated_at``; on PostgreSQL, where
computers' clocks may disagree, it is the sum of the rows' ``xmin`` (the id of
the transaction that last wrote each row), which changes on every write
whatever the clocks say. A deletion changes the count.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Table, func, literal_column, select
from sqlalchemy.exc import DBAPIError

from src.db import Database
from src.models import (
    Base,
    BatchDecision,
    Event,
    EventFinishedGood,
    EventRecipe,
    FinishedGood,
    FinishedGoodComponent,
    FinishedUnit,
    Ingredient,
    PantryItem,
    PlanAmendment,
    PlanSnapshot,
    ProductionRun,
    Recipe,
    RecipeIngredient,
)

from ..errors import ServiceError

EVENT_DELETED = "this event was deleted"

# What the baker is told changed, and the event's own tables behind it.
EVENT_AREAS: tuple[tuple[str, tuple[type[Base], ...]], ...] = (
    ("recipes chosen", (EventRecipe,)),
    ("finished goods", (EventFinishedGood,)),
    ("batch decisions", (BatchDecision,)),
    ("production", (ProductionRun,)),
    ("amendments", (PlanAmendment, PlanSnapshot)),
)
# Shared by every event.
SHARED_AREAS: tuple[tuple[str, tuple[type[Base], ...]], ...] = (
    ("the catalog", (Ingredient, Recipe, RecipeIngredient, FinishedUnit, FinishedGood,
                     FinishedGoodComponent)),
    ("the pantry", (PantryItem,)),
)


@dataclass(frozen=True)
class PlanVersion:
    """What one window last saw: (area, fingerprint) pairs. Equal versions mean
    nothing the window shows has changed."""

    event_id: int | None
    parts: tuple[tuple[str, tuple[Any, ...]], ...]

    def changes_since(self, older: PlanVersion) -> tuple[str, ...]:
        """The areas that differ from ``older`` (same event), in display order;
        ``EVENT_DELETED`` alone when the event is gone."""
        before = dict(older.parts)
        now = dict(self.parts)
        if self.event_id is not None and now.get("the event") == (0, None):
            return (EVENT_DELETED,)
        return tuple(area for area, value in self.parts if before.get(area) != value)


def _fingerprint(table: Table, dialect: str) -> ColumnElement[Any]:
    if dialect == "postgresql":
        return func.sum(literal_column(f'"{table.name}".xmin::text::bigint'))
    return func.max(table.c.updated_at)


def _table(model: type[Base]) -> Table:
    """The mapped table of a model (every model maps one plain table)."""
    table = model.__table__
    assert isinstance(table, Table), f"{model.__name__} maps no plain table"
    return table


def _probes(table: Table, dialect: str, where: Sequence[ColumnElement[bool]]) -> list:
    count = select(func.count()).select_from(table).where(*where).scalar_subquery()
    mark = select(_fingerprint(table, dialect)).select_from(table).where(*where).scalar_subquery()
    return [count, mark]


def plan_version(db: Database, event_id: int | None) -> PlanVersion:
    """The current version of what a window showing ``event_id`` (None: only the
    event list) shows: the event, its plan, the other events, the catalog and
    the pantry. One statement. ServiceError when the database cannot be reached."""
    dialect = db.engine.dialect.name
    areas: list[tuple[str, list]] = []
    events = _table(Event)
    if event_id is not None:
        areas.append(("the event", _probes(events, dialect, [events.c.id == event_id])))
        for label, models in EVENT_AREAS:
            probes: list = []
            for model in models:
                table = _table(model)
                probes += _probes(table, dialect, [table.c.event_id == event_id])
            areas.append((label, probes))
    others = [events.c.id != event_id] if event_id is not None else []
    areas.append(("the event list", _probes(events, dialect, others)))
    for label, models in SHARED_AREAS:
        areas.append((label, [p for m in models for p in _probes(_table(m), dialect, [])]))
    try:
        with db.uow() as session:
            row = session.execute(select(*[p for _, probes in areas for p in probes])).one()
    except DBAPIError as exc:  # the server went away, the network dropped, ...
        reason = (str(exc.orig).strip().splitlines() or ["unknown error"])[0]
        raise ServiceError(f"Cannot check the database for changes: {reason}") from exc
    values = iter(row)
    parts = tuple((label, tuple(next(values) for _ in probes)) for label, probes in areas)
    return PlanVersion(event_id, parts)
