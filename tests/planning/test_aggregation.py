from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from src.planning.aggregation import (
    IngredientInfo,
    IngredientLine,
    IngredientTotal,
    aggregate_ingredients,
    effective_lines,
)
from src.planning.units import SUPPORTED_UNITS, convert, dimension

D = Decimal
FLOUR, SUGAR, BUTTER, COCOA, EGG = 1, 2, 3, 4, 5
INFO = {
    FLOUR: IngredientInfo(FLOUR, "All-purpose flour", "Dry goods", D("0.53"), None),
    SUGAR: IngredientInfo(SUGAR, "Sugar", "Dry goods", None, None),
    BUTTER: IngredientInfo(BUTTER, "Butter", "Dairy", D("0.911"), "g"),
    COCOA: IngredientInfo(COCOA, "Cocoa powder", "Dry goods", None, None),
    EGG: IngredientInfo(EGG, "Egg", "Dairy", None, None),
}
CUP_ML = Fraction("236.5882365")


def line(ing, qty, unit):
    return IngredientLine(ing, D(qty), unit)


BASE = (line(FLOUR, "2.75", "cup"), line(SUGAR, "1", "cup"), line(BUTTER, "1", "cup"))


@pytest.mark.parametrize(
    ("own", "base", "expected"),
    [
        ((), None, ()),
        (BASE, None, BASE),
        # EXCHANGE: the chocolate variant adds cocoa and inherits the rest.
        ((line(COCOA, "0.5", "cup"),), BASE, BASE + (line(COCOA, "0.5", "cup"),)),
        # Own sugar replaces the base sugar in place.
        (
            (line(COCOA, "0.5", "cup"), line(SUGAR, "200", "g")),
            BASE,
            (BASE[0], line(SUGAR, "200", "g"), BASE[2], line(COCOA, "0.5", "cup")),
        ),
        # Every base line of a replaced ingredient goes, all own lines come in.
        (
            (line(FLOUR, "300", "g"), line(FLOUR, "1", "tbsp")),
            (line(FLOUR, "2", "cup"), line(SUGAR, "1", "cup"), line(FLOUR, "2", "tbsp")),
            (line(FLOUR, "300", "g"), line(FLOUR, "1", "tbsp"), line(SUGAR, "1", "cup")),
        ),
    ],
)
def test_effective_lines(own, base, expected):
    assert effective_lines(own, base) == expected


def test_worked_example_nine_batches_of_flour():
    totals = aggregate_ingredients([(BASE[0], D(9))], INFO)
    assert totals == [IngredientTotal(FLOUR, D("24.75"), "cup", None)]


def test_same_unit_lines_add_up_and_sort_by_name():
    scaled = [(line(SUGAR, "1", "cup"), D(9)), (line(FLOUR, "2.75", "cup"), D(9)),
              (line(SUGAR, "0.5", "cup"), D(2))]  # fmt: skip
    totals = aggregate_ingredients(scaled, INFO)
    assert [(t.ingredient_id, t.quantity, t.unit) for t in totals] == [
        (FLOUR, D("24.75"), "cup"),
        (SUGAR, D("10"), "cup"),
    ]


def test_mass_and_volume_join_with_density_in_the_larger_share():
    # 2 cups of flour = 250.78… g < 500 g, so grams hold the larger share.
    totals = aggregate_ingredients(
        [(line(FLOUR, "2", "cup"), D(1)), (line(FLOUR, "500", "g"), D(1))], INFO
    )
    assert len(totals) == 1 and totals[0].unit == "g" and totals[0].note is None
    expected = 500 + 2 * CUP_ML * Fraction("0.53")
    assert abs(Fraction(totals[0].quantity) - expected) < Fraction(1, 10**20)
    # 4 cups outweigh 300 g: the total is in cups.
    totals = aggregate_ingredients(
        [(line(FLOUR, "300", "g"), D(1)), (line(FLOUR, "2", "cup"), D(2))], INFO
    )
    assert totals[0].unit == "cup"
    expected = 4 + Fraction(300) / Fraction("0.53") / CUP_ML
    assert abs(Fraction(totals[0].quantity) - expected) < Fraction(1, 10**20)


