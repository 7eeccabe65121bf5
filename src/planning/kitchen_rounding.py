"""Kitchen rounding: figures as a baker reads them, for display only.

* cups, tablespoons, teaspoons, fluid ounces and ounces: to the nearest quarter;
* grams and millilitres: to the nearest whole;
* pounds, kilograms and litres: to the nearest tenth;
* counts (each, dozen): up to the next whole (nobody buys 0.3 eggs).

A non-zero amount never shows as 0: it shows as the smallest step (¼ cup,
1 g, 0.1 lb). Exact figures stay in the data (``--json`` keeps them).
"""

from __future__ import annotations

from decimal import ROUND_CEILING, ROUND_HALF_UP, Decimal

from .units import normalize_unit, unit_display

__all__ = ["kitchen_round", "kitchen_text", "quantity_text"]

_QUARTER = Decimal("0.25")
_TENTH = Decimal("0.1")
_WHOLE = Decimal(1)
_STEP: dict[str, Decimal] = {
    "cup": _QUARTER, "tbsp": _QUARTER, "tsp": _QUARTER, "fl_oz": _QUARTER, "oz": _QUARTER,
    "g": _WHOLE, "ml": _WHOLE,
    "lb": _TENTH, "kg": _TENTH, "l": _TENTH,
    "each": _WHOLE, "dozen": _WHOLE,
}  # fmt: skip
_UP = frozenset({"each", "dozen"})
_MODE = {u: ROUND_CEILING if u in _UP else ROUND_HALF_UP for u in _STEP}
_SHOWN = {u: unit_display(u) for u in _STEP}  # keyed by canonical name


def _round(quantity: Decimal, u: str) -> Decimal:
    """kitchen_round for a canonical unit ``u``."""
    if not quantity:
        return Decimal(0)
    steps = (quantity / _STEP[u]).to_integral_value(_MODE[u])  # positional: twice as fast
    if steps == 0:
        steps = Decimal(1) if quantity > 0 else Decimal(-1)
    return steps * _STEP[u]


def _plain(value: Decimal) -> str:
    """``value`` as plain digits without trailing zeros ("6.75", "2", "0.1")."""
    text = str(value)  # plain digits unless the exponent calls for notation
    if "E" in text or "e" in text:
        text = format(value, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("", "-0") else text


def kitchen_round(quantity: Decimal, unit: str) -> Decimal:
    """``quantity`` rounded for the kitchen in ``unit`` (see the module docstring)."""
    return _round(quantity, normalize_unit(unit))


def kitchen_text(quantity: Decimal, unit: str) -> str:
    """The rounded figure as text without trailing zeros ("6.75", "2", "0.1")."""
    return _plain(kitchen_round(quantity, unit))


def quantity_text(quantity: Decimal, unit: str) -> str:
    """The rounded figure with its unit as the baker writes it: "2.6 lb", "6.75 cup",
    "12 each", "8 fl oz" (not the internal "fl_oz")."""
    try:
        shown = _SHOWN[unit]
    except (KeyError, TypeError):  # not a canonical name: normalise it first
        return f"{kitchen_text(quantity, unit)} {unit_display(unit)}"
    return f"{_plain(_round(quantity, unit))} {shown}"
