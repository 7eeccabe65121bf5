"""A JSON copy of every table, written before a server database is migrated.

A SQLite database is backed up by copying its file (src/db.py). A database on
a server (PostgreSQL) has no file to copy, so before a pending migration the
app reads every table — whatever its schema revision, by reflection, in one
consistent snapshot — and writes the rows as JSON in the user data folder.
"""

from __future__ import annotations

import json
import os
from datetime import date, datetime, time
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, MetaData, select
from sqlalchemy.engine import make_url

from src.utils.datetime_utils import utc_now

BACKUP_FORMAT = "bake-planner-table-backup"


def _plain(value: Any) -> Any:
    """A JSON-ready form of a column value that keeps every digit."""
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    if isinstance(value, bytes | bytearray | memoryview):
        return bytes(value).hex()
    return str(value)


def _target(folder: Path, url: str) -> Path:
    name = make_url(url).database or "database"
    stamp = utc_now().strftime("%Y%m%d-%H%M%S")
    target = folder / f"{name}.backup-{stamp}.json"
    n = 1
    while target.exists():
        target = folder / f"{name}.backup-{stamp}-{n}.json"
        n += 1
    return target


def backup_tables(engine: Engine, url: str, folder: Path, revision: str | None) -> Path:
    """Write every row of every table to a new JSON file in ``folder``; its path.

    The document: {"format", "written_at", "database", "revision", "tables":
    {name: {"columns": [...], "rows": [[...], ...]}}}; numbers stored as
    decimals are written as strings so nothing is rounded."""
    tables: dict[str, dict[str, list]] = {}
    connection = engine.connect().execution_options(isolation_level="REPEATABLE READ")
    with connection, connection.begin():
        meta = MetaData()
        meta.reflect(connection)
        for table in meta.sorted_tables:
            order = list(table.primary_key.columns) or list(table.columns)
            rows = connection.execute(select(table).order_by(*order)).all()
            tables[table.name] = {"columns": [c.name for c in table.columns],
                                  "rows": [list(row) for row in rows]}
    document = {
        "format": BACKUP_FORMAT,
        "written_at": utc_now().isoformat(),
        "database": make_url(url).render_as_string(hide_password=True),
        "revision": revision,
        "tables": tables,
    }
    folder.mkdir(parents=True, exist_ok=True)
    target = _target(folder, url)
    partial = target.with_name(target.name + ".partial")
    partial.write_text(json.dumps(document, default=_plain, ensure_ascii=False, indent=1),
                       encoding="utf-8")
    os.replace(partial, target)
    return target
