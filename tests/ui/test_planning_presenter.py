"""The planning presenter with a fake view and fake sections, on a real database."""

from __future__ import annotations

import pytest

from src.services.plan import events as events_service
from src.services.plan import view as plan_view
from src.ui.planning.presenter import PlanningPresenter


class FakeView:
    def __init__(self):
        self.events = []
        self.selected = None
        self.plans = []
        self.errors: list[str] = []
        self.notices: list[tuple[str, str]] = []

    def show_events(self, events, selected_id):
        self.events, self.selected = list(events), selected_id

    def show_plan(self, plan):
        self.plans.append(plan)

    def show_error(self, text):
        self.errors.append(text)

    def clear_error(self):
        pass

    def show_notice(self, title, text):
        self.notices.append((title, text))


class FakeSection:
    def __init__(self):
        self.shown = []

    def show(self, plan):
        self.shown.append(plan)


@pytest.fixture
def setup(bakery_db):
    view, section = FakeView(), FakeSection()
    presenter = PlanningPresenter(bakery_db, view, [section])
    presenter.load()
    return presenter, view, section


def _ids(plan, kind):
    return {r.name: r.id for r in getattr(plan, kind)}


def test_load_shows_events_newest_first_and_the_newest_plan(setup):
    presenter, view, section = setup
    assert [e.name for e in view.events] == ["Christmas 2026", "Bake sale"]
    assert view.selected == view.events[0].id
    assert section.shown[-1].event.name == "Christmas 2026"


def test_selecting_an_event_hands_its_plan_to_every_section(setup):
    presenter, view, section = setup
    other = view.events[1].id
    presenter.select_event(other)
    assert section.shown[-1].event.id == other
    assert view.plans[-1] is section.shown[-1]


def test_save_event_reports_each_bad_field_and_creates_nothing(setup, bakery_db):
    presenter, view, _ = setup
    errors = presenter.save_event(
        None, name="  ", event_date="20/13/2026", expected_attendees="lots"
    )
    assert set(errors) == {"name", "event_date", "expected_attendees"}
    assert "required" in errors["name"]
    assert "Dec 19 2026" in errors["event_date"]
    assert "whole number" in errors["expected_attendees"]
    assert len(events_service.list_events(bakery_db)) == 2


def test_save_event_creates_and_shows_the_new_event(setup):
    presenter, view, section = setup
    errors = presenter.save_event(
        None, name="Wedding", event_date="2027-06-01", expected_attendees=""
    )
    assert errors == {}
    assert view.events[0].name == "Wedding"  # newest date first
    assert section.shown[-1].event.name == "Wedding"
    assert section.shown[-1].event.expected_attendees is None


def test_edit_event_updates_the_list_and_header(setup):
    presenter, view, section = setup
    event = view.events[0]
    assert presenter.save_event(
        event.id, name="Christmas party", event_date="2026-12-21", expected_attendees="60"
    ) == {}
    assert view.events[0].name == "Christmas party"
    assert section.shown[-1].event.expected_attendees == 60


def test_select_recipes_makes_goods_available(setup):
    presenter, _, section = setup
    recipes = _ids(presenter.plan, "recipes")
    presenter.toggle_recipe(recipes["Sugar Cookie Dough"])
    plan = section.shown[-1]
    assert plan.selected_count == 1
    available = {g.name for g in plan.goods if g.available}
    assert available == {"Sugar cookie"}  # the tin also needs truffles


def test_deselect_notice_lists_removed_lines_and_decisions(setup, bakery_db):
    presenter, view, section = setup
    recipes = _ids(presenter.plan, "recipes")
    presenter.set_selected_recipes([recipes["Sugar Cookie Dough"], recipes["Chocolate Truffles"]])
    goods = _ids(presenter.plan, "goods")
    assert presenter.set_quantity(goods["Cookie tin"], "10").saved == 10
    assert presenter.set_quantity(goods["Truffle box"], "3").saved == 3
    view.notices.clear()
    presenter.toggle_recipe(recipes["Sugar Cookie Dough"])
    assert len(view.notices) == 1
    title, text = view.notices[0]
    assert "Cookie tin (10)" in text and "Sugar Cookie Dough" in text
    assert "Truffle box" not in text  # still available: it needs truffles only
    lines = {g.name: g.quantity for g in section.shown[-1].goods if g.quantity}
    assert lines == {"Truffle box": 3}


def test_selecting_without_removal_shows_no_notice(setup):
    presenter, view, _ = setup
    recipes = _ids(presenter.plan, "recipes")
    presenter.toggle_recipe(recipes["Chocolate Truffles"])
    presenter.toggle_recipe(recipes["Chocolate Truffles"])
    assert view.notices == []


