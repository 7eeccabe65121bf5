"""Unit conversion as first written: normalise both names, compare dimensions, convert."""

from __future__ import annotations

from decimal import ROUND_HALF_EVEN, Context, Decimal

from src.planning.units import (
    COUNT,
    CUP_ML,
    FL_OZ_ML,
    LB_G,
    MASS,
    OZ_G,
    TBSP_ML,
    TSP_ML,
    VOLUME,
    ConversionError,
    dimension,
    normalize_unit,
    unit_label,
)

_WORK = Context(prec=60, rounding=ROUND_HALF_EVEN)
_RESULT = Context(prec=28, rounding=ROUND_HALF_EVEN)
FACTORS: dict[str, Decimal] = {
    "g": Decimal(1), "kg": Decimal(1000), "oz": OZ_G, "lb": LB_G,
    "ml": Decimal(1), "l": Decimal(1000), "tsp": TSP_ML, "tbsp": TBSP_ML, "cup": CUP_ML,
    "fl_oz": FL_OZ_ML,
    "each": Decimal(1), "dozen": Decimal(12),
}  # fmt: skip


def _check_density(density: Decimal | None) -> Decimal | None:
    if density is None:
        return None
    d = Decimal(density)
    if not d.is_finite() or d <= 0:
        raise ValueError("density must be a positive number of g per ml")
    return d


def _refusal(src: str, dst: str) -> ConversionError:
    if COUNT in (dimension(src), dimension(dst)):
        return ConversionError(f"{unit_label(src)} cannot be converted to {unit_label(dst)}")
    return ConversionError(
        f"{unit_label(src)} of an ingredient without a density cannot be added to {unit_label(dst)}"
    )


def can_convert(from_unit: str, to_unit: str, density: Decimal | None = None) -> bool:
    src, dst = normalize_unit(from_unit), normalize_unit(to_unit)
    a, b = dimension(src), dimension(dst)
    if a == b:
        return True
    if {a, b} == {MASS, VOLUME}:
        try:
            return _check_density(density) is not None
        except ValueError:
            return False
    return False


def convert(
    quantity: Decimal, from_unit: str, to_unit: str, density_g_per_ml: Decimal | None = None
) -> Decimal:
    src, dst = normalize_unit(from_unit), normalize_unit(to_unit)
    q = Decimal(quantity)
    if src == dst:
        return q
    a, b = dimension(src), dimension(dst)
    if a != b and ({a, b} != {MASS, VOLUME} or density_g_per_ml is None):
        raise _refusal(src, dst)
    density = _check_density(density_g_per_ml)
    base = _WORK.multiply(q, FACTORS[src])
    if density is not None and a == MASS and b == VOLUME:
        base = _WORK.divide(base, density)
    elif density is not None and a == VOLUME and b == MASS:
        base = _WORK.multiply(base, density)
    return _RESULT.plus(_WORK.divide(base, FACTORS[dst]))
