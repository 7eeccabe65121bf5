"""The batch rows of a plan (options, decision, progress), whether the plan is
complete, the recipes not counted, and whether every line can be assembled."""

from __future__ import annotations

from collections.abc import Mapping

from ..batches import batch_options, format_decimal, is_stale, is_undecided, plan_complete
from ..decomposition import decompose_lines, group_by_recipe
from ..feasibility import assess_assembly, project_supply, undecided_units
from ..progress import recipe_progress
from ..types import Good, YieldType
from ..variants import RecipeInfo
from .rows import (
    AssemblyLineRow,
    AssemblyView,
    BatchRow,
    DecisionRow,
    OptionRow,
    ProgressRow,
    UnitCount,
)

__all__ = ["needs_by_recipe", "batch_rows", "is_complete", "undecided_names", "assembly_view"]

Decisions = Mapping[int, tuple[int, int | None]]


def needs_by_recipe(
    lines: Mapping[int, int], goods: Mapping[int, Good], units: Mapping[int, YieldType]
) -> dict[int, dict[int, int]]:
    """recipe id → {unit id: items} needed by ``lines`` (good id → quantity).
    Raises CycleError on a cycle reachable from the lines."""
    return group_by_recipe(decompose_lines(dict(lines), goods), units)


def _unit_counts(items: Mapping[int, int], units: Mapping[int, YieldType]) -> tuple[UnitCount, ...]:
    """The items by yield type name, then id."""
    ordered = sorted((units[u].name, u, n) for u, n in items.items())
    return tuple(UnitCount(u, name, n) for name, u, n in ordered)


def _needed_choices(
    choices: tuple[UnitCount, ...], needed: Mapping[int, int]
) -> tuple[UnitCount, ...]:
    """The yield types a decision may name: those the plan needs (every one of
    the recipe's when it needs none)."""
    return tuple(c for c in choices if c.unit_id in needed) or choices


def batch_rows(
    recipes: Mapping[int, RecipeInfo],
    units: Mapping[int, YieldType],
    yields: Mapping[int, tuple[UnitCount, ...]],
    needs: Mapping[int, Mapping[int, int]],
    decisions: Decisions,
    baked: Mapping[int, int],
) -> tuple[BatchRow, ...]:
    """A row per recipe with a need, plus any decided recipe whose need has
    gone (its decision is shown stale so the baker can clear it), by name."""
    order = sorted(set(needs) | set(decisions), key=lambda r: (recipes[r].name, r))
    return tuple(_batch_row(rid, recipes, units, yields, needs, decisions, baked) for rid in order)


def _batch_row(
    rid: int,
    recipes: Mapping[int, RecipeInfo],
    units: Mapping[int, YieldType],
    yields: Mapping[int, tuple[UnitCount, ...]],
    needs: Mapping[int, Mapping[int, int]],
    decisions: Decisions,
    baked: Mapping[int, int],
) -> BatchRow:
    rn = batch_options(rid, needs.get(rid, {}), units)
    done = baked.get(rid, 0)
    decision = None
    if rid in decisions:
        batches, unit_id = decisions[rid]
        decision = DecisionRow(
            batches=batches,
            finished_unit_id=unit_id,
            yield_name=units[unit_id].name if unit_id is not None and unit_id in units else None,
            stale=is_stale(batches, rn.batches_needed, done),
        )
    progress = recipe_progress(decision.batches if decision else 0, done)
    return BatchRow(
        recipe_id=rid,
        recipe_name=recipes[rid].name,
        needed=_unit_counts(rn.needed, units),
        batches_needed=rn.batches_needed,
        batches_needed_text=format_decimal(rn.batches_needed),
        options=tuple(
            OptionRow(
                batches=o.batches,
                kind=o.kind,
                yield_items=None if o.yield_items is None else _unit_counts(o.yield_items, units),
                difference_items=o.difference_items,
                difference_batches=o.difference_batches,
                difference_batches_text=format_decimal(o.difference_batches),
            )
            for o in rn.options
        ),
        decision=decision,
        progress=ProgressRow(
            progress.decided, progress.baked, progress.remaining, progress.overage, progress.batches
        ),
        yield_choices=_needed_choices(yields.get(rid, ()), rn.needed),
    )


def is_complete(
    batches: tuple[BatchRow, ...], decisions: Decisions, baked: Mapping[int, int]
) -> bool:
    """src.planning.batches.plan_complete over the batch rows."""
    return plan_complete(
        {r.recipe_id: r.batches_needed for r in batches},
        {rid: b for rid, (b, _) in decisions.items()},
        baked,
    )


def undecided_names(batches: tuple[BatchRow, ...], baked: Mapping[int, int]) -> tuple[str, ...]:
    """Names of the recipes with a need and no batches counted (no decision,
    nothing baked): their ingredients are not on the shopping list."""
    return tuple(
        r.recipe_name
        for r in batches
        if is_undecided(
            r.batches_needed,
            None if r.decision is None else r.decision.batches,
            baked.get(r.recipe_id, 0),
        )
    )


def assembly_view(
    lines: Mapping[int, int],
    goods: Mapping[int, Good],
    units: Mapping[int, YieldType],
    needs: Mapping[int, Mapping[int, int]],
    decisions: Decisions,
    baked: Mapping[int, int],
    per_good: Mapping[int, Mapping[int, int]],
) -> AssemblyView:
    """Whether every line of the event can be assembled from what is planned
    (``per_good``: the lines' goods expanded)."""
    batches = {rid: b for rid, (b, _) in decisions.items()}
    supply = project_supply(batches, baked, needs, units)
    undecided = undecided_units(batches, baked, needs)
    result = assess_assembly(lines, goods, units, supply, undecided, per_good)
    return AssemblyView(
        overall=result.overall,
        lines=tuple(
            AssemblyLineRow(x.good_id, goods[x.good_id].name, x.quantity, x.can_make, x.status)
            for x in result.lines
        ),
    )