@pytest.mark.parametrize("text", ["24.5", "0", "-3", "abc"])
def test_invalid_quantity_is_refused_with_a_message_and_not_saved(setup, bakery_db, text):
    presenter, _, _ = setup
    recipes, goods = _ids(presenter.plan, "recipes"), _ids(presenter.plan, "goods")
    presenter.toggle_recipe(recipes["Sugar Cookie Dough"])
    result = presenter.set_quantity(goods["Sugar cookie"], text)
    assert result.error and "Quantity" in result.error and result.saved is None
    saved = plan_view.get_plan_view(bakery_db, presenter.event_id)
    assert all(g.quantity is None for g in saved.goods)


def test_quantity_007_is_7_and_empty_clears(setup, bakery_db):
    presenter, _, section = setup
    recipes, goods = _ids(presenter.plan, "recipes"), _ids(presenter.plan, "goods")
    presenter.toggle_recipe(recipes["Sugar Cookie Dough"])
    assert presenter.set_quantity(goods["Sugar cookie"], "007").saved == 7  # the value saved
    assert {g.name: g.quantity for g in section.shown[-1].goods}["Sugar cookie"] == 7
    result = presenter.set_quantity(goods["Sugar cookie"], "")
    assert result.error is None and result.saved is None  # the line is removed
    assert {g.name: g.quantity for g in section.shown[-1].goods}["Sugar cookie"] is None


def test_unavailable_good_is_refused_naming_the_recipe(setup):
    presenter, _, _ = setup
    goods = _ids(presenter.plan, "goods")
    message = presenter.set_quantity(goods["Truffle box"], "2").error
    assert "Chocolate Truffles" in message


def test_transitions_walk_the_states_and_forbidden_edits_are_refused(setup):
    presenter, view, section = setup
    recipes, goods = _ids(presenter.plan, "recipes"), _ids(presenter.plan, "goods")
    presenter.toggle_recipe(recipes["Chocolate Truffles"])
    presenter.set_quantity(goods["Truffle box"], "10")
    assert section.shown[-1].allowed.transitions == ("lock",)

    presenter.transition("lock")
    plan = section.shown[-1]
    assert plan.event.plan_state == "locked"
    assert view.events[0].plan_state == "locked"  # the list shows the new state too
    assert set(plan.allowed.transitions) == {"unlock", "start_production"}
    message = presenter.set_quantity(goods["Truffle box"], "12").error
    assert message and "locked" in message
    presenter.toggle_recipe(recipes["Sugar Cookie Dough"])
    assert "locked" in view.errors[-1]
    assert section.shown[-1].selected_count == 1

    presenter.transition("start_production")
    assert section.shown[-1].event.plan_state == "in_production"
    presenter.transition("complete")
    plan = section.shown[-1]
    assert plan.event.plan_state == "completed" and plan.allowed.transitions == ()
    presenter.transition("unlock")  # not allowed any more
    assert "completed" in view.errors[-1]
    assert section.shown[-1].event.plan_state == "completed"


def test_delete_question_names_what_is_removed_then_delete(setup, bakery_db):
    presenter, view, _ = setup
    recipes = _ids(presenter.plan, "recipes")
    presenter.toggle_recipe(recipes["Chocolate Truffles"])
    event_id = presenter.event_id
    question = presenter.delete_question(event_id)
    assert "Christmas 2026" in question and "1 selected recipe" in question
    presenter.delete_event(event_id)
    assert [e.name for e in view.events] == ["Bake sale"]
    assert presenter.plan.event.name == "Bake sale"


def test_a_deleted_event_is_reported_not_crashed(setup, bakery_db):
    presenter, view, section = setup
    gone = presenter.event_id
    events_service.delete_event(bakery_db, gone)  # e.g. from another computer
    presenter.refresh()
    assert view.errors and "does not exist" in view.errors[-1]
    assert gone not in [e.id for e in view.events]


def test_a_refused_batch_choice_returns_the_service_message(setup):
    presenter, _, _ = setup

    recipes = _ids(presenter.plan, "recipes")
    message = presenter.choose_batches(recipes["Sugar Cookie Dough"], 3, None)
    assert message and "Sugar Cookie Dough" in message


def test_export_shopping_list_writes_csv_and_pdf_or_says_why_not(setup, tmp_path):
    presenter, _, _ = setup
    recipes, goods = _ids(presenter.plan, "recipes"), _ids(presenter.plan, "goods")
    presenter.toggle_recipe(recipes["Chocolate Truffles"])
    presenter.set_quantity(goods["Truffle box"], "10")

    assert presenter.choose_batches(recipes["Chocolate Truffles"], 1, None) is None
    target = tmp_path / "list.csv"
    assert presenter.export_shopping("csv", str(target)) is None
    text = target.read_text(encoding="utf-8")
    assert "Dark chocolate" in text and "300" in text
    pdf = tmp_path / "list.pdf"
    assert presenter.export_shopping("pdf", str(pdf)) is None
    assert pdf.read_bytes().startswith(b"%PDF")
    message = presenter.export_shopping("csv", str(tmp_path / "missing" / "list.csv"))
    assert message and "Could not write" in message
