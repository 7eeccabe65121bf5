"""Events: create, update, delete, get, list. One transaction per call."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session, lazyload

from src.db import Database
from src.models import (
    BatchDecision,
    Event,
    EventFinishedGood,
    EventRecipe,
    PlanAmendment,
    ProductionRun,
)

from .. import policy
from ..errors import NotFoundError, UserInputError, ValidationError
from ..validation import clean_name, name_key, parse_date, parse_optional_whole


@dataclass(frozen=True)
class EventView:
    id: int
    name: str
    event_date: date
    expected_attendees: int | None
    notes: str
    plan_state: str
    output_mode: str


@dataclass(frozen=True)
class EventDeleteSummary:
    """What deleting an event removes, for the confirmation message."""

    event: EventView
    recipes: int
    lines: int
    decisions: int
    production_runs: int
    amendments: int


def to_event_view(event: Event) -> EventView:
    return EventView(
        id=event.id,
        name=event.name,
        event_date=event.event_date,
        expected_attendees=event.expected_attendees,
        notes=event.notes or "",
        plan_state=event.plan_state.value,
        output_mode=event.output_mode.value,
    )


def load_event(session: Session, event_id: int) -> Event:
    """The event a mutating service is about to check and change, locked for the
    rest of the unit of work. On a shared PostgreSQL server the row lock keeps a
    state check and its write atomic across computers; SQLite needs no row lock
    (every unit of work holds the write lock: BEGIN IMMEDIATE in src/db.py) and
    SQLAlchemy renders no FOR UPDATE there."""
    event = session.get(Event, event_id, with_for_update=True)
    if event is None:
        raise NotFoundError(f"Event {event_id} does not exist (it may have been deleted)")
    return event


def _validated(name, event_date, expected_attendees, notes) -> tuple[str, date, int | None, str]:
    errors: dict[str, str] = {}
    values: dict[str, object] = {}
    for field, parse in (
        ("name", lambda: clean_name(name, what="Event name")),
        ("event_date", lambda: parse_date(event_date)),
        (
            "expected_attendees",
            lambda: parse_optional_whole(
                expected_attendees, what="Expected attendees", field="expected_attendees"
            ),
        ),
    ):
        try:
            values[field] = parse()
        except ValidationError as exc:
            errors[field] = exc.message
    if errors:
        raise ValidationError.from_errors(errors)
    return (
        values["name"],  # type: ignore[return-value]
        values["event_date"],
        values["expected_attendees"],
        (notes or "").strip(),
    )


def create_event(
    db: Database,
    *,
    name: str,
    event_date: date | str,
    expected_attendees: int | str | None = None,
    notes: str = "",
) -> EventView:
    """Create a draft event. Names need not be unique."""
    clean = _validated(name, event_date, expected_attendees, notes)
    with db.uow() as session:
        event = Event(
            name=clean[0], event_date=clean[1], expected_attendees=clean[2], notes=clean[3]
        )
        session.add(event)
        session.flush()
        return to_event_view(event)


def update_event(
    db: Database,
    event_id: int,
    *,
    name: str,
    event_date: date | str,
    expected_attendees: int | str | None = None,
    notes: str = "",
) -> EventView:
    """Change an event's details (allowed until the plan is completed)."""
    clean = _validated(name, event_date, expected_attendees, notes)
    with db.uow() as session:
        event = load_event(session, event_id)
        policy.require(event.plan_state, policy.Action.EDIT_DETAILS)
        event.name, event.event_date, event.expected_attendees, event.notes = clean
        session.flush()
        return to_event_view(event)


def delete_event(db: Database, event_id: int) -> None:
    """Delete an event with its selections, lines, decisions, runs, amendments, snapshot."""
    with db.uow() as session:
        event = load_event(session, event_id)
        policy.require(event.plan_state, policy.Action.DELETE_EVENT)
        session.delete(event)


def get_event(db: Database, event_id: int) -> EventView:
    with db.uow() as session:
        event = session.get(Event, event_id, options=[lazyload("*")])
        if event is None:
            raise NotFoundError(f"Event {event_id} does not exist (it may have been deleted)")
        return to_event_view(event)


def list_events(db: Database) -> list[EventView]:
    """All events, newest date first (then name)."""
    with db.uow() as session:
        events = session.scalars(
            # lazyload: the plan collections (selectin by the model contract) are not
            # needed for a list, and would cost four more queries.
            select(Event)
            .options(lazyload("*"))
            .order_by(Event.event_date.desc(), Event.name, Event.id)
        ).all()
        return [to_event_view(e) for e in events]


def event_delete_summary(db: Database, event_id: int) -> EventDeleteSummary:
    """Counts of what deleting the event would remove."""
    with db.uow() as session:
        event = load_event(session, event_id)

        def count(model) -> int:
            return (
                session.scalar(
                    select(func.count()).select_from(model).where(model.event_id == event_id)
                )
                or 0
            )

        return EventDeleteSummary(
            event=to_event_view(event),
            recipes=count(EventRecipe),
            lines=count(EventFinishedGood),
            decisions=count(BatchDecision),
            production_runs=count(ProductionRun),
            amendments=count(PlanAmendment),
        )




def closest_names(wanted: str, names: Iterable[str], limit: int = 3) -> list[str]:
    """Up to ``limit`` of ``names`` closest to ``wanted`` (difflib), best first."""
    by_key: dict[str, str] = {}
    for name in names:
        by_key.setdefault(name_key(name), name)
    keys = difflib.get_close_matches(name_key(wanted), list(by_key), n=limit, cutoff=0.5)
    return [by_key[k] for k in keys]


def did_you_mean(wanted: str, names: Iterable[str]) -> str:
    """ "; did you mean "A" or "B"?" — or "" when nothing is close."""
    close = [f'"{n}"' for n in closest_names(wanted, names)]
    if not close:
        return ""
    return (
        "; did you mean "
        + (", ".join(close[:-1]) + " or " + close[-1] if len(close) > 1 else close[0])
        + "?"
    )


def find_event(db: Database, name: str, event_date: str | date | None = None) -> EventView:
    """The one event named ``name`` (and dated ``event_date`` when given); names
    match ignoring case and Unicode normalisation (:func:`name_key`).

    Raises UserInputError when there is none (suggesting the closest names),
    or several and no date picks one."""
    wanted_date = parse_date(event_date, field="date") if event_date not in (None, "") else None
    wanted = name_key(name)
    with db.uow() as session:
        rows = session.execute(select(Event.id, Event.name, Event.event_date)).all()
        ids = [
            r.id
            for r in sorted(rows, key=lambda r: (r.event_date, r.id))
            if name_key(r.name) == wanted and (wanted_date is None or r.event_date == wanted_date)
        ]
        if not ids:
            on = f" on {wanted_date.isoformat()}" if wanted_date else ""
            hint = did_you_mean(name, sorted({r.name for r in rows}))
            raise UserInputError(f'No event named "{name}"{on}{hint}')
        events = [session.get_one(Event, i) for i in ids]
        if len(events) > 1:
            dates = ", ".join(e.event_date.isoformat() for e in events)
            raise UserInputError(
                f'{len(events)} events are named "{name}" ({dates}); choose one with --date'
            )
        return to_event_view(events[0])
