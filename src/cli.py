"""Command line: the same services the window calls, from a terminal.

Exit status 0 on success, 1 for a user mistake (message on stderr, no
traceback), 2 for a usage error (argparse).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from src.db import Database, DatabaseError, open_database
from src.services.errors import ServiceError


class UserError(Exception):
    """A mistake the user can fix; printed as one line, exit status 1."""


def _add_db_option(parser: argparse.ArgumentParser, *, top: bool = False) -> None:
    # On subcommands the option must not overwrite a --db given before the command.
    parser.add_argument(
        "--db",
        metavar="PATH_OR_URL",
        default=None if top else argparse.SUPPRESS,
        help="database file or SQLAlchemy URL (default: $BAKE_PLANNER_DB or the user data folder)",
    )


def _cmd_events(db: Database, args: argparse.Namespace) -> int:
    from src.services.events import list_events

    rows = list_events(db)
    if not rows:
        print("No events yet.")
        return 0
    print(f"{'date':<10}  {'state':<13}  {'attendees':>9}  name")
    for row in rows:
        attendees = "—" if row.expected_attendees is None else str(row.expected_attendees)
        print(f"{row.event_date.isoformat():<10}  {row.plan_state:<13}  {attendees:>9}  {row.name}")
    return 0


def _event_id(db: Database, args: argparse.Namespace) -> int:
    from src.services.events import find_event

    return find_event(db, args.event, args.date).id


def _output_path(text: str) -> Path:
    """A file the command may write: not a folder, in a folder that exists."""
    path = Path(text)
    if path.is_dir():
        raise UserError(f"{path} is a folder; give a file name")
    if not path.parent.is_dir():
        raise UserError(f"cannot write {path}: the folder {path.parent} does not exist")
    return path


def _write(what: str, path: Path, write: Callable[[], None]) -> None:
    try:
        write()
    except OSError as exc:
        raise UserError(f"cannot write {what} to {path}: {exc.strerror or exc}") from exc
    print(f"Wrote {what} to {path}")


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

    path = _output_path(args.file)
    export_to_file(db, path)
    print(f"Exported the database to {path}")
    return 0


def _cmd_plan(db: Database, args: argparse.Namespace) -> int:
    from src.reports.plan_report import plan_report, plan_text
    from src.services.plan_view import get_plan_view

    view = get_plan_view(db, _event_id(db, args))
    if args.json:
        print(json.dumps(plan_report(view), indent=2, ensure_ascii=False))
    else:
        sys.stdout.write(plan_text(view))
    return 0


def _cmd_shopping_list(db: Database, args: argparse.Namespace) -> int:
    from src.reports.plan_report import shopping_lines
    from src.services.events import get_event
    from src.services.plan_view import get_shopping_list

    csv_path = _output_path(args.csv) if args.csv else None
    pdf_path = _output_path(args.pdf) if args.pdf else None
    event_id = _event_id(db, args)
    event, rows = get_event(db, event_id), get_shopping_list(db, event_id)
    if csv_path is not None:
        from src.reports.shopping_csv import write_shopping_csv

        _write("the shopping list CSV", csv_path, lambda: write_shopping_csv(rows, csv_path))
    if pdf_path is not None:
        from src.reports.shopping_pdf import write_shopping_pdf

        _write("the shopping list PDF", pdf_path,
               lambda: write_shopping_pdf(event, rows, pdf_path))
    if csv_path is None and pdf_path is None:
        print(f"Shopping list — {event.name} ({event.event_date.isoformat()})")
        print()
        sys.stdout.write("\n".join(shopping_lines(rows)))
    return 0


def _cmd_bake_sheet(db: Database, args: argparse.Namespace) -> int:
    from src.reports.bake_sheet_pdf import write_bake_sheet_pdf
    from src.services.bake_sheet import get_bake_sheet

    path = _output_path(args.pdf)
    sheet = get_bake_sheet(db, _event_id(db, args))
    _write("the bake sheet", path, lambda: write_bake_sheet_pdf(sheet, path))
    return 0


def _cmd_demo(db: Database, args: argparse.Namespace) -> int:
    from src.services.demo import load_demo

    result = load_demo(db, replace=args.replace)
    print("Loaded the demo bakery: " + result.summary().removeprefix("Imported "))
    return 0


COMMANDS: dict[str, Callable[[Database, argparse.Namespace], int]] = {
    "events": _cmd_events,
    "import": _cmd_import,
    "export": _cmd_export,
    "plan": _cmd_plan,
    "shopping-list": _cmd_shopping_list,
    "bake-sheet": _cmd_bake_sheet,
    "demo": _cmd_demo,
}


def _add_event_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("event", metavar="EVENT", help="the event's name")
    parser.add_argument(
        "--date", metavar="YYYY-MM-DD", default=None,
        help="the event's date, to choose among events of the same name",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="bake-planner",
        description="Plan baking events. With no command, opens the window.",
    )
    _add_db_option(parser, top=True)
    parser.add_argument(
        "--demo", action="store_true", help="open the window on the demo bakery database"
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    events = sub.add_parser("events", help="list events: date, name, state, attendees")
    _add_db_option(events)
    imp = sub.add_parser("import", help="import a Bake Planner document (all or nothing)")
    imp.add_argument("file", metavar="FILE")
    imp.add_argument("--replace", action="store_true",
                     help="update things that already exist by name instead of refusing")
    _add_db_option(imp)
    exp = sub.add_parser("export", help="write the whole database as a document")
    exp.add_argument("file", metavar="FILE")
    _add_db_option(exp)
    plan = sub.add_parser("plan", help="the plan report of an event")
    _add_event_arguments(plan)
    plan.add_argument("--json", action="store_true", help="print the report as JSON")
    _add_db_option(plan)
    shop = sub.add_parser("shopping-list", help="the shopping list of an event")
    _add_event_arguments(shop)
    shop.add_argument("--csv", metavar="FILE", help="write it as CSV")
    shop.add_argument("--pdf", metavar="FILE", help="write it as PDF")
    _add_db_option(shop)
    sheet = sub.add_parser("bake-sheet", help="the bake sheet of an event, as PDF")
    _add_event_arguments(sheet)
    sheet.add_argument("--pdf", metavar="FILE", required=True, help="the PDF file to write")
    _add_db_option(sheet)
    demo = sub.add_parser("demo", help="load the bundled demo bakery")
    demo.add_argument("--replace", action="store_true",
                      help="load it although the database has data (same names overwritten)")
    _add_db_option(demo)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    for stream in (sys.stdout, sys.stderr):
        # A terminal that cannot show "—" or "→" gets a stand-in, not a traceback.
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="replace")
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        from src.ui.app import run_app

        return run_app(db=args.db, demo=args.demo)
    try:
        db = open_database(args.db)
    except DatabaseError as exc:
        print(f"bake-planner: {exc}", file=sys.stderr)
        return 1
    try:
        return COMMANDS[args.command](db, args)
    except (UserError, ServiceError) as exc:
        print(f"bake-planner: {exc}", file=sys.stderr)
        return 1
    except BrokenPipeError:
        # The reader (e.g. `| head`) stopped early: not an error worth a traceback.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    finally:
        db.dispose()
