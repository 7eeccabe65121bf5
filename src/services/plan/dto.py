"""Plain, frozen data the plan services return: everything the planning tab shows.

This module is the contract between the plan services (which fill these) and
the window, the CLI and the reports (which only read them). The rows of the
plan's figures are built by the pure planning core (src.planning.plan_view)
and re-exported here unchanged; the rest the services fill themselves. Decimal figures
are exact; ``*_text`` fields are the same figure rounded for display (≤ 3
places, see src.planning.batches.format_decimal).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from src.planning.plan_view.rows import (
    AssemblyLineRow,
    AssemblyView,
    BatchRow,
    BuyRow,
    ComparisonLine,
    ComparisonView,
    CostsView,
    DecisionRow,
    GoodRow,
    OptionRow,
    ProgressRow,
    ShoppingLineRow,
    UnitCount,
)
from src.planning.records import record

from .events import EventView

__all__ = [
    "AllowedActions",
    "RecipeChoiceRow",
    "AmendmentRow",
    "ProductionRunRow",
    "PlanView",
    # the plan's figures, built by src.planning.plan_view and handed on unchanged
    "AssemblyLineRow",
    "AssemblyView",
    "BatchRow",
    "BuyRow",
    "ComparisonLine",
    "ComparisonView",
    "CostsView",
    "DecisionRow",
    "GoodRow",
    "OptionRow",
    "ProgressRow",
    "ShoppingLineRow",
    "UnitCount",
]


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


@record
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
class AmendmentRow:
    id: int
    kind: str  # "drop_fg" | "add_fg" | "modify_fg" | "modify_batch"
    summary: str  # e.g. "Dropped Cookie tin (was 20)"
    reason: str
    created_at: datetime
    # what changed by name, e.g. {"good": "Cookie tin", "original_quantity": 20}
    details: Mapping[str, Any] = field(default_factory=dict, compare=False)


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
