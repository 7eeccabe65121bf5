"""Plan-state transitions: lock, unlock, start production, complete.

Each refuses a transition the current state does not allow, with a message
naming the transitions that are allowed (src.services.policy).
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from src.db import Database
from src.models import Event

from .. import policy
from .completion import write_completion_once
from .events import EventView, load_event, to_event_view
from .snapshot import write_snapshot_once


def _move(session: Session, event_id: int, transition: str) -> Event:
    event = load_event(session, event_id)
    event.plan_state = policy.transition_target(event.plan_state, transition)
    return event


def lock_plan(db: Database, event_id: int) -> EventView:
    """Draft → locked: recipes and quantities are frozen, decisions still editable."""
    with db.uow() as session:
        event = _move(session, event_id, "lock")
        session.flush()
        return to_event_view(event)


def unlock_plan(db: Database, event_id: int) -> EventView:
    """Locked → draft."""
    with db.uow() as session:
        event = _move(session, event_id, "unlock")
        session.flush()
        return to_event_view(event)


def start_production(db: Database, event_id: int) -> EventView:
    """Locked → in production. Writes the plan snapshot first, in the same
    transaction; a snapshot that exists already is kept as it is."""
    with db.uow() as session:
        event = load_event(session, event_id)
        target = policy.transition_target(event.plan_state, "start_production")
        write_snapshot_once(session, event)
        event.plan_state = target
        session.flush()
        return to_event_view(event)


def complete_plan(db: Database, event_id: int) -> EventView:
    """In production → completed (read-only from then on). Writes the
    completion record in the same transaction: the plan's figures are kept as
    they are now, whatever happens to the catalog later."""
    with db.uow() as session:
        event = _move(session, event_id, "complete")
        session.flush()
        write_completion_once(session, event_id)
        return to_event_view(event)
