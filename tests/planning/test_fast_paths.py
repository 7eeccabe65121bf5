"""The fast unit conversion, totals, shopping gap, costs and kitchen text give
exactly what the plain versions (tests/planning/reference) give: the same
Decimal values with the same exponents, the same texts, the same errors."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Context, Decimal, localcontext
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from src.planning import aggregation, costs, kitchen_rounding, shopping, units
from src.planning.aggregation import IngredientInfo, IngredientLine, IngredientTotal
from src.planning.costs import Cost
from src.planning.packs import Pack
from src.planning.shopping import PantryLine

from .reference import aggregation_ref, costs_ref, kitchen_ref, shopping_ref, units_ref

ALIASES = ["grams", "Cups", "T", "t", "fl oz", "lbs", "KG", "doz", "Tablespoon"]
UNITS = list(units.SUPPORTED_UNITS) + ALIASES
UNIT = st.sampled_from(UNITS)
ANY_UNIT = st.sampled_from([*UNITS, "cupz", ""])
_EXACT = Context(prec=120)


def _decimal(n: int, exp: int) -> Decimal:
    return Decimal(n).scaleb(exp, _EXACT)  # exact: any number of digits, any exponent


# Up to 36 digits, so results that round (and exponents above zero) are covered.
NUMBER = st.builds(_decimal, st.integers(-(10**36), 10**36), st.integers(-40, 6))
POSITIVE = st.builds(_decimal, st.integers(1, 10**30), st.integers(-30, 3))
SPECIAL = st.sampled_from(
    [Decimal("Infinity"), Decimal("-Infinity"), Decimal("NaN"), Decimal("-0")]
)
QUANTITY = st.one_of(NUMBER, st.sampled_from([Decimal(0), Decimal("0.000"), Decimal("1E+3")]))
DENSITY = st.one_of(
    st.none(),
    POSITIVE,
    st.sampled_from([Decimal(0), Decimal(-1), Decimal("Infinity"), Decimal("NaN"), 2, "0.5", "x"]),
)
NAMES = st.sampled_from(["Flour", "butter", "Butter", "Vanilla", "eggs"])


def outcome(fn: Callable[..., Any], *args: Any) -> tuple[str, object, str]:
    """What a call gives: its result's repr (values with their exponents), or its error."""
    try:
        result = fn(*args)
    except Exception as exc:  # noqa: BLE001 - the error itself is what is compared
        return ("raises", type(exc), str(exc))
    return ("returns", type(result), repr(result))


@given(st.one_of(QUANTITY, SPECIAL), ANY_UNIT, ANY_UNIT, DENSITY)
def test_convert_matches_reference(quantity, src, dst, density):
    assert outcome(units.convert, quantity, src, dst, density) == outcome(
        units_ref.convert, quantity, src, dst, density
    )


@given(ANY_UNIT, ANY_UNIT, DENSITY)
def test_can_convert_matches_reference(src, dst, density):
    assert outcome(units.can_convert, src, dst, density) == outcome(
        units_ref.can_convert, src, dst, density
    )


@given(st.one_of(QUANTITY, SPECIAL), ANY_UNIT)
def test_quantity_text_matches_reference(quantity, unit):
    assert outcome(kitchen_rounding.quantity_text, quantity, unit) == outcome(
        kitchen_ref.quantity_text, quantity, unit
    )


INGREDIENT_IDS = st.integers(1, 4)


@st.composite
def catalog(draw: st.DrawFn) -> dict[int, IngredientInfo]:
    preferred = st.one_of(st.none(), st.just(""), UNIT)
    return {
        i: IngredientInfo(i, draw(NAMES), "Dry", draw(DENSITY), draw(preferred))
        for i in range(1, 5)
    }


LINE = st.builds(IngredientLine, INGREDIENT_IDS, st.one_of(POSITIVE, QUANTITY), UNIT)
MULTIPLIER = st.one_of(
    st.integers(0, 6).map(Decimal), st.sampled_from([Decimal("1.5"), Decimal("0.25"), 3])
)


