"""Supported measurement units and exact Decimal conversion between them.

Units: g, kg, oz, lb (mass); ml, l, tsp, tbsp, cup, fl_oz (volume, US
customary: cup = 236.5882365 ml, tbsp = cup/16, tsp = tbsp/3, fl_oz = cup/8);
each, dozen (count, dozen = 12). oz = 28.349523125 g, lb = 453.59237 g.

Names, dimensions and the conversion factors to each dimension's base unit
(g, ml, each) are plain constants (instant). The units are also defined, from
the same constants, in a private pint ``UnitRegistry`` with Decimal
magnitudes (:func:`get_registry`), which is what the tests check the factors
against; pint is imported only when that registry is asked for, so neither
importing this module nor converting pays pint's ~150 ms import. Mass and
volume convert into each other only with a density in g/ml. Conversions
multiply before they divide, inside a 60-digit Decimal context, and round the
result once to 28 significant digits; results that are terminating decimals
(every mass↔mass or volume↔volume conversion toward a smaller unit, and most
others) are exact.
"""

from __future__ import annotations

import threading
from decimal import ROUND_HALF_EVEN, Context, Decimal
from typing import Any

__all__ = [
    "SUPPORTED_UNITS",
    "MASS",
    "VOLUME",
    "COUNT",
    "UnitError",
    "ConversionError",
    "normalize_unit",
    "unit_display",
    "DISPLAY_UNITS",
    "dimension",
    "unit_label",
    "convert",
    "can_convert",
    "get_registry",
]

MASS = "mass"
VOLUME = "volume"
COUNT = "count"

SUPPORTED_UNITS: tuple[str, ...] = (
    "g", "kg", "oz", "lb",
    "ml", "l", "tsp", "tbsp", "cup", "fl_oz",
    "each", "dozen",
)  # fmt: skip

_DIMENSION: dict[str, str] = {
    "g": MASS, "kg": MASS, "oz": MASS, "lb": MASS,
    "ml": VOLUME, "l": VOLUME, "tsp": VOLUME, "tbsp": VOLUME, "cup": VOLUME, "fl_oz": VOLUME,
    "each": COUNT, "dozen": COUNT,
}  # fmt: skip

# Plural words used in user messages.
_LABEL: dict[str, str] = {
    "g": "grams", "kg": "kilograms", "oz": "ounces", "lb": "pounds",
    "ml": "milliliters", "l": "liters", "tsp": "teaspoons", "tbsp": "tablespoons",
    "cup": "cups", "fl_oz": "fluid ounces", "each": "each", "dozen": "dozens",
}  # fmt: skip

_ALIASES: dict[str, str] = {
    "gram": "g", "grams": "g", "gr": "g",
    "kilogram": "kg", "kilograms": "kg", "kilo": "kg", "kilos": "kg",
    "ounce": "oz", "ounces": "oz",
    "pound": "lb", "pounds": "lb", "lbs": "lb",
    "milliliter": "ml", "milliliters": "ml", "millilitre": "ml", "millilitres": "ml",
    "liter": "l", "liters": "l", "litre": "l", "litres": "l",
    "teaspoon": "tsp", "teaspoons": "tsp",
    "tablespoon": "tbsp", "tablespoons": "tbsp", "tbs": "tbsp",
    "cups": "cup",
    "fl oz": "fl_oz", "fl. oz": "fl_oz", "fl. oz.": "fl_oz", "floz": "fl_oz",
    "fluid ounce": "fl_oz", "fluid ounces": "fl_oz", "fluid_ounce": "fl_oz",
    "ea": "each", "pc": "each", "pcs": "each", "piece": "each", "pieces": "each",
    "doz": "dozen", "dozens": "dozen", "dz": "dozen",
    "gm": "g", "gms": "g", "grm": "g",
    "c": "cup", "cp": "cup",
    "tbl": "tbsp", "tbls": "tbsp", "tblsp": "tbsp", "tblspn": "tbsp",
    "tspn": "tsp",
    "fl": "fl_oz", "fl.oz": "fl_oz", "fluid oz": "fl_oz",
    "lt": "l", "ltr": "l",
    "kilogramme": "kg", "gramme": "g", "grammes": "g",
    "item": "each", "items": "each",
}  # fmt: skip

# Spellings whose case matters, as bakers write them: a capital T is a
# tablespoon, a small t a teaspoon (checked before the case-insensitive names).
_CASE_SENSITIVE: dict[str, str] = {"T": "tbsp", "t": "tsp", "Tb": "tbsp", "Tbs": "tbsp"}

# How each unit is written in the window, reports and messages.
_DISPLAY: dict[str, str] = {u: u for u in SUPPORTED_UNITS} | {"fl_oz": "fl oz"}
DISPLAY_UNITS: tuple[str, ...] = tuple(_DISPLAY[u] for u in SUPPORTED_UNITS)

