"""The plan view: everything the planning tab shows for one event, in one call.

Loading is bounded: each table is read once with selected columns
(src.services.plan.catalog_rows for the catalog, src.services.plan.loading
for the event), 9 statements however large the catalog or the plan (10 for a
completed plan); then the pure planning core builds every figure
(src.planning.plan_view.build_plan) and this module adds what only the
services know: the event's details, what its state allows, the amendments
and the production runs.
"""

from __future__ import annotations

from collections.abc import Mapping

from src.db import Database
from src.models.event import PlanState
from src.planning.plan_view import (
    CatalogIndex,
    PlanCatalog,
    PlanInputs,
    build_plan,
    build_shopping,
    index_catalog,
)
from src.planning.progress import baked_by_recipe
from src.planning.variants import RecipeInfo, variant_order, with_ancestors
from src.utils.collector import collector_paused

from .. import policy
from .amendments import amendment_rows, load_amendments
from .cache import PlanCache, plan_cache
from .catalog_rows import load_plan_catalog, load_recipe_lines
from .completion import frozen_catalog, load_completion
from .cost_dto import ShoppingView
from .dto import AllowedActions, PlanView, RecipeChoiceRow, ShoppingLineRow
from .events import EventView
from .loading import (
    load_baked,
    load_decisions,
    load_event_and_snapshot,
    load_event_choices,
    load_event_row,
)
from .production import run_rows
from .reads import one_snapshot

__all__ = ["get_plan_view", "get_shopping_list", "get_shopping_view"]

# In these states the shopping list covers only the batches still to bake.
_COUNT_REMAINING = (PlanState.IN_PRODUCTION, PlanState.COMPLETED)


def _allowed(state: PlanState) -> AllowedActions:
    a = policy.Action
    return AllowedActions(
        edit_details=policy.is_allowed(state, a.EDIT_DETAILS),
        edit_selection=policy.is_allowed(state, a.EDIT_SELECTION),
        edit_decisions=policy.is_allowed(state, a.EDIT_DECISIONS),
        record_production=policy.is_allowed(state, a.RECORD_PRODUCTION),
        amend=policy.is_allowed(state, a.AMEND),
        transitions=policy.allowed_transitions(state),
        explanation=policy.what_state_allows(state),
    )


def recipe_choice_rows(
    recipes: Mapping[int, RecipeInfo], selected: set[int]
) -> tuple[RecipeChoiceRow, ...]:
    """Every recipe for the picker: bases by name, each followed by its variants."""
    rows = []
    for r in variant_order(recipes):
        base = recipes.get(r.base_id) if r.base_id is not None else None
        rows.append(
            RecipeChoiceRow(  # id, name, category, base id, base name, is variant, selected
                r.id, r.name, r.category, r.base_id, None if base is None else base.name,
                r.base_id is not None, r.id in selected,
            )
        )  # fmt: skip
    return tuple(rows)


def _index(cache: PlanCache, catalog: PlanCatalog, frozen: bool) -> CatalogIndex:
    # A completed plan's catalog comes from its record: indexed afresh.
    return index_catalog(catalog) if frozen else cache.index(catalog)


def get_plan_view(db: Database, event_id: int) -> PlanView:
    """Everything the planning tab shows for the event, read in one
    transaction with a fixed number of statements (9; 10 for a completed plan,
    whose figures come from its completion record). A cycle among the finished
    goods does not fail the call: ``cycle_error`` says which goods, and the
    parts that need decomposition (batches, assembly) are left empty."""
    with collector_paused():  # the plan makes no reference cycles: src/utils/collector.py
        return _plan_view(db, event_id)


def _plan_view(db: Database, event_id: int) -> PlanView:
    cache = plan_cache(db)
    with db.uow() as session:
        one_snapshot(session)
        ev, snapshot = load_event_and_snapshot(session, event_id)
        catalog = load_plan_catalog(session, cache)  # four statements
        choices = load_event_choices(session, event_id)
        runs = run_rows(session, event_id)
        raw_amendments = load_amendments(session, event_id)
        own_lines = load_recipe_lines(
            session,
            with_ancestors(catalog.recipes, choices.selected | set(choices.decisions)),
            cache,
        )
        record = load_completion(session, event_id, ev.plan_state)
    completed_at = None
    if record is not None:  # a completed plan is history: its figures as at completion
        catalog, own_lines, completed_at = frozen_catalog(record, catalog)
    baked = baked_by_recipe((run.recipe_id, run.batches) for run in runs)
    figures = build_plan(
        catalog,
        PlanInputs(
            selected=choices.selected,
            lines=choices.lines,
            decisions=choices.decisions,
            baked=baked,
            own_lines=own_lines,
            count_remaining=ev.plan_state in _COUNT_REMAINING,
            snapshot=snapshot,
        ),
        _index(cache, catalog, record is not None),
    )
    recipes, goods = catalog.recipes, catalog.goods
    return PlanView(
        event=EventView(
            id=ev.id,
            name=ev.name,
            event_date=ev.event_date,
            expected_attendees=ev.expected_attendees,
            notes=ev.notes,
            plan_state=ev.plan_state.value,
            output_mode=ev.output_mode,
        ),
        allowed=_allowed(ev.plan_state),
        recipes=recipe_choice_rows(recipes, choices.selected),
        selected_count=len(choices.selected),
        goods=figures.goods,
        batches=figures.batches,
        decided_count=sum(1 for r in figures.batches if r.decision is not None),
        complete=figures.complete,
        shopping=figures.shopping,
        assembly=figures.assembly,
        amendments=amendment_rows(
            raw_amendments,
            {g.id: g.name for g in goods.values()},
            {r.id: r.name for r in recipes.values()},
        )
        if raw_amendments
        else (),
        comparison=figures.comparison,
        production_runs=runs,
        cycle_error=figures.cycle_error,
        undecided=figures.undecided,
        completed_at=completed_at,
        costs=figures.costs,
    )


def get_shopping_list(db: Database, event_id: int) -> tuple[ShoppingLineRow, ...]:
    """The event's shopping list alone (the same rows as the plan view's)."""
    return get_shopping_view(db, event_id).rows


def get_shopping_view(db: Database, event_id: int) -> ShoppingView:
    """The event's shopping list with packs to buy and the trip's totals."""
    cache = plan_cache(db)
    with db.uow() as session:
        one_snapshot(session)
        ev = load_event_row(session, event_id)
        decisions = load_decisions(session, event_id)
        baked = load_baked(session, event_id)
        catalog = load_plan_catalog(session, cache)
        own_lines = load_recipe_lines(session, with_ancestors(catalog.recipes, decisions))
        record = load_completion(session, event_id, ev.plan_state)
    if record is not None:  # a completed plan's figures as at completion (prices today's)
        catalog, own_lines, _ = frozen_catalog(record, catalog)
    inputs = PlanInputs(
        selected=frozenset(),
        lines={},
        decisions=decisions,
        baked=baked,
        own_lines=own_lines,
        count_remaining=ev.plan_state in _COUNT_REMAINING,
    )
    return build_shopping(catalog, inputs, _index(cache, catalog, record is not None))
