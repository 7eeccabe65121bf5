"""The schedule as an iCalendar file: one VEVENT per session (mix, bake, freeze),
in the baker's local time (floating times), so it lands in their calendar."""

from __future__ import annotations

import os
from datetime import date, datetime, time

from icalendar import Calendar, Event

from src.services.bakedays.dto import ScheduleView

from .schedule_report import ACTION_WORDS


def _at(day: date, minute: int) -> datetime:
    if minute >= 1440:  # midnight at the end of the day
        return datetime.combine(day, time(23, 59))
    return datetime.combine(day, time(minute // 60, minute % 60))


def schedule_calendar(view: ScheduleView, *, stamp: datetime | None = None) -> Calendar:
    cal = Calendar()
    cal.add("prodid", "-//Bake Planner//Bake days//EN")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", f"Bake days — {view.event.name}")
    stamp = stamp or datetime.now().replace(microsecond=0)
    for day in view.days:
        for i, s in enumerate(day.sessions):
            entry = Event()
            word = "batch" if s.batches == 1 else "batches"
            where = f" (oven {s.oven})" if s.oven is not None else ""
            entry.add("summary", f"{ACTION_WORDS[s.action]}: {s.recipe}, {s.batches} {word}"
                                 f"{where}")
            entry.add("dtstart", _at(day.day, s.start_minute))
            entry.add("dtend", _at(day.day, s.end_minute))
            entry.add("dtstamp", stamp)
            entry.add("uid", f"bake-planner-{view.event.id}-{day.day.isoformat()}-{i}"
                             f"-{s.action}@bake-planner")
            entry.add("categories", ["Baking", view.event.name])
            entry.add("description", f"For {view.event.name} on "
                                     f"{view.event.event_date.isoformat()}"
                                     + (" — timing not set, defaults used" if s.flagged else ""))
            cal.add_component(entry)
    return cal


def write_schedule_ics(view: ScheduleView, path: str | os.PathLike[str]) -> None:
    """Write the calendar file; OSError when it cannot be written."""
    with open(path, "wb") as fh:
        fh.write(schedule_calendar(view).to_ical())
