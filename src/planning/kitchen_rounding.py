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
# Per canonical unit: (step, rounding, steps per whole unit, unit as displayed).
_TEXT_RULES: dict[str, tuple[Decimal, str, int, str]] = {
    u: (
        step,
        ROUND_CEILING if u in _UP else ROUND_HALF_UP,
        int(1 / step),
        unit_display(u),
    )
    for u, step in _STEP.items()
}
_QUARTERS = ("", ".25", ".5", ".75")
# Below 10**15 steps, steps × step has at most 17 digits: exact in any context
# of at least that precision, so it can be written from the whole number.
_EXACT_STEPS = 10**15
_EXACT_PREC = 17


def kitchen_round(quantity: Decimal, unit: str) -> Decimal:
    """``quantity`` rounded for the kitchen in ``unit`` (see the module docstring)."""
    u = normalize_unit(unit)
    step = _STEP[u]
    if not quantity:
        return Decimal(0)
    mode = ROUND_CEILING if u in _UP else ROUND_HALF_UP
    steps = (quantity / step).to_integral_value(rounding=mode)
    if steps == 0:
        steps = Decimal(1) if quantity > 0 else Decimal(-1)
    return steps * step


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
        step, mode, per_whole, shown = _TEXT_RULES[unit]
    except (KeyError, TypeError):  # not a canonical name: the general path
        return f"{kitchen_text(quantity, unit)} {unit_display(unit)}"
    # kitchen_round, then the rounded figure written from its whole number of steps.
    if not quantity:
        return f"0 {shown}"
    steps = (quantity / step).to_integral_value(mode)  # positional: twice as fast
    try:
        n = int(steps)
    except (OverflowError, ValueError):  # infinite or not a number
        return f"{kitchen_text(quantity, unit)} {shown}"
    if not -_EXACT_STEPS < n < _EXACT_STEPS or getcontext().prec < _EXACT_PREC:
        # steps × step would round in the context: let kitchen_round do it.
        return f"{kitchen_text(quantity, unit)} {shown}"
    if n == 0:
        n = 1 if quantity > 0 else -1
    sign = ""
    if n < 0:
        sign, n = "-", -n
    # n × step written without trailing zeros, from the whole number of steps.
    if per_whole == 1:
        return f"{sign}{n} {shown}"
    whole, part = divmod(n, per_whole)
    if per_whole == 4:
        return f"{sign}{whole}{_QUARTERS[part]} {shown}"
    if part:
        return f"{sign}{whole}.{part} {shown}"
    return f"{sign}{whole} {shown}"
