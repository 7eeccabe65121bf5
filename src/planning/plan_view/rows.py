"""The plan's figures as plain, frozen rows: what the pure plan builder
(src.planning.plan_view.build) returns and the plan services hand on unchanged
(src.services.plan.dto re-exports every name).

Decimal figures are exact; ``*_text`` fields are the same figure rounded for
display (≤ 3 places, src.planning.batches.format_decimal; quantities on the
shopping list kitchen-rounded, src.planning.kitchen_rounding; money to cents
with the currency symbol, src.planning.costs).
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from fractions import Fraction
from functools import cached_property

from ..records import record

__all__ = [
    "BuyRow",
    "CostFigure",
    "StoreTotal",
    "ShoppingTotals",
    "ShoppingView",
    "UnitCount",
    "OptionRow",
    "DecisionRow",
    "ProgressRow",
    "BatchRow",
    "GoodRow",
    "ShoppingLineRow",
    "AssemblyLineRow",
    "AssemblyView",
    "ComparisonLine",
    "ComparisonView",
    "BatchCostRow",
    "GoodCostRow",
    "CostsView",
]



@record
class BuyRow:
    """Packs of one kind to buy: ``count`` × ``label``."""

    label: str
    count: int
    store: str | None
    price: Decimal | None


@record
class CostFigure:
    """An amount, or unknown naming the ingredients without a price."""

    amount: Decimal | None
    missing: tuple[str, ...]
    text: str  # "$3.13" or "unknown (no price for Vanilla)"

    @property
    def known(self) -> bool:
        return self.amount is not None


@record
class StoreTotal:
    """What the lines bought at one store cost (``store`` "" = no store set)."""

    store: str
    lines: int
    known: Decimal  # the sum of the lines with a price
    missing: tuple[str, ...]  # ingredients of this store's lines without a price
    text: str  # "$12.40" or "$12.40 + 1 without a price (Vanilla)"


@record
class ShoppingTotals:
    """The trip: the total (unknown when any line to buy has no price), the
    known part, the lines without a price by name, and the totals per store."""

    cost: CostFigure
    known: Decimal
    missing: tuple[str, ...]
    stores: tuple[StoreTotal, ...]
    currency: str
    text: str  # "$23.40", or "$23.40 + 2 without a price (Eggs, Vanilla)"


@record
class ShoppingView:
    """The shopping list (rows as in the plan view) and the trip's totals."""

    rows: tuple[ShoppingLineRow, ...]
    totals: ShoppingTotals


@record
class UnitCount:
    """A number of items of one yield type (finished unit)."""

    unit_id: int
    unit_name: str
    items: int


@record
class OptionRow:
    batches: int
    kind: str  # "shortfall" | "exact" | "extra"
    yield_items: tuple[UnitCount, ...] | None  # None when the need spans several yield types
    difference_items: int | None  # negative = short; None when several yield types
    difference_batches: Fraction
    difference_batches_text: str


@record
class DecisionRow:
    batches: int
    finished_unit_id: int | None
    yield_name: str | None
    stale: bool


@record
class ProgressRow:
    decided: int
    baked: int
    remaining: int  # max(0, decided − baked)
    overage: int  # max(0, baked − decided)
    batches: int = 0  # the batches every panel counts: max(decided, baked)


@record
class BatchRow:
    """One selected recipe with a need: options, decision, progress."""

    recipe_id: int
    recipe_name: str
    needed: tuple[UnitCount, ...]
    batches_needed: Fraction
    batches_needed_text: str
    options: tuple[OptionRow, ...]
    decision: DecisionRow | None
    progress: ProgressRow
    # the recipe's yield types (items = per batch, 0 for batch portions)
    yield_choices: tuple[UnitCount, ...]


@record
class GoodRow:
    """A finished good for the event: available or not, and its quantity if it is a line."""

    id: int
    name: str
    is_bundle: bool
    available: bool
    missing_recipes: tuple[str, ...]  # names of unselected recipes it needs
    recipe_names: tuple[str, ...]  # every recipe it is made from (through nesting)
    quantity: int | None  # None: not a line of the event


@record
class ShoppingLineRow:
    ingredient_id: int
    ingredient: str
    category: str
    needed: Decimal
    unit: str
    on_hand: Decimal
    to_buy: Decimal
    status: str  # "to_buy" | "sufficient"
    note: str | None
    needed_text: str
    on_hand_text: str
    to_buy_text: str
    # Buying (src.planning.plan_view.buying); the defaults describe a line without packs.
    buy: tuple[BuyRow, ...] = ()
    has_packs: bool = False
    leftover: Decimal | None = None  # after the event, in ``unit``; None when unknown
    cost: Decimal | None = None  # None: unknown (no packs or no price)
    store: str = ""  # the store of the packs to buy ("" when none is set)
    pantry_text: str = ""  # the pantry as entered: "5 lb"
    needed_kitchen: str = ""  # kitchen-rounded with the unit: "6.75 cup"
    on_hand_kitchen: str = ""
    to_buy_kitchen: str = ""
    leftover_kitchen: str = ""
    buy_text: str = ""  # "1 × 5 lb bag", "no packs: buy 6.75 cup"
    cost_text: str = ""  # "$2.19", "no price", "" when nothing to buy


@record
class AssemblyLineRow:
    good_id: int
    good: str
    quantity: int
    can_make: int
    status: str  # "met" | "partial" | "short" | "undecided"


@record
class AssemblyView:
    overall: str  # "met" | "partial" | "short" | "undecided" | "empty"
    lines: tuple[AssemblyLineRow, ...]


@record
class ComparisonLine:
    """One line of snapshot-vs-now: what it is, and how it changed."""

    section: str  # "recipe" | "finished_good" | "batch_decision"
    name: str
    change: str  # "added" | "removed" | "changed" | "unchanged"
    before: str | None  # e.g. "20", "8 batches"; None when added
    after: str | None  # None when removed


@record
class ComparisonView:
    taken_at: datetime
    lines: tuple[ComparisonLine, ...]

    @property
    def has_changes(self) -> bool:
        return any(line.change != "unchanged" for line in self.lines)


@record
class BatchCostRow:
    recipe_id: int
    per_batch: CostFigure
    batches: int  # max(decided, baked); 0 without a decision
    total: CostFigure  # per_batch × batches


@record
class GoodCostRow:
    """An event line: one good's cost and the line's (quantity × each)."""

    good_id: int
    good: str
    quantity: int
    each: CostFigure
    line: CostFigure


@record
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

