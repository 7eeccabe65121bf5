"""Migration 0004 (purchase packs, settings) keeps every row of a populated 0001 database."""

from __future__ import annotations

import sqlite3

from alembic import command
from src.db import _alembic_config, create_db_engine, open_database
from src.services import catalog_packs
from tests.reliability.test_migration_upgrade import _dump, _seed_0001


def _build_0001(path) -> None:
    engine = create_db_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        command.upgrade(_alembic_config(conn), "0001")
    engine.dispose()
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA foreign_keys=ON")
        _seed_0001(conn)
    conn.close()


def test_upgrade_from_0001_keeps_every_row_and_adds_empty_tables(tmp_path):
    path = tmp_path / "bakery.db"
    _build_0001(path)
    before = _dump(path)
    database = open_database(path)
    try:
        after = _dump(path)
        for table, rows in before.items():
            assert after[table] == rows, table  # zero rows lost or changed
        assert after["purchase_packs"] == [] and after["app_settings"] == []
        # the upgraded database takes packs at once
        pack = catalog_packs.create_pack(database, 1, "5 lb bag", "5", "lb", price="4.29")
        assert pack.label == "5 lb bag"
    finally:
        database.dispose()


def test_downgrade_to_0001_drops_only_the_new_tables(tmp_path):
    path = tmp_path / "bakery.db"
    _build_0001(path)
    before = _dump(path)
    open_database(path).dispose()
    engine = create_db_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        command.downgrade(_alembic_config(conn), "0001")
    engine.dispose()
    assert _dump(path) == before
