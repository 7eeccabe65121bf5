"""Amendments: each kind applied to the live plan, with every refusal."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from src.models import PlanAmendment
from src.services.errors import ConflictError, PlanStateError, ValidationError
from src.services.plan import amendments, production
from src.services.plan.view import get_plan_view
from tests.services.builders import build_bakery, planned_event


@pytest.fixture
def b(db):
    return build_bakery(db)


@pytest.fixture
def event_id(db, b):
    return planned_event(db, b, "in_production")


def _data(db, event_id):
    with db.uow() as s:
        return s.execute(
            select(PlanAmendment.amendment_type, PlanAmendment.amendment_data)
            .where(PlanAmendment.event_id == event_id)
            .order_by(PlanAmendment.id)
        ).all()


def _quantities(db, event_id):
    return {g.name: g.quantity for g in get_plan_view(db, event_id).goods if g.quantity}


def test_drop_good_removes_the_line_and_records_it(db, b, event_id):
    row = amendments.amend_drop_good(db, event_id, b.g_truffle_box, "  Client cancelled  ")
    assert (row.kind, row.summary, row.reason) == (
        "drop_fg",
        "Dropped Truffle box (was 10); deselected Truffles",
        "Client cancelled",
    )
    assert _quantities(db, event_id) == {"Sugar cookie": 200}
    [(kind, data)] = _data(db, event_id)
    assert kind.value == "drop_fg"
    assert data["finished_good_id"] == b.g_truffle_box
    assert data["original_quantity"] == 10


def test_drop_needs_an_existing_line(db, b, event_id):
    with pytest.raises(ValidationError, match="Cookie tin is not in this plan"):
        amendments.amend_drop_good(db, event_id, b.g_tin, "why not")
    assert _data(db, event_id) == []


def test_drop_after_baking_keeps_the_baked_batches_as_the_decision(db, b, event_id):
    production.record_production(db, event_id, b.sugar_dough, 2)
    row = amendments.amend_drop_good(db, event_id, b.g_cookie, "too many")
    assert row.summary == "Dropped Sugar cookie (was 200); Sugar Cookie Dough: 9 → 2 batches"
    view = get_plan_view(db, event_id)
    assert _quantities(db, event_id) == {"Truffle box": 10}
    [sugar] = [r for r in view.batches if r.recipe_name == "Sugar Cookie Dough"]
    assert (sugar.decision.batches, sugar.decision.stale) == (2, False)
    assert (sugar.progress.remaining, sugar.progress.overage) == (0, 0)


def test_drop_deselects_a_recipe_no_longer_needed_with_nothing_baked(db, b, event_id):
    row = amendments.amend_drop_good(db, event_id, b.g_cookie, "no cookies")
    assert row.summary == "Dropped Sugar cookie (was 200); deselected Sugar Cookie Dough"
    view = get_plan_view(db, event_id)
    assert [r.recipe_name for r in view.batches] == ["Truffles"]
    assert not [r for r in view.recipes if r.selected and r.name == "Sugar Cookie Dough"]
    assert not [s for s in view.shopping if s.ingredient == "Granulated sugar"]


def test_add_good_selects_the_recipes_it_needs(db, b, event_id):
    row = amendments.amend_add_good(db, event_id, b.g_cake, "3", "Birthday at the party")
    assert row.kind == "add_fg"
    assert row.summary == "Added Vanilla cake: 3; selected Vanilla Cake"
    view = get_plan_view(db, event_id)
    assert {r.name for r in view.recipes if r.selected} == {
        "Sugar Cookie Dough",
        "Truffles",
        "Vanilla Cake",
    }
    assert _quantities(db, event_id)["Vanilla cake"] == 3
    [(_, data)] = _data(db, event_id)
    assert data["finished_good_id"] == b.g_cake
    assert data["quantity"] == 3
    assert data["selected_recipe_ids"] == [b.cake]


def test_add_good_with_selected_recipes_selects_nothing_new(db, b, event_id):
    amendments.amend_add_good(db, event_id, b.g_tin, 5, "Gift tins")
    [(_, data)] = _data(db, event_id)
    assert data["selected_recipe_ids"] == []


def test_add_needs_a_good_not_yet_in_the_plan(db, b, event_id):
    with pytest.raises(ConflictError, match=r"Sugar cookie is already in this plan \(200\)"):
        amendments.amend_add_good(db, event_id, b.g_cookie, 10, "more")
    assert _data(db, event_id) == []


@pytest.mark.parametrize(
    ("quantity", "message"),
    [
        ("", "Quantity is required"),
        ("0", "Quantity must be a whole number of at least 1, not 0"),
        ("2.5", "Quantity must be a whole number, not a decimal: 2.5"),
    ],
)
def test_add_refuses_bad_quantities(db, b, event_id, quantity, message):
    with pytest.raises(ValidationError) as err:
        amendments.amend_add_good(db, event_id, b.g_cake, quantity, "cake")
    assert err.value.message == message
    assert "Vanilla cake" not in _quantities(db, event_id)


def test_modify_batch_changes_the_decision(db, b, event_id):
    row = amendments.amend_batches(db, event_id, b.sugar_dough, "10", "Extra for staff")
    assert row.summary == "Sugar Cookie Dough: 9 → 10 batches"
    batches = {r.recipe_id: r.decision for r in get_plan_view(db, event_id).batches}
    assert batches[b.sugar_dough].batches == 10
    [(_, data)] = _data(db, event_id)
    assert data["recipe_id"] == b.sugar_dough
    assert data["original_batches"] == 9
    assert data["new_batches"] == 10


def test_modify_batch_creates_a_missing_decision(db, b, event_id):
    row = amendments.amend_batches(db, event_id, b.truffles, 4, "Forgot the truffles")
    assert row.summary == "Truffles: 4 batches (no decision before)"
    [(_, data)] = _data(db, event_id)
    assert data["original_batches"] is None
    assert get_plan_view(db, event_id).complete is True


def test_modify_batch_after_baking_goes_up_or_down_to_the_baked_count(db, b, event_id):
    production.record_production(db, event_id, b.sugar_dough, 3)
    amendments.amend_batches(db, event_id, b.sugar_dough, 10, "more guests")
    amendments.amend_batches(db, event_id, b.sugar_dough, 3, "enough after all")
    with pytest.raises(ValidationError) as err:
        amendments.amend_batches(db, event_id, b.sugar_dough, 2, "less")
    assert err.value.message == (
        "Sugar Cookie Dough: 3 batches are already baked; choose 3 or more batches"
    )
    assert [d["new_batches"] for _, d in _data(db, event_id)] == [10, 3]


def test_modify_batch_refuses_no_change_and_bad_numbers(db, b, event_id):
    with pytest.raises(ValidationError, match="already planned at 9 batches"):
        amendments.amend_batches(db, event_id, b.sugar_dough, 9, "same")
    with pytest.raises(ValidationError, match="at least 1, not 0"):
        amendments.amend_batches(db, event_id, b.sugar_dough, 0, "none")
    with pytest.raises(ValidationError, match="Vanilla Cake is not selected"):
        amendments.amend_batches(db, event_id, b.cake, 2, "cake")
    assert _data(db, event_id) == []


@pytest.mark.parametrize("reason", ["", "   ", None])
def test_a_reason_is_required(db, b, event_id, reason):
    for call in (
        lambda: amendments.amend_drop_good(db, event_id, b.g_cookie, reason),
        lambda: amendments.amend_add_good(db, event_id, b.g_cake, 2, reason),
        lambda: amendments.amend_batches(db, event_id, b.sugar_dough, 8, reason),
    ):
        with pytest.raises(ValidationError) as err:
            call()
        assert err.value.message == "A reason is required for an amendment"
        assert err.value.field == "reason"
    assert _data(db, event_id) == []
    assert _quantities(db, event_id) == {"Sugar cookie": 200, "Truffle box": 10}


@pytest.mark.parametrize("state", ["draft", "locked", "completed"])
def test_amendments_exist_only_in_production(db, b, state):
    event_id = planned_event(db, b, state)
    with pytest.raises(PlanStateError, match="Cannot amend the plan"):
        amendments.amend_batches(db, event_id, b.sugar_dough, 8, "reason")


def test_list_is_oldest_first_and_the_module_offers_no_edit_or_delete(db, b, event_id):
    amendments.amend_drop_good(db, event_id, b.g_truffle_box, "first")
    amendments.amend_add_good(db, event_id, b.g_cake, 1, "second")
    amendments.amend_batches(db, event_id, b.sugar_dough, 10, "third")
    rows = amendments.list_amendments(db, event_id)
    assert [r.reason for r in rows] == ["first", "second", "third"]
    assert [r.kind for r in rows] == ["drop_fg", "add_fg", "modify_batch"]
    assert get_plan_view(db, event_id).amendments == rows
    public = [n for n in dir(amendments) if not n.startswith("_")]
    assert not [n for n in public if n.startswith(("update", "delete", "edit", "remove"))]


def test_comparison_marks_added_removed_and_changed(db, b, event_id):
    amendments.amend_drop_good(db, event_id, b.g_truffle_box, "no truffles")
    amendments.amend_add_good(db, event_id, b.g_cake, 2, "cake")
    amendments.amend_batches(db, event_id, b.sugar_dough, 10, "more")
    comparison = get_plan_view(db, event_id).comparison
    assert comparison.has_changes
    got = {(x.section, x.name): (x.change, x.before, x.after) for x in comparison.lines}
    assert got == {
        ("recipe", "Sugar Cookie Dough"): ("unchanged", "selected", "selected"),
        ("recipe", "Truffles"): ("removed", "selected", None),
        ("recipe", "Vanilla Cake"): ("added", None, "selected"),
        ("finished_good", "Sugar cookie"): ("unchanged", "200", "200"),
        ("finished_good", "Truffle box"): ("removed", "10", None),
        ("finished_good", "Vanilla cake"): ("added", None, "2"),
        ("batch_decision", "Sugar Cookie Dough"): (
            "changed",
            "9 batches (Sugar cookie)",
            "10 batches (Sugar cookie)",
        ),
    }
    assert [x.section for x in comparison.lines] == ["recipe"] * 3 + ["finished_good"] * 3 + [
        "batch_decision"
    ]
