"""Migrations on a real PostgreSQL server: from empty, no drift, reversible."""

from __future__ import annotations

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect

import src.models  # noqa: F401
from alembic import command
from src.db import _alembic_config, create_db_engine, known_revisions, open_database
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


def test_models_and_migrations_do_not_drift(pg_url):
    database = open_database(pg_url)
    try:
        with database.engine.connect() as conn:
            diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    finally:
        database.dispose()
    assert diff == []


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