CUP_ML = Decimal("236.5882365")
TBSP_ML = CUP_ML / 16  # 14.78676478125, exact
TSP_ML = TBSP_ML / 3  # 4.92892159375, exact
FL_OZ_ML = CUP_ML / 8  # 29.5735295625, exact
OZ_G = Decimal("28.349523125")
LB_G = Decimal("453.59237")

_DEFINITIONS = (
    "gram = [mass] = g",
    "kilogram = 1000 * gram = kg",
    f"ounce = {OZ_G} * gram = oz",
    f"pound = {LB_G} * gram = lb",
    "milliliter = [volume] = ml",
    "liter = 1000 * milliliter = l",
    f"cup = {CUP_ML} * milliliter",
    f"tablespoon = {TBSP_ML} * milliliter = tbsp",
    f"teaspoon = {TSP_ML} * milliliter = tsp",
    f"fluid_ounce = {FL_OZ_ML} * milliliter = fl_oz",
    "each = [count]",
    "dozen = 12 * each",
)

_WORK_PREC = 60
_RESULT_PREC = 28
# Private contexts (the decimal defaults but for the precision): cheaper than
# entering a localcontext twice per conversion, and the caller's context is untouched.
_WORK = Context(prec=_WORK_PREC, rounding=ROUND_HALF_EVEN)
_RESULT = Context(prec=_RESULT_PREC, rounding=ROUND_HALF_EVEN)
_multiply, _divide, _round_result = _WORK.multiply, _WORK.divide, _RESULT.plus
_ONE = Decimal(1)

# Factor of each unit to its dimension's base unit (g, ml, each): the same
# numbers, written the same way, as the pint definitions above produce
# (tests/planning/test_units.py compares them with the registry's).
_FACTORS: dict[str, Decimal] = {
    "g": _ONE, "kg": Decimal(1000), "oz": OZ_G, "lb": LB_G,
    "ml": _ONE, "l": Decimal(1000), "tsp": TSP_ML, "tbsp": TBSP_ML, "cup": CUP_ML,
    "fl_oz": FL_OZ_ML,
    "each": _ONE, "dozen": Decimal(12),
}  # fmt: skip

_lock = threading.Lock()
_registry: Any = None


class UnitError(ValueError):
    """A unit name that is not supported; message ``unknown unit "cupz"``."""

    def __init__(self, text: object) -> None:
        self.unit = text
        super().__init__(f'unknown unit "{text}"')


class ConversionError(ValueError):
    """Two units that cannot be converted; the message is meant for the user."""


def normalize_unit(text: str) -> str:
    """The canonical name (one of SUPPORTED_UNITS) for ``text``.

    Case-insensitive except "T" (tablespoon) and "t" (teaspoon); surrounding
    and repeated spaces and a trailing full stop ignored; common words,
    abbreviations and plurals accepted ("cups", "Tablespoon", "fl oz",
    "tsp.", "lbs", "gm", "c", "doz"). Raises UnitError naming the text.
    """
    if type(text) is str and text in _DIMENSION:  # already canonical: the common case
        return text
    if not isinstance(text, str):
        raise UnitError(text)
    spaced = " ".join(text.strip().split())
    bare = spaced[:-1] if spaced.endswith(".") else spaced
    if bare in _CASE_SENSITIVE:
        return _CASE_SENSITIVE[bare]
    key = bare.lower()
    found = _lookup(key)
    if found is None and len(key) > 2 and key.endswith("s"):
        found = _lookup(key[:-1])  # plurals: "tsps", "kgs", "mls"
    if found is None:
        raise UnitError(text)
    return found


def _lookup(key: str) -> str | None:
    if key in _DIMENSION:
        return key
    return _ALIASES.get(key)


def unit_display(unit: str) -> str:
    """How a unit is written for the baker: "fl oz" for fl_oz, otherwise the
    canonical name ("g", "tbsp", "cup"). Accepts any accepted spelling;
    unknown text is returned unchanged (a stored unit is never hidden)."""
    try:
        return _DISPLAY[normalize_unit(unit)]
    except UnitError:
        return unit


def dimension(unit: str) -> str:
    """``"mass"``, ``"volume"`` or ``"count"`` for a unit (any accepted
    spelling). Pure dict lookup, no pint. Raises UnitError."""
    return _DIMENSION[normalize_unit(unit)]


def unit_label(unit: str) -> str:
    """The plural word for a unit in messages ("cups", "grams", "each")."""
    return _LABEL[normalize_unit(unit)]


def get_registry() -> Any:
    """The private pint UnitRegistry (Decimal magnitudes) defining the supported
    units, built on first use (this imports pint)."""
    global _registry
    if _registry is None:
        with _lock:
            if _registry is None:
                import pint  # lazy: pint costs ~150 ms to import

                reg: Any = pint.UnitRegistry(None, non_int_type=Decimal)
                for line in _DEFINITIONS:
                    reg.define(line)
                _registry = reg
    return _registry


