"""Supported measurement units and exact Decimal conversion between them.

Units: g, kg, oz, lb (mass); ml, l, tsp, tbsp, cup, fl_oz (volume, US
customary: cup = 236.5882365 ml, tbsp = cup/16, tsp = tbsp/3, fl_oz = cup/8);
each, dozen (count, dozen = 12). oz = 28.349523125 g, lb = 453.59237 g.

Names and dimensions are plain dicts (instant). The conversion factors come
from a private pint ``UnitRegistry`` holding only these definitions with
Decimal magnitudes; pint is imported the first time a factor is needed, never
when this module is imported. Mass and volume convert into each other only
with a density in g/ml. Conversions multiply before they divide, inside a
60-digit Decimal context, and round the result once to 28 significant digits;
results that are terminating decimals (every mass↔mass or volume↔volume
conversion toward a smaller unit, and most others) are exact.
"""

from __future__ import annotations

import threading
from decimal import Decimal, localcontext
from typing import Any

__all__ = [
    "SUPPORTED_UNITS",
    "MASS",
    "VOLUME",
    "COUNT",
    "UnitError",
    "ConversionError",
    "normalize_unit",
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
    "doz": "dozen", "dozens": "dozen",
}  # fmt: skip

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

_lock = threading.Lock()
_registry: Any = None
_factors: dict[str, Decimal] | None = None


class UnitError(ValueError):
    """A unit name that is not supported; message ``unknown unit "cupz"``."""

    def __init__(self, text: object) -> None:
        self.unit = text
        super().__init__(f'unknown unit "{text}"')


class ConversionError(ValueError):
    """Two units that cannot be converted; the message is meant for the user."""


def normalize_unit(text: str) -> str:
    """The canonical name (one of SUPPORTED_UNITS) for ``text``.

    Case-insensitive, surrounding and repeated spaces ignored, common words
    accepted ("cups", "Tablespoon", "fl oz", "pounds"). Raises UnitError.
    """
    if not isinstance(text, str):
        raise UnitError(text)
    key = " ".join(text.strip().lower().split())
    if key in _DIMENSION:
        return key
    if key in _ALIASES:
        return _ALIASES[key]
    raise UnitError(text)


def dimension(unit: str) -> str:
    """``"mass"``, ``"volume"`` or ``"count"`` for a unit (any accepted
    spelling). Pure dict lookup, no pint. Raises UnitError."""
    return _DIMENSION[normalize_unit(unit)]


def unit_label(unit: str) -> str:
    """The plural word for a unit in messages ("cups", "grams", "each")."""
    return _LABEL[normalize_unit(unit)]


def get_registry() -> Any:
    """The private pint UnitRegistry (Decimal magnitudes), built on first use."""
    _load()
    return _registry


def _load() -> dict[str, Decimal]:
    global _registry, _factors
    if _factors is None:
        with _lock:
            if _factors is None:
                import pint  # lazy: pint costs ~150 ms to import

                reg = pint.UnitRegistry(None, non_int_type=Decimal)
                for line in _DEFINITIONS:
                    reg.define(line)
                factors: dict[str, Decimal] = {}
                with localcontext() as ctx:
                    ctx.prec = _WORK_PREC
                    for name in SUPPORTED_UNITS:
                        factor, _ = reg.get_base_units(name)
                        factors[name] = Decimal(factor)
                _registry = reg
                _factors = factors
    return _factors


def _check_density(density: Decimal | None) -> Decimal | None:
    if density is None:
        return None
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


def can_convert(from_unit: str, to_unit: str, density: Decimal | None = None) -> bool:
    """True when :func:`convert` would succeed for these units and density
    (same dimension, or mass↔volume with a positive density). Unknown units
    raise UnitError."""
    src, dst = normalize_unit(from_unit), normalize_unit(to_unit)
    a, b = _DIMENSION[src], _DIMENSION[dst]
    if a == b:
        return True
    if {a, b} == {MASS, VOLUME}:
        try:
            return _check_density(density) is not None
        except ValueError:
            return False
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
    src, dst = normalize_unit(from_unit), normalize_unit(to_unit)
    q = Decimal(quantity)
    if src == dst:
        return q
    if not can_convert(src, dst, density_g_per_ml):
        if _DIMENSION[src] != _DIMENSION[dst] and COUNT not in (_DIMENSION[src], _DIMENSION[dst]):
            _check_density(density_g_per_ml)  # a bad density is a ValueError
        raise _refusal(src, dst)
    factors = _load()
    with localcontext() as ctx:
        ctx.prec = _WORK_PREC
        base = q * factors[src]  # grams, millilitres or items
        a, b = _DIMENSION[src], _DIMENSION[dst]
        density = _check_density(density_g_per_ml)
        if a == MASS and b == VOLUME:
            base = base / density  # type: ignore[operator]
        elif a == VOLUME and b == MASS:
            base = base * density  # type: ignore[operator]
        result = base / factors[dst]
    with localcontext() as ctx:
        ctx.prec = _RESULT_PREC
        return +result
