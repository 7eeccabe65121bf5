"""Suggested quantities, clones of earlier events, and leftovers."""

from __future__ import annotations

import pytest

from src.services.aids.cloning import clone_event
from src.services.aids.leftovers import event_leftovers, record_leftovers
from src.services.aids.suggestions import apply_suggestions, set_per_guest, suggest_quantities
from src.services.errors import PlanStateError, ValidationError
from src.services.plan import lifecycle
from src.services.plan.events import create_event, update_event
from src.services.plan.selection import set_quantity, set_selected_recipes
from src.services.plan.view import get_plan_view
from tests.services.builders import build_bakery, planned_event


def _event_with_attendees(db, b, attendees=50):
    event = create_event(db, name="Fair", event_date="2026-06-01", expected_attendees=attendees)
    set_selected_recipes(db, event.id, [b.sugar_dough, b.truffles])
    return event.id


def test_suggestion_is_attendees_times_rate_rounded_up(db):
    b = build_bakery(db)
    set_per_guest(db, b.g_cookie, "3")
    set_per_guest(db, b.g_tin, "0.1")
    set_per_guest(db, b.g_cake, "0.07")  # cake not selected: not available
    event_id = _event_with_attendees(db, b, 47)
    set_quantity(db, event_id, b.g_cookie, 100)
    preview = suggest_quantities(db, event_id)
    rows = {r.good_name: (r.current, r.suggested) for r in preview.rows}
    assert rows == {"Cookie tin": (None, 5), "Sugar cookie": (100, 141)}
    assert preview.not_available == ("Vanilla cake",)
    # A preview changes nothing.
    assert {g.id: g.quantity for g in get_plan_view(db, event_id).goods}[b.g_cookie] == 100


def test_apply_one_then_all(db):
    b = build_bakery(db)
    set_per_guest(db, b.g_cookie, "3")
    set_per_guest(db, b.g_tin, "0.1")
    event_id = _event_with_attendees(db, b, 50)
    after = apply_suggestions(db, event_id, [b.g_tin])
    assert {r.good_name: r.current for r in after.rows} == {"Cookie tin": 5, "Sugar cookie": None}
    after = apply_suggestions(db, event_id)
    assert all(not r.changes for r in after.rows)
    goods = {g.id: g.quantity for g in get_plan_view(db, event_id).goods}
    assert goods[b.g_cookie] == 150 and goods[b.g_tin] == 5


def test_suggestions_need_attendees_and_a_draft_plan(db):
    b = build_bakery(db)
    set_per_guest(db, b.g_cookie, "3")
    event_id = _event_with_attendees(db, b, 50)
    update_event(db, event_id, name="Fair", event_date="2026-06-01", expected_attendees=None)
    with pytest.raises(ValidationError, match="no expected attendees"):
        suggest_quantities(db, event_id)
    locked = planned_event(db, b, "locked")
    update_event(db, locked, name="X", event_date="2026-12-20", expected_attendees=10)
    with pytest.raises(PlanStateError, match="locked"):
        apply_suggestions(db, locked)
    update_event(db, event_id, name="Fair", event_date="2026-06-01", expected_attendees=9)
    with pytest.raises(ValidationError, match="No suggestion"):
        apply_suggestions(db, event_id, [b.g_cookie, b.g_cake])
    assert suggest_quantities(db, event_id).rows[0].current is None  # nothing changed


def test_per_guest_rate_is_validated(db):
    b = build_bakery(db)
    for bad in ("0", "-1", "abc", "0.00001"):
        with pytest.raises(ValidationError):
            set_per_guest(db, b.g_cookie, bad)
    assert str(set_per_guest(db, b.g_cookie, "0.10")) == "0.1"
    assert set_per_guest(db, b.g_cookie, "") is None


def _completed_with_leftovers(db, b):
    source = planned_event(db, b, "in_production")
    update_event(db, source, name="Christmas 2026", event_date="2026-12-20", expected_attendees=50)
    record_leftovers(db, source, {b.g_cookie: 30})
    lifecycle.complete_plan(db, source)
    return source


def test_clone_copies_selection_lines_and_decisions(db):
    b = build_bakery(db)
    source = planned_event(db, b, "completed")
    result = clone_event(db, source, "Christmas 2027", "2027-12-19")
    assert result.event.plan_state == "draft"
    assert {(x.good_name, x.quantity) for x in result.lines} == {
        ("Sugar cookie", 200), ("Truffle box", 10)}
    view = get_plan_view(db, result.event.id)
    assert {r.recipe_name: r.decision.batches for r in view.batches if r.decision} == {
        "Sugar Cookie Dough": 9}
    assert result.stale_recipes == () and result.notes == ()


def test_clone_scales_by_attendees_rounding_up_and_marks_stale(db):
    b = build_bakery(db)
    source = planned_event(db, b, "completed")
    # planned_event has no attendees: scaling needs them.
    with pytest.raises(ValidationError, match="no expected attendees"):
        clone_event(db, source, "Next", "2027-12-19", attendees=60, scale=True)
    other = planned_event(db, b, "draft")
    update_event(db, other, name="Src", event_date="2026-12-20", expected_attendees=50)
    result = clone_event(db, other, "Next", "2027-12-19", attendees=61, scale=True)
    quantities = {x.good_name: x.quantity for x in result.lines}
    assert quantities == {"Sugar cookie": 244, "Truffle box": 13}  # 200×61/50=244, 12.2→13
    # 244 cookies need 10.17 batches: the copied decision of 9 no longer fits.
    assert result.stale_recipes == ("Sugar Cookie Dough",)
    view = get_plan_view(db, result.event.id)
    assert [r.decision.stale for r in view.batches if r.decision] == [True]


def test_clone_starts_from_what_was_used_and_says_so(db):
    b = build_bakery(db)
    source = _completed_with_leftovers(db, b)
    assert {r.good_name: r.leftover for r in event_leftovers(db, source)} == {
        "Sugar cookie": 30, "Truffle box": None}
    result = clone_event(db, source, "Christmas 2027", "2027-12-19")
    assert {x.good_name: x.quantity for x in result.lines} == {
        "Sugar cookie": 170, "Truffle box": 10}
    assert result.notes == (
        "last year 30 of 200 Sugar cookie were left: 170 planned instead of 200",)
    plain = clone_event(db, source, "Copy", "2027-12-19", use_leftovers=False)
    assert {x.good_name: x.quantity for x in plain.lines}["Sugar cookie"] == 200


def test_leftovers_only_at_the_end_and_never_more_than_planned(db):
    b = build_bakery(db)
    draft = planned_event(db, b, "draft")
    with pytest.raises(PlanStateError, match="draft"):
        record_leftovers(db, draft, {b.g_cookie: 3})
    running = planned_event(db, b, "in_production")
    with pytest.raises(ValidationError, match="more than the 200 planned"):
        record_leftovers(db, running, {b.g_cookie: 201, b.g_truffle_box: 1})
    assert all(r.leftover is None for r in event_leftovers(db, running))
    with pytest.raises(ValidationError, match="at least 0"):
        record_leftovers(db, running, {b.g_cookie: "-2"})


def test_clone_refuses_a_bad_name_and_writes_nothing(db):
    b = build_bakery(db)
    source = planned_event(db, b, "draft")
    with pytest.raises(ValidationError):
        clone_event(db, source, "  ", "2027-12-19")
    with pytest.raises(ValidationError):
        clone_event(db, source, "Ok", "not a date")
    from src.services.plan.events import list_events
    assert len(list_events(db)) == 1
