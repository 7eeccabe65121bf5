"""Migration 0004 (purchase packs, settings) keeps every row of a populated
database at the revision before it, and its downgrade drops only its tables."""

from __future__ import annotations

import sqlite3

from alembic.script import ScriptDirectory

from alembic import command
from src.db import _alembic_config, create_db_engine, open_database
from src.services.catalog import packs as catalog_packs
from tests.reliability.test_migration_upgrade import SEEDERS, _dump


def _before_0004() -> str:
    return ScriptDirectory.from_config(_alembic_config()).get_revision("0004").down_revision


def _build(path, revision: str) -> None:
    engine = create_db_engine(f"sqlite:///{path}")
    with engine.connect() as conn:
        conn.connection.driver_connection.execute("PRAGMA foreign_keys=OFF")  # as src.db does
        with conn.begin():
            command.upgrade(_alembic_config(conn), revision)
    engine.dispose()
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA foreign_keys=ON")
        SEEDERS[revision](conn)
    conn.close()


def _to(path, revision: str, *, down: bool = False) -> None:
    engine = create_db_engine(f"sqlite:///{path}")
    with engine.connect() as conn:
        conn.connection.driver_connection.execute("PRAGMA foreign_keys=OFF")
        with conn.begin():
            (command.downgrade if down else command.upgrade)(_alembic_config(conn), revision)
    engine.dispose()


def test_upgrade_keeps_every_row_and_adds_empty_tables(tmp_path):
    path = tmp_path / "bakery.db"
    _build(path, _before_0004())
    before = _dump(path)
    _to(path, "0004")
    after = _dump(path)
    for table, rows in before.items():
        assert after[table] == rows, table  # zero rows lost or changed
    assert after["purchase_packs"] == [] and after["app_settings"] == []
    database = open_database(path)  # the rest of the way; packs work at once
    try:
        pack = catalog_packs.create_pack(database, 1, "5 lb bag", "5", "lb", price="4.29")
        assert pack.label == "5 lb bag"
    finally:
        database.dispose()


def test_downgrade_drops_only_the_new_tables(tmp_path):
    path = tmp_path / "bakery.db"
    previous = _before_0004()
    _build(path, previous)
    before = _dump(path)
    _to(path, "0004")
    _to(path, previous, down=True)
    assert _dump(path) == before
