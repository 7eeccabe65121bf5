"""The shopping gap as first written."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from decimal import ROUND_HALF_EVEN, Context, Decimal, localcontext

from src.planning.aggregation import IngredientInfo, IngredientTotal
from src.planning.shopping import SUFFICIENT, TO_BUY, PantryLine, ShoppingRow
from src.planning.units import normalize_unit

from .units_ref import can_convert, convert

_SUM = Context(prec=80, rounding=ROUND_HALF_EVEN)
_ZERO = Decimal(0)


def shopping_gap(
    totals: Sequence[IngredientTotal],
    pantry: Iterable[PantryLine],
    ingredients: Mapping[int, IngredientInfo],
) -> list[ShoppingRow]:
    stock: dict[int, dict[str, Decimal]] = {}
    with localcontext() as ctx:
        ctx.prec = 80
        for p in pantry:
            unit = normalize_unit(p.unit)
            by_unit = stock.setdefault(p.ingredient_id, {})
            by_unit[unit] = by_unit.get(unit, Decimal(0)) + Decimal(p.quantity)
    credit: dict[int, list[str]] = {}
    uncounted: dict[int, list[str]] = {}
    rows_of: dict[int, list[int]] = {}
    for i, t in enumerate(totals):
        rows_of.setdefault(t.ingredient_id, []).append(i)
    for ing_id, by_unit in stock.items():
        rows = rows_of.get(ing_id)
        if not rows:
            continue
        density = ingredients[ing_id].density_g_per_ml
        for unit in by_unit:
            target = next((i for i in rows if can_convert(unit, totals[i].unit, density)), None)
            if target is None:
                uncounted.setdefault(ing_id, []).append(unit)
            else:
                credit.setdefault(target, []).append(unit)
    out: list[ShoppingRow] = []
    for i, total in enumerate(totals):
        density = ingredients[total.ingredient_id].density_g_per_ml
        unit = normalize_unit(total.unit)
        on_hand = _ZERO
        for part in sorted(
            convert(stock[total.ingredient_id][u], u, unit, density) for u in credit.get(i, [])
        ):
            on_hand = _SUM.add(on_hand, part)
        to_buy = max(_ZERO, _SUM.subtract(Decimal(total.quantity), on_hand))
        notes = [total.note]
        if total.ingredient_id in uncounted:
            units = ", ".join(uncounted[total.ingredient_id])
            notes.append(f"pantry stock in {units} not counted: cannot be converted to {unit}")
        parts = [n for n in notes if n]
        out.append(
            ShoppingRow(
                ingredient_id=total.ingredient_id,
                needed=total.quantity,
                unit=unit,
                on_hand=on_hand,
                to_buy=to_buy,
                status=TO_BUY if to_buy > 0 else SUFFICIENT,
                note="; ".join(parts) if parts else None,
            )
        )
    return out
