"""The plan view: everything the planning tab shows for one event, in one call.

Loading is bounded: each table is read once with selected columns
(src.services.plan_loading), at most 14 statements however large the catalog or the
plan, then the pure planning core computes availability, batch options,
the shopping list, assembly feasibility and progress.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

from sqlalchemy.orm import Session

from src.db import Database
from src.models.event import PlanState
from src.planning.aggregation import IngredientInfo, IngredientLine, aggregate_ingredients
from src.planning.batches import batch_options, is_stale, plan_complete
from src.planning.decomposition import CycleError, expand_reachable
from src.planning.feasibility import assess_assembly, project_supply, undecided_units
from src.planning.progress import recipe_progress
from src.planning.shopping import PantryLine, shopping_gap
from src.planning.types import Good, YieldType

from . import policy
from .amendments import amendment_rows, load_amendments
from .events import EventView
from .plan_dto import (
    AllowedActions,
    AssemblyLineRow,
    AssemblyView,
    BatchRow,
    DecisionRow,
    GoodRow,
    OptionRow,
    PlanView,
    ProgressRow,
    ShoppingLineRow,
    UnitCount,
)
from .plan_loading import (
    RecipeInfo,
    cycle_message,
    effective_recipe_lines,
    load_baked,
    load_decisions,
    load_event_row,
    load_goods,
    load_ingredients,
    load_lines,
    load_pantry,
    load_recipe_lines,
    load_recipes,
    load_selected,
    load_snapshot,
    load_units,
    needs_by_recipe,
    recipe_choice_rows,
    with_ancestors,
)
from .production import run_rows
from .snapshot import compare_with_snapshot, plan_document

# In these states the shopping list covers only the batches still to bake.
_COUNT_REMAINING = (PlanState.IN_PRODUCTION, PlanState.COMPLETED)
_PLACES = Decimal("0.001")


@dataclass(frozen=True)
class _ShoppingInputs:
    state: PlanState
    recipes: Mapping[int, RecipeInfo]
    decisions: Mapping[int, tuple[int, int | None]]
    baked: Mapping[int, int]
    own_lines: Mapping[int, list[IngredientLine]]
    ingredients: Mapping[int, IngredientInfo]
    pantry: list[PantryLine]


def _load_shopping_inputs(
    session: Session,
    state: PlanState,
    recipes: Mapping[int, RecipeInfo],
    decisions: Mapping[int, tuple[int, int | None]],
    baked: Mapping[int, int],
) -> _ShoppingInputs:
    own = load_recipe_lines(session, with_ancestors(recipes, decisions))
    return _ShoppingInputs(
        state, recipes, decisions, baked, own, load_ingredients(session), load_pantry(session)
    )


def _text(value: Decimal | Fraction) -> str:
    """The same text as ``format_decimal(value)`` (3 places, half away from
    zero, no trailing zeros, never "-0"), computed without Fraction arithmetic:
    the view formats thousands of figures and format_decimal costs ~15 µs each.
    tests/services/test_plan_view.py checks the two agree."""
    if isinstance(value, Fraction):
        n, d = value.numerator, value.denominator
        rounded = (2 * abs(n) * 1000 + d) // (2 * d)
        quantized = Decimal(-rounded if n < 0 else rounded).scaleb(-3)
    else:
        quantized = value.quantize(_PLACES, rounding=ROUND_HALF_UP)
    if not quantized:
        return "0"
    text = format(quantized, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


def _shopping_rows(data: _ShoppingInputs) -> tuple[ShoppingLineRow, ...]:
    """Effective lines × batches to bake (all decided batches; in production
    only the remaining ones), totalled per ingredient, against the pantry."""
    scaled: list[tuple[IngredientLine, Decimal]] = []
    for rid, (batches, _) in sorted(data.decisions.items()):
        count = batches
        if data.state in _COUNT_REMAINING:
            count = recipe_progress(batches, data.baked.get(rid, 0)).remaining
        if count <= 0:
            continue
        multiplier = Decimal(count)
        for line in effective_recipe_lines(data.recipes, data.own_lines, rid):
            scaled.append((line, multiplier))
    totals = aggregate_ingredients(scaled, data.ingredients)
    # Only stock of needed ingredients matters; the gap's cost grows with both.
    needed_ids = {t.ingredient_id for t in totals}
    pantry = [p for p in data.pantry if p.ingredient_id in needed_ids]
    rows = shopping_gap(totals, pantry, data.ingredients)
    out = []
    for row in rows:
        info = data.ingredients[row.ingredient_id]
        out.append(
            ShoppingLineRow(
                ingredient_id=row.ingredient_id,
                ingredient=info.name,
                category=info.category,
                needed=row.needed,
                unit=row.unit,
                on_hand=row.on_hand,
                to_buy=row.to_buy,
                status=row.status,
                note=row.note,
                needed_text=_text(row.needed),
                on_hand_text=_text(row.on_hand),
                to_buy_text=_text(row.to_buy),
            )
        )
    return tuple(out)


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


def _reached_per_good(
    goods: Mapping[int, Good], units: Mapping[int, YieldType]
) -> tuple[dict[int, frozenset[int] | None], CycleError | None]:
    """good id → recipes it reaches (None for a good on or reaching a cycle),
    and the catalog's cycle, if any."""
    cycle = None
    try:
        per_good: Mapping[int, Mapping[int, int] | None] = expand_reachable(goods, sorted(goods))
    except CycleError as exc:
        # Rare (a cycle is refused when a bundle is saved): expand good by good.
        cycle, per_good = exc, {}
        for gid in goods:
            try:
                per_good[gid] = expand_reachable(goods, [gid])[gid]
            except CycleError:
                per_good[gid] = None
    reached = {
        gid: None if per_unit is None else frozenset(units[u].recipe_id for u in per_unit)
        for gid, per_unit in per_good.items()
    }
    return reached, cycle


