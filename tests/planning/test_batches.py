import math
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from src.planning.batches import (
    batch_need,
    batch_options,
    format_decimal,
    is_stale,
    plan_complete,
)

from .conftest import count_unit, portion_unit

SUGAR = count_unit(1, 1, 24, "Sugar cookie")
CAKE = portion_unit(2, 2, "50", "9-inch vanilla cake")
CUPCAKE = count_unit(3, 2, 12, "Cupcake")
UNITS = {1: SUGAR, 2: CAKE, 3: CUPCAKE}


def summary(recipe_need):
    return [
        (o.batches, o.kind, o.yield_items, o.difference_items, o.difference_batches)
        for o in recipe_need.options
    ]


@pytest.mark.parametrize(
    ("recipe", "needed", "need", "options"),
    [
        # DESIGN / EXCHANGE: 200 sugar cookies at 24 per batch.
        (1, {1: 200}, Fraction(25, 3), [
            (8, "shortfall", {1: 192}, -8, Fraction(-1, 3)),
            (9, "extra", {1: 216}, 16, Fraction(2, 3)),
        ]),
        (1, {1: 72}, Fraction(3), [(3, "exact", {1: 72}, 0, Fraction(0))]),
        # A floor of 0 is still offered, as a shortfall.
        (1, {1: 10}, Fraction(5, 12), [
            (0, "shortfall", {1: 0}, -10, Fraction(-5, 12)),
            (1, "extra", {1: 24}, 14, Fraction(7, 12)),
        ]),
        # 50 % cakes: 5 cakes need 2.5 batches; 3 batches make 6 cakes.
        (2, {2: 5}, Fraction(5, 2), [
            (2, "shortfall", {2: 4}, -1, Fraction(-1, 2)),
            (3, "extra", {2: 6}, 1, Fraction(1, 2)),
        ]),
        # Two yield types of one recipe: no per-item yield.
        (2, {2: 3, 3: 6}, Fraction(2), [(2, "exact", None, None, Fraction(0))]),
        (2, {2: 1, 3: 1}, Fraction(7, 12), [
            (0, "shortfall", None, None, Fraction(-7, 12)),
            (1, "extra", None, None, Fraction(5, 12)),
        ]),
        (1, {}, Fraction(0), []),
        (1, {1: 0}, Fraction(0), []),
    ],
)  # fmt: skip
def test_batch_options_worked_examples(recipe, needed, need, options):
    result = batch_options(recipe, needed, UNITS)
    assert result.recipe_id == recipe
    assert result.batches_needed == need
    assert summary(result) == options


def test_report_figures_for_200_cookies():
    result = batch_options(1, {1: 200}, UNITS)
    assert format_decimal(result.batches_needed) == "8.333"
    assert [format_decimal(o.difference_batches) for o in result.options] == ["-0.333", "0.667"]


@st.composite
def needs(draw):
    units = {}
    for uid in range(draw(st.integers(1, 3))):
        if draw(st.booleans()):
            units[uid] = count_unit(uid, 1, draw(st.integers(1, 60)))
        else:
            pct = draw(st.decimals(min_value=Decimal("0.5"), max_value=100, places=1))
            units[uid] = portion_unit(uid, 1, str(pct))
    needed = {uid: draw(st.integers(0, 500)) for uid in units}
    return needed, units


