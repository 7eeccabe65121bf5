"""Kitchen rounding for display: quarters of cups and spoons, whole grams, counts up."""

from decimal import Decimal

import pytest

from src.planning.kitchen_rounding import kitchen_round, kitchen_text, quantity_text

D = Decimal


@pytest.mark.parametrize(
    ("value", "unit", "shown"),
    [
        ("6.663", "cup", "6.75"),
        ("6.62", "cup", "6.5"),
        ("0.05", "tsp", "0.25"),  # a pinch never shows as nothing
        ("2.125", "tbsp", "2.25"),
        ("835.485", "g", "835"),
        ("0.2", "g", "1"),
        ("2.58", "lb", "2.6"),
        ("1.2", "each", "2"),  # counts go up
        ("12", "each", "12"),
        ("0", "cup", "0"),
    ],
)
def test_kitchen_text(value, unit, shown):
    assert kitchen_text(D(value), unit) == shown


def test_quantity_text_names_the_unit():
    assert quantity_text(D("2.58"), "pounds") == "2.6 lb"


def test_rounding_is_within_half_a_step_except_counts():
    for raw in ("0.37", "1.13", "7.88", "15.01"):
        assert abs(kitchen_round(D(raw), "cup") - D(raw)) <= D("0.125")
        assert kitchen_round(D(raw), "each") >= D(raw)


def test_quantity_text_writes_fluid_ounces_as_the_baker_does():
    # The shopping list's "need 8 fl oz" and "(leaves 8 fl oz)" match the Unit column.
    assert quantity_text(Decimal("8"), "fl_oz") == "8 fl oz"
    assert quantity_text(Decimal("8"), "fl oz") == "8 fl oz"
