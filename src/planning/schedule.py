"""Bake days: when to mix and bake every batch still to bake, worked backward
from the event date.

The rule (deterministic; the same request always gives the same schedule):

1. **Baking days** are the dates from the request's first day up to the day
   before the event that have hours for their weekday and are not days off.
   Nothing is baked on the event day itself.
2. **Each batch keeps its loads together on one oven**, one after another:
   ``loads_per_batch × oven_minutes`` of that oven's time, inside the day's
   hours. So no oven is ever double-booked and a day's oven time never
   exceeds its hours × ovens.
3. **Shelf life.** A batch baked on day *d* is fresh for the event when
   ``event − d ≤ days_fresh``. A recipe that freezes may be baked earlier, as
   far back as ``days_frozen`` days (no limit when unknown); those batches are
   followed by a "freeze" block. A batch that cannot be placed fresh (or
   frozen) is not placed at all: it is reported, never scheduled stale.
4. **Backward, most perishable first.** Days are filled from the last one
   backward. On each day the recipes that must be baked latest to be fresh
   go first (latest ``event − days_fresh``; at a tie those that cannot freeze
   before those that can; then by name); each places as many batches as still
   fit before the next recipe is tried. So perishable goods get the days
   nearest the event and long-keeping goods fill earlier days. Only then does
   a second backward pass place the batches of freezable recipes that found
   no fresh slot, on earlier days within their freezer life ("freeze").
5. **Mixing** (the active minutes; one baker, no oven) comes before a batch's
   loads. A dough that rests is mixed on the previous calendar day when that is
   a baking day with time left and the rest is over by the time its loads
   start; otherwise it is mixed the same day and its loads wait for the rest.
6. **Unknown timing.** A missing figure takes its value from
   :data:`DEFAULT_TIMING` and the recipe is named in ``notes``.
7. **When it does not fit**, the batches left over are reported per recipe
   with the reason (no baking day in its shelf-life window; one batch longer
   than any day's hours; no mixing time left on any of its days; or else loads
   short of oven time), and the schedule of
   everything that did fit is still returned.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date, timedelta

from .schedule_types import (
    DEFAULT_TIMING,
    BakeJob,
    RecipeTiming,
    Schedule,
    ScheduleDay,
    ScheduledSession,
    ScheduleRequest,
)

__all__ = ["DEFAULT_LEAD_DAYS", "FREEZE_MINUTES", "baking_days", "effective_timing",
           "build_schedule"]

DEFAULT_LEAD_DAYS = 14  # first baking day when the event sets none: two weeks before
FREEZE_MINUTES = 10  # the "wrap and freeze" block after a day's loads
_DAY = 1440
_FIELD_WORDS = {
    "active_minutes": "mixing minutes",
    "rest_minutes": "rest minutes",
    "oven_minutes": "oven minutes per load",
    "loads_per_batch": "loads per batch",
    "days_fresh": "days fresh",
}


def effective_timing(timing: RecipeTiming) -> tuple[RecipeTiming, tuple[str, ...]]:
    """The timing with every unknown figure replaced by its default, and the
    names of the figures that were unknown."""
    missing = tuple(f for f in _FIELD_WORDS if getattr(timing, f) is None)
    filled = replace(timing, **{f: getattr(DEFAULT_TIMING, f) for f in missing})
    return filled, missing


def baking_days(request: ScheduleRequest) -> list[date]:
    """The baking days of rule 1, in date order."""
    out = []
    day = request.first_day
    hours, off = request.bakery.hours, request.bakery.days_off
    while day < request.event_date:
        if day.weekday() in hours and day not in off:
            out.append(day)
        day += timedelta(days=1)
    return out


@dataclass
class _Job:
    job: BakeJob
    timing: RecipeTiming
    missing: tuple[str, ...]
    earliest: date  # earliest allowed baking day (shelf life or freezer)
    fresh_from: date  # baked before this day it must be frozen
    left: int

    @property
    def oven_span(self) -> int:
        loads, minutes = self.timing.loads_per_batch, self.timing.oven_minutes
        assert loads is not None and minutes is not None  # jobs have complete timing
        return loads * minutes


@dataclass
class _Day:
    day: date
    start: int
    end: int
    ovens: list[int]  # next free minute per oven
    baker: int  # next free minute of the baker (mixing)
    mixes: list[tuple[int, int, _Job]]
    bakes: list[tuple[int, int, int, _Job]]  # oven index, start, end, job


def _job_state(job: BakeJob, request: ScheduleRequest) -> _Job:
    timing, missing = effective_timing(job.timing)
    fresh_from = request.event_date - timedelta(days=timing.days_fresh or 0)
    earliest = fresh_from
    if timing.freezes:
        earliest = (request.first_day if timing.days_frozen is None
                    else min(fresh_from, request.event_date - timedelta(days=timing.days_frozen)))
    return _Job(job, timing, missing, max(earliest, request.first_day), fresh_from, job.batches)


def _place(job: _Job, today: _Day, before: _Day | None) -> bool:
    """Place one batch of ``job`` on ``today`` (rule 5 for its mixing); False
    when it does not fit (nothing is changed then)."""
    active = job.timing.active_minutes or 0
    rest = job.timing.rest_minutes or 0
    span = job.oven_span
    mix_day, ready = today, None
    if rest > 0 and before is not None and before.baker + active <= before.end:
        overnight = before.baker + active + rest - _DAY * (today.day - before.day).days
        if overnight <= today.end - span:
            mix_day, ready = before, max(today.start, overnight)
    if ready is None:
        if today.baker + active > today.end:
            return False
        ready = today.baker + active + rest
    oven = min(range(len(today.ovens)), key=lambda i: (max(today.ovens[i], ready), i))
    start = max(today.ovens[oven], ready)
    if start + span > today.end:
        return False
    mix_start = mix_day.baker
    mix_day.baker += active
    if active:
        mix_day.mixes.append((mix_start, mix_day.baker, job))
    today.ovens[oven] = start + span
    today.bakes.append((oven, start, start + span, job))
    return True


def _fill(days: list[_Day], jobs: list[_Job], *, frozen: bool) -> None:
    """One pass of rule 4: the days from the last backward, most perishable
    recipe first; fresh days only, or (``frozen``) the whole freezer life."""
    by_date = {d.day: d for d in days}

    def first_day(j: _Job) -> date:
        return j.earliest if frozen else max(j.fresh_from, j.earliest)

    for today in reversed(days):
        waiting = sorted(
            (j for j in jobs if j.left and first_day(j) <= today.day),
            key=lambda j: (-first_day(j).toordinal(), j.timing.freezes, j.job.name.casefold(),
                           j.job.recipe_id),
        )
        before = by_date.get(today.day - timedelta(days=1))
        for job in waiting:
            while job.left and _place(job, today, before):
                job.left -= 1


def _runs(items: Iterable[tuple[int, int, int | None, _Job]]) -> list[tuple[int, int, int | None,
                                                                          _Job, int]]:
    """Consecutive blocks of one recipe (same oven, back to back) merged, counting batches."""
    runs: list[tuple[int, int, int | None, _Job, int]] = []
    for start, end, oven, job in sorted(items, key=lambda t: (t[2] or 0, t[0])):
        if runs and runs[-1][3] is job and runs[-1][2] == oven and runs[-1][1] == start:
            s, _, o, j, n = runs[-1]
            runs[-1] = (s, end, o, j, n + 1)
        else:
            runs.append((start, end, oven, job, 1))
    return runs


def _sessions(d: _Day) -> tuple[ScheduledSession, ...]:
    out = []
    for start, end, _, job, n in _runs((s, e, None, j) for s, e, j in d.mixes):
        out.append(ScheduledSession(d.day, start, end, None, job.job.recipe_id, job.job.name, n,
                                    "mix", bool(job.missing)))
    frozen: dict[int, tuple[int, int, _Job]] = {}
    for start, end, oven, job, n in _runs((s, e, o + 1, j) for o, s, e, j in d.bakes):
        out.append(ScheduledSession(d.day, start, end, oven, job.job.recipe_id, job.job.name, n,
                                    "bake", bool(job.missing)))
        if d.day < job.fresh_from:
            last, count, _ = frozen.get(job.job.recipe_id, (0, 0, job))
            frozen[job.job.recipe_id] = (max(last, end), count + n, job)
    for last, count, job in frozen.values():
        out.append(ScheduledSession(d.day, last, min(_DAY, last + FREEZE_MINUTES), None,
                                    job.job.recipe_id, job.job.name, count, "freeze",
                                    bool(job.missing)))
    out.sort(key=lambda s: (s.start, s.oven or 0, s.action, s.recipe.casefold(), s.recipe_id))
    return tuple(out)


def _mmdd(day: date) -> str:
    return f"{day.month:02d}-{day.day:02d}"


def _why(job: _Job, days: list[_Day], first_day: date, last_day: date) -> str:
    name, loads = job.job.name, job.timing.loads_per_batch or 1
    window = [d for d in days if d.day >= job.earliest]
    keeps = (f"it keeps {job.timing.days_fresh} days" if not job.timing.freezes
             else "it keeps frozen" + (f" {job.timing.days_frozen} days"
                                       if job.timing.days_frozen is not None else ""))
    if not window:
        left = f"{job.left} batch{'es' if job.left != 1 else ''}"
        if first_day > last_day:
            return (f"{name}: {left} not scheduled: no day is left before the event "
                    f"(baking from {_mmdd(first_day)}, the event on "
                    f"{_mmdd(last_day + timedelta(days=1))})")
        if job.earliest > last_day:
            return (f"{name}: {left} cannot be baked ahead: {keeps}; bake it on the "
                    "event day")
        return (f"{name}: no baking day between {_mmdd(job.earliest)} and {_mmdd(last_day)} "
                f"({keeps}); add baking hours on one of those days")
    longest = max(d.end - d.start for d in window)
    if job.oven_span > longest:
        return (f"{name}: one batch needs {job.oven_span} min of oven time, longer than the "
                f"longest baking day ({longest} min); lengthen the hours or make smaller batches")
    total, short = job.job.batches * loads, job.left * loads
    head = (f"{name}: {total} load{'s' if total != 1 else ''} do not fit between "
            f"{_mmdd(window[0].day)} and {_mmdd(last_day)}: {short} "
            f"load{'s' if short != 1 else ''} short")
    active = job.timing.active_minutes or 0
    # The baker's mixing is what ran out when not even an idle oven could take
    # another batch after the day's mixing.
    if active and all(d.baker + active + job.oven_span > d.end for d in window):
        return f"{head} of mixing time (one baker); add a day or longer hours"
    return f"{head} of oven time; add a day or an oven"


def _note(job: _Job) -> str:
    if job.job.timing.is_unknown:
        d = DEFAULT_TIMING
        return (f"{job.job.name}: no timing set; scheduled as a {d.active_minutes}-minute mix "
                f"and one {d.oven_minutes}-minute oven load per batch, keeping "
                f"{d.days_fresh} days; set its timing in the Catalog")
    words = ", ".join(f"{_FIELD_WORDS[f]} {getattr(job.timing, f)}" for f in job.missing)
    return (f"{job.job.name}: timing incomplete, assumed {words}; set its timing in the "
            "Catalog")


def build_schedule(request: ScheduleRequest) -> Schedule:
    """The schedule for ``request`` by the module's rule: every session, per day,
    what did not fit and why, and notes on recipes scheduled with defaults."""
    if request.bakery.ovens < 1:
        raise ValueError("a bakery needs at least one oven")
    days = [
        _Day(d, *request.bakery.hours[d.weekday()], [request.bakery.hours[d.weekday()][0]]
             * request.bakery.ovens, request.bakery.hours[d.weekday()][0], [], [])
        for d in baking_days(request)
    ]
    jobs = sorted((_job_state(j, request) for j in request.jobs if j.batches > 0),
                  key=lambda j: (j.job.name.casefold(), j.job.recipe_id))
    _fill(days, jobs, frozen=False)
    _fill(days, [j for j in jobs if j.timing.freezes and j.left], frozen=True)
    last_day = request.event_date - timedelta(days=1)
    problems = tuple(_why(j, days, request.first_day, last_day) for j in jobs if j.left)
    notes = tuple(_note(j) for j in jobs if j.missing)
    out_days = tuple(ScheduleDay(d.day, d.start, d.end, _sessions(d))
                     for d in days if d.mixes or d.bakes)
    return Schedule(not problems, out_days, problems, notes,
                    {j.job.recipe_id: j.left for j in jobs if j.left})
