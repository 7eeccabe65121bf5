"""Bake days in the exchange document (version 2 additions, all optional):
``recipes[].timing``, ``events[].first_bake_day`` and a top-level ``bakery``.

```json
"timing": {"active_minutes": 20, "rest_minutes": 480, "oven_minutes": 12,
           "loads_per_batch": 2, "days_fresh": 7, "freezes": true, "days_frozen": 60},
"bakery": {"ovens": 1, "days_off": ["2026-12-24"],
           "hours": [{"day": "monday", "start": "18:00", "end": "22:00"}]},
"first_bake_day": "2026-12-10"
```

A missing timing figure means unknown; a document without ``bakery`` leaves
the bakery settings as they are. Version-1 documents import unchanged.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field
from pydantic_core import PydanticCustomError
from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from src.models import (
    BakeryDayOff,
    BakerySettings,
    BakingHours,
    Event,
    EventBakingStart,
    Recipe,
    RecipeTiming,
)

from ..bakedays.settings import MAX_OVENS, clock, minutes_of
from ..errors import ValidationError

DAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_TIMING_FIELDS = ("active_minutes", "rest_minutes", "oven_minutes", "loads_per_batch",
                  "days_fresh", "days_frozen")


def _fail(message: str) -> PydanticCustomError:
    return PydanticCustomError("bake", message.replace("{", "(").replace("}", ")"))


def _whole(minimum: int) -> BeforeValidator:
    def check(value: object) -> int | None:
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int) or not (
                minimum <= value <= 10**6):
            raise _fail(f"must be a whole number from {minimum} to 1000000")
        return value
    return BeforeValidator(check)


def _clock(value: object) -> int:
    try:
        return minutes_of(value, field="")
    except ValidationError as exc:
        raise _fail(exc.message) from None


def _day_name(value: object) -> int:
    if not isinstance(value, str) or value.strip().lower() not in DAY_NAMES:
        raise _fail(f"must be a day of the week ({', '.join(DAY_NAMES)})")
    return DAY_NAMES.index(value.strip().lower())


def _date(value: object) -> date:
    try:
        return date.fromisoformat(value) if isinstance(value, str) else _raise()
    except ValueError:
        raise _fail("is not a date (YYYY-MM-DD)") from None


def _raise() -> date:
    raise ValueError


def _flag(value: object) -> bool:
    if not isinstance(value, bool):
        raise _fail("must be true or false")
    return value


class _Part(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)


class TimingDoc(_Part):
    active_minutes: Annotated[int | None, _whole(0)] = None
    rest_minutes: Annotated[int | None, _whole(0)] = None
    oven_minutes: Annotated[int | None, _whole(1)] = None
    loads_per_batch: Annotated[int | None, _whole(1)] = None
    days_fresh: Annotated[int | None, _whole(0)] = None
    freezes: Annotated[bool, BeforeValidator(_flag)] = False
    days_frozen: Annotated[int | None, _whole(0)] = None


class HoursDoc(_Part):
    day: Annotated[int, BeforeValidator(_day_name)]
    start: Annotated[int, BeforeValidator(_clock)]
    end: Annotated[int, BeforeValidator(_clock)]


class BakeryDoc(_Part):
    ovens: Annotated[int, _whole(1)] = 1
    hours: list[HoursDoc] = Field(default_factory=list)
    days_off: list[Annotated[date, BeforeValidator(_date)]] = Field(default_factory=list)


FirstBakeDay = Annotated[date | None, BeforeValidator(lambda v: None if v is None else _date(v))]


def bake_day_problems(doc: Any) -> list[str]:
    """Rules pydantic cannot see: hours that end before they start, a weekday
    listed twice, too many ovens, a first baking day not before its event."""
    problems = []
    bakery = doc.bakery
    if bakery is not None:
        if bakery.ovens > MAX_OVENS:
            problems.append(f"bakery.ovens: must be at most {MAX_OVENS}")
        seen: set[int] = set()
        for i, h in enumerate(bakery.hours):
            if h.start >= h.end:
                problems.append(f"bakery.hours[{i}]: must end after it starts "
                                f"({clock(h.start)} to {clock(h.end)})")
            if h.day in seen:
                problems.append(f"bakery.hours[{i}].day: {DAY_NAMES[h.day]} is listed twice")
            seen.add(h.day)
    for i, e in enumerate(doc.events):
        if e.first_bake_day is not None and e.first_bake_day >= e.date:
            problems.append(f"events[{i}].first_bake_day: must be before the event's date "
                            f"({e.date.isoformat()})")
    return problems


def write_bake_days(session: Session, doc: Any) -> None:
    """Stores the document's timing, bakery settings and first baking days
    (after the recipes and events themselves are written)."""
    timed = {d.name: d.timing for d in doc.recipes if d.timing is not None}
    if timed:
        ids = dict(session.execute(select(Recipe.name, Recipe.id)
                                   .where(Recipe.name.in_(list(timed)))).all())
        rows = {r.recipe_id: r for r in session.scalars(
            select(RecipeTiming).where(RecipeTiming.recipe_id.in_(list(ids.values()))))}
        for name, t in timed.items():
            row = rows.get(ids[name]) or RecipeTiming(recipe_id=ids[name])
            session.add(row)
            for field in (*_TIMING_FIELDS, "freezes"):
                setattr(row, field, getattr(t, field))
    if doc.bakery is not None:
        session.execute(delete(BakingHours))
        session.execute(delete(BakeryDayOff))
        session.execute(delete(BakerySettings))
        session.add(BakerySettings(ovens=doc.bakery.ovens))
        session.add_all(BakingHours(weekday=h.day, start_minute=h.start, end_minute=h.end)
                        for h in doc.bakery.hours)
        session.add_all(BakeryDayOff(day=d) for d in sorted(set(doc.bakery.days_off)))
    starts = [(e.name, e.date, e.first_bake_day) for e in doc.events
              if e.first_bake_day is not None]
    if starts:
        found = {(n, d): i for i, n, d in session.execute(
            select(Event.id, Event.name, Event.event_date)
            .where(Event.name.in_([n for n, _, _ in starts])).order_by(Event.id))}
        for name, day, first in starts:
            event_id = found[(name, day)]
            session.execute(delete(EventBakingStart).where(EventBakingStart.event_id == event_id))
            session.add(EventBakingStart(event_id=event_id, first_day=first))
    session.flush()


def _timing(row: RecipeTiming) -> dict[str, Any]:
    out: dict[str, Any] = {f: getattr(row, f) for f in _TIMING_FIELDS
                           if getattr(row, f) is not None}
    out["freezes"] = row.freezes
    return out


def add_bake_days(session: Session, document: dict[str, Any]) -> None:
    """Adds the bake-day fields to an exported ``document`` (4 statements)."""
    timings = {name: _timing(row) for name, row in session.execute(
        select(Recipe.name, RecipeTiming).join(RecipeTiming, RecipeTiming.recipe_id == Recipe.id)
    ).all()}
    for recipe in document["recipes"]:
        if recipe["name"] in timings:
            recipe["timing"] = timings[recipe["name"]]
    starts = dict(session.execute(
        select(EventBakingStart.event_id, EventBakingStart.first_day)).all())
    if starts:
        by_key = {(e.name, e.event_date): starts[e.id] for e in session.execute(
            select(Event.id, Event.name, Event.event_date)
            .where(Event.id.in_(list(starts))))}
        for event in document["events"]:
            first = by_key.get((event["name"], date.fromisoformat(event["date"])))
            if first is not None:
                event["first_bake_day"] = first.isoformat()
    settings = session.scalar(select(BakerySettings.ovens).limit(1))
    if settings is not None:
        document["bakery"] = {
            "ovens": settings,
            "hours": [{"day": DAY_NAMES[w], "start": clock(s), "end": clock(e)}
                      for w, s, e in session.execute(
                          select(BakingHours.weekday, BakingHours.start_minute,
                                 BakingHours.end_minute).order_by(BakingHours.weekday))],
            "days_off": [d.isoformat() for d in _sorted(session.scalars(
                select(BakeryDayOff.day)))],
        }


def _sorted(days: Iterable[date]) -> list[date]:
    return sorted(days)
