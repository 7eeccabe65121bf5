"""Batch decisions: rules, messages, staleness and persistence."""

from __future__ import annotations

import pytest

from src.db import open_database
from src.services.errors import NotFoundError, ValidationError
from src.services.plan import decisions, selection
from src.services.plan.dto import DecisionRow
from src.services.plan.view import get_plan_view
from tests.services.builders import build_bakery, new_event


@pytest.fixture
def b(db):
    return build_bakery(db)


@pytest.fixture
def event_id(db, b):
    event_id = new_event(db)
    selection.set_selected_recipes(db, event_id, [b.sugar_dough, b.truffles, b.cake])
    selection.set_quantity(db, event_id, b.g_cookie, 200)
    return event_id


def _decision(db, event_id, recipe_id):
    rows = {r.recipe_id: r for r in get_plan_view(db, event_id).batches}
    return rows[recipe_id].decision if recipe_id in rows else None


def test_decision_is_saved_with_its_yield_type(db, b, event_id):
    row = decisions.set_batch_decision(db, event_id, b.sugar_dough, 9, b.u_cookie)
    assert row == DecisionRow(9, b.u_cookie, "Sugar cookie", stale=False)
    assert _decision(db, event_id, b.sugar_dough) == row


def test_shortfall_choice_is_allowed(db, b, event_id):
    decisions.set_batch_decision(db, event_id, b.sugar_dough, "8")
    assert _decision(db, event_id, b.sugar_dough).batches == 8
    assert get_plan_view(db, event_id).complete is True


def test_deciding_again_replaces_the_decision(db, b, event_id):
    decisions.set_batch_decision(db, event_id, b.sugar_dough, 8)
    decisions.set_batch_decision(db, event_id, b.sugar_dough, 9)
    view = get_plan_view(db, event_id)
    assert [(r.recipe_id, r.decision.batches) for r in view.batches] == [(b.sugar_dough, 9)]


def test_decision_goes_stale_when_quantities_change(db, b, event_id):
    decisions.set_batch_decision(db, event_id, b.sugar_dough, 9)
    selection.set_quantity(db, event_id, b.g_cookie, 100)  # need 4.17: options 4 and 5
    view = get_plan_view(db, event_id)
    assert view.batches[0].decision.stale is True
    assert view.complete is False
    decisions.set_batch_decision(db, event_id, b.sugar_dough, 5)
    assert get_plan_view(db, event_id).complete is True


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("0", "Batches must be a whole number of at least 1, not 0"),
        (0, "Batches must be a whole number of at least 1, not 0"),
        ("-2", "Batches must be a whole number of at least 1, not -2"),
        ("2.5", "Batches must be a whole number, not 2.5"),
        ("abc", 'Batches must be a whole number; "abc" is not a number'),
        ("", "Batches is required"),
    ],
)
def test_bad_batches_are_refused_and_change_nothing(db, b, event_id, value, message):
    decisions.set_batch_decision(db, event_id, b.sugar_dough, 9)
    with pytest.raises(ValidationError) as err:
        decisions.set_batch_decision(db, event_id, b.sugar_dough, value)
    assert err.value.message == message
    assert _decision(db, event_id, b.sugar_dough).batches == 9


def test_unselected_recipe_is_refused(db, b, event_id):
    with pytest.raises(ValidationError, match="Chocolate Sugar Cookie Dough is not selected"):
        decisions.set_batch_decision(db, event_id, b.choc_dough, 2)


def test_recipe_without_need_is_refused(db, b, event_id):
    with pytest.raises(ValidationError) as err:
        decisions.set_batch_decision(db, event_id, b.truffles, 2)
    assert err.value.message == (
        "No finished good of this plan needs Truffles; set quantities first"
    )
    assert _decision(db, event_id, b.truffles) is None


def test_yield_type_must_belong_to_the_recipe(db, b, event_id):
    with pytest.raises(ValidationError, match="Truffle is not a yield type of Sugar Cookie Dough"):
        decisions.set_batch_decision(db, event_id, b.sugar_dough, 9, b.u_truffle)
    with pytest.raises(ValidationError, match="Yield type 999 does not exist"):
        decisions.set_batch_decision(db, event_id, b.sugar_dough, 9, 999)
    assert _decision(db, event_id, b.sugar_dough) is None


def test_unknown_recipe_is_reported(db, event_id):
    with pytest.raises(NotFoundError, match="Recipe 555 does not exist"):
        decisions.set_batch_decision(db, event_id, 555, 2)


def test_clear_removes_the_decision(db, b, event_id):
    decisions.set_batch_decision(db, event_id, b.sugar_dough, 9)
    decisions.clear_batch_decision(db, event_id, b.sugar_dough)
    assert _decision(db, event_id, b.sugar_dough) is None
    assert get_plan_view(db, event_id).complete is False
    decisions.clear_batch_decision(db, event_id, b.sugar_dough)  # none left: no error


def test_decision_for_a_recipe_whose_need_has_gone_shows_stale(db, b, event_id):
    decisions.set_batch_decision(db, event_id, b.sugar_dough, 9)
    selection.clear_quantity(db, event_id, b.g_cookie)
    view = get_plan_view(db, event_id)
    assert [(r.recipe_name, r.options, r.decision.stale) for r in view.batches] == [
        ("Sugar Cookie Dough", (), True)
    ]
    assert view.complete is False


def test_decisions_persist_across_reopening(db, b, event_id):
    decisions.set_batch_decision(db, event_id, b.sugar_dough, 9, b.u_cookie)
    db.dispose()
    again = open_database(db.url)
    try:
        assert _decision(again, event_id, b.sugar_dough) == DecisionRow(
            9, b.u_cookie, "Sugar cookie", False
        )
    finally:
        again.dispose()
