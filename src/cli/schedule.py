"""Bake days from the terminal: ``schedule EVENT [--json] [--ics FILE] [--pdf FILE]``,
and the settings it depends on (``bakery``, ``timing``, ``first-bake-day``)."""

from __future__ import annotations

import argparse
import json
import sys

from src.db import Database

from .common import Handler, add_db_option, add_event_arguments, event_id, output_path, write


def _cmd_schedule(db: Database, args: argparse.Namespace) -> int:
    from src.reports.schedule_report import schedule_report, schedule_text
    from src.services.schedule import get_schedule

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


def register(sub: argparse._SubParsersAction) -> dict[str, Handler]:
    """Add this module's commands to ``sub``; return their handlers by name."""
    sched = sub.add_parser("schedule", help="the bake days of an event: what to mix, bake "
                                            "and freeze on which day")
    add_event_arguments(sched)
    sched.add_argument("--json", action="store_true", help="print the schedule as JSON")
    sched.add_argument("--ics", metavar="FILE", help="write it as an iCalendar file")
    sched.add_argument("--pdf", metavar="FILE", help="write it as PDF, a page per day")
    add_db_option(sched)
    return {"schedule": _cmd_schedule}
