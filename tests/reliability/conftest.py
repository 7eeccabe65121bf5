"""Reliability harness settings: short runs in `make test`, long ones in `make soak`.

``BAKE_PLANNER_SOAK=1`` (set by `make soak`) switches every harness to its
full size; ``soak_or(normal, soak)`` picks the figure for the current mode.
"""

from __future__ import annotations

import os

import pytest

from bench.generate import bakery
from src.db import open_database
from src.services.exchange import import_document
from src.services.plan.events import find_event

SOAK = os.environ.get("BAKE_PLANNER_SOAK", "") not in ("", "0")


def soak_or(normal, soak):
    """``soak`` under `make soak`, else ``normal``."""
    return soak if SOAK else normal


@pytest.fixture
def small_bakery(tmp_path):
    """(path, main event id) of a database holding the small synthetic bakery."""
    path = tmp_path / "bakery.db"
    db = open_database(path)
    try:
        import_document(db, bakery("small"))
        event_id = find_event(db, "Benchmark small").id
    finally:
        db.dispose()
    return path, event_id


@pytest.fixture
def shared_bakery(request, db_backend, tmp_path):
    """(path or URL, main event id) of a database holding the small synthetic
    bakery: a SQLite file, or (``postgres`` case) a database on the test server."""
    if db_backend == "postgres":
        db = request.getfixturevalue("pg_db")
        location: str = db.url
    else:
        location = str(tmp_path / "bakery.db")
        db = open_database(location)
    try:
        import_document(db, bakery("small"))
        event_id = find_event(db, "Benchmark small").id
    finally:
        db.dispose()
    return location, event_id
