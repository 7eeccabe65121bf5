"""Shared fixtures: a real database migrated with Alembic, via the app's own set-up.

``db`` is SQLite by default. With ``BAKE_PLANNER_TEST_PG=1`` (set by
`make test-postgres`) it is parametrised over SQLite and a throwaway
PostgreSQL server (tests/pg.py), and the PostgreSQL cases carry the
``postgres`` mark. Under ``CI=true`` a PostgreSQL test whose server cannot
start fails; elsewhere it is skipped with the reason.
"""

from __future__ import annotations

import os

# Planning records refuse a second assignment at run time in the tests (before
# any import of src: the check is chosen when the classes are made).
os.environ["BAKE_PLANNER_CHECK_RECORDS"] = "1"

import pytest  # noqa: E402

import src.ui  # noqa: E402, F401  (customtkinter's fonts copied safely: src/ui/font_files.py)
from src.db import Database, open_database  # noqa: E402

from .pg import PgCluster, PgUnavailable  # noqa: E402

PG_ENABLED = os.environ.get("BAKE_PLANNER_TEST_PG", "") not in ("", "0")
IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")
BACKENDS = [pytest.param("sqlite", id="sqlite")]
if PG_ENABLED:
    BACKENDS.append(pytest.param("postgres", id="postgres", marks=pytest.mark.postgres))


def pytest_collection_modifyitems(config, items) -> None:
    """PostgreSQL tests run under `make test-postgres` (BAKE_PLANNER_TEST_PG=1)."""
    if PG_ENABLED:
        return
    skip = pytest.mark.skip(reason="PostgreSQL tests run with `make test-postgres`")
    for item in items:
        if "postgres" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def pg_cluster():
    """A PostgreSQL server for the whole session, stopped at the end."""
    try:
        cluster = PgCluster.start()
    except PgUnavailable as exc:
        if IN_CI:
            pytest.fail(f"PostgreSQL could not start (CI must run these tests): {exc}")
        pytest.skip(f"PostgreSQL could not start: {exc}")
    yield cluster
    cluster.stop()


@pytest.fixture(scope="session")
def pg_shared_url(pg_cluster) -> str:
    """One database migrated to head, emptied before each test that uses it
    (emptying is much faster than making a database per test)."""
    url = pg_cluster.create_database()
    open_database(url).dispose()
    return url


@pytest.fixture
def pg_url(pg_cluster):
    """A fresh, empty PostgreSQL database (no tables): its URL."""
    url = pg_cluster.create_database()
    yield url
    pg_cluster.drop_database(url)


@pytest.fixture
def pg_db(pg_cluster, pg_shared_url) -> Database:
    """The shared PostgreSQL database, migrated and empty, for one test."""
    pg_cluster.empty_database(pg_shared_url)
    database = open_database(pg_shared_url)
    yield database
    database.dispose()


@pytest.fixture
def db_path(tmp_path):
    return tmp_path / "bake.db"


@pytest.fixture(params=BACKENDS)
def db_backend(request) -> str:
    return request.param


@pytest.fixture
def db(request, db_backend) -> Database:
    if db_backend == "postgres":
        yield request.getfixturevalue("pg_db")
        return
    database = open_database(request.getfixturevalue("db_path"))
    yield database
    database.dispose()
