"""Production runs: rules, progress with overage, and what remains to buy."""

from __future__ import annotations

from datetime import datetime

import pytest

from src.services.errors import ConflictError, PlanStateError, ValidationError
from src.services.plan import production
from src.services.plan.dto import ProgressRow
from src.services.plan.view import get_plan_view, get_shopping_list
from tests.services.builders import build_bakery, planned_event


@pytest.fixture
def b(db):
    return build_bakery(db)


@pytest.fixture
def event_id(db, b):
    return planned_event(db, b, "in_production")


def _progress(db, event_id, recipe_id):
    return {r.recipe_id: r.progress for r in get_plan_view(db, event_id).batches}[recipe_id]


def test_record_and_list_runs_oldest_first(db, b, event_id):
    late = production.record_production(
        db, event_id, b.sugar_dough, "3", "second tray", "2026-12-18T15:00:00"
    )
    early = production.record_production(
        db, event_id, b.sugar_dough, 2, recorded_at=datetime(2026, 12, 18, 9, 30)
    )
    assert (late.recipe_name, late.batches, late.notes) == ("Sugar Cookie Dough", 3, "second tray")
    runs = production.list_production_runs(db, event_id)
    assert [r.id for r in runs] == [early.id, late.id]
    assert runs[0].recorded_at == datetime(2026, 12, 18, 9, 30)
    assert get_plan_view(db, event_id).production_runs == runs


def test_utc_offsets_are_stored_as_utc(db, b, event_id):
    run = production.record_production(
        db, event_id, b.sugar_dough, 1, recorded_at="2026-12-18T10:00:00+02:00"
    )
    assert run.recorded_at == datetime(2026, 12, 18, 8, 0)


def test_progress_counts_baked_batches_and_overage(db, b, event_id):
    assert _progress(db, event_id, b.sugar_dough) == ProgressRow(9, 0, 9, 0, 9)
    production.record_production(db, event_id, b.sugar_dough, 4)
    assert _progress(db, event_id, b.sugar_dough) == ProgressRow(9, 4, 5, 0, 9)
    production.record_production(db, event_id, b.sugar_dough, 7, over=True)
    assert _progress(db, event_id, b.sugar_dough) == ProgressRow(9, 11, 0, 2, 11)


def test_recording_beyond_the_decision_needs_confirmation(db, b, event_id):
    production.record_production(db, event_id, b.sugar_dough, 8)
    with pytest.raises(ConflictError) as err:
        production.record_production(db, event_id, b.sugar_dough, 3)
    assert err.value.message == (
        "Recording 3 batches of Sugar Cookie Dough goes beyond the decision "
        "(9 decided, 8 already baked, 11 after this); confirm to record the extra batches"
    )
    assert len(production.list_production_runs(db, event_id)) == 1
    production.record_production(db, event_id, b.sugar_dough, 3, over=True)
    view = get_plan_view(db, event_id)
    [row] = [r for r in view.batches if r.recipe_id == b.sugar_dough]
    assert (row.decision.stale, row.progress.overage, row.progress.batches) == (False, 2, 11)


def test_undecided_recipe_shows_baked_batches(db, b, event_id):
    production.record_production(db, event_id, b.truffles, 2, over=True)
    assert _progress(db, event_id, b.truffles) == ProgressRow(0, 2, 0, 2, 2)


def test_shopping_in_production_counts_only_batches_still_to_bake(db, b, event_id):
    flour = {r.ingredient: r for r in get_shopping_list(db, event_id)}["All-purpose flour"]
    assert flour.needed_text == "24.75"
    production.record_production(db, event_id, b.sugar_dough, 3)
    flour = {r.ingredient: r for r in get_shopping_list(db, event_id)}["All-purpose flour"]
    assert (flour.needed_text, flour.to_buy_text, flour.status) == ("16.5", "0", "sufficient")
    production.record_production(db, event_id, b.sugar_dough, 6)
    assert get_shopping_list(db, event_id) == ()


def test_assembly_counts_what_was_baked_beyond_the_decision(db, b, event_id):
    production.record_production(db, event_id, b.truffles, 4, over=True)  # 48 truffles, 40 needed
    assembly = get_plan_view(db, event_id).assembly
    assert [(x.good, x.status, x.can_make) for x in assembly.lines] == [
        ("Sugar cookie", "met", 200),
        ("Truffle box", "met", 10),
    ]
    assert assembly.overall == "met"


@pytest.mark.parametrize("state", ["draft", "locked", "completed"])
def test_production_is_recorded_only_in_production(db, b, state):
    event_id = planned_event(db, b, state)
    with pytest.raises(PlanStateError, match="Cannot record production"):
        production.record_production(db, event_id, b.sugar_dough, 1)
    assert production.list_production_runs(db, event_id) == ()


@pytest.mark.parametrize(
    ("batches", "message"),
    [
        (0, "Batches baked must be a whole number of at least 1, not 0"),
        ("-1", "Batches baked must be a whole number of at least 1, not -1"),
        ("1.5", "Batches baked must be a whole number, not 1.5"),
    ],
)
def test_bad_batches_are_refused(db, b, event_id, batches, message):
    with pytest.raises(ValidationError) as err:
        production.record_production(db, event_id, b.sugar_dough, batches)
    assert err.value.message == message
    assert production.list_production_runs(db, event_id) == ()


def test_recipe_must_be_selected_and_time_valid(db, b, event_id):
    with pytest.raises(ValidationError, match="Vanilla Cake is not selected for this event"):
        production.record_production(db, event_id, b.cake, 1)
    with pytest.raises(ValidationError, match='"yesterday" is not a valid time'):
        production.record_production(db, event_id, b.sugar_dough, 1, recorded_at="yesterday")
    assert production.list_production_runs(db, event_id) == ()


def test_the_question_before_one_extra_batch_says_one_batch():
    assert production.over_message("Pecan Pie", 1, 4, 4) == (
        "Recording 1 batch of Pecan Pie goes beyond the decision "
        "(4 decided, 4 already baked, 5 after this); confirm to record the extra batches"
    )
    assert production.over_message("Pumpkin Pie", 1, 0, 0).startswith(
        "Pumpkin Pie has no batch decision, so the 1 batch would be extras;")
