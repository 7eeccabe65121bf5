"""Plain, frozen data about buying and costs (issue 12): packs to buy on a
shopping line, shopping totals, and what batches, goods and the event cost.

Figures are exact Decimal (None = unknown); ``*_text`` fields are for display
(money rounded to cents with the currency symbol; quantities kitchen-rounded).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from functools import cached_property


@dataclass(frozen=True)
class BuyRow:
    """Packs of one kind to buy: ``count`` × ``label``."""

    label: str
    count: int
    store: str | None
    price: Decimal | None


@dataclass(frozen=True)
class CostFigure:
    """An amount, or unknown naming the ingredients without a price."""

    amount: Decimal | None
    missing: tuple[str, ...]
    text: str  # "$3.13" or "unknown (no price for Vanilla)"

    @property
    def known(self) -> bool:
        return self.amount is not None


@dataclass(frozen=True)
class StoreTotal:
    """What the lines bought at one store cost (``store`` "" = no store set)."""

    store: str
    lines: int
    known: Decimal  # the sum of the lines with a price
    missing: tuple[str, ...]  # ingredients of this store's lines without a price
    text: str  # "$12.40" or "$12.40 + 1 without a price (Vanilla)"


@dataclass(frozen=True)
class ShoppingTotals:
    """The trip: the total (unknown when any line to buy has no price), the
    known part, the lines without a price by name, and the totals per store."""

    cost: CostFigure
    known: Decimal
    missing: tuple[str, ...]
    stores: tuple[StoreTotal, ...]
    currency: str
    text: str  # "$23.40", or "$23.40 + 2 without a price (Eggs, Vanilla)"


@dataclass(frozen=True)
class ShoppingView:
    """The shopping list (rows as in the plan view) and the trip's totals."""

    rows: tuple  # tuple[ShoppingLineRow, ...] (plan_dto imports this module)
    totals: ShoppingTotals


@dataclass(frozen=True)
class BatchCostRow:
    recipe_id: int
    per_batch: CostFigure
    batches: int  # max(decided, baked); 0 without a decision
    total: CostFigure  # per_batch × batches


@dataclass(frozen=True)
class GoodCostRow:
    """An event line: one good's cost and the line's (quantity × each)."""

    good_id: int
    good: str
    quantity: int
    each: CostFigure
    line: CostFigure


@dataclass(frozen=True)
class CostsView:
    """Costs of the plan: per batch, per event line and the whole event (the
    ingredients of every planned batch, extras included)."""

    currency: str
    batches: tuple[BatchCostRow, ...]
    goods: tuple[GoodCostRow, ...]
    event: CostFigure
    shopping: ShoppingTotals

    @cached_property
    def _by_recipe(self) -> dict[int, BatchCostRow]:
        return {b.recipe_id: b for b in self.batches}

    @cached_property
    def _by_good(self) -> dict[int, GoodCostRow]:
        return {g.good_id: g for g in self.goods}

    def batch(self, recipe_id: int) -> BatchCostRow | None:
        return self._by_recipe.get(recipe_id)

    def good(self, good_id: int) -> GoodCostRow | None:
        return self._by_good.get(good_id)
