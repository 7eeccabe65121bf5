"""The plan view: everything the planning tab shows for one event, in one call.

Loading is bounded: each table is read once with selected columns
(src.services.plan.queries), 9 statements (packs included) however large the catalog or the
plan, then the pure planning core computes availability, batch options,
the shopping list, assembly feasibility and progress (src.services.plan.sections).
"""

from __future__ import annotations

from collections.abc import Mapping

from src.db import Database
from src.models.event import PlanState
from src.planning.aggregation import IngredientLine
from src.planning.batches import plan_complete
from src.planning.packs import Pack

from .. import policy
from . import sections as plan_sections
from .amendments import amendment_rows, load_amendments
from .completion import frozen_catalog, load_completion
from .cost_dto import ShoppingView
from .cost_sections import (
    buying_rows,
    costs_view,
    display_ingredients,
    recipe_costs,
    shopping_totals,
)
from .dto import AllowedActions, AssemblyView, BatchRow, PlanView, ShoppingLineRow
from .events import EventView
from .loading import (
    load_baked,
    load_decisions,
    load_event_row,
    recipe_choice_rows,
    with_ancestors,
)
from .production import run_rows
from .queries import (
    PlanCatalog,
    load_decided_recipe_lines,
    load_event_and_snapshot,
    load_event_choices,
    load_plan_catalog,
)
from .reads import one_snapshot
from .sections import LastResult, ShoppingInputs, shopping_rows

_needs_memo = LastResult()
_shopping_memo = LastResult()
_assembly_memo = LastResult()
_display_memo = LastResult()
_recipe_costs_memo = LastResult()
_costs_memo = LastResult()


def _buying_shopping(
    state: PlanState,
    catalog: PlanCatalog,
    decisions: Mapping[int, tuple[int, int | None]],
    baked: Mapping[int, int],
    own_lines: Mapping[int, list[IngredientLine]],
    packs: Mapping[int, tuple[Pack, ...]],
    currency: str,
) -> tuple[ShoppingLineRow, ...]:
    """The shopping rows in display units with packs to buy (issue 12)."""
    shown = _display_memo.get(
        (catalog.ingredients, packs), None, lambda: display_ingredients(catalog.ingredients, packs)
    )
    rows = shopping_rows(
        ShoppingInputs(state, catalog.recipes, decisions, baked, own_lines, shown, catalog.pantry)
    )
    return buying_rows(rows, shown, packs, catalog.pantry, currency)


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


def get_plan_view(db: Database, event_id: int) -> PlanView:
    """Everything the planning tab shows for the event, read in one
    transaction with a fixed number of statements (9; 10 for a completed plan,
    whose figures come from its completion record). A cycle among the finished
    goods does not fail the call: ``cycle_error`` says which goods, and the
    parts that need decomposition (batches, assembly) are left empty."""
    with db.uow() as session:
        one_snapshot(session)
        ev, snapshot = load_event_and_snapshot(session, event_id)
        catalog = load_plan_catalog(session)  # four statements
        choices = load_event_choices(session, event_id)
        runs = run_rows(session, event_id)
        raw_amendments = load_amendments(session, event_id)
        own_lines = load_decided_recipe_lines(session, event_id)
        record = load_completion(session, event_id, ev.plan_state)
    completed_at = None
    if record is not None:  # a completed plan is history: its figures as at completion
        catalog, own_lines, completed_at = frozen_catalog(record, catalog)
    recipes, units, goods = catalog.recipes, catalog.units, catalog.goods
    packs, currency = catalog.packs, catalog.currency
    selected, lines, decisions = choices.selected, choices.lines, choices.decisions
    baked: dict[int, int] = {}
    for run in runs:
        baked[run.recipe_id] = baked.get(run.recipe_id, 0) + run.batches
    shopping = _shopping_memo.get(
        (recipes, own_lines, catalog.ingredients, catalog.pantry, packs),
        (ev.plan_state, decisions, baked, currency),
        lambda: _buying_shopping(
            ev.plan_state, catalog, decisions, baked, own_lines, packs, currency
        ),
    )

    needs, cycle_error = _needs_memo.get(
        (goods, units), lines, lambda: plan_sections.needs_or_cycle(lines, goods, units)
    )
    if needs is None:
        batches: tuple[BatchRow, ...] = ()
        assembly = AssemblyView(overall="empty", lines=())
        complete = False
    else:
        batches = plan_sections.batch_rows(recipes, units, needs, decisions, baked)
        assembly = _assembly_memo.get(
            (goods, units),
            (lines, needs, decisions, baked),
            lambda: plan_sections.assembly_view(lines, goods, units, needs, decisions, baked),
        )
        complete = plan_complete(
            {r.recipe_id: r.batches_needed for r in batches},
            {rid: b for rid, (b, _) in decisions.items()},
            baked,
        )
    good_rows, catalog_cycle = plan_sections.good_rows(goods, units, recipes, selected, lines)
    cycle_error = cycle_error or catalog_cycle

    costed = frozenset(with_ancestors(recipes, selected | set(decisions)))
    batch_cost, unit_costs = _recipe_costs_memo.get(
        (recipes, units, own_lines, catalog.ingredients, packs),
        costed,
        lambda: recipe_costs(recipes, units, own_lines, costed, catalog.ingredients, packs),
    )
    batch_recipes = [b.recipe_id for b in batches]
    costs = _costs_memo.get(
        (goods, batch_cost, unit_costs, shopping),
        (lines, decisions, baked, currency, batch_recipes),
        lambda: costs_view(
            goods=goods,
            lines=lines,
            decisions=decisions,
            baked=baked,
            batch_cost=batch_cost,
            unit_costs=unit_costs,
            currency=currency,
            batch_recipes=batch_recipes,
            shopping=shopping,
        ),
    )

    comparison = None
    if snapshot is not None:
        comparison = plan_sections.plan_comparison(
            snapshot, recipes, goods, units, selected, lines, decisions
        )

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
        recipes=recipe_choice_rows(recipes, selected),
        selected_count=len(selected),
        goods=good_rows,
        batches=batches,
        decided_count=sum(1 for r in batches if r.decision is not None),
        complete=complete,
        shopping=shopping,
        assembly=assembly,
        amendments=amendment_rows(
            raw_amendments,
            {g.id: g.name for g in goods.values()},
            {r.id: r.name for r in recipes.values()},
        ),
        comparison=comparison,
        production_runs=runs,
        cycle_error=cycle_error,
        undecided=plan_sections.undecided_names(batches, baked),
        completed_at=completed_at,
        costs=costs,
    )


def get_shopping_list(db: Database, event_id: int) -> tuple[ShoppingLineRow, ...]:
    """The event's shopping list alone (the same rows as the plan view's)."""
    return get_shopping_view(db, event_id).rows


def get_shopping_view(db: Database, event_id: int) -> ShoppingView:
    """The event's shopping list with packs to buy and the trip's totals."""
    with db.uow() as session:
        ev = load_event_row(session, event_id)
        decisions = load_decisions(session, event_id)
        baked = load_baked(session, event_id)
        catalog = load_plan_catalog(session)
        own_lines = load_decided_recipe_lines(session, event_id)
        record = load_completion(session, event_id, ev.plan_state)
    if record is not None:  # a completed plan's figures as at completion (prices today's)
        catalog, own_lines, _ = frozen_catalog(record, catalog)
    packs, currency = catalog.packs, catalog.currency
    rows = _buying_shopping(ev.plan_state, catalog, decisions, baked, own_lines, packs, currency)
    return ShoppingView(rows, shopping_totals(rows, currency))
