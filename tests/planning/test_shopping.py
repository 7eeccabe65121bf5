from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from src.planning.aggregation import IngredientInfo, IngredientTotal
from src.planning.batches import format_decimal
from src.planning.shopping import PantryLine, shopping_gap
from src.planning.units import SUPPORTED_UNITS, can_convert, convert

D = Decimal
FLOUR, SUGAR, EGG = 1, 2, 3
INFO = {
    FLOUR: IngredientInfo(FLOUR, "All-purpose flour", "Dry goods", D("0.53"), None),
    SUGAR: IngredientInfo(SUGAR, "Sugar", "Dry goods", None, None),
    EGG: IngredientInfo(EGG, "Egg", "Dairy", None, None),
}


def test_report_example_flour():
    totals = [IngredientTotal(FLOUR, D("24.75"), "cup", None)]
    (row,) = shopping_gap(totals, [PantryLine(FLOUR, D(5), "lb")], INFO)
    assert (row.unit, row.status, row.note) == ("cup", "to_buy", None)
    assert format_decimal(row.needed) == "24.75"
    assert format_decimal(row.on_hand) == "18.087"
    assert format_decimal(row.to_buy) == "6.663"
    assert row.to_buy + row.on_hand == row.needed


@pytest.mark.parametrize(
    ("needed", "pantry", "on_hand", "to_buy", "status"),
    [
        ("10", [("12", "cup")], "12", "0", "sufficient"),
        ("10", [("10", "cup")], "10", "0", "sufficient"),
        ("10", [("4", "cup"), ("32", "tbsp")], "6", "4", "to_buy"),
        ("10", [], "0", "10", "to_buy"),
        ("10", [("3", "each")], "0", "10", "to_buy"),  # not counted
        ("10", [("1", "l")], "4.226752837730014", "5.773247162269986", "to_buy"),
    ],
)
def test_sugar_without_density(needed, pantry, on_hand, to_buy, status):
    totals = [IngredientTotal(SUGAR, D(needed), "cup", None)]
    lines = [PantryLine(SUGAR, D(q), u) for q, u in pantry]
    (row,) = shopping_gap(totals, lines, INFO)
    assert abs(row.on_hand - D(on_hand)) < D("1e-12")
    assert abs(row.to_buy - D(to_buy)) < D("1e-12")
    assert row.status == status


def test_uncounted_pantry_lines_are_noted():
    totals = [IngredientTotal(SUGAR, D(2), "cup", None)]
    (row,) = shopping_gap(totals, [PantryLine(SUGAR, D(500), "g")], INFO)
    assert row.on_hand == 0 and row.to_buy == 2
    assert "not counted" in row.note and "g" in row.note


def test_split_need_is_credited_once_per_compatible_row():
    totals = [
        IngredientTotal(SUGAR, D(100), "g", "not combined with cup"),
        IngredientTotal(SUGAR, D(3), "cup", "not combined with g"),
    ]
    pantry = [PantryLine(SUGAR, D("0.5"), "kg"), PantryLine(SUGAR, D(1), "cup")]
    rows = shopping_gap(totals, pantry, INFO)
    assert [(r.unit, r.on_hand, r.to_buy, r.status) for r in rows] == [
        ("g", D(500), D(0), "sufficient"),
        ("cup", D(1), D(2), "to_buy"),
    ]
    assert rows[0].note == "not combined with cup"


def test_compatible_rows_never_double_count_stock():
    # Two totals in compatible units (not what aggregation makes, but possible input).
    totals = [IngredientTotal(SUGAR, D(1), "cup", None), IngredientTotal(SUGAR, D(1), "tbsp", None)]
    rows = shopping_gap(totals, [PantryLine(SUGAR, D(2), "cup")], INFO)
    assert [r.on_hand for r in rows] == [D(2), D(0)]


def test_other_ingredients_pantry_is_ignored():
    totals = [IngredientTotal(EGG, D(24), "each", None)]
    pantry = [PantryLine(SUGAR, D(100), "each"), PantryLine(EGG, D(1), "dozen")]
    (row,) = shopping_gap(totals, pantry, INFO)
    assert (row.on_hand, row.to_buy, row.status) == (D(12), D(12), "to_buy")


pantry_lines = st.lists(
    st.tuples(
        st.sampled_from([FLOUR, SUGAR, EGG]),
        st.decimals(min_value=D(0), max_value=D(5000), places=2),
        st.sampled_from(SUPPORTED_UNITS),
    ),
    max_size=8,
)
total_rows = st.lists(
    st.tuples(
        st.sampled_from([FLOUR, SUGAR, EGG]),
        st.decimals(min_value=D("0.01"), max_value=D(5000), places=2),
        st.sampled_from(SUPPORTED_UNITS),
    ),
    max_size=6,
    unique_by=lambda r: (r[0], r[2]),
)


@given(total_rows, pantry_lines)
def test_gap_invariants(totals_raw, pantry_raw):
    totals = [IngredientTotal(i, q, u, None) for i, q, u in totals_raw]
    pantry = [PantryLine(i, q, u) for i, q, u in pantry_raw]
    rows = shopping_gap(totals, pantry, INFO)
    assert len(rows) == len(totals)
    for row, total in zip(rows, totals, strict=True):
        assert row.ingredient_id == total.ingredient_id and row.needed == total.quantity
        assert row.to_buy >= 0
        assert row.status in ("to_buy", "sufficient")
        assert (row.status == "to_buy") == (row.to_buy > 0)
        assert Fraction(row.to_buy) == max(0, Fraction(row.needed) - Fraction(row.on_hand))
    # Never more stock credited than the pantry holds (checked row by row in base units).
    for row in rows:
        density = INFO[row.ingredient_id].density_g_per_ml
        available = sum(
            (Fraction(convert(p.quantity, p.unit, row.unit, density))
             for p in pantry
             if p.ingredient_id == row.ingredient_id and can_convert(p.unit, row.unit, density)),
            Fraction(0),
        )  # fmt: skip
        assert Fraction(row.on_hand) <= available * (1 + Fraction(1, 10**20))


def _base(ing, qty, unit):
    """(group, amount in the group's base unit) for an ingredient amount."""
    density = INFO[ing].density_g_per_ml
    for base in ("g", "ml", "each"):
        if can_convert(unit, base, density):
            return base, Fraction(convert(qty, unit, base, density))
    raise AssertionError(unit)


@given(total_rows, pantry_lines)
def test_stock_is_never_credited_twice(totals_raw, pantry_raw):
    totals = [IngredientTotal(i, q, u, None) for i, q, u in totals_raw]
    pantry = [PantryLine(i, q, u) for i, q, u in pantry_raw]
    credited: dict = {}
    for row in shopping_gap(totals, pantry, INFO):
        key = (row.ingredient_id, *_base(row.ingredient_id, row.on_hand, row.unit)[:1])
        credited[key] = credited.get(key, 0) + _base(row.ingredient_id, row.on_hand, row.unit)[1]
    held: dict = {}
    for p in pantry:
        group, amount = _base(p.ingredient_id, p.quantity, p.unit)
        held[(p.ingredient_id, group)] = held.get((p.ingredient_id, group), 0) + amount
    for key, amount in credited.items():
        assert amount <= held.get(key, 0) * (1 + Fraction(1, 10**20))
