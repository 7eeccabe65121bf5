"""The batch optimiser and the pantry check, through the services, on the example bakery."""

from __future__ import annotations

import sys
from decimal import Decimal

import pytest

from src.services.aids.optimiser import apply_optimisation, optimise_batches, set_pinned
from src.services.aids.pantry_check import pantry_check
from src.services.catalog.pantry import set_pantry_quantity
from src.services.errors import PlanStateError, ValidationError
from src.services.plan.decisions import set_batch_decision
from src.services.plan.view import get_plan_view
from tests.services.builders import build_bakery, new_event, planned_event


def _rows(proposal):
    return {r.recipe_name: (r.current, r.proposed) for r in proposal.recipes}


def test_proposal_meets_every_line_with_the_margin_and_changes_nothing(db):
    b = build_bakery(db)
    event = planned_event(db, b)  # 200 cookies (9 batches decided), 10 truffle boxes
    proposal = optimise_batches(db, event, margin=5)
    # 210 cookies → 8.75 → 9 batches; 42 truffles → 3.5 → 4 batches.
    assert _rows(proposal) == {"Sugar Cookie Dough": (9, 9), "Truffles": (None, 4)}
    assert proposal.meets_all_lines and proposal.objective == "extras"
    assert {u.unit_name: u.items for u in proposal.extras} == {"Sugar cookie": 16, "Truffle": 8}
    assert proposal.current is None  # Truffles has no decision yet
    assert [(s.ingredient_name, s.current, s.proposed) for s in proposal.shopping] == [
        ("Heavy cream", Decimal("0"), Decimal("4"))]
    view = get_plan_view(db, event)
    assert {r.recipe_name for r in view.batches if r.decision} == {"Sugar Cookie Dough"}


def test_apply_writes_every_decision_in_one_go(db):
    b = build_bakery(db)
    event = planned_event(db, b)
    set_batch_decision(db, event, b.sugar_dough, 12)
    applied = apply_optimisation(db, event, margin=0)
    assert applied.applied and _rows(applied) == {
        "Sugar Cookie Dough": (12, 9), "Truffles": (None, 4)}
    assert applied.current is None
    view = get_plan_view(db, event)
    assert {r.recipe_name: r.decision.batches for r in view.batches} == {
        "Sugar Cookie Dough": 9, "Truffles": 4}
    assert view.complete
    again = optimise_batches(db, event, margin=0)
    assert again.changes == 0
    assert again.current == again.proposed  # never worse than what is decided


def test_pinned_recipe_is_untouched_and_the_problem_is_named(db):
    b = build_bakery(db)
    event = planned_event(db, b)
    set_batch_decision(db, event, b.sugar_dough, 8)
    set_pinned(db, event, b.sugar_dough, True)
    proposal = apply_optimisation(db, event, margin=5)
    assert _rows(proposal)["Sugar Cookie Dough"] == (8, 8)
    assert not proposal.meets_all_lines
    assert proposal.problems == (
        "Sugar cookie: 192 can be made, 210 needed with the margin "
        "(Sugar Cookie Dough is pinned at 8 batches)",)
    view = get_plan_view(db, event)
    assert {r.recipe_name: r.decision.batches for r in view.batches} == {
        "Sugar Cookie Dough": 8, "Truffles": 4}


def test_refusals(db):
    b = build_bakery(db)
    empty = new_event(db, "Empty")
    with pytest.raises(ValidationError, match="no lines"):
        optimise_batches(db, empty)
    event = planned_event(db, b, "in_production")
    with pytest.raises(PlanStateError, match="in production"):
        apply_optimisation(db, event)
    for bad in ("-1", "abc", "101"):
        with pytest.raises(ValidationError, match="margin"):
            optimise_batches(db, event, margin=bad)
    with pytest.raises(ValidationError, match="batch decision"):
        set_pinned(db, planned_event(db, b), b.truffles, True)


def test_pantry_check_makes_what_it_can_and_names_what_is_missing(db):
    b = build_bakery(db)
    event = planned_event(db, b)
    set_pantry_quantity(db, b.sugar, "10", "cup")
    set_pantry_quantity(db, b.cream, "5", "cup")
    check = pantry_check(db, event)
    # 40 truffles need 4 cups of cream (5 on hand); 200 cookies need 24.75 cups
    # of flour, and 5 lb is 18.087 cups.
    assert check.covered == ("Truffle box",)
    assert check.not_covered == ("Sugar cookie",)
    assert check.batches == (("Truffles", 4),)
    assert [(m.ingredient_name, m.unit, m.proposed) for m in check.missing] == [
        ("All-purpose flour", "cup", Decimal("6.663"))]


def test_pantry_check_follows_the_priority_order(db):
    b = build_bakery(db)
    event = planned_event(db, b)
    set_pantry_quantity(db, b.sugar, "10", "cup")
    set_pantry_quantity(db, b.cream, "5", "cup")
    set_pantry_quantity(db, b.flour, "30", "cup")
    assert pantry_check(db, event, priority=[b.g_cookie]).covered == (
        "Sugar cookie", "Truffle box")
    with pytest.raises(ValidationError, match="not a line"):
        pantry_check(db, event, priority=[b.g_cake])


def test_the_solver_is_not_loaded_until_the_optimiser_runs():
    import subprocess

    code = (
        "import sys\n"
        "import src.services.aids.optimiser, src.services.aids.pantry_check, src.cli\n"
        "assert 'highspy' not in sys.modules\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_with_pack_prices_the_cheapest_plan_comes_first(db):
    """Prices from the packs make the objective cost: of two doughs that can fill
    the same kind of need, the optimiser never picks a dearer total than the
    baker's current decisions (here: the demo, whose packs are priced)."""
    from src.services.aids import optimiser
    from src.services.exchange.demo import load_demo
    from src.services.plan.events import find_event

    load_demo(db)
    event_id = find_event(db, "Holiday Cookie Exchange 2026").id
    proposal = optimiser.optimise_batches(db, event_id, margin="0")
    assert proposal.objective == "cost"
    assert proposal.meets_all_lines
    assert proposal.proposed.cost is not None
    current = proposal.current
    if current is not None and current.cost is not None and current.short_items == 0:
        assert proposal.proposed.cost <= current.cost
