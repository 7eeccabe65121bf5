"""The floor for a plan refresh: plain ``sqlite3`` reading the rows the plan view needs.

The statements mirror what ``src.services.plan.view.get_plan_view`` reads —
the event, the whole catalog (recipes, yield types, goods and components,
ingredients), the event's selections, lines, decisions, production runs,
amendments and snapshot, the pantry, purchase packs and the currency, and the
ingredient lines of the decided and selected recipes and their bases — with
no ORM, no type conversion and no planning math. Nothing the service does can
be faster than this, so refresh ÷ raw says how much the service adds on top of
reading.
"""

from __future__ import annotations

import sqlite3

EVENT_QUERIES = (
    "SELECT id, name, event_date, expected_attendees, notes, plan_state, output_mode "
    "FROM events WHERE id = ?",
    "SELECT recipe_id FROM event_recipes WHERE event_id = ?",
    "SELECT finished_good_id, quantity FROM event_finished_goods WHERE event_id = ?",
    "SELECT recipe_id, batches, finished_unit_id FROM batch_decisions WHERE event_id = ?",
    "SELECT p.id, p.recipe_id, r.name, p.batches, p.recorded_at, p.notes "
    "FROM production_runs p JOIN recipes r ON r.id = p.recipe_id WHERE p.event_id = ? "
    "ORDER BY p.recorded_at, p.id",
    "SELECT id, amendment_type, amendment_data, reason, created_at FROM plan_amendments "
    "WHERE event_id = ? ORDER BY created_at, id",
    "SELECT snapshot_data FROM plan_snapshots WHERE event_id = ?",
    # Lines of the decided and selected recipes (costs) and of their bases (variants inherit).
    "SELECT recipe_id, ingredient_id, quantity, unit FROM recipe_ingredients "
    "WHERE recipe_id IN (SELECT recipe_id FROM batch_decisions WHERE event_id = ?1 "
    "UNION SELECT recipe_id FROM event_recipes WHERE event_id = ?1) "
    "OR recipe_id IN (SELECT base_recipe_id FROM recipes WHERE base_recipe_id IS NOT NULL "
    "AND id IN (SELECT recipe_id FROM batch_decisions WHERE event_id = ?1 "
    "UNION SELECT recipe_id FROM event_recipes WHERE event_id = ?1)) "
    "ORDER BY id",
)

CATALOG_QUERIES = (
    "SELECT id, name, category, base_recipe_id FROM recipes",
    "SELECT id, recipe_id, name, yield_mode, items_per_batch, batch_percentage "
    "FROM finished_units",
    "SELECT id, name FROM finished_goods",
    "SELECT finished_good_id, quantity, finished_unit_id, component_good_id "
    "FROM finished_good_components ORDER BY id",
    "SELECT id, name, category, density_g_per_ml, preferred_unit FROM ingredients",
    "SELECT ingredient_id, quantity, unit FROM pantry_items",
    "SELECT ingredient_id, label, quantity, unit, price, store, preferred, position, id "
    "FROM purchase_packs",
    "SELECT value FROM app_settings WHERE key = 'currency_symbol'",
)


def connect(path: str) -> sqlite3.Connection:
    """A read connection configured like the application's (WAL, foreign keys)."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA foreign_keys=ON")
    conn.execute("PRAGMA journal_mode=WAL")
    return conn


def raw_fetch(conn: sqlite3.Connection, event_id: int) -> int:
    """Read every row the plan view needs, in one read transaction; returns the row count."""
    rows = 0
    conn.execute("BEGIN")
    try:
        for sql in EVENT_QUERIES:
            rows += len(conn.execute(sql, (event_id,)).fetchall())
        for sql in CATALOG_QUERIES:
            rows += len(conn.execute(sql).fetchall())
    finally:
        conn.execute("COMMIT")
    return rows
