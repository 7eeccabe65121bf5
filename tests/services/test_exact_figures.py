"""Every figure a baker enters reads back exactly; what the schema cannot keep is
refused, with the field and the limit, at every entry point (services used by the
window, import, CLI) — never rounded, never able to crash a plan."""

from __future__ import annotations

import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import StatementError

from src.models import PantryItem, RecipeIngredient
from src.models.types import QUANTITY_DIGITS, exact_literal
from src.services import catalog
from src.services.catalog import pantry
from src.services.catalog.dto import LineInput, RecipeInput, YieldInput
from src.services.errors import ValidationError
from src.services.exchange import ExchangeError, export_document, import_document
from src.services.plan import selection
from src.services.plan.view import get_plan_view, get_shopping_list
from tests.services.builders import new_event

ROOT = Path(__file__).resolve().parents[2]
BIG = "123456789012.345678"  # the example: 18 digits, 6 after the point


def _flour(db) -> int:
    return catalog.create_ingredient(db, name="Flour", density_g_per_ml="0.53").id


def _recipe(db, ingredient_id: int, quantity: str, unit: str = "g", **yield_kw) -> int:
    yields = (YieldInput(**yield_kw),) if yield_kw else ()
    data = RecipeInput(name="Dough", lines=(LineInput(ingredient_id, quantity, unit),),
                       yields=yields)
    return catalog.create_recipe(db, data).id


def test_large_quantity_with_six_decimals_reads_back_exactly(db):
    flour = _flour(db)
    recipe = catalog.get_recipe(db, _recipe(db, flour, BIG))
    assert recipe.own_lines[0].quantity == Decimal(BIG)
    assert pantry.set_pantry_quantity(db, flour, BIG, "g").quantity == Decimal(BIG)
    (row,) = [r for r in pantry.list_pantry(db) if r.ingredient_id == flour]
    assert row.quantity == Decimal(BIG)


def test_tiny_quantity_reads_back_exactly(db):
    flour = _flour(db)
    recipe = catalog.get_recipe(db, _recipe(db, flour, "0.000001", "cup"))
    assert recipe.own_lines[0].quantity == Decimal("0.000001")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("0.0000004", "can have at most 6 decimal places (the smallest amount is 0.000001)"),
        ("1000000000000", "is too large (at most 999,999,999,999.999999)"),
    ],
)
def test_recipe_quantity_the_schema_cannot_keep_is_refused(db, text, expected):
    flour = _flour(db)
    with pytest.raises(ValidationError) as caught:
        _recipe(db, flour, text, "cup")
    assert caught.value.field == "lines[0].quantity"
    assert expected in caught.value.message and "quantity" in caught.value.message
    assert catalog.list_recipes(db) == []


def test_pantry_quantity_with_too_many_decimals_is_refused(db):
    flour = _flour(db)
    with pytest.raises(ValidationError) as caught:
        pantry.set_pantry_quantity(db, flour, "0.0000004", "cup")
    assert "Quantity on hand can have at most 6 decimal places" in caught.value.message
    assert all(r.quantity is None for r in pantry.list_pantry(db))


@pytest.mark.parametrize(
    ("density", "expected"),
    [("0.0000001", "at most 6 decimal places"), ("1000000", "too large (at most 999,999.999999)")],
)
def test_density_that_would_round_to_zero_or_overflow_is_refused(db, density, expected):
    with pytest.raises(ValidationError) as caught:
        catalog.create_ingredient(db, name="Dust", density_g_per_ml=density)
    assert caught.value.field == "density_g_per_ml"
    assert "Density (g per ml)" in caught.value.message and expected in caught.value.message


def test_share_that_would_round_to_zero_is_refused(db):
    flour = _flour(db)
    with pytest.raises(ValidationError) as caught:
        _recipe(db, flour, "100", name="Sliver", mode="batch_portion",
                batch_percentage="0.00001")
    message = caught.value.errors["yields[0].batch_percentage"]
    assert "share of a batch (%) can have at most 4 decimal places" in message
    assert "0.0001" in message


def test_smallest_share_plans_without_crashing(db):
    """The issue's crash: a share stored as 0 broke every plan. The smallest share
    the schema keeps plans, with the exact batch need."""
    flour = _flour(db)
    recipe_id = _recipe(db, flour, "100", name="Sliver", mode="batch_portion",
                        batch_percentage="0.0001")
    (unit,) = catalog.list_finished_units(db)
    assert unit.batch_percentage == Decimal("0.0001")
    # (its single-item good comes with the yield type)
    assert [g.name for g in catalog.list_finished_goods(db)] == ["Sliver"]
    event = new_event(db)
    selection.set_selected_recipes(db, event, [recipe_id])
    goods = catalog.list_finished_goods(db)
    selection.set_quantity(db, event, goods[0].id, 1_000_000)
    view = get_plan_view(db, event)
    (row,) = view.batches
    assert row.batches_needed == 1  # 1,000,000 × 0.0001 % = 1 batch, exactly
    get_shopping_list(db, event)


def test_last_guard_refuses_a_write_that_skips_the_services(db):
    flour = _flour(db)
    with pytest.raises(StatementError, match="at most 6 decimal places"):
        with db.uow() as session:
            session.add(PantryItem(ingredient_id=flour, quantity=Decimal("0.0000004"), unit="g"))


