"""What things cost, from the price of each ingredient's costing pack.

* An ingredient's **costing pack** is its preferred pack; without a preferred
  pack, its first pack (in the order entered) that has a price. Its price per
  unit prices any quantity of the ingredient that converts to the pack's unit.
* A quantity without a costing pack with a price, or in a unit that does not
  convert to the pack's (e.g. cups of an ingredient priced per each, or
  without a density), has an **unknown** cost that names the ingredient:
  "unknown (no price for Vanilla)". Unknown is never zero and never a guess.
* Batch of a recipe: its effective lines (variants inherit, see
  src.planning.aggregation.effective_lines — the caller passes them), summed.
* Item of a yield type: the batch cost × the share of a batch one item uses.
* Finished good: its items (bundles expanded through their components by
  src.planning.decomposition) × the item costs.
* Event line: quantity × the good's cost; the event: every decided batch
  (max(decided, baked), extras included) × its batch cost — what the baking uses.

Sums are exact Decimal; text rounds to cents only for display.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from decimal import ROUND_HALF_EVEN, ROUND_HALF_UP, Context, Decimal

from .aggregation import IngredientInfo, IngredientLine
from .packs import Pack
from .records import record
from .types import YieldType
from .units import can_convert, convert

__all__ = [
    "DEFAULT_CURRENCY",
    "Cost",
    "costing_pack",
    "lines_cost",
    "item_cost",
    "good_cost",
    "money_text",
    "cost_text",
]

DEFAULT_CURRENCY = "$"
_CTX = Context(prec=60, rounding=ROUND_HALF_EVEN)
_add, _multiply, _divide = _CTX.add, _CTX.multiply, _CTX.divide
_ZERO = Decimal(0)
_CENT = Decimal("0.01")
_THOUSAND = Decimal(1000)


@record
class Cost:
    """An exact amount, or unknown (``amount`` None) naming the ingredients
    without a usable price (sorted, each once)."""

    amount: Decimal | None
    missing: tuple[str, ...] = ()

    @property
    def known(self) -> bool:
        return self.amount is not None

    def plus(self, other: Cost) -> Cost:
        missing = tuple(sorted(set(self.missing) | set(other.missing), key=str.casefold))
        if self.amount is None or other.amount is None:
            return Cost(None, missing)
        return Cost(_CTX.add(self.amount, other.amount), missing)

    def times(self, factor: Decimal | int) -> Cost:
        if self.amount is None:
            return self
        return Cost(_CTX.multiply(self.amount, Decimal(factor)), self.missing)


ZERO_COST = Cost(_ZERO)


def total(costs: Iterable[Cost]) -> Cost:
    """The sum of ``costs`` (unknown when any is unknown, naming all missing)."""
    amount: Decimal | None = _ZERO
    missing: set[str] = set()
    add = _CTX.add
    for c in costs:
        if c.missing:
            missing.update(c.missing)
        if c.amount is None:
            amount = None
        elif amount is not None:
            amount = add(amount, c.amount)
    if not missing:
        return Cost(amount)
    return Cost(amount, tuple(sorted(missing, key=str.casefold)))


def costing_pack(packs: Sequence[Pack]) -> Pack | None:
    """The pack costs are computed from: the preferred one, else the first priced one."""
    first_priced = None
    for p in packs:
        if p.preferred:
            return p
        if first_priced is None and p.price is not None:
            first_priced = p
    return first_priced


def _priced(
    quantity: Decimal, unit: str, info: IngredientInfo, packs: Sequence[Pack]
) -> Decimal | None:
    """The exact cost of ``quantity`` ``unit`` at the costing pack's price per
    unit, or None when it is unknown (module docstring)."""
    pack = costing_pack(packs)
    density = info.density_g_per_ml
    if pack is None or pack.price is None or not can_convert(unit, pack.unit, density):
        return None
    in_pack_unit = convert(quantity, unit, pack.unit, density)
    return _divide(_multiply(in_pack_unit, pack.price), pack.quantity)


def quantity_cost(
    quantity: Decimal, unit: str, info: IngredientInfo, packs: Sequence[Pack]
) -> Cost:
    """The cost of ``quantity`` ``unit`` of one ingredient (module docstring)."""
    amount = _priced(quantity, unit, info, packs)
    return Cost(None, (info.name,)) if amount is None else Cost(amount)


def lines_cost(
    lines: Iterable[IngredientLine],
    ingredients: Mapping[int, IngredientInfo],
    packs: Mapping[int, Sequence[Pack]],
) -> Cost:
    """The cost of one batch of a recipe given its effective lines."""
    # total(quantity_cost(line) for line in lines), without a Cost per line.
    amount: Decimal | None = _ZERO
    missing: set[str] = set()
    for line in lines:
        info = ingredients[line.ingredient_id]
        cost = _priced(line.quantity, line.unit, info, packs.get(line.ingredient_id, ()))
        if cost is None:
            missing.add(info.name)
            amount = None
        elif amount is not None:
            amount = _add(amount, cost)
    return _cost(amount, missing)


def _cost(amount: Decimal | None, missing: set[str]) -> Cost:
    if not missing:
        return Cost(amount)
    return Cost(amount, tuple(sorted(missing, key=str.casefold)))


def item_cost(batch: Cost, unit: YieldType) -> Cost:
    """One item of ``unit`` from a batch costing ``batch``."""
    if batch.amount is None:
        return batch
    num, den = unit.batches_per_item_ratio()
    return Cost(_divide(_multiply(batch.amount, num), den), batch.missing)


def good_cost(items: Mapping[int, int], unit_costs: Mapping[int, Cost]) -> Cost:
    """One finished good made of ``items`` (unit id → count, as
    src.planning.decomposition.expand_reachable gives them)."""
    # total(unit_costs[u].times(n) for ...), without a Cost per item.
    amount: Decimal | None = _ZERO
    missing: set[str] = set()
    for u, n in sorted(items.items()):
        cost = unit_costs[u]
        if cost.missing:
            missing.update(cost.missing)
        if cost.amount is None:
            amount = None
            continue
        part = _multiply(cost.amount, Decimal(n))
        if amount is not None:
            amount = _add(amount, part)
    return _cost(amount, missing)


def money_text(amount: Decimal, symbol: str = DEFAULT_CURRENCY) -> str:
    """"$4.29": rounded half up to cents."""
    value = amount.quantize(_CENT, ROUND_HALF_UP)  # positional: twice as fast
    sign = "-" if value < 0 else ""
    shown = abs(value)
    # Below a thousand there is no separator to place: the plain text is the same.
    return f"{sign}{symbol}{shown}" if shown < _THOUSAND else f"{sign}{symbol}{shown:,.2f}"


def cost_text(cost: Cost, symbol: str = DEFAULT_CURRENCY) -> str:
    """"$4.29", or "unknown (no price for Vanilla, Cocoa)"."""
    if cost.amount is None:
        if not cost.missing:
            return "unknown"
        return f"unknown (no price for {', '.join(cost.missing)})"
    return money_text(cost.amount, symbol)
