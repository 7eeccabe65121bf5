"""Plain, frozen data the plan services return: everything the planning tab shows.

This module is the contract between the plan services (which fill these) and
the window, the CLI and the reports (which only read them). Decimal figures
are exact; ``*_text`` fields are the same figure rounded for display (≤ 3
places, see src.planning.batches.format_decimal).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from fractions import Fraction
from typing import Any

from .cost_dto import BuyRow, CostsView
from .events import EventView


@dataclass(frozen=True)
class AllowedActions:
    """What the plan's state allows now (the UI greys out the rest)."""

    edit_details: bool
    edit_selection: bool
    edit_decisions: bool
    record_production: bool
    amend: bool
    transitions: tuple[str, ...]  # "lock", "unlock", "start_production", "complete"
    explanation: str  # what the current state allows, in words


@dataclass(frozen=True)
class RecipeChoiceRow:
    """A recipe of the catalog as the event's recipe picker shows it."""

    id: int
    name: str
    category: str
    base_recipe_id: int | None
    base_recipe_name: str | None
    is_variant: bool
    selected: bool


@dataclass(frozen=True)
class GoodRow:
    """A finished good for the event: available or not, and its quantity if it is a line."""

    id: int
    name: str
    is_bundle: bool
    available: bool
    missing_recipes: tuple[str, ...]  # names of unselected recipes it needs
    recipe_names: tuple[str, ...]  # every recipe it is made from (through nesting)
    quantity: int | None  # None: not a line of the event


@dataclass(frozen=True)
class UnitCount:
    """A number of items of one yield type (finished unit)."""

    unit_id: int
    unit_name: str
    items: int


@dataclass(frozen=True)
class OptionRow:
    batches: int
    kind: str  # "shortfall" | "exact" | "extra"
    yield_items: tuple[UnitCount, ...] | None  # None when the need spans several yield types
    difference_items: int | None  # negative = short; None when several yield types
    difference_batches: Fraction
    difference_batches_text: str


@dataclass(frozen=True)
class DecisionRow:
    batches: int
    finished_unit_id: int | None
    yield_name: str | None
    stale: bool


@dataclass(frozen=True)
class ProgressRow:
    decided: int
    baked: int
    remaining: int  # max(0, decided − baked)
    overage: int  # max(0, baked − decided)
    batches: int = 0  # the batches every panel counts: max(decided, baked)


@dataclass(frozen=True)
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


@dataclass(frozen=True)
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
    # Buying (src.services.plan.cost_sections); the defaults describe a line without packs.
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


@dataclass(frozen=True)
class AssemblyLineRow:
    good_id: int
    good: str
    quantity: int
    can_make: int
    status: str  # "met" | "partial" | "short" | "undecided"


@dataclass(frozen=True)
class AssemblyView:
    overall: str  # "met" | "partial" | "short" | "undecided" | "empty"
    lines: tuple[AssemblyLineRow, ...]


@dataclass(frozen=True)
class AmendmentRow:
    id: int
    kind: str  # "drop_fg" | "add_fg" | "modify_fg" | "modify_batch"
    summary: str  # e.g. "Dropped Cookie tin (was 20)"
    reason: str
    created_at: datetime
    # what changed by name, e.g. {"good": "Cookie tin", "original_quantity": 20}
    details: Mapping[str, Any] = field(default_factory=dict, compare=False)


@dataclass(frozen=True)
class ComparisonLine:
    """One line of snapshot-vs-now: what it is, and how it changed."""

    section: str  # "recipe" | "finished_good" | "batch_decision"
    name: str
    change: str  # "added" | "removed" | "changed" | "unchanged"
    before: str | None  # e.g. "20", "8 batches"; None when added
    after: str | None  # None when removed


@dataclass(frozen=True)
class ComparisonView:
    taken_at: datetime
    lines: tuple[ComparisonLine, ...]

    @property
    def has_changes(self) -> bool:
        return any(line.change != "unchanged" for line in self.lines)


@dataclass(frozen=True)
class ProductionRunRow:
    id: int
    recipe_id: int
    recipe_name: str
    batches: int
    recorded_at: datetime
    notes: str


@dataclass(frozen=True)
class PlanView:
    """Everything the planning tab shows for one event, from one service call."""

    event: EventView
    allowed: AllowedActions
    recipes: tuple[RecipeChoiceRow, ...]  # whole catalog, bases each followed by variants
    selected_count: int
    goods: tuple[GoodRow, ...]  # every finished good, by name
    batches: tuple[BatchRow, ...]  # selected recipes with a need, by name
    decided_count: int  # rows of ``batches`` with a (non-stale or stale) decision
    complete: bool  # every recipe with a need decided, none stale
    shopping: tuple[ShoppingLineRow, ...]
    assembly: AssemblyView
    amendments: tuple[AmendmentRow, ...]  # oldest first
    comparison: ComparisonView | None  # None until production starts
    production_runs: tuple[ProductionRunRow, ...]  # oldest first
    cycle_error: str | None  # a catalog cycle that stops decomposition, if any
    # recipes with a need and no batches counted: "not counted: no batch decision"
    undecided: tuple[str, ...] = ()
    completed_at: datetime | None = None  # set when the figures are the completion record's
    costs: CostsView | None = None  # buying and costs (issue 12)
