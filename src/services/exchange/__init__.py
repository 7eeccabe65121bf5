"""Import and export of the exchange document (docs/EXCHANGE.md): the public service.

``export_document`` / ``export_to_file`` write the whole database;
``import_document`` / ``import_file`` check the WHOLE document first (shape,
references, plan rules) and then write everything in one transaction, or
nothing at all, raising :class:`ExchangeError` with every problem found.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from src.db import Database

from ..catalog.single_goods import ensure_single_goods
from ..errors import ServiceError
from ..plan.completion import write_missing_records
from ..plan.reads import one_snapshot
from ..plan.snapshot import add_missing_ids
from .bake_days import bake_day_problems, write_bake_days
from .export import build_document
from .problems import parse_document
from .reading import check_references, load_existing
from .schema import DocumentDoc
from .writer import DocumentWriter, ImportResult


class ExchangeError(ServiceError):
    """A document that cannot be imported (or a file that cannot be read or
    written). ``problems`` lists every problem as ``location: message``."""

    def __init__(self, problems: list[str], message: str | None = None) -> None:
        self.problems = list(problems)
        if message is None:
            count = len(self.problems)
            message = f"Nothing was imported: {self.problems[0]}" + (
                f" (and {count - 1} more problem{'s' if count > 2 else ''})" if count > 1 else ""
            )
        super().__init__(message)


def export_document(db: Database) -> dict[str, Any]:
    """The whole database as a version-2 document; the same data always gives
    the same document (lists in a fixed order)."""
    with db.uow() as session:
        one_snapshot(session)
        return build_document(session)


def document_text(document: dict[str, Any]) -> str:
    """The document as the file holds it (UTF-8 JSON, two-space indent, final newline)."""
    return json.dumps(document, indent=2, ensure_ascii=False, sort_keys=False) + "\n"


def export_to_file(db: Database, path: str | os.PathLike[str]) -> Path:
    """Write the whole database to ``path``; ExchangeError when it cannot be written."""
    target = Path(path)
    text = document_text(export_document(db))
    if target.is_dir():
        raise ExchangeError([], f"{target} is a folder; give a file name to export to")
    try:
        target.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise ExchangeError([], f"cannot write {target}: {exc.strerror or exc}") from exc
    return target


def parse_text(text: str) -> object:
    """JSON text to data, or ExchangeError("not JSON: … at line L column C")."""

    def refuse_constant(name: str) -> None:
        raise ValueError(f"{name} is not allowed")

    try:
        return json.loads(text, parse_constant=refuse_constant)
    except json.JSONDecodeError as exc:
        problem = f"not JSON: {exc.msg} at line {exc.lineno} column {exc.colno}"
    except RecursionError:
        problem = "not JSON: nested too deeply"
    except ValueError as exc:  # NaN / Infinity, or an integer with thousands of digits
        problem = f"not JSON: {exc}"
    raise ExchangeError([problem])


def read_file(path: str | os.PathLike[str]) -> object:
    """The JSON data in ``path``; ExchangeError for an unreadable or non-JSON file."""
    source = Path(path)
    if source.is_dir():
        raise ExchangeError([f"{source} is a folder, not a file"])
    try:
        raw = source.read_bytes()
    except OSError as exc:
        raise ExchangeError([f"cannot read {source}: {exc.strerror or exc}"]) from exc
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ExchangeError([f"not JSON: not UTF-8 text (byte {exc.start})"]) from None
    return parse_text(text)


def _validated(session: Session, document: object, replace: bool) -> DocumentDoc:
    if not isinstance(document, dict):
        kind = {list: "a list", str: "text", type(None): "null"}.get(type(document), "not one")
        raise ExchangeError([f"document: must be a JSON object ({kind} given)"])
    parsed, problems = parse_document(document)
    if parsed is None:
        raise ExchangeError(problems)
    problems = check_references(parsed, load_existing(session), replace)
    problems += bake_day_problems(parsed)
    if problems:
        raise ExchangeError(problems)
    return parsed


def import_document(db: Database, document: object, *, replace: bool = False) -> ImportResult:
    """Import ``document`` (parsed JSON) all-or-nothing.

    Every problem is reported at once in ExchangeError.problems and nothing
    is written. Names already in the database are conflicts unless
    ``replace``: then those things are updated in place, and events with the
    same name and date are replaced."""
    with db.uow() as session:
        parsed = _validated(session, document, replace)
        try:
            result = DocumentWriter(session).write(parsed)
            write_bake_days(session, parsed)
            ensure_single_goods(session)
            session.flush()
            add_missing_ids(session)  # snapshots match by identity from now on
            write_missing_records(session)  # completed plans keep their figures from now on
            return result
        except IntegrityError as exc:
            raise ExchangeError([
                "database: the document clashes with data in the database (for example a "
                "yield type it drops is still used by a finished good that is not in the "
                f"document): {str(exc.orig).splitlines()[0]}"
            ]) from exc


def import_file(
    db: Database, path: str | os.PathLike[str], *, replace: bool = False
) -> ImportResult:
    """Read ``path`` and import it (see :func:`import_document`)."""
    return import_document(db, read_file(path), replace=replace)
