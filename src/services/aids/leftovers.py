"""Leftovers: how many of each line's good were left when the event ended.

Recorded in production or after completion (policy RECORD_LEFTOVERS); a clone
of the event starts from what was actually used (see cloning.py)."""

from __future__ import annotations

from collections.abc import Mapping

from sqlalchemy import select
from sqlalchemy.orm import Session

from src.db import Database
from src.models import Event, FinishedGood

from .. import policy
from ..errors import ValidationError
from ..plan.events import load_event
from ..validation import parse_whole
from .dto import LeftoverRow


def _rows(session: Session, event: Event) -> tuple[LeftoverRow, ...]:
    ids = [x.finished_good_id for x in event.event_finished_goods]
    names: dict[int, str] = {
        gid: name
        for gid, name in session.execute(
            select(FinishedGood.id, FinishedGood.name).where(FinishedGood.id.in_(ids))
        )
    }
    return tuple(
        sorted(
            (
                LeftoverRow(x.finished_good_id, names[x.finished_good_id], x.quantity, x.leftover)
                for x in event.event_finished_goods
            ),
            key=lambda r: (r.good_name, r.good_id),
        )
    )


def event_leftovers(db: Database, event_id: int) -> tuple[LeftoverRow, ...]:
    """The event's lines (by good name) with the leftover recorded, if any."""
    with db.uow() as session:
        return _rows(session, load_event(session, event_id))


def record_leftovers(
    db: Database, event_id: int, leftovers: Mapping[int, object]
) -> tuple[LeftoverRow, ...]:
    """Record good id → leftover count (a whole number ≥ 0, at most the line's
    quantity; None or "" clears it) for lines of the event, in production or
    completed. Any bad value is refused with its good named; nothing changes."""
    with db.uow() as session:
        event = load_event(session, event_id)
        policy.require(event.plan_state, policy.Action.RECORD_LEFTOVERS)
        rows = {r.good_id: r for r in _rows(session, event)}
        lines = {x.finished_good_id: x for x in event.event_finished_goods}
        errors: dict[str, str] = {}
        values: dict[int, int | None] = {}
        for gid, raw in leftovers.items():
            if gid not in lines:
                raise ValidationError(
                    f"Finished good {gid} is not a line of this event", field="good"
                )
            name = rows[gid].good_name
            if raw is None or str(raw).strip() == "":
                values[gid] = None
                continue
            try:
                count = parse_whole(raw, what=f"Leftover of {name}", field=name, minimum=0)
            except ValidationError as exc:
                errors[name] = exc.message
                continue
            if count > lines[gid].quantity:
                errors[name] = (
                    f"Leftover of {name} ({count}) is more than the {lines[gid].quantity} planned"
                )
                continue
            values[gid] = count
        if errors:
            raise ValidationError.from_errors(errors)
        for gid, value in values.items():
            lines[gid].leftover = value
        session.flush()
        return _rows(session, event)
