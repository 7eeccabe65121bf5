"""What every command module shares: the error a user can fix, the --db and
EVENT arguments, finding the event, and writing an output file."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

from src.db import Database

Handler = Callable[[Database, argparse.Namespace], int]


class UserError(Exception):
    """A mistake the user can fix; printed as one line, exit status 1."""


def add_db_option(parser: argparse.ArgumentParser, *, top: bool = False) -> None:
    # On subcommands the option must not overwrite a --db given before the command.
    parser.add_argument(
        "--db",
        metavar="PATH_OR_URL",
        default=None if top else argparse.SUPPRESS,
        help="database file or SQLAlchemy URL (default: $BAKE_PLANNER_DB or the user data folder)",
    )


def event_id(db: Database, args: argparse.Namespace) -> int:
    from src.services.plan.events import find_event

    return find_event(db, args.event, args.date).id


def output_path(text: str) -> Path:
    """A file the command may write: not a folder, in a folder that exists."""
    path = Path(text)
    if path.is_dir():
        raise UserError(f"{path} is a folder; give a file name")
    if not path.parent.is_dir():
        raise UserError(f"cannot write {path}: the folder {path.parent} does not exist")
    return path


def write(what: str, path: Path, action: Callable[[], None]) -> None:
    """Run ``action`` (which writes ``path``), turning an OS error into a UserError."""
    try:
        action()
    except OSError as exc:
        raise UserError(f"cannot write {what} to {path}: {exc.strerror or exc}") from exc
    print(f"Wrote {what} to {path}")


def add_event_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("event", metavar="EVENT", help="the event's name")
    parser.add_argument(
        "--date", metavar="DATE", default=None,
        help="the event's date, to choose among events of the same name",
    )