def test_sql_compares_orders_and_sums_exactly(db):
    flour = _flour(db)
    sugar = catalog.create_ingredient(db, name="Sugar").id
    quantities = ["999999999999.999999", "0.000001", "2.5", "10"]
    data = RecipeInput(name="Mix", lines=tuple(
        LineInput(i, q, "g") for i, q in zip([flour, sugar], quantities[:2], strict=True)))
    catalog.create_recipe(db, data)
    catalog.create_recipe(db, RecipeInput(name="Other", lines=tuple(
        LineInput(i, q, "g") for i, q in zip([flour, sugar], quantities[2:], strict=True))))
    with db.uow() as session:
        ordered = session.scalars(
            select(RecipeIngredient.quantity).order_by(RecipeIngredient.quantity)).all()
        assert ordered == sorted(Decimal(q) for q in quantities)
        above = session.scalars(select(RecipeIngredient.quantity).where(
            RecipeIngredient.quantity > exact_literal("2.5", QUANTITY_DIGITS))).all()
        assert sorted(above) == [Decimal("10"), Decimal("999999999999.999999")]
        total = session.scalar(select(func.sum(RecipeIngredient.quantity)))
        assert total == sum(Decimal(q) for q in quantities)


def _document(quantity: str = "2.5", share: str = "50", density: str = "0.53") -> dict:
    return {
        "format": "bake-planner", "version": 1,
        "ingredients": [{"name": "Flour", "density_g_per_ml": density}],
        "recipes": [{"name": "Cake", "ingredients": [
            {"ingredient": "Flour", "quantity": quantity, "unit": "cup"}],
            "yields": [{"name": "Cake slice", "mode": "batch_portion",
                        "batch_percentage": share}]}],
        "pantry": [{"ingredient": "Flour", "quantity": quantity, "unit": "cup"}],
    }


@pytest.mark.parametrize(
    ("document", "where", "expected"),
    [
        (_document(quantity="0.0000004"), "recipes[0].ingredients[0].quantity",
         "at most 6 decimal places"),
        (_document(share="0.00001"), "recipes[0].yields[0].batch_percentage",
         "at most 4 decimal places"),
        (_document(density="0.0000001"), "ingredients[0].density_g_per_ml",
         "at most 6 decimal places"),
        (_document(quantity="1000000000000"), "pantry[0].quantity", "too large"),
    ],
)
def test_import_refuses_what_the_schema_cannot_keep(db, document, where, expected):
    with pytest.raises(ExchangeError) as caught:
        import_document(db, document)
    assert any(p.startswith(where) and expected in p for p in caught.value.problems), (
        caught.value.problems)
    assert catalog.list_ingredients(db) == []


def test_large_quantities_survive_export_and_import(db, tmp_path):
    import_document(db, _document(quantity=BIG, share="0.0001", density="999999.999999"))
    exported = export_document(db)
    from src.db import open_database

    other = open_database(tmp_path / "other.db")
    try:
        import_document(other, exported)
        assert export_document(other) == exported
    finally:
        other.dispose()
    assert exported["recipes"][0]["ingredients"][0]["quantity"] == BIG
    assert exported["recipes"][0]["yields"][0]["batch_percentage"] == "0.0001"


def test_cli_import_names_the_field_and_limit(tmp_path):
    import json

    source = tmp_path / "tiny.json"
    source.write_text(json.dumps(_document(quantity="0.0000004")), encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "main.py", "import", str(source), "--db", str(tmp_path / "x.db")],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
    )
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert "recipes[0].ingredients[0].quantity: can have at most 6 decimal places" in done.stderr


def test_the_extremes_the_schema_keeps_plan_print_and_round_trip(db, tmp_path):
    """The largest quantity, the smallest density and share, a billion items and a
    billion batches: every panel is a result, and the export imports again."""
    from src.services.exchange import export_document
    from src.services.plan import decisions

    dust = catalog.create_ingredient(db, name="Dust", density_g_per_ml="0.000001").id
    catalog.create_ingredient(db, name="Lead", density_g_per_ml="999999.999999")
    recipe_id = catalog.create_recipe(db, RecipeInput(
        name="Huge", lines=(LineInput(dust, "999999999999.999999", "cup"),),
        yields=(YieldInput(name="Crumb", mode="batch_portion", batch_percentage="0.0001"),),
    )).id
    pantry.set_pantry_quantity(db, dust, "999999999999.999999", "g")
    catalog.create_single_item_goods(db)
    event = new_event(db)
    selection.set_selected_recipes(db, event, [recipe_id])
    selection.set_quantity(db, event, catalog.list_finished_goods(db)[0].id, 10**9)
    decisions.set_batch_decision(db, event, recipe_id, 10**9)
    view = get_plan_view(db, event)
    assert view.batches[0].batches_needed == 1000  # 10^9 × 0.0001 % = 1000 batches
    (line,) = get_shopping_list(db, event)
    assert line.to_buy > 0
    other_path = tmp_path / "again.db"
    from src.db import open_database

    other = open_database(other_path)
    try:
        import_document(other, export_document(db))
        assert export_document(other) == export_document(db)
    finally:
        other.dispose()
