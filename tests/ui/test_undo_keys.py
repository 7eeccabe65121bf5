"""Undo and redo in the window: Ctrl+Z, Ctrl+Shift+Z and the Edit menu, for each kind of
plan edit, and the message when the plan's state no longer allows it."""

from __future__ import annotations

import pytest

from src.services.plan import view as plan_view

from .conftest import pump

pytestmark = pytest.mark.gui


def key(root, sequence: str) -> None:
    root.focus_force()
    pump(root)
    root.event_generate(sequence)
    pump(root)


def saved(window, bakery_db):
    return plan_view.get_plan_view(bakery_db, window.planning.presenter.event_id)


def ids(window) -> tuple[dict[str, int], dict[str, int]]:
    plan = window.planning.presenter.plan
    return {r.name: r.id for r in plan.recipes}, {g.name: g.id for g in plan.goods}


def quantities(plan) -> dict[str, int]:
    return {g.name: g.quantity for g in plan.goods if g.quantity}


def test_selection_and_quantity_undone_and_redone_with_the_keys(window, root, bakery_db):
    planning = window.planning
    recipes, _ = ids(window)
    planning.recipes.toggle(recipes["Sugar Cookie Dough"])
    pump(root)
    _, goods = ids(window)
    assert planning.presenter.set_quantity(goods["Sugar cookie"], "48").error is None
    pump(root)
    menu = planning.undo_controls
    menu.refresh_menu()
    assert menu.menu.entrycget(0, "label") == "Undo quantities"
    assert menu.menu.entrycget(1, "state") == "disabled"

    key(root, "<Control-z>")
    assert quantities(saved(window, bakery_db)) == {}
    key(root, "<Control-z>")
    assert saved(window, bakery_db).selected_count == 0
    assert not planning.recipes.is_checked(recipes["Sugar Cookie Dough"])  # the view follows

    key(root, "<Control-Z>")  # Ctrl+Shift+Z
    assert saved(window, bakery_db).selected_count == 1
    menu.refresh_menu()  # what opening the menu does
    assert menu.menu.entrycget(1, "label") == "Redo quantities"
    menu.menu.invoke(1)
    pump(root)
    assert quantities(saved(window, bakery_db)) == {"Sugar cookie": 48}


def test_batch_decision_and_event_details(window, root, bakery_db):
    planning = window.planning
    p = planning.presenter
    recipes, _ = ids(window)
    p.toggle_recipe(recipes["Sugar Cookie Dough"])
    _, goods = ids(window)
    p.set_quantity(goods["Sugar cookie"], "100")
    assert p.choose_batches(recipes["Sugar Cookie Dough"], 5, None) is None
    assert p.save_event(p.event_id, name="Cookie swap", event_date="Dec 19 2026",
                        expected_attendees="") == {}
    pump(root)
    assert planning.header.name_label.cget("text") == "Cookie swap"
    key(root, "<Control-z>")
    assert planning.header.name_label.cget("text") == "Christmas 2026"
    key(root, "<Control-z>")
    batches = saved(window, bakery_db).batches
    assert all(r.decision is None for r in batches)


def test_undo_refused_once_locked_says_why(window, root, bakery_db):
    planning = window.planning
    p = planning.presenter
    recipes, _ = ids(window)
    p.toggle_recipe(recipes["Sugar Cookie Dough"])
    _, goods = ids(window)
    p.set_quantity(goods["Sugar cookie"], "100")
    p.choose_batches(recipes["Sugar Cookie Dough"], 5, None)
    p.transition("lock")
    pump(root)
    key(root, "<Control-z>")  # the decision: allowed while locked
    assert all(r.decision is None for r in saved(window, bakery_db).batches)
    key(root, "<Control-z>")  # the quantity: not while locked
    assert "the plan is locked" in planning.error_text
    assert quantities(saved(window, bakery_db)) == {"Sugar cookie": 100}
