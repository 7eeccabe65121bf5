"""The pantry service, against a real migrated SQLite file."""

from __future__ import annotations

from decimal import Decimal

import pytest

from src.db import open_database
from src.services import catalog
from src.services.catalog import pantry
from src.services.errors import NotFoundError, ValidationError


@pytest.fixture
def ing(db):
    return {
        name: catalog.create_ingredient(db, name=name, category="Baking").id
        for name in ("sugar", "Flour", "Butter")
    }


def test_every_ingredient_is_listed_by_name_with_nothing_recorded(db, ing):
    rows = pantry.list_pantry(db)
    assert [(r.ingredient, r.quantity, r.unit, r.updated_at, r.quantity_text) for r in rows] == [
        ("Butter", None, None, None, ""),
        ("Flour", None, None, None, ""),
        ("sugar", None, None, None, ""),
    ]


def test_set_quantity_from_text_in_any_supported_unit(db, ing):
    row = pantry.set_pantry_quantity(db, ing["Flour"], " 2,5 ", "Pounds")

    assert (row.quantity, row.unit, row.quantity_text) == (Decimal("2.5"), "lb", "2.5")
    assert row.updated_at is not None
    assert pantry.list_pantry(db)[1] == row


def test_quantity_text_is_rounded_to_three_places(db, ing):
    row = pantry.set_pantry_quantity(db, ing["Butter"], Decimal("0.33349"), "cup")
    assert row.quantity_text == "0.333"


def test_zero_is_a_valid_stock(db, ing):
    row = pantry.set_pantry_quantity(db, ing["Butter"], 0, "g")
    assert (row.quantity, row.quantity_text) == (Decimal(0), "0")


@pytest.mark.parametrize(
    ("quantity", "unit", "errors"),
    [
        ("-1", "g", {"quantity": "Quantity on hand must be zero or more, not -1"}),
        ("lots", "g", {"quantity": 'Quantity on hand must be a number; "lots" is not'}),
        ("", "g", {"quantity": "Quantity on hand is required"}),
        ("1", "bushel", {"unit": 'Unit: unknown unit "bushel"'}),
        (
            "x",
            "",
            {
                "quantity": 'Quantity on hand must be a number; "x" is not',
                "unit": "Unit is required",
            },
        ),
    ],
)
def test_bad_input_is_refused_and_changes_nothing(db, ing, quantity, unit, errors):
    pantry.set_pantry_quantity(db, ing["Flour"], "5", "kg")

    with pytest.raises(ValidationError) as caught:
        pantry.set_pantry_quantity(db, ing["Flour"], quantity, unit)

    assert caught.value.errors == errors
    flour = pantry.list_pantry(db)[1]
    assert (flour.quantity, flour.unit) == (Decimal(5), "kg")


def test_setting_again_replaces_and_moves_the_change_time(db, ing):
    first = pantry.set_pantry_quantity(db, ing["sugar"], "1", "kg")
    second = pantry.set_pantry_quantity(db, ing["sugar"], "750", "g")

    assert (second.quantity, second.unit) == (Decimal(750), "g")
    assert second.updated_at >= first.updated_at
    assert [r.quantity for r in pantry.list_pantry(db) if r.quantity is not None] == [750]


def test_remove_forgets_the_stock(db, ing):
    pantry.set_pantry_quantity(db, ing["sugar"], "1", "kg")

    pantry.remove_pantry_item(db, ing["sugar"])
    pantry.remove_pantry_item(db, ing["sugar"])  # nothing recorded: no error

    assert all(r.quantity is None for r in pantry.list_pantry(db))


def test_unknown_ingredient_is_not_found(db, ing):
    with pytest.raises(NotFoundError):
        pantry.set_pantry_quantity(db, 999, "1", "g")
    with pytest.raises(NotFoundError):
        pantry.remove_pantry_item(db, 999)


def test_stock_survives_reopening_the_file(db, ing):
    saved = pantry.set_pantry_quantity(db, ing["Flour"], "2.75", "cup")
    db.dispose()

    reopened = open_database(db.url)
    try:
        assert pantry.list_pantry(reopened)[1] == saved
    finally:
        reopened.dispose()


def test_rows_carry_the_ingredients_preferred_unit(db):
    cream = catalog.create_ingredient(db, name="Heavy cream", preferred_unit="ml").id
    salt = catalog.create_ingredient(db, name="Salt").id
    rows = {r.ingredient: r for r in pantry.list_pantry(db)}
    assert (rows["Heavy cream"].preferred_unit, rows["Salt"].preferred_unit) == ("ml", None)
    saved = pantry.set_pantry_quantity(db, cream, "250", "ml")
    assert saved.preferred_unit == "ml"
    assert pantry.set_pantry_quantity(db, salt, "1", "kg").preferred_unit is None


@pytest.mark.parametrize(("typed", "unit"), [("T", "tbsp"), ("t", "tsp"), ("lbs.", "lb"),
                                             ("fl oz", "fl_oz"), ("gm", "g")])
def test_window_unit_spellings_are_accepted(db, ing, typed, unit):
    assert pantry.set_pantry_quantity(db, ing["Flour"], "2", typed).unit == unit


def test_an_unknown_unit_is_refused_by_name_and_nothing_saved(db, ing):
    with pytest.raises(ValidationError) as err:
        pantry.set_pantry_quantity(db, ing["Flour"], "2", "handful")
    assert 'unknown unit "handful"' in str(err.value)
    assert pantry.list_pantry(db)[1].quantity is None
