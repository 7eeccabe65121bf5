"""Command line: the same services the window calls, from a terminal.

Exit status 0 on success, 1 for a user mistake (message on stderr, no
traceback), 2 for a usage error (argparse).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence

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


COMMANDS: dict[str, Callable[[Database, argparse.Namespace], int]] = {
    "events": _cmd_events,
}


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
    return parser


def main(argv: Sequence[str] | None = None) -> int:
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
    finally:
        db.dispose()
