"""The plan view: everything the planning tab shows for one event, in one call.

Loading is bounded: each table is read once with selected columns
(src.services.plan_queries), 9 statements however large the catalog or the
plan, then the pure planning core computes availability, batch options,
the shopping list, assembly feasibility and progress (src.services.plan_sections).
"""

from __future__ import annotations

from src.db import Database
from src.models.event import PlanState
from src.planning.batches import plan_complete

from . import plan_sections, policy
from .amendments import amendment_rows, load_amendments
from .events import EventView
from .plan_dto import AllowedActions, AssemblyView, BatchRow, PlanView, ShoppingLineRow
from .plan_loading import load_baked, load_decisions, load_event_row, recipe_choice_rows
from .plan_queries import (
    load_decided_recipe_lines,
    load_event_and_snapshot,
    load_event_choices,
    load_plan_catalog,
)
from .plan_sections import LastResult, ShoppingInputs, shopping_rows
from .production import run_rows
from .reads import one_snapshot

_needs_memo = LastResult()
_shopping_memo = LastResult()
_assembly_memo = LastResult()


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
    transaction with a fixed number of statements (9). A cycle among the finished
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
    recipes, units, goods = catalog.recipes, catalog.units, catalog.goods
    selected, lines, decisions = choices.selected, choices.lines, choices.decisions
    baked: dict[int, int] = {}
    for run in runs:
        baked[run.recipe_id] = baked.get(run.recipe_id, 0) + run.batches
    shopping = _shopping_memo.get(
        (recipes, own_lines, catalog.ingredients, catalog.pantry),
        (ev.plan_state, decisions, baked),
        lambda: shopping_rows(
            ShoppingInputs(
                ev.plan_state,
                recipes,
                decisions,
                baked,
                own_lines,
                catalog.ingredients,
                catalog.pantry,
            )
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
        )
    good_rows, catalog_cycle = plan_sections.good_rows(goods, units, recipes, selected, lines)
    cycle_error = cycle_error or catalog_cycle

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
    )


def get_shopping_list(db: Database, event_id: int) -> tuple[ShoppingLineRow, ...]:
    """The event's shopping list alone (the same rows as the plan view's)."""
    with db.uow() as session:
        ev = load_event_row(session, event_id)
        decisions = load_decisions(session, event_id)
        baked = load_baked(session, event_id)
        catalog = load_plan_catalog(session)
        own_lines = load_decided_recipe_lines(session, event_id)
    return shopping_rows(
        ShoppingInputs(
            ev.plan_state,
            catalog.recipes,
            decisions,
            baked,
            own_lines,
            catalog.ingredients,
            catalog.pantry,
        )
    )