@given(st.lists(st.tuples(LINE, MULTIPLIER), max_size=14), catalog())
def test_aggregate_ingredients_matches_reference(scaled, ingredients):
    assert outcome(aggregation.aggregate_ingredients, scaled, ingredients) == outcome(
        aggregation_ref.aggregate_ingredients, scaled, ingredients
    )


@given(st.lists(st.sampled_from(units.SUPPORTED_UNITS), max_size=8), DENSITY)
def test_unit_groups_matches_reference(names, density):
    assert outcome(aggregation.unit_groups, names, density) == outcome(
        aggregation_ref.unit_groups, names, density
    )


NOTE = st.sampled_from([None, "", "split"])
TOTAL = st.builds(IngredientTotal, INGREDIENT_IDS, POSITIVE, UNIT, NOTE)


@given(
    st.lists(TOTAL, max_size=6),
    st.lists(st.builds(PantryLine, st.integers(1, 5), QUANTITY, UNIT), max_size=8),
    st.booleans(),
    catalog(),
)
def test_shopping_gap_matches_reference(totals, pantry, exactly_enough, ingredients):
    if exactly_enough:  # stock that covers a need exactly, written with more zeros
        pantry += [PantryLine(t.ingredient_id, t.quantity * Decimal("1.00"), t.unit)
                   for t in totals]  # fmt: skip
    assert outcome(shopping.shopping_gap, totals, pantry, ingredients) == outcome(
        shopping_ref.shopping_gap, totals, pantry, ingredients
    )


PACK = st.builds(
    Pack,
    st.sampled_from(["bag", "box"]),
    POSITIVE,
    UNIT,
    st.one_of(st.none(), POSITIVE),
    st.none(),
    st.booleans(),
)


@given(
    st.lists(LINE, max_size=10),
    catalog(),
    st.dictionaries(INGREDIENT_IDS, st.lists(PACK, max_size=3), max_size=4),
)
def test_lines_cost_matches_reference(lines, ingredients, packs):
    assert outcome(costs.lines_cost, lines, ingredients, packs) == outcome(
        costs_ref.lines_cost, lines, ingredients, packs
    )
    for line in lines:
        args = (line.quantity, line.unit, ingredients[line.ingredient_id],
                packs.get(line.ingredient_id, ()))  # fmt: skip
        assert outcome(costs.quantity_cost, *args) == outcome(costs_ref.quantity_cost, *args)


@given(st.lists(PACK, max_size=4))
def test_costing_pack_matches_reference(packs):
    assert costs.costing_pack(packs) is costs_ref.costing_pack(packs)


MISSING = st.lists(NAMES, max_size=2, unique=True).map(
    lambda names: tuple(sorted(names, key=str.casefold))
)
COST = st.builds(Cost, st.one_of(st.none(), NUMBER), MISSING)


@given(
    st.dictionaries(st.integers(1, 5), st.integers(0, 12), max_size=5),
    st.dictionaries(st.integers(1, 5), COST, min_size=5, max_size=5),
)
def test_good_cost_matches_reference(items, unit_costs):
    assert outcome(costs.good_cost, items, unit_costs) == outcome(
        costs_ref.good_cost, items, unit_costs
    )


@given(st.lists(COST, max_size=6))
def test_total_matches_reference(parts):
    assert outcome(costs.total, parts) == outcome(costs_ref.total_ref, parts)


@given(st.one_of(QUANTITY, SPECIAL), UNIT, st.integers(3, 40), st.sampled_from([0, 1]))
def test_quantity_text_matches_reference_in_any_context(quantity, unit, precision, capitals):
    with localcontext(Context(prec=precision, capitals=capitals)):
        fast = outcome(kitchen_rounding.quantity_text, quantity, unit)
        plain = outcome(kitchen_ref.quantity_text, quantity, unit)
    assert fast == plain


@given(st.one_of(NUMBER, SPECIAL, st.sampled_from([Decimal("999.995"), Decimal("-999.994")])))
def test_money_text_matches_reference(amount):
    assert outcome(costs.money_text, amount, "€") == outcome(costs_ref.money_text, amount, "€")
