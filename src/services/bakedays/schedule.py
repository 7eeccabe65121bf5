"""Bake days for an event: which batches to mix, bake and freeze on which day.

Loads what the scheduler needs in 8 statements however large the plan (the
event, its decisions, what is baked, the decided recipes' timing, the
bakery's ovens / hours / days off, the event's first baking day), asks
:func:`src.planning.schedule.build_schedule` for the schedule of the batches
still to bake (decided minus baked: in production it reflows from what is
recorded, from today on, since the days gone by cannot be baked any more),
and returns plain rows.
"""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from src.db import Database
from src.models import EventBakingStart, Recipe
from src.models import RecipeTiming as TimingRow
from src.models.event import PlanState
from src.planning.progress import recipe_progress
from src.planning.schedule import DEFAULT_LEAD_DAYS, build_schedule
from src.planning.schedule_types import (
    BakeJob,
    BakeryHours,
    RecipeTiming,
    Schedule,
    ScheduleRequest,
)

from ..plan.events import EventView
from ..plan.loading import load_baked, load_decisions, load_event_row
from .dto import DayRow, ScheduleView, SessionRow
from .settings import clock, load_bakery

__all__ = ["get_schedule", "load_schedule"]


def _timings(session: Session, recipe_ids: list[int]) -> dict[int, tuple[str, RecipeTiming]]:
    t = TimingRow.__table__.c
    rows = session.execute(
        select(Recipe.id, Recipe.name, t.active_minutes, t.rest_minutes, t.oven_minutes,
               t.loads_per_batch, t.days_fresh, t.freezes, t.days_frozen)
        .outerjoin(TimingRow, TimingRow.recipe_id == Recipe.id)
        .where(Recipe.id.in_(recipe_ids))
    ).all()
    return {r[0]: (r[1], RecipeTiming(r[2], r[3], r[4], r[5], r[6], bool(r[7]), r[8]))
            for r in rows}


def load_schedule(session: Session, event_id: int, today: date | None = None
                  ) -> tuple[ScheduleView, Schedule]:
    """The event's schedule (view and the planning result), for services that
    need it inside their own unit of work. ``today`` (default: the clock) only
    matters for a plan in production: baking starts no earlier than today."""
    ev = load_event_row(session, event_id)
    decisions = load_decisions(session, event_id)
    baked = load_baked(session, event_id)
    timings = _timings(session, sorted(decisions)) if decisions else {}
    ovens, hours, off, _ = load_bakery(session)
    first = session.scalar(select(EventBakingStart.first_day)
                           .where(EventBakingStart.event_id == event_id))
    default_first = first is None
    if first is None:
        first = ev.event_date - timedelta(days=DEFAULT_LEAD_DAYS)
    if ev.plan_state == PlanState.IN_PRODUCTION:
        now = today or date.today()
        if now > first:
            first, default_first = now, False
    jobs = []
    for rid, (batches, _unit) in decisions.items():
        remaining = recipe_progress(batches, baked.get(rid, 0)).remaining
        if remaining and rid in timings:
            name, timing = timings[rid]
            jobs.append(BakeJob(rid, name, remaining, timing))
    request = ScheduleRequest(ev.event_date, first, tuple(jobs),
                              BakeryHours(ovens, hours, off))
    schedule = build_schedule(request)
    state = str(getattr(ev.plan_state, "value", ev.plan_state))
    event = EventView(ev.id, ev.name, ev.event_date, ev.expected_attendees, ev.notes, state,
                      ev.output_mode)
    return _view(event, first, default_first, ovens, schedule), schedule


def _view(event: EventView, first: date, default_first: bool, ovens: int,
          schedule: Schedule) -> ScheduleView:
    days = tuple(
        DayRow(d.day, clock(d.start), clock(d.end), d.start, d.end, tuple(
            SessionRow(clock(s.start), clock(s.end), s.start, s.end, s.oven, s.recipe,
                       s.batches, s.action, s.flagged)
            for s in d.sessions))
        for d in schedule.days
    )
    return ScheduleView(event, first, default_first, ovens, schedule.feasible, days,
                        schedule.problems, schedule.notes)


def get_schedule(db: Database, event_id: int, *, today: date | None = None) -> ScheduleView:
    """The bake days for the event's batches still to bake (see the module
    docstring); NotFoundError for an unknown event."""
    with db.uow() as session:
        view, _ = load_schedule(session, event_id, today)
    return view