def registry_factors() -> dict[str, Decimal]:
    """Each supported unit's factor to its base unit as the pint registry
    computes it (for checking the constants :func:`convert` uses)."""
    reg = get_registry()
    factors: dict[str, Decimal] = {}
    for name in SUPPORTED_UNITS:
        factor, _ = reg.get_base_units(name)
        factors[name] = Decimal(factor)
    return factors


def _check_density(density: Decimal | None) -> Decimal | None:
    if density is None:
        return None
    if type(density) is Decimal and density.is_finite() and density > 0:
        return density
    d = Decimal(density)
    if not d.is_finite() or d <= 0:
        raise ValueError("density must be a positive number of g per ml")
    return d


def _refusal(src: str, dst: str) -> ConversionError:
    if COUNT in (_DIMENSION[src], _DIMENSION[dst]):
        return ConversionError(f"{_LABEL[src]} cannot be converted to {_LABEL[dst]}")
    return ConversionError(
        f"{_LABEL[src]} of an ingredient without a density cannot be added to {_LABEL[dst]}"
    )


# How each ordered pair of canonical units converts, worked out once at import
# from the dimensions and factors above: (kind, factor of the source unit,
# factor of the target unit). Conversion then costs one dict lookup on the
# names before the Decimal arithmetic, instead of normalising both names and
# comparing dimensions on every call.
_SAME, _SCALE, _TO_VOLUME, _TO_MASS, _NEVER = range(5)
_Rule = tuple[int, Decimal, Decimal]


def _rule(src: str, dst: str) -> _Rule:
    a, b = _DIMENSION[src], _DIMENSION[dst]
    if src == dst:
        kind = _SAME
    elif a == b:
        kind = _SCALE
    elif (a, b) == (MASS, VOLUME):
        kind = _TO_VOLUME
    elif (a, b) == (VOLUME, MASS):
        kind = _TO_MASS
    else:
        kind = _NEVER
    return kind, _FACTORS[src], _FACTORS[dst]


# _RULES[source][target]: two plain lookups, cheaper than one on a pair.
_RULES: dict[str, dict[str, _Rule]] = {
    src: {dst: _rule(src, dst) for dst in SUPPORTED_UNITS} for src in SUPPORTED_UNITS
}


def _rule_for(from_unit: str, to_unit: str) -> _Rule:
    """The rule for two unit names in any accepted spelling (UnitError if unknown)."""
    return _RULES[normalize_unit(from_unit)][normalize_unit(to_unit)]


def can_convert(from_unit: str, to_unit: str, density: Decimal | None = None) -> bool:
    """True when :func:`convert` would succeed for these units and density
    (same dimension, or mass↔volume with a positive density). Unknown units
    raise UnitError."""
    try:
        kind = _RULES[from_unit][to_unit][0]  # both already canonical: the common case
    except (KeyError, TypeError):
        kind = _rule_for(from_unit, to_unit)[0]
    if kind <= _SCALE:
        return True
    if kind == _NEVER or density is None:
        return False
    if type(density) is Decimal:
        return density.is_finite() and density > 0
    try:
        return _check_density(density) is not None
    except ValueError:
        return False


def convert(
    quantity: Decimal,
    from_unit: str,
    to_unit: str,
    density_g_per_ml: Decimal | None = None,
) -> Decimal:
    """``quantity`` in ``from_unit`` expressed in ``to_unit``, as a Decimal.

    Mass↔volume needs ``density_g_per_ml``; count converts only to count
    (dozen = 12 each). Raises UnitError for an unknown unit, ConversionError
    when the units cannot be converted, ValueError for a non-positive density.
    Example: 5 lb at 0.53 g/ml → 18.0870… cup.
    """
    try:
        kind, from_factor, to_factor = _RULES[from_unit][to_unit]
    except (KeyError, TypeError):
        kind, from_factor, to_factor = _rule_for(from_unit, to_unit)
    q = quantity if type(quantity) is Decimal else Decimal(quantity)
    if kind == _SAME:
        return q
    density = density_g_per_ml
    if density is None:
        if kind != _SCALE:
            raise _refusal(normalize_unit(from_unit), normalize_unit(to_unit))
    elif kind == _NEVER:
        raise _refusal(normalize_unit(from_unit), normalize_unit(to_unit))
    elif type(density) is not Decimal or not density.is_finite() or density <= 0:
        density = _check_density(density)  # a bad density is a ValueError
    base = _multiply(q, from_factor)  # grams, millilitres or items
    if density is not None:
        if kind == _TO_VOLUME:
            base = _divide(base, density)
        elif kind == _TO_MASS:
            base = _multiply(base, density)
    if to_factor is _ONE:
        # Dividing a 60-digit working value by 1 gives that value back exactly.
        return _round_result(base)
    return _round_result(_divide(base, to_factor))
