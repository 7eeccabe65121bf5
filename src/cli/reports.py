"""The commands that read or move a whole bakery: events, import, export,
plan, shopping-list, bake-sheet, demo."""

from __future__ import annotations

import argparse
import json
import sys

from src.db import Database

from .common import Handler, add_db_option, add_event_arguments, event_id, output_path, write

# These never create a database: on a missing one they say how to make one.
READ_ONLY = frozenset({"events", "export", "plan", "shopping-list", "bake-sheet"})


def _cmd_events(db: Database, args: argparse.Namespace) -> int:
    from src.services.plan.events import list_events

    rows = list_events(db)
    if not rows:
        print("No events yet.")
        return 0
    print(f"{'date':<10}  {'state':<13}  {'attendees':>9}  name")
    for row in rows:
        attendees = "—" if row.expected_attendees is None else str(row.expected_attendees)
        print(f"{row.event_date.isoformat():<10}  {row.plan_state:<13}  {attendees:>9}  {row.name}")
    return 0


def _cmd_import(db: Database, args: argparse.Namespace) -> int:
    from src.services.exchange import ExchangeError, import_file

    try:
        result = import_file(db, args.file, replace=args.replace)
    except ExchangeError as exc:
        count = len(exc.problems)
        print(
            f"bake-planner: nothing was imported from {args.file}; "
            f"{count} problem{'s' if count != 1 else ''}:",
            file=sys.stderr,
        )
        for problem in exc.problems:
            print(f"  {problem}", file=sys.stderr)
        if any(p.endswith("already exists") for p in exc.problems):
            print("  (use --replace to update the existing ones)", file=sys.stderr)
        return 1
    print(result.summary())
    return 0


def _cmd_export(db: Database, args: argparse.Namespace) -> int:
    from src.services.exchange import export_to_file

    path = output_path(args.file)
    export_to_file(db, path)
    print(f"Exported the database to {path}")
    return 0


def _cmd_plan(db: Database, args: argparse.Namespace) -> int:
    from src.reports.plan_report import plan_report, plan_text
    from src.services.plan.view import get_plan_view

    view = get_plan_view(db, event_id(db, args))
    if args.json:
        print(json.dumps(plan_report(view), indent=2, ensure_ascii=False))
    else:
        sys.stdout.write(plan_text(view))
    return 0


def _cmd_shopping_list(db: Database, args: argparse.Namespace) -> int:
    from src.reports.shopping_text import buying_lines
    from src.services.plan.view import get_plan_view

    csv_path = output_path(args.csv) if args.csv else None
    pdf_path = output_path(args.pdf) if args.pdf else None
    view = get_plan_view(db, event_id(db, args))
    event, rows, undecided = view.event, view.shopping, view.undecided
    totals = view.costs.shopping if view.costs else None
    if csv_path is not None:
        from src.reports.shopping_csv import write_shopping_csv

        write("the shopping list CSV", csv_path,
              lambda: write_shopping_csv(rows, csv_path, undecided))
    if pdf_path is not None:
        from src.reports.shopping_pdf import write_shopping_pdf

        write("the shopping list PDF", pdf_path,
               lambda: write_shopping_pdf(event, rows, pdf_path, totals, undecided))
    if csv_path is None and pdf_path is None:
        print(f"Shopping list — {event.name} ({event.event_date.isoformat()})")
        print()
        sys.stdout.write("\n".join(buying_lines(rows, totals, undecided)) + "\n")
    return 0


def _cmd_bake_sheet(db: Database, args: argparse.Namespace) -> int:
    from src.reports.bake_sheet_pdf import write_bake_sheet_pdf
    from src.services.bakedays.schedule import get_schedule
    from src.services.plan.bake_sheet import get_bake_sheet

    path = output_path(args.pdf)
    from src.services.plan.view import get_plan_view

    chosen = event_id(db, args)
    sheet, days = get_bake_sheet(db, chosen), get_schedule(db, chosen)
    costs = get_plan_view(db, chosen).costs
    write("the bake sheet", path, lambda: write_bake_sheet_pdf(sheet, path, days, costs))
    return 0


def _cmd_demo(db: Database, args: argparse.Namespace) -> int:
    from src.services.exchange.demo import load_demo

    result = load_demo(db, replace=args.replace)
    print("Loaded the demo bakery: " + result.summary().removeprefix("Imported "))
    return 0




def register(sub: argparse._SubParsersAction) -> dict[str, Handler]:
    """Add this module's commands to ``sub``; return their handlers by name."""
    events = sub.add_parser("events", help="list events: date, name, state, attendees")
    add_db_option(events)
    imp = sub.add_parser("import", help="import a Bake Planner document (all or nothing)")
    imp.add_argument("file", metavar="FILE")
    imp.add_argument("--replace", action="store_true",
                     help="update things that already exist by name instead of refusing")
    add_db_option(imp)
    exp = sub.add_parser("export", help="write the whole database as a document")
    exp.add_argument("file", metavar="FILE")
    add_db_option(exp)
    plan = sub.add_parser("plan", help="the plan report of an event")
    add_event_arguments(plan)
    plan.add_argument("--json", action="store_true", help="print the report as JSON")
    add_db_option(plan)
    shop = sub.add_parser("shopping-list", help="the shopping list of an event")
    add_event_arguments(shop)
    shop.add_argument("--csv", metavar="FILE", help="write it as CSV")
    shop.add_argument("--pdf", metavar="FILE", help="write it as PDF")
    add_db_option(shop)
    sheet = sub.add_parser("bake-sheet", help="the bake sheet of an event, as PDF")
    add_event_arguments(sheet)
    sheet.add_argument("--pdf", metavar="FILE", required=True, help="the PDF file to write")
    add_db_option(sheet)
    demo = sub.add_parser("demo", help="load the bundled demo bakery")
    demo.add_argument("--replace", action="store_true",
                      help="load it although the database has data (same names overwritten)")
    add_db_option(demo)
    return {
        "events": _cmd_events,
        "import": _cmd_import,
        "export": _cmd_export,
        "plan": _cmd_plan,
        "shopping-list": _cmd_shopping_list,
        "bake-sheet": _cmd_bake_sheet,
        "demo": _cmd_demo,
    }
