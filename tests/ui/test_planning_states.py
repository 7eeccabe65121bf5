"""The plan header in the real window: draft → locked → in production → completed."""

from __future__ import annotations

import pytest

from src.services.errors import PlanStateError
from src.services.plan import selection
from src.services.plan import view as plan_view

from .conftest import pump

pytestmark = pytest.mark.gui


def _press(window, transition: str, answer: bool = True) -> str:
    """Press a transition button, answer its confirmation; returns the question."""
    header = window.planning.header
    header.buttons[transition].invoke()
    pump(window)
    dialog = window.planning.last_dialog
    question = dialog.message_label.cget("text")
    (dialog.confirm_button if answer else dialog.cancel_button).invoke()
    pump(window)
    return question


def _state(window, bakery_db) -> str:
    return plan_view.get_plan_view(bakery_db, window.planning.presenter.event_id).event.plan_state


def test_walk_the_states_with_only_allowed_buttons_enabled(window, root, bakery_db):
    planning = window.planning
    header = planning.header
    ids = {r.name: r.id for r in planning.presenter.plan.recipes}
    goods = {g.name: g.id for g in planning.presenter.plan.goods}
    planning.recipes.toggle(ids["Chocolate Truffles"])
    pump(root)
    planning.presenter.set_quantity(goods["Truffle box"], "10")
    pump(root)

    assert header.enabled_transitions() == ["lock"]
    assert header.badge.cget("text") == "DRAFT"

    header.buttons["lock"].invoke()
    pump(window)
    assert window.planning.last_dialog.confirm_button.cget("text") == "Lock plan"
    window.planning.last_dialog.cancel_button.invoke()
    pump(window)
    question = _press(window, "lock", answer=False)
    assert "frozen" in question
    assert _state(window, bakery_db) == "draft"  # Cancel changed nothing

    _press(window, "lock")
    assert _state(window, bakery_db) == "locked"
    assert header.badge.cget("text") == "LOCKED"
    assert header.enabled_transitions() == ["unlock", "start_production"]
    assert planning.events.rows()[0][3] == "Locked"
    # Forbidden edits: the recipe list ignores clicks and says why; fields are read-only.
    planning.recipes.toggle(ids["Sugar Cookie Dough"])
    pump(root)
    assert not planning.recipes.is_checked(ids["Sugar Cookie Dough"])
    assert "cannot change" in planning.recipes.note_label.cget("text")
    assert str(planning.goods.entry(goods["Truffle box"]).cget("state")) == "disabled"
    with pytest.raises(PlanStateError):  # and the service refuses even if asked directly
        selection.set_quantity(bakery_db, planning.presenter.event_id, goods["Truffle box"], 5)

    _press(window, "unlock")
    assert _state(window, bakery_db) == "draft"
    assert str(planning.goods.entry(goods["Truffle box"]).cget("state")) == "normal"
    assert not planning.recipes.note_label.winfo_ismapped()
    _press(window, "lock")

    question = _press(window, "start_production")
    assert "snapshot" in question and "no batch decision" in question
    assert _state(window, bakery_db) == "in_production"
    assert header.enabled_transitions() == ["complete"]
    assert header.badge.cget("text") == "IN PRODUCTION"

    _press(window, "complete")
    assert _state(window, bakery_db) == "completed"
    assert header.enabled_transitions() == []
    assert header.edit_button.cget("state") == "disabled"
    assert "read-only" in header.allows_label.cget("text")


def test_a_refused_transition_shows_the_reason(window, root, bakery_db):
    planning = window.planning
    from src.services.plan import lifecycle

    lifecycle.lock_plan(bakery_db, planning.presenter.event_id)  # elsewhere, meanwhile
    # The window still shows draft, so "Lock plan" is enabled; pressing it is refused.
    _press(window, "lock")
    assert "locked" in planning.error_text
    assert planning.header.badge.cget("text") == "LOCKED"  # and the page caught up
    planning.error_bar.winfo_children()[-1].invoke()  # Dismiss
    pump(root)
    assert planning.error_text == ""
