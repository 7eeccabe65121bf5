"""Migration 0006 (per-guest rate, leftovers, pinned) keeps every existing row."""

from __future__ import annotations

import sqlite3

from alembic import command
from src.db import _alembic_config, create_db_engine, open_database


def test_upgrade_from_0001_keeps_rows_and_fills_new_columns(db_path):
    engine = create_db_engine(f"sqlite:///{db_path}")
    with engine.begin() as conn:
        command.upgrade(_alembic_config(conn), "0001")
    engine.dispose()
    now = "'2026-01-01 00:00:00'"
    with sqlite3.connect(db_path) as conn:
        conn.executescript(
            f"""
            INSERT INTO events (id, uuid, name, event_date, output_mode, plan_state,
                                created_at, updated_at)
              VALUES (1, 'e1', 'Fair', '2026-12-01', 'bundled', 'draft', {now}, {now});
            INSERT INTO recipes (id, uuid, name, category, created_at, updated_at)
              VALUES (1, 'r1', 'Dough', '', {now}, {now});
            INSERT INTO finished_units (id, uuid, name, recipe_id, yield_mode, items_per_batch,
                                        created_at, updated_at)
              VALUES (1, 'u1', 'Cookie', 1, 'discrete_count', 24, {now}, {now});
            INSERT INTO finished_goods (id, uuid, name, created_at, updated_at)
              VALUES (1, 'g1', 'Cookie', {now}, {now});
            INSERT INTO event_recipes (id, uuid, event_id, recipe_id, created_at, updated_at)
              VALUES (1, 'er1', 1, 1, {now}, {now});
            INSERT INTO event_finished_goods (id, uuid, event_id, finished_good_id, quantity,
                                              created_at, updated_at)
              VALUES (1, 'l1', 1, 1, 50, {now}, {now});
            INSERT INTO batch_decisions (id, uuid, event_id, recipe_id, batches,
                                         created_at, updated_at)
              VALUES (1, 'd1', 1, 1, 3, {now}, {now});
            """
        )
    conn.close()
    open_database(db_path).dispose()
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("SELECT name, per_guest FROM finished_goods").fetchall() == [
            ("Cookie", None)
        ]
        assert conn.execute("SELECT quantity, leftover FROM event_finished_goods").fetchall() == [
            (50, None)
        ]
        assert conn.execute("SELECT batches, pinned FROM batch_decisions").fetchall() == [(3, 0)]
    conn.close()
