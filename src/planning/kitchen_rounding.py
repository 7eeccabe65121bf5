"""Kitchen rounding: figures as a baker reads them, for display only.

* cups, tablespoons, teaspoons, fluid ounces and ounces: to the nearest quarter;
* grams and millilitres: to the nearest whole;
* pounds, kilograms and litres: to the nearest tenth;
* counts (each, dozen): up to the next whole (nobody buys 0.3 eggs).

A non-zero amount never shows as 0: it shows as the smallest step (¼ cup,
1 g, 0.1 lb). Exact figures stay in the data (``--json`` keeps them).
"""

from __future__ import annotations

from decimal import ROUND_CEILING, ROUND_HALF_UP, Decimal, getcontext

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
# Per canonical unit: (steps per whole unit, the unit as displayed).
_TEXT_RULES: dict[str, tuple[int, str]] = {
    u: (int(1 / step), unit_display(u)) for u, step in _STEP.items()
}
_QUARTERS = ("", ".25", ".5", ".75")
# Below 10**15 steps, steps × step has at most 17 digits: exact in any context
# of at least that precision, so it can be written from the whole number.
_EXACT_STEPS = 10**15
_EXACT_PREC = 17


def _steps(quantity: Decimal, u: str) -> Decimal:
    """The whole number of ``u``'s steps a non-zero ``quantity`` rounds to for
    the kitchen (up for counts); never 0, so a non-zero amount never shows as 0."""
    steps = (quantity / _STEP[u]).to_integral_value(_MODE[u])  # positional: twice as fast
    if steps == 0:
        steps = Decimal(1) if quantity > 0 else Decimal(-1)
    return steps


def kitchen_round(quantity: Decimal, unit: str) -> Decimal:
    """``quantity`` rounded for the kitchen in ``unit`` (see the module docstring)."""
    u = normalize_unit(unit)
    if not quantity:
        return Decimal(0)
    return _steps(quantity, u) * _STEP[u]


def kitchen_text(quantity: Decimal, unit: str) -> str:
    """The rounded figure as text without trailing zeros ("6.75", "2", "0.1")."""
    value = kitchen_round(quantity, unit)
    text = format(value, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("", "-0") else text


def quantity_text(quantity: Decimal, unit: str) -> str:
    """The rounded figure with its unit as the baker writes it: "2.6 lb", "6.75 cup",
    "12 each", "8 fl oz" (not the internal "fl_oz")."""
    try:
        per_whole, shown = _TEXT_RULES[unit]
    except (KeyError, TypeError):  # not a canonical name: the general path
        return f"{kitchen_text(quantity, unit)} {unit_display(unit)}"
    if not quantity:
        return f"0 {shown}"
    try:
        n = int(_steps(quantity, unit))
    except (OverflowError, ValueError):  # infinite or not a number
        return f"{kitchen_text(quantity, unit)} {shown}"
    if not -_EXACT_STEPS < n < _EXACT_STEPS or getcontext().prec < _EXACT_PREC:
        # steps × step would round in the context: let kitchen_round do it.
        return f"{kitchen_text(quantity, unit)} {shown}"
    # kitchen_text's figure, written from the whole number of steps (n × 1/per_whole).
    sign = ""
    if n < 0:
        sign, n = "-", -n
    if per_whole == 1:
        return f"{sign}{n} {shown}"
    whole, part = divmod(n, per_whole)
    if per_whole == 4:
        return f"{sign}{whole}{_QUARTERS[part]} {shown}"
    if part:
        return f"{sign}{whole}.{part} {shown}"
    return f"{sign}{whole} {shown}"
