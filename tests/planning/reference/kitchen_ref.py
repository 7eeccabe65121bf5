"""Kitchen rounding text as first written: round to the step, format, strip zeros."""

from __future__ import annotations

from decimal import ROUND_CEILING, ROUND_HALF_UP, Decimal

from src.planning.units import normalize_unit, unit_display

_STEP = {
    "cup": "0.25", "tbsp": "0.25", "tsp": "0.25", "fl_oz": "0.25", "oz": "0.25",
    "g": "1", "ml": "1", "lb": "0.1", "kg": "0.1", "l": "0.1", "each": "1", "dozen": "1",
}  # fmt: skip


def quantity_text(quantity: Decimal, unit: str) -> str:
    u = normalize_unit(unit)
    step = Decimal(_STEP[u])
    if not quantity:
        value = Decimal(0)
    else:
        mode = ROUND_CEILING if u in ("each", "dozen") else ROUND_HALF_UP
        steps = (quantity / step).to_integral_value(rounding=mode)
        if steps == 0:
            steps = Decimal(1) if quantity > 0 else Decimal(-1)
        value = steps * step
    text = format(value, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    text = "0" if text in ("", "-0") else text
    return f"{text} {unit_display(unit)}"