@given(needs())
def test_options_always_bracket_the_need(data):
    needed, units = data
    result = batch_options(1, needed, units)
    need = sum((Fraction(n) * units[u].batches_per_item() for u, n in needed.items()), Fraction(0))
    assert result.batches_needed == need == batch_need(needed, units)
    if need == 0:
        assert result.options == ()
        return
    batches = [o.batches for o in result.options]
    assert batches[0] <= need <= batches[-1]
    assert batches[-1] - batches[0] == (0 if need.denominator == 1 else 1)
    for o in result.options:
        assert o.difference_batches == o.batches - need
        expected_kind = {-1: "shortfall", 0: "exact", 1: "extra"}[
            (o.difference_batches > 0) - (o.difference_batches < 0)
        ]
        assert o.kind == expected_kind
        assert not is_stale(o.batches, need)
        nonzero = [u for u, n in needed.items() if n]
        if len(nonzero) == 1:
            (u,) = nonzero
            made = o.yield_items[u]
            # the batches make `made` items but not one more
            assert made * units[u].batches_per_item() <= o.batches
            assert (made + 1) * units[u].batches_per_item() > o.batches
            assert o.difference_items == made - needed[u]
            assert (o.difference_items < 0) == (o.kind == "shortfall")
        else:
            assert o.yield_items is None and o.difference_items is None


@pytest.mark.parametrize(
    ("batches", "need", "stale"),
    [
        (8, Fraction(25, 3), False),
        (9, Fraction(25, 3), False),
        (10, Fraction(25, 3), True),
        (7, Fraction(25, 3), True),
        (3, Fraction(3), False),
        (4, Fraction(3), True),
        (2, Fraction(3), True),
        (0, Fraction(1, 2), False),
        (1, Fraction(0), True),
    ],
)
def test_stale_rule(batches, need, stale):
    assert is_stale(batches, need) is stale


@given(st.fractions(min_value=0, max_value=1000), st.integers(0, 1100))
def test_stale_iff_not_floor_or_ceil(need, batches):
    assert is_stale(batches, need) == (not (need - 1 < batches < need + 1))


@pytest.mark.parametrize(
    ("needs", "decisions", "complete"),
    [
        ({1: Fraction(25, 3)}, {1: 9}, True),
        ({1: Fraction(25, 3)}, {1: 8}, True),
        ({1: Fraction(25, 3)}, {}, False),
        ({1: Fraction(25, 3)}, {1: 10}, False),
        ({1: Fraction(25, 3), 2: Fraction(3)}, {1: 9}, False),
        ({1: Fraction(25, 3), 2: Fraction(3)}, {1: 9, 2: 3}, True),
        ({1: Fraction(25, 3), 2: Fraction(0)}, {1: 9}, True),
        ({1: Fraction(25, 3), 2: Fraction(0)}, {1: 9, 2: 1}, False),
        ({}, {}, True),
        ({}, {7: 2}, False),
    ],
)
def test_plan_complete(needs, decisions, complete):
    assert plan_complete(needs, decisions) is complete


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (Fraction(25, 3), "8.333"),
        (Fraction(-1, 3), "-0.333"),
        (Fraction(2, 3), "0.667"),
        (Decimal("24.75"), "24.75"),
        (Decimal("24.7500"), "24.75"),
        (Fraction(3), "3"),
        (Decimal("3.000"), "3"),
        (Decimal("18.08700789689005713870388767"), "18.087"),
        (Decimal("6.66299210310994286129611233"), "6.663"),
        (Decimal("0.0005"), "0.001"),
        (Decimal("-0.0005"), "-0.001"),
        (Decimal("0.00049"), "0"),
        (Decimal("-0.0004"), "0"),
        (Decimal("1E+3"), "1000"),
        (Decimal("2.0005"), "2.001"),
        (Fraction(1, 8), "0.125"),
        (0, "0"),
        (-12, "-12"),
    ],
)
def test_format_decimal(value, text):
    assert format_decimal(value) == text


def test_format_places():
    assert format_decimal(Decimal("2.345"), 2) == "2.35"
    assert format_decimal(Fraction(5, 2), 0) == "3"


@given(st.decimals(min_value=-(10**6), max_value=10**6, allow_nan=False, places=6))
def test_format_is_within_half_a_thousandth(value):
    text = format_decimal(value)
    assert abs(Decimal(text) - value) <= Decimal("0.0005")
    assert "E" not in text and text != "-0"
    if "." in text:
        assert not text.endswith("0") and len(text.split(".")[1]) <= 3
    assert math.isclose(float(text), float(value), abs_tol=0.0005 + 1e-9)
