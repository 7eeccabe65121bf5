"""What must be true of a Bake Planner database at any moment, read with plain
sqlite3 (or psycopg, for a database on a PostgreSQL server).

``problems(path)`` returns every broken rule as a sentence (empty when all
hold). It reads the file the way a freshly started application would, so it
also sees what a killed process left in the WAL. The rules are the plan
rules a baker relies on:

- SQLite's own integrity check passes and no row points at a missing row;
- every finished-good line of an event is available from the event's
  selected recipes (through nested bundles);
- batch decisions exist only for selected recipes;
- an event has a snapshot exactly when its production has started, and at
  most one;
- amendments exist only for plans in production (or completed), and the
  live plan is exactly the snapshot with every recorded amendment applied
  in order — so an amendment is applied if and only if it is recorded.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from src.planning.decomposition import CycleError, expand_reachable
from src.planning.replay import current_amendment, current_snapshot, replay_amendments
from src.planning.types import Component, Good

STARTED = ("in_production", "completed")


class _ServerReader:
    """A PostgreSQL database read like a sqlite3 connection: ``execute(sql, params)``
    with ``?`` placeholders, rows as tuples."""

    def __init__(self, url: str) -> None:
        import psycopg
        from sqlalchemy.engine import make_url

        parsed = make_url(url)
        self.conn = psycopg.connect(
            dbname=parsed.database, user=parsed.username, password=parsed.password,
            host=parsed.query.get("host") or parsed.host, port=parsed.query.get("port")
            or parsed.port, autocommit=True)

    def execute(self, sql: str, params: tuple = ()):
        return self.conn.execute(sql.replace("?", "%s"), params)

    def close(self) -> None:
        self.conn.close()


Reader = sqlite3.Connection | _ServerReader


def connect_readonly(path: str | Path) -> Reader:
    """A read-only connection to a database file, or to a server database by URL."""
    if "://" in str(path):
        return _ServerReader(str(path))
    return sqlite3.connect(f"file:{path}?mode=ro", uri=True)


def _json(value):
    """A JSON column's value (PostgreSQL hands it over parsed already)."""
    return json.loads(value) if isinstance(value, str | bytes) else value


def _goods(conn: Reader) -> tuple[dict[int, Good], dict[int, int]]:
    names = dict(conn.execute("SELECT id, name FROM finished_goods"))
    comps: dict[int, list[Component]] = {gid: [] for gid in names}
    for gid, qty, unit, child in conn.execute(
        "SELECT finished_good_id, quantity, finished_unit_id, component_good_id "
        "FROM finished_good_components ORDER BY id"
    ):
        comps[gid].append(Component(qty, unit, child))
    goods = {gid: Good(gid, names[gid], tuple(comps[gid])) for gid in names}
    unit_recipe = dict(conn.execute("SELECT id, recipe_id FROM finished_units"))
    return goods, unit_recipe


def _plan(conn: Reader, event_id: int) -> dict:
    """The live plan of an event by name, shaped like a snapshot body."""
    recipes = sorted(r for (r,) in conn.execute(
        "SELECT r.name FROM event_recipes er JOIN recipes r ON r.id = er.recipe_id "
        "WHERE er.event_id = ?", (event_id,)))
    lines = dict(conn.execute(
        "SELECT g.name, l.quantity FROM event_finished_goods l "
        "JOIN finished_goods g ON g.id = l.finished_good_id WHERE l.event_id = ?", (event_id,)))
    decisions = dict(conn.execute(
        "SELECT r.name, d.batches FROM batch_decisions d JOIN recipes r ON r.id = d.recipe_id "
        "WHERE d.event_id = ?", (event_id,)))
    return {"recipes": recipes, "lines": lines, "decisions": decisions}


def replay(
    snapshot: dict,
    amendments: list[tuple[str, dict]],
    recipe_names: dict[int, str] | None = None,
    good_names: dict[int, str] | None = None,
) -> dict:
    """The plan a snapshot becomes after ``amendments`` (kind, data), oldest first
    (the application's own rule, src.planning.replay), with today's names of
    the things they refer to by id."""
    recipes, goods = recipe_names or {}, good_names or {}
    return replay_amendments(
        current_snapshot(snapshot, recipes, goods),
        [(kind, current_amendment(data, recipes, goods)) for kind, data in amendments],
    )


def problems(path: str | Path) -> list[str]:
    """Every broken invariant of the database at ``path`` (a file, or a server
    database's URL), as sentences."""
    conn = connect_readonly(path)
    try:
        return _problems(conn)
    finally:
        conn.close()


def _problems(conn: Reader) -> list[str]:
    found: list[str] = []
    if isinstance(conn, sqlite3.Connection):  # a server checks these itself
        check = [r[0] for r in conn.execute("PRAGMA integrity_check")]
        if check != ["ok"]:
            found.append(f"integrity_check: {check[:5]}")
        dangling = conn.execute("PRAGMA foreign_key_check").fetchall()
        if dangling:
            found.append(f"rows pointing at missing rows: {dangling[:5]}")

    goods, unit_recipe = _goods(conn)
    events = conn.execute("SELECT id, name, plan_state FROM events").fetchall()
    for event_id, name, state in events:
        where = f"event {event_id} ({name!r}, {state})"
        selected = {r for (r,) in conn.execute(
            "SELECT recipe_id FROM event_recipes WHERE event_id = ?", (event_id,))}
        line_goods = [g for (g,) in conn.execute(
            "SELECT finished_good_id FROM event_finished_goods WHERE event_id = ?", (event_id,))]
        try:
            per_good = expand_reachable(goods, line_goods)
        except CycleError as exc:
            found.append(f"{where}: its lines reach a cycle {exc.names}")
            per_good = {}
        for gid in line_goods:
            needs = {unit_recipe[u] for u in per_good.get(gid, {})}
            if not needs <= selected:
                found.append(f"{where}: line {goods[gid].name!r} needs unselected recipes "
                             f"{sorted(needs - selected)}")
        for (rid,) in conn.execute(
            "SELECT recipe_id FROM batch_decisions WHERE event_id = ?", (event_id,)
        ):
            if rid not in selected:
                found.append(f"{where}: decision for unselected recipe {rid}")

        snapshots = [_json(s) for (s,) in conn.execute(
            "SELECT snapshot_data FROM plan_snapshots WHERE event_id = ?", (event_id,))]
        amendments = [(k, _json(d)) for k, d in conn.execute(
            "SELECT amendment_type, amendment_data FROM plan_amendments WHERE event_id = ? "
            "ORDER BY id", (event_id,))]
        if state in STARTED and len(snapshots) != 1:
            found.append(f"{where}: {len(snapshots)} snapshots (production started: need 1)")
        if state not in STARTED and snapshots:
            found.append(f"{where}: a snapshot although production never started")
        if state not in STARTED and amendments:
            found.append(f"{where}: amendments although production never started")
        if state in STARTED and len(snapshots) == 1:
            expected = replay(snapshots[0], amendments,
                              dict(conn.execute("SELECT id, name FROM recipes")),
                              {g: goods[g].name for g in goods})
            actual = _plan(conn, event_id)
            if expected != actual:
                found.append(f"{where}: live plan differs from snapshot + amendments: "
                             f"expected {expected}, found {actual}")
    return found


def counts(path: str | Path) -> dict[str, int]:
    """Row counts of every data table (for 'nothing was lost' comparisons)."""
    conn = connect_readonly(path)
    try:
        tables = [t for (t,) in conn.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'")]
        return {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}
    finally:
        conn.close()
