"""Events: create, update, delete, get, list. One transaction per call."""

from __future__ import annotations

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

from . import policy
from .errors import NotFoundError, UserInputError, ValidationError
from .validation import clean_name, name_key, parse_date, parse_optional_whole


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
        values["event_date"],  # type: ignore[return-value]
        values["expected_attendees"],  # type: ignore[return-value]
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
            return session.scalar(
                select(func.count()).select_from(model).where(model.event_id == event_id)
            ) or 0

        return EventDeleteSummary(
            event=to_event_view(event),
            recipes=count(EventRecipe),
            lines=count(EventFinishedGood),
            decisions=count(BatchDecision),
            production_runs=count(ProductionRun),
            amendments=count(PlanAmendment),
        )


def find_event(db: Database, name: str, event_date: str | date | None = None) -> EventView:
    """The one event named ``name`` (and dated ``event_date`` when given); the name
    matches ignoring case, surrounding space and Unicode normalisation.

    Raises UserInputError when there is none, or several and no date picks one."""
    wanted_date = parse_date(event_date, field="date") if event_date not in (None, "") else None
    wanted = name_key(name)
    with db.uow() as session:
        query = select(Event.id, Event.name)
        if wanted_date is not None:
            query = query.where(Event.event_date == wanted_date)
        ids = [row.id for row in session.execute(query) if name_key(row.name) == wanted]
        events = session.scalars(
            select(Event).where(Event.id.in_(ids)).order_by(Event.event_date)
        ).all()
        if not events:
            on = f" on {wanted_date.isoformat()}" if wanted_date else ""
            raise UserInputError(f'No event named "{name}"{on}')
        if len(events) > 1:
            dates = ", ".join(e.event_date.isoformat() for e in events)
            raise UserInputError(
                f'{len(events)} events are named "{name}" ({dates}); choose one with --date'
            )
        return to_event_view(events[0])
