"""Migrations: created from empty, no drift from the models, reversible, safe on open."""

from __future__ import annotations

import hashlib
import sqlite3

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

import src.models  # noqa: F401
from alembic import command
from src.db import (
    DatabaseTooNewError,
    _alembic_config,
    create_db_engine,
    known_revisions,
    open_database,
)
from src.models.base import Base


def _tables(path) -> set[str]:
    with sqlite3.connect(path) as conn:
        return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}


def _revision(path) -> str | None:
    with sqlite3.connect(path) as conn:
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        return row[0] if row else None


def test_empty_database_upgrades_to_head(db_path):
    database = open_database(db_path)
    database.dispose()
    _, head = known_revisions()
    assert _revision(db_path) == head
    assert set(Base.metadata.tables) <= _tables(db_path)


def test_models_and_migrations_do_not_drift(db):
    with db.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert diff == []


def test_downgrade_to_base_and_upgrade_again(db_path):
    open_database(db_path).dispose()
    engine = create_db_engine(f"sqlite:///{db_path}")
    with engine.begin() as conn:
        command.downgrade(_alembic_config(conn), "base")
    assert _tables(db_path) <= {"alembic_version"}
    with engine.begin() as conn:
        command.upgrade(_alembic_config(conn), "head")
    engine.dispose()
    assert set(Base.metadata.tables) <= _tables(db_path)


def test_backup_written_before_pending_migration(db_path):
    open_database(db_path).dispose()
    # Pretend the file is at an older revision: drop back to base keeps the file with
    # a version table; then insert data at "base" state via an un-migrated table.
    engine = create_db_engine(f"sqlite:///{db_path}")
    with engine.begin() as conn:
        command.downgrade(_alembic_config(conn), "base")
        conn.exec_driver_sql("CREATE TABLE keepsake (note TEXT)")
        conn.exec_driver_sql("INSERT INTO keepsake VALUES ('grandma''s notes')")
    engine.dispose()
    database = open_database(db_path)
    backup = database.backup_path
    database.dispose()
    assert backup is not None and backup.exists()
    assert backup.name.startswith("bake.backup-") and backup.suffix == ".db"
    with sqlite3.connect(backup) as conn:
        assert conn.execute("SELECT note FROM keepsake").fetchone() == ("grandma's notes",)
        assert "events" not in {
            r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    _, head = known_revisions()
    assert _revision(db_path) == head


def test_no_backup_when_nothing_pending(db_path, tmp_path):
    open_database(db_path).dispose()
    database = open_database(db_path)
    database.dispose()
    assert database.backup_path is None
    assert not list(tmp_path.glob("*.backup-*"))


def test_database_from_newer_version_is_refused_untouched(db_path):
    open_database(db_path).dispose()
    with sqlite3.connect(db_path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = 'ffff_from_the_future'")
    conn.close()
    before = hashlib.sha256(db_path.read_bytes()).hexdigest()
    siblings = set(db_path.parent.iterdir())
    with pytest.raises(DatabaseTooNewError, match="newer version of Bake Planner"):
        open_database(db_path)
    assert hashlib.sha256(db_path.read_bytes()).hexdigest() == before
    assert set(db_path.parent.iterdir()) == siblings


def test_sqlite_connections_are_configured(db_path):
    db = open_database(db_path)
    try:
        with db.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 1000
    finally:
        db.dispose()