def test_preferred_unit_wins_when_convertible():
    totals = aggregate_ingredients([(line(BUTTER, "1", "cup"), D(2))], INFO)
    assert totals[0].unit == "g"
    assert abs(Fraction(totals[0].quantity) - 2 * CUP_ML * Fraction("0.911")) < Fraction(1, 10**20)
    info = {SUGAR: IngredientInfo(SUGAR, "Sugar", "Dry", None, "Grams")}
    totals = aggregate_ingredients([(line(SUGAR, "1", "cup"), D(1))], info)
    assert [(t.quantity, t.unit) for t in totals] == [(D(1), "cup")]


def test_ties_go_to_the_first_supported_unit():
    for order in ([("1", "kg"), ("1000", "g")], [("1000", "g"), ("1", "kg")]):
        scaled = [(line(SUGAR, q, u), D(1)) for q, u in order]
        assert aggregate_ingredients(scaled, INFO) == [IngredientTotal(SUGAR, D(2000), "g", None)]


def test_incompatible_lines_stay_separate_with_a_note():
    scaled = [(line(SUGAR, "1", "cup"), D(3)), (line(SUGAR, "100", "g"), D(1)),
              (line(SUGAR, "2", "each"), D(1))]  # fmt: skip
    totals = aggregate_ingredients(scaled, INFO)
    assert [(t.quantity, t.unit) for t in totals] == [(D(100), "g"), (D(3), "cup"), (D(2), "each")]
    assert all(t.note for t in totals)
    assert "without a density" in totals[1].note
    assert "g" in totals[1].note
    # Mass and volume of flour join (density), the eggs-as-count line does not.
    totals = aggregate_ingredients(
        [(line(FLOUR, "1", "cup"), D(1)), (line(FLOUR, "1", "dozen"), D(1))], INFO
    )
    assert [t.unit for t in totals] == ["cup", "dozen"]
    assert "cannot be converted" in totals[1].note


def test_zero_batches_and_bad_input():
    assert aggregate_ingredients([(BASE[0], D(0))], INFO) == []
    with pytest.raises(ValueError):
        aggregate_ingredients([(BASE[0], D(-1))], INFO)
    with pytest.raises(KeyError):
        aggregate_ingredients([(line(99, "1", "g"), D(1))], INFO)
    with pytest.raises(ValueError, match='unknown unit "cupz"'):
        aggregate_ingredients([(line(FLOUR, "1", "cupz"), D(1))], INFO)


scaled_lines = st.lists(
    st.tuples(
        st.sampled_from([FLOUR, SUGAR, BUTTER, EGG]),
        st.decimals(min_value=D("0.001"), max_value=D(1000), places=3),
        st.sampled_from(SUPPORTED_UNITS),
        st.integers(0, 12),
    ),
    max_size=12,
)


@given(scaled_lines, st.randoms(use_true_random=False))
def test_aggregation_does_not_depend_on_line_order(rows, rnd):
    scaled = [(line(i, q, u), D(m)) for i, q, u, m in rows]
    shuffled = list(scaled)
    rnd.shuffle(shuffled)
    assert aggregate_ingredients(shuffled, INFO) == aggregate_ingredients(scaled, INFO)


@given(scaled_lines)
def test_totals_preserve_the_quantity_in_each_dimension(rows):
    scaled = [(line(i, q, u), D(m)) for i, q, u, m in rows]
    totals = aggregate_ingredients(scaled, INFO)

    def in_base(ing, qty, unit):
        dim = dimension(unit)
        density = INFO[ing].density_g_per_ml
        if dim == "count":
            return ("count", Fraction(convert(qty, unit, "each")))
        if density is not None:
            return ("mass", Fraction(convert(qty, unit, "g", density)))
        return (dim, Fraction(convert(qty, unit, "g" if dim == "mass" else "ml")))

    expected: dict = {}
    for ln, m in scaled:
        key, amount = in_base(ln.ingredient_id, ln.quantity * m, ln.unit)
        if amount:
            expected[(ln.ingredient_id, key)] = expected.get((ln.ingredient_id, key), 0) + amount
    got: dict = {}
    for t in totals:
        key, amount = in_base(t.ingredient_id, t.quantity, t.unit)
        assert (t.ingredient_id, key) not in got  # one total per convertible group
        got[(t.ingredient_id, key)] = amount
    assert got.keys() == expected.keys()
    for k, v in expected.items():
        assert abs(got[k] - v) <= v * Fraction(1, 10**20)
    names = [(INFO[t.ingredient_id].name, SUPPORTED_UNITS.index(t.unit)) for t in totals]
    assert names == sorted(names)
