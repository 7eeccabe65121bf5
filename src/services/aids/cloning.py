"""Start an event from an earlier one: selection, lines and decisions copied.

Quantities are copied, or scaled by the attendee ratio (new / old, rounded up)
when asked; where the source recorded leftovers, the quantity starts from what
was actually used (quantity − leftover) and the result says so. Decisions are
kept as they were (pinned flags too); those that no longer fit the new
quantities are listed as stale, the same rule the plan view shows.
"""

from __future__ import annotations

from datetime import date
from fractions import Fraction

from sqlalchemy import select
from sqlalchemy.orm import Session

from src.db import Database
from src.models import BatchDecision, Event, EventFinishedGood, EventRecipe, FinishedGood, Recipe
from src.planning.batches import batch_need, is_stale
from src.planning.suggestions import scaled_quantity, used_quantity

from ..errors import NotFoundError, ValidationError
from ..plan.events import _validated, to_event_view
from ..plan.loading import needs_or_conflict
from .dto import ClonedLine, CloneResult


def _source(session: Session, source_id: int) -> Event:
    event = session.get(Event, source_id)
    if event is None:
        raise NotFoundError(f"Event {source_id} does not exist (it may have been deleted)")
    return event


def _when(source: Event, new_date: date) -> str:
    if new_date.year - source.event_date.year == 1:
        return "last year"
    return f"at {source.name} ({source.event_date.isoformat()})"


def clone_event(
    db: Database,
    source_id: int,
    name: str,
    event_date: date | str,
    attendees: int | str | None = None,
    scale: bool = False,
    use_leftovers: bool = True,
) -> CloneResult:
    """A new draft event copying ``source_id``'s selection, lines and decisions.

    ``attendees`` defaults to the source's. With ``scale`` each quantity is
    multiplied by new / old attendees and rounded up (both must be known).
    With ``use_leftovers`` a line whose leftover was recorded starts from what
    was used. The source is only read, in any state."""
    clean_name, clean_date, clean_attendees, _ = _validated(name, event_date, attendees, "")
    with db.uow() as session:
        source = _source(session, source_id)
        new_attendees = clean_attendees if clean_attendees is not None else (
            source.expected_attendees
        )
        ratio = Fraction(1)
        if scale:
            if not source.expected_attendees or not new_attendees:
                raise ValidationError(
                    f"Cannot scale: {source.name} has no expected attendees"
                    if not source.expected_attendees
                    else "Cannot scale: give the new event's expected attendees",
                    field="attendees",
                )
            ratio = Fraction(new_attendees, source.expected_attendees)
        good_names = dict(
            session.execute(
                select(FinishedGood.id, FinishedGood.name).where(
                    FinishedGood.id.in_([x.finished_good_id for x in source.event_finished_goods])
                )
            ).all()
        )
        when = _when(source, clean_date)
        event = Event(
            name=clean_name,
            event_date=clean_date,
            expected_attendees=new_attendees,
            notes=f"Started from {source.name} ({source.event_date.isoformat()})",
        )
        lines: list[ClonedLine] = []
        notes: list[str] = []
        by_name = sorted(source.event_finished_goods, key=lambda x: good_names[x.finished_good_id])
        for line in by_name:
            gname = good_names[line.finished_good_id]
            base = used_quantity(line.quantity, line.leftover if use_leftovers else None)
            quantity = scaled_quantity(base, ratio) if scale else base
            if use_leftovers and line.leftover:
                notes.append(
                    f"{when} {line.leftover} of {line.quantity} {gname} were left: "
                    f"{quantity} planned instead of "
                    f"{scaled_quantity(line.quantity, ratio) if scale else line.quantity}"
                )
            lines.append(
                ClonedLine(line.finished_good_id, gname, line.quantity, line.leftover, quantity)
            )
            event.event_finished_goods.append(
                EventFinishedGood(finished_good_id=line.finished_good_id, quantity=quantity)
            )
        for er in source.event_recipes:
            event.event_recipes.append(EventRecipe(recipe_id=er.recipe_id))
        for d in source.batch_decisions:
            event.batch_decisions.append(
                BatchDecision(
                    recipe_id=d.recipe_id,
                    finished_unit_id=d.finished_unit_id,
                    batches=d.batches,
                    pinned=d.pinned,
                )
            )
        session.add(event)
        session.flush()
        stale = _stale_names(session, event)
        return CloneResult(
            event=to_event_view(event),
            source=to_event_view(source),
            lines=tuple(lines),
            decisions=len(event.batch_decisions),
            stale_recipes=stale,
            notes=tuple(notes),
        )


def _stale_names(session: Session, event: Event) -> tuple[str, ...]:
    lines = {x.finished_good_id: x.quantity for x in event.event_finished_goods}
    _, units, needs = needs_or_conflict(session, lines)
    stale_ids = [
        d.recipe_id
        for d in event.batch_decisions
        if is_stale(d.batches, batch_need(needs.get(d.recipe_id, {}), units))
    ]
    if not stale_ids:
        return ()
    names = session.scalars(select(Recipe.name).where(Recipe.id.in_(stale_ids)))
    return tuple(sorted(names))
