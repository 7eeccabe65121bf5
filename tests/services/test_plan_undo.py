"""Undo and redo of plan edits: the window's UndoStack over services.plan_undo."""

from __future__ import annotations

from datetime import date

import pytest

from src.services import catalog
from src.services.errors import ConflictError, PlanStateError
from src.services.plan import events, lifecycle
from src.services.plan.decisions import set_batch_decision
from src.services.plan.selection import set_quantity, set_selected_recipes
from src.services.plan.undo import capture_plan_edits
from src.ui.planning.undo import UndoStack

from .builders import build_bakery, planned_event


@pytest.fixture
def plan(db):
    b = build_bakery(db)
    return b, planned_event(db, b)


def lines(db, event_id):
    return capture_plan_edits(db, event_id).line_map()


def test_undo_and_redo_a_quantity(db, plan):
    b, eid = plan
    stack = UndoStack(db)
    stack.record(eid, lambda: set_quantity(db, eid, b.g_cookie, 48))
    assert lines(db, eid)[b.g_cookie] == 48
    assert stack.undo_label(eid) == "Undo quantities"
    assert stack.undo(eid) == "Undone: quantities"
    assert lines(db, eid)[b.g_cookie] == 200
    assert stack.redo(eid) == "Redone: quantities"
    assert lines(db, eid)[b.g_cookie] == 48
    assert stack.undo(eid) and lines(db, eid)[b.g_cookie] == 200
    assert stack.undo(eid) is None  # nothing older was recorded


def test_undo_a_deselection_brings_back_its_lines_and_decision(db, plan):
    b, eid = plan
    stack = UndoStack(db)
    before = capture_plan_edits(db, eid)
    stack.record(eid, lambda: set_selected_recipes(db, eid, [b.truffles]))
    after = capture_plan_edits(db, eid)
    assert b.g_cookie not in after.line_map() and b.sugar_dough not in after.decision_map()
    assert stack.undo_label(eid) == "Undo recipe selection"
    stack.undo(eid)
    restored = capture_plan_edits(db, eid)
    assert (restored.recipes, restored.lines, restored.decisions) == (
        before.recipes, before.lines, before.decisions)


def test_undo_a_batch_decision_in_a_locked_plan(db, plan):
    b, eid = plan
    lifecycle.lock_plan(db, eid)
    stack = UndoStack(db)
    stack.record(eid, lambda: set_batch_decision(db, eid, b.sugar_dough, 8, b.u_cookie))
    stack.undo(eid)
    assert capture_plan_edits(db, eid).decision_map()[b.sugar_dough] == (9, b.u_cookie)
    stack.redo(eid)
    assert capture_plan_edits(db, eid).decision_map()[b.sugar_dough] == (8, b.u_cookie)


def test_undo_event_details(db, plan):
    _, eid = plan
    stack = UndoStack(db)
    stack.record(eid, lambda: events.update_event(
        db, eid, name="Xmas", event_date="Dec 19 2026", expected_attendees="12", notes="n"))
    assert stack.undo_label(eid) == "Undo event details"
    stack.undo(eid)
    view = events.get_event(db, eid)
    assert (view.name, view.event_date, view.expected_attendees) == (
        "Christmas 2026", date(2026, 12, 20), None)


def test_undoing_a_quantity_once_locked_is_refused_and_kept(db, plan):
    b, eid = plan
    stack = UndoStack(db)
    stack.record(eid, lambda: set_quantity(db, eid, b.g_cookie, 48))
    lifecycle.lock_plan(db, eid)
    with pytest.raises(PlanStateError) as err:
        stack.undo(eid)
    assert "the plan is locked" in str(err.value)
    assert lines(db, eid)[b.g_cookie] == 48
    assert stack.can_undo(eid)  # still there: unlock and it works
    lifecycle.unlock_plan(db, eid)
    stack.undo(eid)
    assert lines(db, eid)[b.g_cookie] == 200


def test_production_edits_are_never_recorded_and_decisions_not_undone_there(db, plan):
    b, eid = plan
    stack = UndoStack(db)
    stack.record(eid, lambda: set_batch_decision(db, eid, b.sugar_dough, 10, b.u_cookie))
    lifecycle.lock_plan(db, eid)
    lifecycle.start_production(db, eid)
    from src.services.plan.amendments import amend_batches

    stack.record(eid, lambda: amend_batches(db, eid, b.sugar_dough, 11, "oven free"))
    assert stack.undo_label(eid) == "Undo batch decision"  # the draft edit, not the amendment
    with pytest.raises(PlanStateError) as err:
        stack.undo(eid)
    assert "in production" in str(err.value)
    assert capture_plan_edits(db, eid).decision_map()[b.sugar_dough][0] == 11


def test_undo_refused_when_the_item_changed_elsewhere(db, plan):
    b, eid = plan
    stack = UndoStack(db)
    stack.record(eid, lambda: set_quantity(db, eid, b.g_cookie, 48))
    set_quantity(db, eid, b.g_cookie, 72)  # another window
    with pytest.raises(ConflictError) as err:
        stack.undo(eid)
    assert "the quantity of Sugar cookie changed since" in str(err.value)
    assert lines(db, eid)[b.g_cookie] == 72


def test_undo_refused_when_the_good_was_deleted(db, plan):
    b, eid = plan
    stack = UndoStack(db)
    stack.record(eid, lambda: set_quantity(db, eid, b.g_cake, None))  # no line: nothing recorded
    assert not stack.can_undo(eid)
    set_selected_recipes(db, eid, [b.sugar_dough, b.truffles, b.cake])
    stack.record(eid, lambda: set_quantity(db, eid, b.g_cake, 2))
    stack.record(eid, lambda: set_quantity(db, eid, b.g_cake, None))
    catalog.delete_finished_good(db, b.g_cake)
    with pytest.raises(ConflictError):
        stack.undo(eid)
    assert b.g_cake not in lines(db, eid)


def test_a_new_edit_clears_redo(db, plan):
    b, eid = plan
    stack = UndoStack(db)
    stack.record(eid, lambda: set_quantity(db, eid, b.g_cookie, 48))
    stack.undo(eid)
    assert stack.can_redo(eid)
    stack.record(eid, lambda: set_quantity(db, eid, b.g_cookie, 96))
    assert not stack.can_redo(eid)
