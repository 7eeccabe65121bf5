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
from decimal import ROUND_HALF_EVEN, Context, Decimal

from .aggregation import IngredientInfo, IngredientTotal
from .records import record
from .units import SUPPORTED_UNITS, can_convert, convert, normalize_unit

__all__ = ["TO_BUY", "SUFFICIENT", "PantryLine", "ShoppingRow", "shopping_gap"]

TO_BUY = "to_buy"
SUFFICIENT = "sufficient"
_PREC = 80
_SUM = Context(prec=_PREC, rounding=ROUND_HALF_EVEN)
_ZERO = Decimal(0)
_CANONICAL = frozenset(SUPPORTED_UNITS)


@record
class PantryLine:
    """An amount of an ingredient on hand."""

    ingredient_id: int
    quantity: Decimal
    unit: str


@record
class ShoppingRow:
    """One shopping-list row, in the unit of its ingredient total."""

    ingredient_id: int
    needed: Decimal
    unit: str
    on_hand: Decimal
    to_buy: Decimal
    status: str
    note: str | None = None


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
    add = _SUM.add
    stock: dict[int, dict[str, Decimal]] = {}
    for p in pantry:
        unit = p.unit
        if type(unit) is not str or unit not in _CANONICAL:
            unit = normalize_unit(unit)
        by_unit = stock.get(p.ingredient_id)
        if by_unit is None:
            by_unit = stock[p.ingredient_id] = {}
        q = p.quantity
        by_unit[unit] = add(by_unit.get(unit, _ZERO), q if type(q) is Decimal else Decimal(q))

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
            for i in rows:
                if can_convert(unit, totals[i].unit, density):
                    credit.setdefault(i, []).append(unit)
                    break
            else:
                uncounted.setdefault(ing_id, []).append(unit)

    out: list[ShoppingRow] = []
    subtract = _SUM.subtract
    for i, total in enumerate(totals):
        ing_id = total.ingredient_id
        info = ingredients[ing_id]
        unit = total.unit
        if type(unit) is not str or unit not in _CANONICAL:
            unit = normalize_unit(unit)
        on_hand = _ZERO
        credited = credit.get(i)
        if credited is not None:
            density = info.density_g_per_ml
            held = stock[ing_id]
            for part in sorted([convert(held[u], u, unit, density) for u in credited]):
                on_hand = add(on_hand, part)
        needed = total.quantity
        short = subtract(needed if type(needed) is Decimal else Decimal(needed), on_hand)
        # to_buy = max(0, short): 0 itself when short is not above zero
        to_buy, status = (short, TO_BUY) if short > _ZERO else (_ZERO, SUFFICIENT)
        note = total.note
        missed = uncounted.get(ing_id)
        if missed is not None:
            pantry_note = (
                f"pantry stock in {', '.join(missed)} not counted: cannot be converted to {unit}"
            )
            note = f"{note}; {pantry_note}" if note else pantry_note
        elif not note:
            note = None
        out.append(ShoppingRow(ing_id, total.quantity, unit, on_hand, to_buy, status, note))
    return out
