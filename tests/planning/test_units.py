import subprocess
import sys
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from src.planning.batches import format_decimal
from src.planning.units import (
    SUPPORTED_UNITS,
    ConversionError,
    UnitError,
    can_convert,
    convert,
    dimension,
    normalize_unit,
)

ROOT = Path(__file__).resolve().parents[2]

# Independent figures (in g, ml or items), written from EXCHANGE.md.
CUP = Fraction("236.5882365")
FACTOR = {
    "g": Fraction(1), "kg": Fraction(1000), "oz": Fraction("28.349523125"),
    "lb": Fraction("453.59237"),
    "ml": Fraction(1), "l": Fraction(1000), "cup": CUP, "tbsp": CUP / 16,
    "tsp": CUP / 48, "fl_oz": CUP / 8,
    "each": Fraction(1), "dozen": Fraction(12),
}  # fmt: skip
MASS = ["g", "kg", "oz", "lb"]
VOLUME = ["ml", "l", "tsp", "tbsp", "cup", "fl_oz"]
COUNT = ["each", "dozen"]


def test_supported_units_in_display_order():
    assert SUPPORTED_UNITS == tuple(MASS + VOLUME + COUNT)


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("g", "g"), ("Grams", "g"), (" gram ", "g"), ("KG", "kg"), ("kilograms", "kg"),
        ("ounce", "oz"), ("ounces", "oz"), ("pound", "lb"), ("lbs", "lb"), ("Pounds", "lb"),
        ("mL", "ml"), ("milliliters", "ml"), ("L", "l"), ("liter", "l"), ("litre", "l"),
        ("teaspoon", "tsp"), ("Teaspoons", "tsp"), ("tablespoon", "tbsp"),
        ("tablespoons", "tbsp"), ("Cup", "cup"), ("cups", "cup"), ("fl oz", "fl_oz"),
        ("fl  OZ", "fl_oz"), ("fl_oz", "fl_oz"), ("fluid ounces", "fl_oz"),
        ("each", "each"), ("pcs", "each"), ("Dozen", "dozen"), ("doz", "dozen"),
    ],
)  # fmt: skip
def test_normalize_unit(text, unit):
    assert normalize_unit(text) == unit


@pytest.mark.parametrize("text", ["cupz", "", "stone", "c up", "grams!"])
def test_unknown_unit_message(text):
    with pytest.raises(UnitError) as err:
        normalize_unit(text)
    assert str(err.value) == f'unknown unit "{text}"'
    assert isinstance(err.value, ValueError)
    with pytest.raises(UnitError):
        convert(Decimal(1), text, "g")


@pytest.mark.parametrize(
    ("unit", "dim"),
    [(u, "mass") for u in MASS]
    + [(u, "volume") for u in VOLUME]
    + [(u, "count") for u in COUNT]
    + [("cups", "volume"), ("Pounds", "mass")],
)
def test_dimension(unit, dim):
    assert dimension(unit) == dim


def test_worked_example_flour():
    cups = convert(Decimal(5), "lb", "cup", Decimal("0.53"))
    exact = 5 * FACTOR["lb"] / Fraction("0.53") / CUP
    assert abs(Fraction(cups) - exact) < Fraction(1, 10**20)
    assert format_decimal(cups) == "18.087"
    needed = 9 * Decimal("2.75")
    assert needed == Decimal("24.75")
    assert format_decimal(needed - cups) == "6.663"


@pytest.mark.parametrize(
    ("qty", "src", "dst", "expected"),
    [
        ("5", "lb", "g", "2267.96185"),
        ("1", "lb", "oz", "16"),
        ("1", "cup", "tbsp", "16"),
        ("1", "tbsp", "tsp", "3"),
        ("3", "tsp", "tbsp", "1"),
        ("1", "cup", "fl_oz", "8"),
        ("1", "cup", "ml", "236.5882365"),
        ("2", "dozen", "each", "24"),
        ("18", "each", "dozen", "1.5"),
        ("2.5", "kg", "g", "2500"),
        ("250", "ml", "l", "0.25"),
        ("100", "g", "ml", "200"),  # density 0.5
        ("100", "ml", "g", "50"),
    ],
)
def test_exact_conversions(qty, src, dst, expected):
    assert convert(Decimal(qty), src, dst, Decimal("0.5")) == Decimal(expected)


