"""Migrations keep the baker's data: a database holding rows at every earlier schema
revision opens at head with every row still there, and with a backup written
before anything changed; a database from a newer Bake Planner is refused and
left byte-for-byte as it was.

Each revision needs seed rows written in that revision's own schema, as plain
SQL (the models only describe head). When a migration is added, add a seeder
for the revision before it to ``SEEDERS`` — the test fails until one exists.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import sqlite3

import pytest
from alembic.script import ScriptDirectory

from alembic import command
from src.db import (
    DatabaseTooNewError,
    _alembic_config,
    create_db_engine,
    known_revisions,
    open_database,
)

STAMP = "2026-01-02 03:04:05.000000"


def _insert(conn: sqlite3.Connection, table: str, row_id: int, **values) -> None:
    values = {"id": row_id, "uuid": f"{table[:8]}-{row_id:04d}", "created_at": STAMP,
              "updated_at": STAMP, **values}
    cols = ", ".join(values)
    marks = ", ".join("?" for _ in values)
    conn.execute(f"INSERT INTO {table} ({cols}) VALUES ({marks})", tuple(values.values()))


def _seed_0001(conn: sqlite3.Connection) -> None:
    """One of everything, in the initial schema: a variant, a nested bundle, an event
    in production with a snapshot, an amendment and a production run."""
    _insert(conn, "ingredients", 1, name="All-purpose flour", category="Dry goods",
            density_g_per_ml="0.53", preferred_unit="cup")
    _insert(conn, "ingredients", 2, name="Crème fraîche ☃", category="Dairy")
    _insert(conn, "recipes", 1, name="Sugar Cookie Dough", category="Cookies", notes="x")
    _insert(conn, "recipes", 2, name="Chocolate Sugar Cookie Dough", category="Cookies",
            base_recipe_id=1)
    _insert(conn, "recipe_ingredients", 1, recipe_id=1, ingredient_id=1, quantity="2.75",
            unit="cup")
    _insert(conn, "recipe_ingredients", 2, recipe_id=2, ingredient_id=2, quantity="100",
            unit="g")
    _insert(conn, "finished_units", 1, name="Sugar cookie", recipe_id=1,
            yield_mode="discrete_count", items_per_batch=24)
    _insert(conn, "finished_units", 2, name="Chocolate cookie slab", recipe_id=2,
            yield_mode="batch_portion", batch_percentage="50")
    _insert(conn, "finished_goods", 1, name="Sugar cookie")
    _insert(conn, "finished_goods", 2, name="Cookie tin")
    _insert(conn, "finished_good_components", 1, finished_good_id=1, finished_unit_id=1,
            quantity=1)
    _insert(conn, "finished_good_components", 2, finished_good_id=2, component_good_id=1,
            quantity=6)
    _insert(conn, "finished_good_components", 3, finished_good_id=2, finished_unit_id=2,
            quantity=1)
    _insert(conn, "pantry_items", 1, ingredient_id=1, quantity="5", unit="lb")
    _insert(conn, "events", 1, name="Christmas 2026", event_date="2026-12-20",
            output_mode="bundled", expected_attendees=50, plan_state="in_production")
    _insert(conn, "events", 2, name="Bake sale", event_date="2026-06-01",
            output_mode="bulk_count", plan_state="draft")
    _insert(conn, "event_recipes", 1, event_id=1, recipe_id=1)
    _insert(conn, "event_recipes", 2, event_id=1, recipe_id=2)
    _insert(conn, "event_finished_goods", 1, event_id=1, finished_good_id=2, quantity=20)
    _insert(conn, "batch_decisions", 1, event_id=1, recipe_id=1, finished_unit_id=1,
            batches=6)
    _insert(conn, "plan_snapshots", 1, event_id=1,
            snapshot_data=json.dumps({"recipes": ["Sugar Cookie Dough"]}))
    _insert(conn, "plan_amendments", 1, event_id=1, amendment_type="modify_batch",
            amendment_data=json.dumps({"recipe_id": 1, "original_batches": 5,
                                       "new_batches": 6}), reason="more guests")
    _insert(conn, "production_runs", 1, event_id=1, recipe_id=1, batches=2,
            recorded_at=STAMP, notes="")


def _seed_0005(conn: sqlite3.Connection) -> None:
    """The 0001 rows plus bake-day settings: a recipe's timing, ovens, hours, a day off
    and an event's first baking day."""
    _seed_0001(conn)
    _insert(conn, "recipe_timings", 1, recipe_id=1, active_minutes=20, rest_minutes=480,
            oven_minutes=12, loads_per_batch=2, days_fresh=7, freezes=1, days_frozen=60)
    _insert(conn, "bakery_settings", 1, ovens=2)
    _insert(conn, "baking_hours", 1, weekday=5, start_minute=540, end_minute=1020)
    _insert(conn, "bakery_days_off", 1, day="2026-12-24")
    _insert(conn, "event_baking_starts", 1, event_id=1, first_day="2026-12-10")


