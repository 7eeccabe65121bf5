"""Migrations on a real PostgreSQL server: from empty, reversible, a JSON backup
before a pending migration (no drift: test_migrations.py runs on both)."""

from __future__ import annotations

import json
import threading

import pytest
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect

import src.models  # noqa: F401
from alembic import command
from src import cli
from src.db import (
    _alembic_config,
    backup_dir,
    create_db_engine,
    known_revisions,
    open_database,
)
from src.models.base import Base

pytestmark = pytest.mark.postgres


def _tables(url: str) -> set[str]:
    engine = create_db_engine(url)
    try:
        with engine.connect() as conn:
            return set(inspect(conn).get_table_names())
    finally:
        engine.dispose()


def _revision(url: str) -> str | None:
    engine = create_db_engine(url)
    try:
        with engine.connect() as conn:
            return MigrationContext.configure(conn).get_current_revision()
    finally:
        engine.dispose()


def test_empty_database_upgrades_to_head(pg_url):
    open_database(pg_url).dispose()
    _, head = known_revisions()
    assert _revision(pg_url) == head
    assert set(Base.metadata.tables) <= _tables(pg_url)


def test_downgrade_to_base_and_upgrade_again(pg_url):
    open_database(pg_url).dispose()
    engine = create_db_engine(pg_url)
    try:
        with engine.begin() as conn:
            command.downgrade(_alembic_config(conn), "base")
        assert _tables(pg_url) <= {"alembic_version"}
        with engine.begin() as conn:
            command.upgrade(_alembic_config(conn), "head")
    finally:
        engine.dispose()
    assert set(Base.metadata.tables) <= _tables(pg_url)


def _at_base_with_keepsake(url: str) -> None:
    """A database at an older revision (base) that holds a row worth keeping."""
    open_database(url).dispose()
    engine = create_db_engine(url)
    try:
        with engine.begin() as conn:
            command.downgrade(_alembic_config(conn), "base")
            conn.exec_driver_sql("CREATE TABLE keepsake (id serial PRIMARY KEY, note text, "
                                 "amount numeric(30, 12))")
            conn.exec_driver_sql("INSERT INTO keepsake (note, amount) VALUES "
                                 "('grandma''s notes', 123456789012.345678901234)")
    finally:
        engine.dispose()


def test_json_backup_written_in_the_data_folder_before_a_pending_migration(
        pg_url, tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    _at_base_with_keepsake(pg_url)
    database = open_database(pg_url)
    database.dispose()
    backup = database.backup_path
    assert backup is not None and backup.parent == backup_dir()
    assert backup.is_relative_to(tmp_path / "data") and backup.suffix == ".json"
    saved = json.loads(backup.read_text(encoding="utf-8"))
    assert saved["format"] == "bake-planner-table-backup"
    assert saved["tables"]["keepsake"] == {
        "columns": ["id", "note", "amount"],
        "rows": [[1, "grandma's notes", "123456789012.345678901234"]],
    }
    assert _revision(pg_url) == known_revisions()[1]


def test_cli_says_where_the_backup_is(pg_url, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    _at_base_with_keepsake(pg_url)
    # (a command that may create: read-only ones refuse a database with no schema)
    assert cli.main(["--db", pg_url, "new-event", "Fair", "--date", "2026-12-01"]) == 0
    err = capsys.readouterr().err
    assert "backed up the database before upgrading it: " in err
    assert str(backup_dir()) in err and list(backup_dir().glob("*.json"))


def test_no_backup_when_nothing_is_pending(pg_url, tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    first = open_database(pg_url)  # a new, empty database: nothing to keep
    first.dispose()
    again = open_database(pg_url)
    again.dispose()
    assert first.backup_path is None and again.backup_path is None
    assert not backup_dir().exists()


def test_two_computers_opening_a_new_database_at_once_both_succeed(pg_url):
    barrier = threading.Barrier(2)
    outcomes: list[object] = []

    def open_it() -> None:
        barrier.wait()
        try:
            open_database(pg_url).dispose()
            outcomes.append("ok")
        except Exception as exc:  # noqa: BLE001 - the outcome is what is checked
            outcomes.append(exc)

    threads = [threading.Thread(target=open_it) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert outcomes == ["ok", "ok"]
    assert _revision(pg_url) == known_revisions()[1]