@pytest.mark.parametrize(
    ("src", "dst", "message"),
    [
        ("cup", "g", "cups of an ingredient without a density cannot be added to grams"),
        ("g", "tbsp", "grams of an ingredient without a density cannot be added to tablespoons"),
        ("each", "g", "each cannot be converted to grams"),
        ("cup", "dozen", "cups cannot be converted to dozens"),
    ],
)
def test_refused_conversions(src, dst, message):
    assert not can_convert(src, dst, None)
    with pytest.raises(ConversionError) as err:
        convert(Decimal(1), src, dst)
    assert str(err.value) == message


def test_count_never_converts_even_with_density():
    assert not can_convert("each", "g", Decimal("0.5"))
    with pytest.raises(ConversionError):
        convert(Decimal(1), "dozen", "ml", Decimal("1"))


@pytest.mark.parametrize("density", [Decimal(0), Decimal("-1")])
def test_bad_density(density):
    assert not can_convert("cup", "g", density)
    with pytest.raises(ValueError):
        convert(Decimal(1), "cup", "g", density)


ALL = list(SUPPORTED_UNITS)
quantities = st.decimals(min_value=Decimal("0.001"), max_value=Decimal(10**6), places=3)
densities = st.decimals(min_value=Decimal("0.05"), max_value=Decimal("3"), places=3)


@given(quantities, st.sampled_from(ALL), st.sampled_from(ALL), densities)
def test_conversion_matches_independent_figures(qty, src, dst, density):
    if not can_convert(src, dst, density):
        assert (dimension(src) == "count") != (dimension(dst) == "count")
        return
    got = Fraction(convert(qty, src, dst, density))
    base = Fraction(qty) * FACTOR[src]
    d = Fraction(density)
    if dimension(src) == "mass" and dimension(dst) == "volume":
        base /= d
    elif dimension(src) == "volume" and dimension(dst) == "mass":
        base *= d
    expected = base / FACTOR[dst]
    assert abs(got - expected) <= expected * Fraction(1, 10**25)


@given(quantities, st.sampled_from(ALL), st.sampled_from(ALL), densities)
def test_round_trip(qty, a, b, density):
    if not can_convert(a, b, density):
        return
    mid = convert(qty, a, b, density)
    back = convert(mid, b, a, density)
    assert abs(back - qty) <= qty * Decimal("1e-9")
    if dimension(a) == dimension(b):
        # Same dimension: exact at any practical precision …
        assert back.quantize(Decimal("1e-15")) == qty
        # … and exactly when the way there was a terminating decimal.
        if Fraction(mid) == Fraction(qty) * FACTOR[a] / FACTOR[b]:
            assert back == qty


def test_pint_is_imported_only_for_the_registry():
    # Conversions use the exact constants; pint (~150 ms to import) defines the
    # same units in the registry, which test_registry_agrees_with_the_constants checks.
    code = (
        "import sys\n"
        "import src.planning, src.planning.batches, src.planning.units\n"
        "import src.planning.aggregation, src.planning.shopping\n"
        "import src.planning.feasibility, src.planning.availability, src.planning.progress\n"
        "from src.planning.units import dimension, normalize_unit\n"
        "assert dimension('cups') == 'volume' and normalize_unit('Grams') == 'g'\n"
        "assert 'pint' not in sys.modules, 'pint imported'\n"
        "from decimal import Decimal\n"
        "from src.planning.units import convert, get_registry\n"
        "assert convert(Decimal(1), 'cup', 'ml') == Decimal('236.5882365')\n"
        "assert 'pint' not in sys.modules, 'pint imported by convert'\n"
        "get_registry()\n"
        "assert 'pint' in sys.modules\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr


def test_registry_agrees_with_the_constants():
    from src.planning.units import _FACTORS, get_registry, registry_factors

    assert registry_factors() == _FACTORS
    # … written the same way (same digits and exponent), so results keep their form.
    assert {u: str(f) for u, f in registry_factors().items()} == {
        u: str(f) for u, f in _FACTORS.items()
    }
    assert {u: Fraction(f) for u, f in _FACTORS.items()} == FACTOR
    reg = get_registry()
    assert reg.Quantity(Decimal(2), "cup").to("tbsp").magnitude == 32
