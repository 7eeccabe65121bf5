"""Every cell of the plan-state edit policy, through the real service calls.

An allowed action succeeds; a refused one raises PlanStateError saying what
the state allows, and changes nothing.
"""

from __future__ import annotations

import pytest

from src.services.errors import PlanStateError
from src.services.plan import amendments, decisions, events, lifecycle, production, selection
from src.services.plan.view import get_plan_view
from tests.services.builders import build_bakery, planned_event

STATES = ("draft", "locked", "in_production", "completed")

# action name -> (call, states where the policy table allows it)
ACTIONS = {
    "edit_details": (
        lambda db, e, b: events.update_event(db, e, name="Renamed", event_date="2026-12-21"),
        {"draft", "locked", "in_production"},
    ),
    "select_recipes": (
        lambda db, e, b: selection.set_selected_recipes(db, e, [b.sugar_dough, b.truffles, b.cake]),
        {"draft"},
    ),
    "set_quantity": (
        lambda db, e, b: selection.set_quantity(db, e, b.g_cookie, "100"),
        {"draft"},
    ),
    "clear_quantity": (
        lambda db, e, b: selection.clear_quantity(db, e, b.g_truffle_box),
        {"draft"},
    ),
    "set_decision": (
        lambda db, e, b: decisions.set_batch_decision(db, e, b.truffles, 4),
        {"draft", "locked"},
    ),
    "clear_decision": (
        lambda db, e, b: decisions.clear_batch_decision(db, e, b.sugar_dough),
        {"draft", "locked"},
    ),
    "record_production": (
        lambda db, e, b: production.record_production(db, e, b.sugar_dough, 2),
        {"in_production"},
    ),
    "amend_drop": (
        lambda db, e, b: amendments.amend_drop_good(db, e, b.g_cookie, "Client cancelled"),
        {"in_production"},
    ),
    "amend_add": (
        lambda db, e, b: amendments.amend_add_good(db, e, b.g_cake, 2, "Added a cake"),
        {"in_production"},
    ),
    "amend_batches": (
        lambda db, e, b: amendments.amend_batches(db, e, b.sugar_dough, 8, "Short of butter"),
        {"in_production"},
    ),
}

TRANSITIONS = {
    "lock": (lifecycle.lock_plan, {"draft": "locked"}),
    "unlock": (lifecycle.unlock_plan, {"locked": "draft"}),
    "start_production": (lifecycle.start_production, {"locked": "in_production"}),
    "complete": (lifecycle.complete_plan, {"in_production": "completed"}),
}


def _fingerprint(db, event_id):
    v = get_plan_view(db, event_id)
    return (
        v.event,
        v.recipes,
        tuple((g.id, g.quantity) for g in v.goods),
        tuple((r.recipe_id, r.decision) for r in v.batches),
        v.production_runs,
        v.amendments,
    )


@pytest.mark.parametrize("state", STATES)
@pytest.mark.parametrize("action", sorted(ACTIONS))
def test_every_action_in_every_state(db, state, action):
    b = build_bakery(db)
    event_id = planned_event(db, b, state)
    call, allowed = ACTIONS[action]
    before = _fingerprint(db, event_id)
    if state in allowed:
        call(db, event_id, b)
        assert _fingerprint(db, event_id) != before, "an allowed action must change the plan"
    else:
        with pytest.raises(PlanStateError) as err:
            call(db, event_id, b)
        label = {"in_production": "in production"}.get(state, state)
        assert f"the plan is {label}" in err.value.message
        assert _fingerprint(db, event_id) == before


@pytest.mark.parametrize("state", STATES)
@pytest.mark.parametrize("transition", sorted(TRANSITIONS))
def test_every_transition_from_every_state(db, state, transition):
    b = build_bakery(db)
    event_id = planned_event(db, b, state)
    call, targets = TRANSITIONS[transition]
    if state in targets:
        assert call(db, event_id).plan_state == targets[state]
        assert get_plan_view(db, event_id).event.plan_state == targets[state]
    else:
        with pytest.raises(PlanStateError) as err:
            call(db, event_id)
        assert "Allowed from here:" in err.value.message
        assert get_plan_view(db, event_id).event.plan_state == state


@pytest.mark.parametrize(
    ("state", "expected"),
    [
        ("draft", (True, True, True, False, False, ("lock",))),
        ("locked", (True, False, True, False, False, ("unlock", "start_production"))),
        ("in_production", (True, False, False, True, True, ("complete",))),
        ("completed", (False, False, False, False, False, ())),
    ],
)
def test_plan_view_reports_what_the_state_allows(db, state, expected):
    b = build_bakery(db)
    event_id = planned_event(db, b, state)
    a = get_plan_view(db, event_id).allowed
    assert (
        a.edit_details,
        a.edit_selection,
        a.edit_decisions,
        a.record_production,
        a.amend,
        a.transitions,
    ) == expected
    assert a.explanation


def test_refusal_message_says_what_the_state_allows(db):
    b = build_bakery(db)
    event_id = planned_event(db, b, "locked")
    with pytest.raises(PlanStateError) as err:
        selection.set_quantity(db, event_id, b.g_cookie, 5)
    assert err.value.message == (
        "Cannot change recipes or quantities: the plan is locked. A locked plan allows batch "
        "decisions and event details; unlock it to change recipes or quantities, or start "
        "production."
    )
    with pytest.raises(PlanStateError) as err:
        lifecycle.complete_plan(db, event_id)
    assert err.value.message == (
        "Cannot complete: the plan is locked. Allowed from here: unlock, start production."
    )
