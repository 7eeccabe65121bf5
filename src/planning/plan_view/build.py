"""The whole plan of one event, from plain inputs: the one function the plan
services call (after loading rows) to get every figure the planning tab, the
CLI and the reports show."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from typing import Any

from ..aggregation import IngredientLine
from ..decomposition import CycleError, expand_reachable
from ..variants import with_ancestors
from .batches import assembly_view, batch_rows, is_complete, needs_by_recipe, undecided_names
from .buying import shopping_rows, shopping_totals
from .catalog import CatalogIndex, PlanCatalog, cycle_message, index_catalog
from .compare import plan_comparison
from .costing import costs_view
from .goods import good_rows
from .rows import (
    AssemblyView,
    BatchRow,
    ComparisonView,
    CostsView,
    GoodRow,
    ShoppingLineRow,
    ShoppingView,
)

__all__ = ["PlanInputs", "PlanFigures", "build_plan", "build_shopping"]


@dataclass(frozen=True)
class PlanInputs:
    """One event's own data, as plain values."""

    selected: AbstractSet[int]  # recipe ids
    lines: Mapping[int, int]  # good id → quantity
    decisions: Mapping[int, tuple[int, int | None]]  # recipe id → (batches, unit id)
    baked: Mapping[int, int]  # recipe id → batches baked so far
    # own ingredient lines of the selected and decided recipes and of their bases
    own_lines: Mapping[int, Sequence[IngredientLine]]
    count_remaining: bool = False  # in production: shop only for the batches still to bake
    snapshot: Mapping[str, Any] | None = None  # taken when production started


@dataclass(frozen=True)
class PlanFigures:
    goods: tuple[GoodRow, ...]  # every finished good, by name
    batches: tuple[BatchRow, ...]  # recipes with a need (or a decision), by name
    complete: bool  # every recipe with a need decided, none stale
    shopping: tuple[ShoppingLineRow, ...]
    assembly: AssemblyView
    costs: CostsView
    comparison: ComparisonView | None  # None without a snapshot
    undecided: tuple[str, ...]  # recipes with a need and no batches counted
    cycle_error: str | None  # a cycle among the goods that stops decomposition


def _shopping(
    catalog: PlanCatalog, index: CatalogIndex, inputs: PlanInputs
) -> tuple[ShoppingLineRow, ...]:
    return shopping_rows(
        recipes=catalog.recipes,
        decisions=inputs.decisions,
        baked=inputs.baked,
        own_lines=inputs.own_lines,
        ingredients=index.shown,
        pantry=catalog.pantry,
        packs=catalog.packs,
        currency=catalog.currency,
        count_remaining=inputs.count_remaining,
    )


def build_shopping(
    catalog: PlanCatalog, inputs: PlanInputs, index: CatalogIndex | None = None
) -> ShoppingView:
    """The shopping list alone (the same rows as :func:`build_plan`'s) and the trip's totals."""
    index = index if index is not None else index_catalog(catalog)
    rows = _shopping(catalog, index, inputs)
    return ShoppingView(rows, shopping_totals(rows, catalog.currency))


def build_plan(
    catalog: PlanCatalog, inputs: PlanInputs, index: CatalogIndex | None = None
) -> PlanFigures:
    """Every figure of the plan. ``index`` is :func:`index_catalog` of
    ``catalog`` (built here when not given). A cycle among the finished goods
    does not fail the call: ``cycle_error`` names it, and the parts that need
    decomposition (batches, assembly) are left empty."""
    index = index if index is not None else index_catalog(catalog)
    recipes, units, goods = catalog.recipes, catalog.units, catalog.goods
    lines, decisions, baked = inputs.lines, inputs.decisions, inputs.baked
    shopping = _shopping(catalog, index, inputs)
    cycle_error = None
    per_good: Mapping[int, Mapping[int, int]]  # the lines' goods expanded: assembly and costs
    try:
        needs = needs_by_recipe(lines, goods, units)
        per_good = expand_reachable(goods, list(lines))
    except CycleError as exc:  # no good of the cycle has a cost: each reads "unknown"
        needs, per_good, cycle_error = None, {}, cycle_message(exc)
    if needs is None:
        batches: tuple[BatchRow, ...] = ()
        assembly = AssemblyView(overall="empty", lines=())
        complete = False
    else:
        batches = batch_rows(recipes, units, index.yields, needs, decisions, baked)
        assembly = assembly_view(lines, goods, units, needs, decisions, baked, per_good)
        complete = is_complete(batches, decisions, baked)
    costs = costs_view(
        catalog,
        costed=with_ancestors(recipes, set(inputs.selected) | set(decisions)),
        own_lines=inputs.own_lines,
        lines=lines,
        decisions=decisions,
        baked=baked,
        batch_recipes=[b.recipe_id for b in batches],
        shopping=shopping,
        per_good=per_good,
    )
    comparison = None
    if inputs.snapshot is not None:
        comparison = plan_comparison(
            inputs.snapshot, recipes, goods, units, inputs.selected, lines, decisions
        )
    return PlanFigures(
        goods=good_rows(index, inputs.selected, lines),
        batches=batches,
        complete=complete,
        shopping=shopping,
        assembly=assembly,
        costs=costs,
        comparison=comparison,
        undecided=undecided_names(batches, baked),
        cycle_error=cycle_error or index.cycle,
    )