# Revisions in the order they apply (migrations are chained in the order they landed).
def _seed_0006(conn: sqlite3.Connection) -> None:
    """0005's rows plus the planning aids' columns: a per-guest rate, a leftover, a pin."""
    _seed_0005(conn)
    conn.execute("UPDATE finished_goods SET per_guest = '0.5' WHERE id = 2")
    conn.execute("UPDATE event_finished_goods SET leftover = 3 WHERE id = 1")
    conn.execute("UPDATE batch_decisions SET pinned = 1 WHERE id = 1")


# Revisions in the order they apply (migrations are chained in the order they landed).
SEEDERS = {
    "0001": _seed_0001,
    "0008": _seed_0001,  # dropping duplicate indexes changed no table's columns
    "0005": _seed_0005,
    "0006": _seed_0006,
}


def _revisions() -> list[str]:
    script = ScriptDirectory.from_config(_alembic_config())
    return [rev.revision for rev in reversed(list(script.walk_revisions()))]


def _build_at(path, revision: str) -> None:
    """A database migrated to ``revision`` (not head) and filled by its seeder."""
    engine = create_db_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        command.upgrade(_alembic_config(conn), revision)
    engine.dispose()
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA foreign_keys=ON")
        SEEDERS[revision](conn)
    conn.close()


def _dump(path) -> dict[str, list[tuple]]:
    """Every row of every data table, sorted, keyed by table."""
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
        tables = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' "
            "AND name != 'alembic_version' ORDER BY name")]
        out = {t: sorted(conn.execute(f"SELECT * FROM {t}").fetchall(), key=repr)
               for t in tables}
    conn.close()
    return out


def _uuids(path) -> dict[str, set[str]]:
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
        tables = [r[0] for r in conn.execute(
            "SELECT m.name FROM sqlite_master m WHERE m.type='table' "
            "AND EXISTS (SELECT 1 FROM pragma_table_info(m.name) WHERE name = 'uuid')")]
        out = {t: {r[0] for r in conn.execute(f"SELECT uuid FROM {t}")} for t in tables}
    conn.close()
    return out


def _version(path) -> str | None:
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    conn.close()
    return row[0] if row else None


@pytest.mark.parametrize("revision", _revisions())
def test_every_revision_with_data_opens_at_head_losing_nothing(tmp_path, revision):
    assert revision in SEEDERS, f"add a seeder for revision {revision} to SEEDERS"
    path = tmp_path / "bakery.db"
    _build_at(path, revision)
    before = _dump(path)
    uuids_before = _uuids(path)
    assert all(before[t] for t in before), "the seeder must fill every table"

    database = open_database(path)
    backup = database.backup_path
    database.dispose()

    _, head = known_revisions()
    assert _version(path) == head
    after = _dump(path)
    # A later migration may add or reshape columns; every row (by uuid) must survive.
    uuids_after = _uuids(path)  # a later migration may add tables too
    assert {t: uuids_after.get(t) for t in uuids_before} == uuids_before
    if revision == head:
        assert backup is None  # nothing pending, nothing to back up
        assert after == before
    else:
        assert backup is not None and backup.exists(), "no backup before the upgrade"
        assert _version(backup) == revision
        assert _dump(backup) == before


def test_upgrade_from_empty_base_writes_backup_first(tmp_path):
    """The one upgrade path that exists today with a pending migration: a file stamped
    at base (tables dropped) beside unrelated data; the backup holds that state."""
    path = tmp_path / "bakery.db"
    engine = create_db_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        command.upgrade(_alembic_config(conn), _revisions()[0])
        command.downgrade(_alembic_config(conn), "base")
        conn.exec_driver_sql("CREATE TABLE notes_from_grandma (line TEXT)")
        conn.exec_driver_sql("INSERT INTO notes_from_grandma VALUES ('double the butter')")
    engine.dispose()
    database = open_database(path)
    backup = database.backup_path
    database.dispose()
    assert backup is not None
    assert _dump(backup) == {"notes_from_grandma": [("double the butter",)]}
    assert _dump(path)["notes_from_grandma"] == [("double the butter",)]


def _sha(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("leftover_wal", [False, True], ids=["clean", "with-wal"])
def test_database_from_newer_version_is_refused_and_untouched(tmp_path, leftover_wal):
    path = tmp_path / "bakery.db"
    _build_at(path, _revisions()[-1])
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    conn.close()
    if leftover_wal:
        # A newer app that crashed leaves a WAL beside the file: copy a live pair.
        live = sqlite3.connect(path)
        live.execute("PRAGMA journal_mode=WAL")
        live.execute("PRAGMA wal_autocheckpoint=0")
        live.execute("UPDATE events SET notes = 'unsaved in main file' WHERE id = 2")
        live.commit()
        frozen = tmp_path / "frozen"
        frozen.mkdir()
        for suffix in ("", "-wal"):
            shutil.copyfile(f"{path}{suffix}", frozen / f"bakery.db{suffix}")
        live.close()
        path = frozen / "bakery.db"
    files = {p.name: _sha(p) for p in path.parent.iterdir()}

    with pytest.raises(DatabaseTooNewError, match="newer version of Bake Planner"):
        open_database(path)
    after = {p.name: _sha(p) for p in path.parent.iterdir()}
    # Reading past a leftover WAL needs SQLite's shared-memory index, so a
    # "-shm" file may appear; it holds no data. The database and its WAL must not change.
    if leftover_wal:
        after.pop("bakery.db-shm", None)
    assert after == files
