"""Revision 0003: a populated 0001 database (decimals stored as REAL) opens with
every value the baker saw kept, and exact from then on."""

from __future__ import annotations

import re
import sqlite3
from decimal import Decimal

from alembic import command
from src.db import _alembic_config, create_db_engine, open_database
from src.services import catalog
from src.services.catalog import pantry
from src.services.plan.view import get_plan_view
from tests.reliability.test_migration_upgrade import _insert


def _at_0001(path) -> None:
    engine = create_db_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        command.upgrade(_alembic_config(conn), "0001")
    engine.dispose()


def _fill_0001(path) -> None:
    """Values as the 0001 application wrote them: floats in NUMERIC columns."""
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA foreign_keys=ON")
        _insert(conn, "ingredients", 1, name="Flour", category="", density_g_per_ml=0.53)
        _insert(conn, "ingredients", 2, name="Vanilla", category="", density_g_per_ml=None)
        _insert(conn, "recipes", 1, name="Cake", category="")
        _insert(conn, "recipe_ingredients", 1, recipe_id=1, ingredient_id=1,
                quantity=123456789012.345678, unit="g")
        _insert(conn, "recipe_ingredients", 2, recipe_id=1, ingredient_id=2,
                quantity=0.0000004, unit="cup")  # read as 0 by 0001
        _insert(conn, "recipe_ingredients", 3, recipe_id=1, ingredient_id=2,
                quantity=2.75, unit="tsp")
        _insert(conn, "finished_units", 1, name="Cake slice", recipe_id=1,
                yield_mode="batch_portion", batch_percentage=0.00001)  # crashed every plan
        _insert(conn, "finished_units", 2, name="Half cake", recipe_id=1,
                yield_mode="batch_portion", batch_percentage=50)
        _insert(conn, "pantry_items", 1, ingredient_id=1, quantity=1.1, unit="kg")
        _insert(conn, "pantry_items", 2, ingredient_id=2, quantity=0, unit="tsp")
        _insert(conn, "finished_goods", 1, name="Cake slice")
        _insert(conn, "finished_good_components", 1, finished_good_id=1, finished_unit_id=1,
                quantity=1)
        _insert(conn, "events", 1, name="Party", event_date="2026-12-20",
                output_mode="bulk_count", plan_state="draft")
        _insert(conn, "event_recipes", 1, event_id=1, recipe_id=1)
        _insert(conn, "event_finished_goods", 1, event_id=1, finished_good_id=1, quantity=3)
        _insert(conn, "batch_decisions", 1, event_id=1, recipe_id=1, finished_unit_id=1,
                batches=1)
    conn.close()


def _checks(path) -> dict[str, set[str]]:
    """Each table's CHECK constraints, as text, in any order."""
    with sqlite3.connect(path) as conn:
        rows = conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'table'").fetchall()
    conn.close()
    pattern = re.compile(r"CONSTRAINT (\w+) CHECK \((.*?)\)(?:,|\s*\)\s*$)", re.S)
    return {name: {re.sub(r"[\s(),]+", " ", m.group(0)).strip()
                   for m in pattern.finditer(sql or "")}
            for name, sql in rows}


def test_populated_0001_database_keeps_every_value_and_becomes_exact(tmp_path):
    path = tmp_path / "bakery.db"
    _at_0001(path)
    _fill_0001(path)

    db = open_database(path)
    try:
        assert db.backup_path is not None
        flour, vanilla = sorted(catalog.list_ingredients(db), key=lambda i: i.name)
        assert flour.density_g_per_ml == Decimal("0.53") and vanilla.density_g_per_ml is None
        recipe = catalog.get_recipe(db, 1)
        quantities = {(line.unit, line.quantity) for line in recipe.own_lines}
        # What 0001 showed (the float rounded to 6 places), now stored exactly; the
        # float had already lost the last digits of the big value.
        assert ("g", Decimal(f"{123456789012.345678:.6f}")) in quantities
        assert ("tsp", Decimal("2.75")) in quantities
        assert ("cup", Decimal("0.000001")) in quantities  # was 0: the smallest step
        shares = {y.name: y.batch_percentage for y in recipe.yields}
        assert shares == {"Cake slice": Decimal("0.0001"), "Half cake": Decimal("50")}
        stock = {r.ingredient: (r.quantity, r.unit) for r in pantry.list_pantry(db)}
        assert stock == {"Flour": (Decimal("1.1"), "kg"), "Vanilla": (Decimal("0"), "tsp")}
        # The plan that crashed on a 0 share now plans; nothing cascaded away.
        view = get_plan_view(db, 1)
        assert view.batches[0].decision is not None
    finally:
        db.dispose()

    fresh = tmp_path / "fresh.db"
    open_database(fresh).dispose()
    assert _checks(path) == _checks(fresh)
    with sqlite3.connect(path) as conn:
        stored = conn.execute("SELECT batch_percentage FROM finished_units ORDER BY id").fetchall()
    conn.close()
    assert stored == [(1,), (500000,)]  # scaled integers at scale 4


def test_downgrade_to_0001_and_upgrade_again_keeps_the_values(tmp_path):
    path = tmp_path / "bakery.db"
    _at_0001(path)
    _fill_0001(path)
    open_database(path).dispose()
    engine = create_db_engine(f"sqlite:///{path}")
    with engine.connect() as conn:
        conn.connection.driver_connection.execute("PRAGMA foreign_keys=OFF")
        with conn.begin():
            command.downgrade(_alembic_config(conn), "0001")
    engine.dispose()
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT quantity FROM pantry_items WHERE id = 1").fetchone() == (1.1,)
    conn.close()
    db = open_database(path)
    try:
        stock = {r.ingredient: r.quantity for r in pantry.list_pantry(db)}
        assert stock["Flour"] == Decimal("1.1")
        assert {y.batch_percentage for y in catalog.get_recipe(db, 1).yields} == {
            Decimal("0.0001"), Decimal("50")}
    finally:
        db.dispose()
