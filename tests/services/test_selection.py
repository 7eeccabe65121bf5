"""Recipe selection and finished-good quantities, on a real migrated database."""

from __future__ import annotations

import pytest

from src.db import open_database
from src.services.errors import NotFoundError, ValidationError
from src.services.plan import decisions, selection
from src.services.plan.selection import RemovedDecision, RemovedLine
from src.services.plan.view import get_plan_view
from src.services.validation import parse_quantity
from tests.services.builders import build_bakery, new_event


@pytest.fixture
def b(db):
    return build_bakery(db)


@pytest.fixture
def event_id(db):
    return new_event(db)


def _selected_names(db, event_id):
    return [r.name for r in get_plan_view(db, event_id).recipes if r.selected]


def _quantities(db, event_id):
    return {g.name: g.quantity for g in get_plan_view(db, event_id).goods if g.quantity}


def test_selection_replaces_the_previous_one(db, b, event_id):
    first = selection.set_selected_recipes(db, event_id, [b.sugar_dough, b.truffles])
    assert first.selected_ids == tuple(sorted((b.sugar_dough, b.truffles)))
    second = selection.set_selected_recipes(db, event_id, [b.cake])
    assert second.selected_ids == (b.cake,)
    assert _selected_names(db, event_id) == ["Vanilla Cake"]


def test_selecting_a_variant_does_not_select_its_base_and_vice_versa(db, b, event_id):
    selection.set_selected_recipes(db, event_id, [b.choc_dough])
    assert _selected_names(db, event_id) == ["Chocolate Sugar Cookie Dough"]
    selection.set_selected_recipes(db, event_id, [b.sugar_dough])
    assert _selected_names(db, event_id) == ["Sugar Cookie Dough"]


def test_duplicate_ids_are_selected_once(db, b, event_id):
    result = selection.set_selected_recipes(db, event_id, [b.truffles, b.truffles])
    assert result.selected_ids == (b.truffles,)


def test_deselection_removes_dependent_lines_and_decisions_and_says_why(db, b, event_id):
    selection.set_selected_recipes(db, event_id, [b.sugar_dough, b.truffles])
    selection.set_quantity(db, event_id, b.g_cookie, 200)
    selection.set_quantity(db, event_id, b.g_tin, 10)
    selection.set_quantity(db, event_id, b.g_truffle_box, 5)
    decisions.set_batch_decision(db, event_id, b.sugar_dough, 9)
    decisions.set_batch_decision(db, event_id, b.truffles, 8)

    result = selection.set_selected_recipes(db, event_id, [b.sugar_dough])

    reason = "needs Truffles, which is no longer selected"
    assert result.removed_lines == (
        RemovedLine(b.g_tin, "Cookie tin", 10, reason),
        RemovedLine(b.g_truffle_box, "Truffle box", 5, reason),
    )
    assert result.removed_decisions == (
        RemovedDecision(b.truffles, "Truffles", 8, "Truffles is no longer selected"),
    )
    view = get_plan_view(db, event_id)
    assert _quantities(db, event_id) == {"Sugar cookie": 200}
    assert [(r.recipe_name, r.decision.batches) for r in view.batches] == [
        ("Sugar Cookie Dough", 9)
    ]


def test_deselecting_several_recipes_names_them_all(db, b, event_id):
    selection.set_selected_recipes(db, event_id, [b.sugar_dough, b.truffles])
    selection.set_quantity(db, event_id, b.g_tin, 3)
    result = selection.set_selected_recipes(db, event_id, [])
    assert result.removed_lines[0].reason == (
        "needs Sugar Cookie Dough and Truffles, which are no longer selected"
    )
    assert result.selected_ids == ()


def test_unknown_recipe_is_refused_and_changes_nothing(db, b, event_id):
    selection.set_selected_recipes(db, event_id, [b.sugar_dough])
    with pytest.raises(NotFoundError, match="Recipe 9999 does not exist"):
        selection.set_selected_recipes(db, event_id, [b.truffles, 9999])
    assert _selected_names(db, event_id) == ["Sugar Cookie Dough"]


@pytest.mark.parametrize("bad", ["1,2", [1, "2"], [True], None])
def test_recipe_ids_must_be_whole_numbers(db, event_id, bad):
    with pytest.raises(ValidationError):
        selection.set_selected_recipes(db, event_id, bad)


