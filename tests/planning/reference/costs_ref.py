"""Costs as first written: a Cost per line and per item, summed by ``total``."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from decimal import ROUND_HALF_EVEN, ROUND_HALF_UP, Context, Decimal

from src.planning.aggregation import IngredientInfo, IngredientLine
from src.planning.costs import Cost
from src.planning.packs import Pack

from .units_ref import can_convert, convert

_CTX = Context(prec=60, rounding=ROUND_HALF_EVEN)


def costing_pack(packs: Sequence[Pack]) -> Pack | None:
    for p in packs:
        if p.preferred:
            return p
    return next((p for p in packs if p.price is not None), None)


def quantity_cost(
    quantity: Decimal, unit: str, info: IngredientInfo, packs: Sequence[Pack]
) -> Cost:
    pack = costing_pack(packs)
    density = info.density_g_per_ml
    if pack is None or pack.price is None or not can_convert(unit, pack.unit, density):
        return Cost(None, (info.name,))
    in_pack_unit = convert(quantity, unit, pack.unit, density)
    return Cost(_CTX.divide(_CTX.multiply(in_pack_unit, pack.price), pack.quantity))


def lines_cost(
    lines: Iterable[IngredientLine],
    ingredients: Mapping[int, IngredientInfo],
    packs: Mapping[int, Sequence[Pack]],
) -> Cost:
    return total_ref(
        quantity_cost(
            line.quantity, line.unit, ingredients[line.ingredient_id],
            packs.get(line.ingredient_id, ()),
        )
        for line in lines
    )  # fmt: skip


def good_cost(items: Mapping[int, int], unit_costs: Mapping[int, Cost]) -> Cost:
    return total_ref(unit_costs[u].times(n) for u, n in sorted(items.items()))


def total_ref(costs: Iterable[Cost]) -> Cost:
    """``costs.total`` as first written (kept here so the oracle does not lean on it)."""
    amount: Decimal | None = Decimal(0)
    missing: set[str] = set()
    for c in costs:
        missing.update(c.missing)
        if c.amount is None:
            amount = None
        elif amount is not None:
            amount = _CTX.add(amount, c.amount)
    return Cost(amount, tuple(sorted(missing, key=str.casefold)))


def money_text(amount: Decimal, symbol: str = "$") -> str:
    value = amount.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    sign = "-" if value < 0 else ""
    return f"{sign}{symbol}{abs(value):,.2f}"
