"""The shopping gap: ingredient totals against what the pantry holds.

For each total, on hand is the sum of the ingredient's pantry lines that
convert to the total's unit (any compatible unit; mass↔volume with the
ingredient's density). A pantry line is credited to at most one total — the
first compatible one in ``totals`` order — so stock is never counted twice
when a need is split over incompatible units. Pantry lines that fit no total
are not counted; the note of each of the ingredient's rows says so.
``to_buy = max(0, needed − on_hand)``; a row is ``to_buy`` exactly when
to_buy > 0, else ``sufficient``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_EVEN, Context, Decimal, localcontext

from .aggregation import IngredientInfo, IngredientTotal
from .units import can_convert, convert, normalize_unit

__all__ = ["TO_BUY", "SUFFICIENT", "PantryLine", "ShoppingRow", "shopping_gap"]

TO_BUY = "to_buy"
SUFFICIENT = "sufficient"
_PREC = 80
_SUM = Context(prec=_PREC, rounding=ROUND_HALF_EVEN)
_ZERO = Decimal(0)


@dataclass(frozen=True)
class PantryLine:
    """An amount of an ingredient on hand."""

    ingredient_id: int
    quantity: Decimal
    unit: str


@dataclass(frozen=True)
class ShoppingRow:
    """One shopping-list row, in the unit of its ingredient total."""

    ingredient_id: int
    needed: Decimal
    unit: str
    on_hand: Decimal
    to_buy: Decimal
    status: str
    note: str | None = None


def _join_notes(*notes: str | None) -> str | None:
    parts = [n for n in notes if n]
    return "; ".join(parts) if parts else None


def shopping_gap(
    totals: Sequence[IngredientTotal],
    pantry: Iterable[PantryLine],
    ingredients: Mapping[int, IngredientInfo],
) -> list[ShoppingRow]:
    """One row per total, in ``totals`` order, with on hand, to buy and status.

    Pantry lines for ingredients without a total are ignored. Raises UnitError
    for an unknown pantry unit and KeyError for a total whose ingredient is
    missing from ``ingredients``.
    """
    stock: dict[int, dict[str, Decimal]] = {}
    with localcontext() as ctx:
        ctx.prec = _PREC
        for p in pantry:
            unit = normalize_unit(p.unit)
            by_unit = stock.setdefault(p.ingredient_id, {})
            by_unit[unit] = by_unit.get(unit, Decimal(0)) + Decimal(p.quantity)

    # Assign every pantry unit to the first compatible total of its ingredient.
    credit: dict[int, list[str]] = {}
    uncounted: dict[int, list[str]] = {}
    rows_of: dict[int, list[int]] = {}  # ingredient id → its totals' positions
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
        info = ingredients[total.ingredient_id]
        density = info.density_g_per_ml
        unit = normalize_unit(total.unit)
        on_hand = _ZERO
        if i in credit:
            parts = sorted(
                convert(stock[total.ingredient_id][u], u, unit, density) for u in credit[i]
            )
            for part in parts:
                on_hand = _SUM.add(on_hand, part)
        needed = total.quantity
        needed = needed if type(needed) is Decimal else Decimal(needed)
        to_buy = max(_ZERO, _SUM.subtract(needed, on_hand))
        pantry_note = None
        if total.ingredient_id in uncounted:
            units = ", ".join(uncounted[total.ingredient_id])
            pantry_note = f"pantry stock in {units} not counted: cannot be converted to {unit}"
        out.append(
            ShoppingRow(
                ingredient_id=total.ingredient_id,
                needed=total.quantity,
                unit=unit,
                on_hand=on_hand,
                to_buy=to_buy,
                status=TO_BUY if to_buy > 0 else SUFFICIENT,
                note=_join_notes(total.note, pantry_note),
            )
        )
    return out