def _good_rows(goods, units, recipes, selected, lines) -> tuple[tuple[GoodRow, ...], str | None]:
    """Every good by name, and the text of a catalog cycle, if any."""
    reached, cycle = _reached_per_good(goods, units)
    # Many goods reach the same recipes: name each distinct set once.
    named: dict[frozenset[int], tuple[tuple[str, ...], tuple[str, ...]]] = {}
    rows = []
    for good in sorted(goods.values(), key=lambda g: (g.name.casefold(), g.id)):
        mine = reached[good.id]
        if mine is None:
            missing, names = (), ()
        else:
            if mine not in named:
                named[mine] = (
                    tuple(sorted(recipes[r].name for r in mine - selected)),
                    tuple(sorted(recipes[r].name for r in mine)),
                )
            missing, names = named[mine]
        rows.append(
            GoodRow(
                id=good.id,
                name=good.name,
                is_bundle=any(c.good_id is not None for c in good.components),
                available=bool(mine) and not missing,
                missing_recipes=missing,
                recipe_names=names,
                quantity=lines.get(good.id),
            )
        )
    return tuple(rows), None if cycle is None else cycle_message(cycle)


def _unit_counts(items: Mapping[int, int], units: Mapping[int, YieldType]) -> tuple[UnitCount, ...]:
    return tuple(
        sorted(
            (UnitCount(u, units[u].name, n) for u, n in items.items()),
            key=lambda c: (c.unit_name, c.unit_id),
        )
    )