def test_unknown_event_is_reported(db, b):
    with pytest.raises(NotFoundError, match="Event 4242 does not exist"):
        selection.set_selected_recipes(db, 4242, [b.sugar_dough])


@pytest.mark.parametrize(("text", "expected"), [("24", 24), ("007", 7), (" 12 ", 12), (5, 5)])
def test_quantity_accepts_whole_numbers(db, b, event_id, text, expected):
    selection.set_selected_recipes(db, event_id, [b.sugar_dough])
    assert selection.set_quantity(db, event_id, b.g_cookie, text) == expected
    assert _quantities(db, event_id) == {"Sugar cookie": expected}


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("0", "Quantity must be a whole number of at least 1, not 0"),
        ("-3", "Quantity must be a whole number of at least 1, not -3"),
        ("24.5", "Quantity must be a whole number, not a decimal: 24.5"),
        ("abc", 'Quantity must be a whole number; "abc" is not a number'),
        ("1e3", "Quantity must be a whole number written in plain digits, not 1e3"),
        (0, "Quantity must be a whole number of at least 1, not 0"),
    ],
)
def test_bad_quantity_gets_a_specific_message_and_saves_nothing(db, b, event_id, text, message):
    selection.set_selected_recipes(db, event_id, [b.sugar_dough])
    selection.set_quantity(db, event_id, b.g_cookie, "48")
    with pytest.raises(ValidationError) as err:
        selection.set_quantity(db, event_id, b.g_cookie, text)
    assert err.value.message == message
    assert err.value.field == "quantity"
    assert _quantities(db, event_id) == {"Sugar cookie": 48}


@pytest.mark.parametrize("empty", ["", "   ", None])
def test_clearing_the_field_removes_the_line(db, b, event_id, empty):
    selection.set_selected_recipes(db, event_id, [b.sugar_dough])
    selection.set_quantity(db, event_id, b.g_cookie, 48)
    assert selection.set_quantity(db, event_id, b.g_cookie, empty) is None
    assert _quantities(db, event_id) == {}


def test_clear_quantity_removes_the_line(db, b, event_id):
    selection.set_selected_recipes(db, event_id, [b.sugar_dough])
    selection.set_quantity(db, event_id, b.g_cookie, 48)
    selection.clear_quantity(db, event_id, b.g_cookie)
    assert _quantities(db, event_id) == {}
    selection.clear_quantity(db, event_id, b.g_cookie)  # nothing left: no error


def test_only_available_goods_get_a_quantity(db, b, event_id):
    selection.set_selected_recipes(db, event_id, [b.sugar_dough])
    with pytest.raises(ValidationError) as err:
        selection.set_quantity(db, event_id, b.g_tin, 10)
    assert err.value.message == "Cookie tin is not available for this event: select Truffles first"
    selection.set_selected_recipes(db, event_id, [])
    with pytest.raises(ValidationError, match="select Sugar Cookie Dough and Truffles first"):
        selection.set_quantity(db, event_id, b.g_tin, 10)
    assert _quantities(db, event_id) == {}


def test_variant_good_needs_the_variant_only(db, b, event_id):
    selection.set_selected_recipes(db, event_id, [b.choc_dough])
    assert selection.set_quantity(db, event_id, b.g_choc, 48) == 48


def test_unknown_good_is_reported(db, b, event_id):
    with pytest.raises(NotFoundError, match="Finished good 777 does not exist"):
        selection.set_quantity(db, event_id, 777, 3)


def test_selection_and_quantities_persist_across_reopening(db, b, event_id):
    selection.set_selected_recipes(db, event_id, [b.sugar_dough, b.truffles])
    selection.set_quantity(db, event_id, b.g_tin, "20")
    db.dispose()
    again = open_database(db.url)
    try:
        assert _selected_names(again, event_id) == ["Sugar Cookie Dough", "Truffles"]
        assert _quantities(again, event_id) == {"Cookie tin": 20}
    finally:
        again.dispose()


def test_parse_quantity_edge_cases():
    assert parse_quantity("+5") == 5
    assert parse_quantity(3.0) == 3
    with pytest.raises(ValidationError, match="not a decimal: 2.5"):
        parse_quantity(2.5)
    with pytest.raises(ValidationError):
        parse_quantity(True)
    with pytest.raises(ValidationError, match="at most 1,000,000,000"):
        parse_quantity("10000000000")
