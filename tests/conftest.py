"""Shared fixtures: a real SQLite file migrated with Alembic, via the app's own set-up."""

from __future__ import annotations

import pytest

from src.db import Database, open_database


@pytest.fixture
def db_path(tmp_path):
    return tmp_path / "bake.db"


@pytest.fixture
def db(db_path) -> Database:
    database = open_database(db_path)
    yield database
    database.dispose()
