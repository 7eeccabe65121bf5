"""Ingredient totals as first written (greedy unit groups, a Decimal context per call)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import ROUND_HALF_EVEN, Context, Decimal, localcontext

from src.planning.aggregation import IngredientInfo, IngredientLine, IngredientTotal
from src.planning.units import SUPPORTED_UNITS, ConversionError, dimension, normalize_unit

from .units_ref import can_convert, convert

_ORDER = {u: i for i, u in enumerate(SUPPORTED_UNITS)}
_BASE = {"mass": "g", "volume": "ml", "count": "each"}
_SUM = Context(prec=80, rounding=ROUND_HALF_EVEN)
_ZERO = Decimal(0)


def unit_groups(units: Iterable[str], density: Decimal | None) -> list[list[str]]:
    groups: list[list[str]] = []
    for u in sorted(set(units), key=_ORDER.__getitem__):
        for g in groups:
            if can_convert(u, g[0], density):
                g.append(u)
                break
        else:
            groups.append([u])
    return groups


def _exact_sum(values: Iterable[Decimal]) -> Decimal:
    total = _ZERO
    for v in sorted(values):
        total = _SUM.add(total, v)
    return total


def _choose_unit(group: list[str], sums: Mapping[str, Decimal], info: IngredientInfo) -> str:
    preferred = normalize_unit(info.preferred_unit) if info.preferred_unit else None
    density = info.density_g_per_ml
    if preferred is not None and can_convert(preferred, group[0], density):
        return preferred
    base = _BASE[dimension(group[0])]
    if len(group) == 1:
        if group[0] != base:
            convert(_ZERO, group[0], base, density)
        return group[0]
    share = {u: convert(sums[u], u, base, density) for u in group}
    return max(group, key=lambda u: (share[u], -_ORDER[u]))


def _split_note(unit: str, others: list[str], density: Decimal | None) -> str:
    try:
        convert(Decimal(1), others[0], unit, density)
        reason = ""
    except ConversionError as exc:
        reason = str(exc)
    listed = ", ".join(others)
    return f"not combined with {listed}: {reason}" if reason else f"not combined with {listed}"


def aggregate_ingredients(
    scaled: Iterable[tuple[IngredientLine, Decimal]],
    ingredients: Mapping[int, IngredientInfo],
) -> list[IngredientTotal]:
    per_unit: dict[int, dict[str, list[Decimal]]] = {}
    with localcontext() as ctx:
        ctx.prec = 80
        for line, mult in scaled:
            m = Decimal(mult)
            if m < 0:
                raise ValueError("a batch multiplier must not be negative")
            if line.ingredient_id not in ingredients:
                raise KeyError(f"unknown ingredient id {line.ingredient_id}")
            unit = normalize_unit(line.unit)
            q = Decimal(line.quantity) * m
            if q:
                per_unit.setdefault(line.ingredient_id, {}).setdefault(unit, []).append(q)
    totals: list[IngredientTotal] = []
    for ing_id, by_unit in per_unit.items():
        info = ingredients[ing_id]
        density = info.density_g_per_ml
        sums = {u: _exact_sum(v) for u, v in by_unit.items()}
        groups = unit_groups(sums, density)
        chosen = [_choose_unit(g, sums, info) for g in groups]
        for group, target in zip(groups, chosen, strict=True):
            quantity = _exact_sum(convert(sums[u], u, target, density) for u in group)
            note = None
            if len(groups) > 1:
                others = [t for t in chosen if t != target]
                note = _split_note(target, others, density)
            totals.append(IngredientTotal(ing_id, quantity, target, note))
    return sorted(
        totals,
        key=lambda t: (ingredients[t.ingredient_id].name, t.ingredient_id, _ORDER[t.unit]),
    )