def _batch_rows(recipes, units, needs, decisions, baked) -> tuple[BatchRow, ...]:
    """A row per recipe with a need, plus any decided recipe whose need has
    gone (its decision is shown stale so the baker can clear it)."""
    yields: dict[int, list[YieldType]] = {}
    for unit in units.values():
        yields.setdefault(unit.recipe_id, []).append(unit)
    rows = []
    for rid in sorted(set(needs) | set(decisions), key=lambda r: (recipes[r].name, r)):
        rn = batch_options(rid, needs.get(rid, {}), units)
        decision = None
        if rid in decisions:
            batches, unit_id = decisions[rid]
            decision = DecisionRow(
                batches=batches,
                finished_unit_id=unit_id,
                yield_name=units[unit_id].name if unit_id in units else None,
                stale=is_stale(batches, rn.batches_needed),
            )
        progress = recipe_progress(decision.batches if decision else 0, baked.get(rid, 0))
        rows.append(
            BatchRow(
                recipe_id=rid,
                recipe_name=recipes[rid].name,
                needed=_unit_counts(rn.needed, units),
                batches_needed=rn.batches_needed,
                batches_needed_text=_text(rn.batches_needed),
                options=tuple(
                    OptionRow(
                        batches=o.batches,
                        kind=o.kind,
                        yield_items=None
                        if o.yield_items is None
                        else _unit_counts(o.yield_items, units),
                        difference_items=o.difference_items,
                        difference_batches=o.difference_batches,
                        difference_batches_text=_text(o.difference_batches),
                    )
                    for o in rn.options
                ),
                decision=decision,
                progress=ProgressRow(
                    progress.decided, progress.baked, progress.remaining, progress.overage
                ),
                yield_choices=tuple(
                    UnitCount(u.id, u.name, u.items_per_batch or 0)
                    for u in sorted(yields.get(rid, []), key=lambda u: (u.name, u.id))
                ),
            )
        )
    return tuple(rows)


def _assembly(lines, goods, units, needs, decisions, baked) -> AssemblyView:
    batches = {rid: b for rid, (b, _) in decisions.items()}
    supply = project_supply(batches, baked, needs, units)
    undecided = undecided_units(batches, baked, needs)
    result = assess_assembly(lines, goods, units, supply, undecided)
    return AssemblyView(
        overall=result.overall,
        lines=tuple(
            AssemblyLineRow(x.good_id, goods[x.good_id].name, x.quantity, x.can_make, x.status)
            for x in result.lines
        ),
    )


def get_plan_view(db: Database, event_id: int) -> PlanView:
    """Everything the planning tab shows for the event, read in one
    transaction with a fixed number of statements. A cycle among the finished
    goods does not fail the call: ``cycle_error`` says which goods, and the
    parts that need decomposition (batches, assembly) are left empty."""
    with db.uow() as session:
        ev = load_event_row(session, event_id)
        recipes = load_recipes(session)
        units = load_units(session)
        goods = load_goods(session)  # two statements: goods and components
        selected = load_selected(session, event_id)
        lines = load_lines(session, event_id)
        decisions = load_decisions(session, event_id)
        runs = run_rows(session, event_id)
        raw_amendments = load_amendments(session, event_id)
        snapshot = load_snapshot(session, event_id)
        baked: dict[int, int] = {}
        for run in runs:
            baked[run.recipe_id] = baked.get(run.recipe_id, 0) + run.batches
        shopping = _shopping_rows(
            _load_shopping_inputs(session, ev.plan_state, recipes, decisions, baked)
        )

    cycle_error = None
    try:
        needs = needs_by_recipe(lines, goods, units)
    except CycleError as exc:
        cycle_error, needs = cycle_message(exc), None
    if needs is None:
        batches: tuple[BatchRow, ...] = ()
        assembly = AssemblyView(overall="empty", lines=())
        complete = False
    else:
        batches = _batch_rows(recipes, units, needs, decisions, baked)
        assembly = _assembly(lines, goods, units, needs, decisions, baked)
        complete = plan_complete(
            {r.recipe_id: r.batches_needed for r in batches},
            {rid: b for rid, (b, _) in decisions.items()},
        )
    good_rows, catalog_cycle = _good_rows(goods, units, recipes, selected, lines)
    cycle_error = cycle_error or catalog_cycle

    comparison = None
    if snapshot is not None:
        current = plan_document(
            [recipes[r].name for r in selected],
            {goods[g].name: q for g, q in lines.items()},
            {
                recipes[r].name: (b, units[u].name if u in units else None)
                for r, (b, u) in decisions.items()
            },
        )
        comparison = compare_with_snapshot(snapshot, current)

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
        recipes = load_recipes(session)
        return _shopping_rows(
            _load_shopping_inputs(session, ev.plan_state, recipes, decisions, baked)
        )
