"""Command line: the same services the window calls, from a terminal.

Exit status 0 on success, 1 for a user mistake (message on stderr, no
traceback), 2 for a usage error (argparse).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from src.db import DatabaseError, open_database
from src.services.errors import ServiceError

from . import planning_aids, reports, schedule
from .common import Handler, UserError, add_db_option

# Each module adds its commands with register(sub) -> {name: handler}.
COMMAND_MODULES = (reports, schedule, planning_aids)


COMMANDS: dict[str, Handler] = {}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="bake-planner",
        description="Plan baking events. With no command, opens the window.",
    )
    add_db_option(parser, top=True)
    parser.add_argument(
        "--demo", action="store_true", help="open the window on the demo bakery database"
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in COMMAND_MODULES:
        COMMANDS.update(module.register(sub))
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
