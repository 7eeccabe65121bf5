"""Bake days from the terminal: ``schedule EVENT [--json] [--ics FILE] [--pdf FILE]``,
and the settings it depends on: ``bakery``, ``timing RECIPE``, ``bake-from EVENT DAY``.
Each setting command without changes prints what is set."""

from __future__ import annotations

import argparse
import json
import sys

from src.db import Database

from .common import (
    Handler,
    UserError,
    add_db_option,
    add_event_arguments,
    event_id,
    output_path,
    write,
)


def _cmd_schedule(db: Database, args: argparse.Namespace) -> int:
    from src.reports.schedule_report import schedule_report, schedule_text
    from src.services.bakedays.schedule import get_schedule

    ics_path = output_path(args.ics) if args.ics else None
    pdf_path = output_path(args.pdf) if args.pdf else None
    view = get_schedule(db, event_id(db, args))
    if ics_path is not None:
        from src.reports.schedule_ics import write_schedule_ics

        write("the bake-days calendar", ics_path, lambda: write_schedule_ics(view, ics_path))
    if pdf_path is not None:
        from src.reports.schedule_pdf import write_schedule_pdf

        write("the bake-days PDF", pdf_path, lambda: write_schedule_pdf(view, pdf_path))
    if args.json:
        print(json.dumps(schedule_report(view), indent=2, ensure_ascii=False))
    elif ics_path is None and pdf_path is None:
        sys.stdout.write(schedule_text(view))
    return 0


_DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_TIMING_OPTIONS = (("mix", "active_minutes", "mixing minutes per batch"),
                   ("rest", "rest_minutes", "rest / chill minutes before baking"),
                   ("oven", "oven_minutes", "oven minutes per load"),
                   ("loads", "loads_per_batch", "oven loads per batch"),
                   ("fresh", "days_fresh", "days it keeps at room temperature"),
                   ("frozen", "days_frozen", "days it keeps frozen"))


def _weekday(text: str) -> int:
    key = text.strip().lower()[:3]
    if key not in _DAYS:
        raise UserError(f'"{text}" is not a day of the week (mon, tue, ... sun)')
    return _DAYS.index(key)


def _cmd_bakery(db: Database, args: argparse.Namespace) -> int:
    from src.services.bakedays.settings import get_bakery_settings, set_bakery_settings

    current = get_bakery_settings(db)
    if args.ovens is not None or args.hours or args.closed or args.days_off is not None:
        hours: dict[int, tuple[object, object] | None] = {
            h.weekday: (h.start, h.end) for h in current.hours}
        for item in args.hours:
            day, _, span = item.partition("=")
            start, _, end = span.partition("-")
            if not span or not end:
                raise UserError(f'--hours "{item}": use DAY=HH:MM-HH:MM, e.g. sat=09:00-17:00')
            hours[_weekday(day)] = (start, end)
        for day in args.closed:
            hours[_weekday(day)] = None
        days_off = (current.days_off if args.days_off is None
                    else [d for d in args.days_off.split(",") if d.strip()])
        current = set_bakery_settings(db, current.ovens if args.ovens is None else args.ovens,
                                      hours, days_off)
        print("Saved the bakery settings.")
    print(f"Ovens: {current.ovens}")
    for h in current.hours:
        print(f"{_DAYS[h.weekday]}: {h.start}–{h.end}")
    print("Days off: " + (", ".join(d.isoformat() for d in current.days_off) or "none"))
    return 0


def _cmd_timing(db: Database, args: argparse.Namespace) -> int:
    from dataclasses import asdict

    from src.services.bakedays.dto import TimingInput
    from src.services.bakedays.settings import find_recipe_id, get_recipe_timing, set_recipe_timing

    recipe_id = find_recipe_id(db, args.recipe)
    view = get_recipe_timing(db, recipe_id)
    given = {field: getattr(args, option) for option, field, _ in _TIMING_OPTIONS
             if getattr(args, option) is not None}
    if given or args.freezes is not None:
        values = {k: v for k, v in asdict(view).items() if k in TimingInput.__dataclass_fields__}
        values.update(given)
        if args.freezes is not None:
            values["freezes"] = args.freezes
        view = set_recipe_timing(db, recipe_id, TimingInput(**values))
        print(f"Saved the timing of {view.recipe}.")
    for _option, field, what in _TIMING_OPTIONS:
        value = getattr(view, field)
        print(f"{what}: {'unknown' if value is None else value}")
    print(f"freezes: {'yes' if view.freezes else 'no'}")
    return 0


def _cmd_bake_from(db: Database, args: argparse.Namespace) -> int:
    from src.services.bakedays.settings import set_first_baking_day

    day = None if args.day.strip().lower() in ("", "none", "default") else args.day
    first = set_first_baking_day(db, event_id(db, args), day)
    print(f"Baking for {args.event} starts on {first.isoformat()}" if first is not None
          else f"Baking for {args.event} starts two weeks before (the default)")
    return 0


def register(sub: argparse._SubParsersAction) -> dict[str, Handler]:
    """Add this module's commands to ``sub``; return their handlers by name."""
    sched = sub.add_parser("schedule", help="the bake days of an event: what to mix, bake "
                                            "and freeze on which day")
    add_event_arguments(sched)
    sched.add_argument("--json", action="store_true", help="print the schedule as JSON")
    sched.add_argument("--ics", metavar="FILE", help="write it as an iCalendar file")
    sched.add_argument("--pdf", metavar="FILE", help="write it as PDF, a page per day")
    add_db_option(sched)
    bakery = sub.add_parser("bakery", help="show or change the ovens, baking hours and days off")
    bakery.add_argument("--ovens", type=int, help="how many ovens can bake at once")
    bakery.add_argument("--hours", action="append", default=[], metavar="DAY=HH:MM-HH:MM",
                        help="a weekday's baking hours, e.g. sat=09:00-17:00 (repeatable)")
    bakery.add_argument("--closed", action="append", default=[], metavar="DAY",
                        help="no baking on this weekday (repeatable)")
    bakery.add_argument("--days-off", metavar="D,D", default=None,
                        help="dates with no baking, comma-separated ('' clears them)")
    add_db_option(bakery)
    timing = sub.add_parser("timing", help="show or change a recipe's timing for bake days")
    timing.add_argument("recipe", metavar="RECIPE")
    for option, _field, what in _TIMING_OPTIONS:
        timing.add_argument(f"--{option}", metavar="N", default=None,
                            help=f"{what} ('' = unknown)")
    timing.add_argument("--freezes", dest="freezes", action="store_true", default=None,
                        help="it freezes")
    timing.add_argument("--no-freezes", dest="freezes", action="store_false",
                        help="it does not freeze")
    add_db_option(timing)
    bake_from = sub.add_parser("bake-from", help="the first day baking for an event may start")
    add_event_arguments(bake_from)
    bake_from.add_argument("day", metavar="DAY", help="YYYY-MM-DD, or 'default'")
    add_db_option(bake_from)
    return {"schedule": _cmd_schedule, "bakery": _cmd_bakery, "timing": _cmd_timing,
            "bake-from": _cmd_bake_from}
