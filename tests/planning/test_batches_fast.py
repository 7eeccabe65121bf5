"""batch_options and format_decimal, computed in integers, give exactly what the
plain Fraction arithmetic below gives (kept here as the reference)."""

from __future__ import annotations

import math
from collections.abc import Mapping
from decimal import ROUND_DOWN, Decimal, localcontext
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from src.planning.batches import (
    EXACT,
    EXTRA,
    SHORTFALL,
    BatchOption,
    RecipeNeed,
    batch_options,
    format_decimal,
    is_undecided,
    plan_complete,
)
from src.planning.types import YieldType

from .conftest import count_unit, portion_unit

# --- the reference ----------------------------------------------------------


def ref_batch_options(
    recipe_id: int, needed: Mapping[int, int], units: Mapping[int, YieldType]
) -> RecipeNeed:
    clean = {uid: n for uid, n in needed.items() if n}
    need = Fraction(0)
    for uid, items in clean.items():
        if items < 0:
            raise ValueError(f"needed items for unit {uid} must not be negative")
        need += items * units[uid].batches_per_item()
    options = []
    if need > 0:
        low, high = math.floor(need), math.ceil(need)
        counts = (low,) if low == high else (low, high)
        for b in counts:
            diff = b - need
            kind = SHORTFALL if diff < 0 else EXTRA if diff > 0 else EXACT
            if len(clean) == 1:
                ((uid, items),) = clean.items()
                made = math.floor(b / units[uid].batches_per_item())
                options.append(BatchOption(b, kind, {uid: made}, made - items, diff))
            else:
                options.append(BatchOption(b, kind, None, None, diff))
    return RecipeNeed(recipe_id, clean, need, tuple(options))


def ref_format(value: Fraction | Decimal | int, places: int = 3) -> str:
    if isinstance(value, Decimal) and not value.is_finite():
        raise ValueError(f"cannot format {value}")
    exact = Fraction(value)
    scale = 10**places
    rounded = math.floor(abs(exact) * scale + Fraction(1, 2))
    if rounded == 0:
        return "0"
    sign = "-" if exact < 0 else ""
    whole, frac = divmod(rounded, scale)
    if places == 0 or frac == 0:
        return f"{sign}{whole}"
    return f"{sign}{whole}." + str(frac).rjust(places, "0").rstrip("0")


def outcome(fn, *args):
    try:
        result = fn(*args)
    except (ValueError, KeyError) as exc:
        return type(exc), str(exc)
    if isinstance(result, RecipeNeed):  # compare the dict orders too
        return result, list(result.needed.items())
    return result


# --- batch options ----------------------------------------------------------

UNITS: dict[int, YieldType] = {
    1: count_unit(1, 1, 24),
    2: count_unit(2, 1, 1),
    3: count_unit(3, 1, 7),
    4: portion_unit(4, 1, "50"),
    5: portion_unit(5, 1, "12.5"),
    6: portion_unit(6, 1, "33.3"),
    7: portion_unit(7, 1, "100"),
}


@settings(max_examples=200, deadline=None)
@given(
    st.dictionaries(
        st.integers(1, 8),  # 8 is unknown
        st.integers(-2, 300) | st.sampled_from([0, 0, 1]),
        max_size=4,
    )
)
def test_batch_options_match_the_fraction_reference(needed):
    assert outcome(batch_options, 9, needed, UNITS) == outcome(ref_batch_options, 9, needed, UNITS)


@given(st.integers(1, 500), st.integers(1, 60), st.decimals("0.1", "100", places=2))
def test_single_types_match_the_reference(items, per_batch, pct):
    units = {1: count_unit(1, 1, per_batch), 2: portion_unit(2, 1, str(pct))}
    for uid in units:
        assert outcome(batch_options, 1, {uid: items}, units) == outcome(
            ref_batch_options, 1, {uid: items}, units
        )


# --- format_decimal ---------------------------------------------------------

_places = st.integers(0, 8)


@settings(max_examples=200, deadline=None)
@given(st.fractions(min_value=-(10**9), max_value=10**9), _places)
def test_fractions_format_as_the_reference(value, places):
    assert format_decimal(value, places) == ref_format(value, places)


@settings(max_examples=200, deadline=None)
@given(st.decimals(allow_nan=False, allow_infinity=False), _places)
def test_decimals_format_as_the_reference(value, places):
    # Any exponent: 1E+30, 1E-30, -0, many digits.
    assert format_decimal(value, places) == ref_format(value, places)


@given(st.integers(-(10**20), 10**20), _places)
def test_ints_format_as_the_reference(value, places):
    assert format_decimal(value, places) == ref_format(value, places)


@pytest.mark.parametrize(
    "value",
    [
        Fraction(1, 2000),
        Fraction(-1, 2000),
        Fraction(-1, 2001),
        Fraction(2999, 2000),
        Decimal("0.0005"),
        Decimal("-0.0005"),
        Decimal("-0.00049999"),
        Decimal("-0"),
        Decimal("-0.000"),
        Decimal("-0.0000"),
        Decimal("0.00049999999999999999999999999999"),
        Decimal("-999.9995"),
        Decimal("999.99949"),
        Decimal("116.6805159560885029878258313635"),
        Decimal("1E-40"),
        Decimal("-1.5E+3"),
        Decimal("1E+30"),
        Decimal("12.3450000"),
        True,
        0,
        -7,
        0.125,
        "5/8",
    ],
)
@pytest.mark.parametrize("places", [0, 1, 3, 4, -1, True])
def test_halves_signs_and_other_inputs_format_as_the_reference(value, places):
    assert format_decimal(value, places) == ref_format(value, places)


@pytest.mark.parametrize("value", [Decimal("NaN"), Decimal("-Infinity"), Decimal("sNaN")])
def test_non_finite_decimals_are_refused_as_before(value):
    with pytest.raises(ValueError, match="cannot format"):
        format_decimal(value)
    with pytest.raises(ValueError, match="cannot format"):
        ref_format(value)


# --- undecided and complete -------------------------------------------------


def ref_plan_complete(needs, decisions, baked):
    for rid, need in needs.items():
        if need > 0 and decisions.get(rid) is None and baked.get(rid, 0) == 0:
            return False
    for rid, b in decisions.items():
        need, made = needs.get(rid, Fraction(0)), baked.get(rid, 0)
        if not (made > 0 and made >= need) and max(b, made) not in (
            math.floor(need),
            math.ceil(need),
        ):
            return False
    return True


_recipes = st.sampled_from([1, 2, 3, 4])


@settings(max_examples=200, deadline=None)
@given(
    st.dictionaries(_recipes, st.fractions(0, 12, max_denominator=6)),
    st.dictionaries(_recipes, st.integers(0, 13)),
    st.dictionaries(_recipes, st.integers(0, 13)),
)
def test_undecided_and_complete_match_the_reference(needs, decisions, baked):
    for rid, need in needs.items():
        decided, made = decisions.get(rid), baked.get(rid, 0)
        assert is_undecided(need, decided, made) is (need > 0 and decided is None and made == 0)
    assert plan_complete(needs, decisions, baked) is ref_plan_complete(needs, decisions, baked)


@settings(max_examples=100, deadline=None)
@given(st.decimals(allow_nan=False, allow_infinity=False), st.integers(0, 20))
def test_decimals_format_the_same_whatever_the_decimal_context(value, prec):
    # The text comes from the exact digits, never from the thread's context.
    with localcontext() as ctx:
        ctx.capitals, ctx.prec, ctx.rounding = 0, prec + 1, ROUND_DOWN
        assert format_decimal(value) == ref_format(value)
