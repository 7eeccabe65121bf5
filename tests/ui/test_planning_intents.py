"""The planning presenter's named intents with a fake view, on a real database.

Each user action is one presenter method (no ``run(action, *args)``); an edit
returns what was saved (or the message) to the section that asked, and the
sections are refreshed only after that section has returned.
"""

from __future__ import annotations

import pytest

from src.services.facade import Services
from src.services.plan import view as plan_view
from src.ui.planning.presenter import PlanningPresenter, SaveResult

from .test_planning_presenter import FakeSection, FakeView


class Deferred:
    """Collects what the presenter defers; ``run()`` is the window becoming idle."""

    def __init__(self):
        self.pending = []

    def __call__(self, callback):
        self.pending.append(callback)

    def run(self):
        pending, self.pending = self.pending, []
        for callback in pending:
            callback()


@pytest.fixture
def deferred_setup(bakery_db):
    view, section, deferred = FakeView(), FakeSection(), Deferred()
    presenter = PlanningPresenter(Services(bakery_db), view, [section], defer=deferred)
    presenter.load()
    recipes = {r.name: r.id for r in presenter.plan.recipes}
    goods = {g.name: g.id for g in presenter.plan.goods}
    presenter.toggle_recipe(recipes["Chocolate Truffles"])
    return presenter, section, deferred, recipes, goods


def test_a_quantity_returns_the_saved_value_and_refreshes_after_the_section_returns(
        deferred_setup, bakery_db):
    presenter, section, deferred, _, goods = deferred_setup
    shown = len(section.shown)
    result = presenter.set_quantity(goods["Truffle box"], "007")
    assert result == SaveResult(saved=7)
    assert len(section.shown) == shown  # not re-entered while it is committing
    saved = plan_view.get_plan_view(bakery_db, presenter.event_id)
    assert {g.name: g.quantity for g in saved.goods}["Truffle box"] == 7
    # A second edit before the window is idle: still one refresh, showing both.
    assert presenter.set_quantity(goods["Truffle box"], "8").saved == 8
    deferred.run()
    assert len(section.shown) == shown + 1
    assert {g.name: g.quantity for g in section.shown[-1].goods}["Truffle box"] == 8


def test_a_refused_quantity_returns_the_message_saves_nothing_and_refreshes_nothing(
        deferred_setup):
    presenter, section, deferred, _, goods = deferred_setup
    shown = len(section.shown)
    result = presenter.set_quantity(goods["Truffle box"], "2.5")
    assert result.saved is None and "Quantity" in result.error
    assert deferred.pending == [] and len(section.shown) == shown


def test_choose_and_clear_batches(deferred_setup):
    presenter, section, deferred, recipes, goods = deferred_setup
    truffles = recipes["Chocolate Truffles"]
    presenter.set_quantity(goods["Truffle box"], "10")  # 40 truffles: 1 batch exact
    assert presenter.choose_batches(truffles, 1, None) is None
    deferred.run()
    row = next(b for b in section.shown[-1].batches if b.recipe_id == truffles)
    assert row.decision.batches == 1
    assert presenter.clear_batches(truffles) is None
    deferred.run()
    row = next(b for b in section.shown[-1].batches if b.recipe_id == truffles)
    assert row.decision is None
    message = presenter.choose_batches(recipes["Sugar Cookie Dough"], 2, None)
    assert message and "Sugar Cookie Dough" in message  # not selected: said, not saved


def test_record_and_amend_in_production(deferred_setup):
    presenter, section, deferred, recipes, goods = deferred_setup
    truffles = recipes["Chocolate Truffles"]
    presenter.set_quantity(goods["Truffle box"], "10")
    presenter.choose_batches(truffles, 1, None)
    deferred.run()
    refused = presenter.record_batches(truffles, 1, "")
    assert refused and "draft" in refused.lower()  # only in production
    presenter.transition("lock")
    presenter.transition("start_production")
    assert presenter.amend_batches(truffles, 2, "more guests") is None
    assert presenter.amend_add_good(goods["Cookie tin"], 2, "gift") is None
    assert presenter.amend_drop_good(goods["Cookie tin"], "not needed after all") is None
    assert presenter.record_batches(truffles, 1, "first tray") is None
    deferred.run()
    plan = section.shown[-1]
    assert [r.batches for r in plan.production_runs] == [1]
    assert len(plan.amendments) == 3
    assert "reason" in (presenter.amend_batches(truffles, 3, "  ") or "").lower()


def test_intents_without_an_event_say_so(bakery_db):
    view = FakeView()
    presenter = PlanningPresenter(Services(bakery_db), view)
    assert presenter.set_quantity(1, "3").error == "Choose an event first"
    assert presenter.choose_batches(1, 1, None) == "Choose an event first"
    assert presenter.record_batches(1, 1, "") == "Choose an event first"


def test_the_facade_offers_only_public_functions_that_take_the_database(bakery_db):
    services = Services(bakery_db)
    assert [e.name for e in services.events.list_events()] == ["Christmas 2026", "Bake sale"]
    for area, name in (("selection", "_line"), ("decisions", "recipe_name"),
                       ("events", "load_event"), ("catalog", "no_such_thing")):
        with pytest.raises(AttributeError):
            getattr(getattr(services, area), name)
    # Any other service module by its name, bound the same way (and once).
    event_id = services.events.list_events()[0].id
    assert services.bake_sheet.get_bake_sheet(event_id).event.id == event_id
    assert services.bake_sheet is services.bake_sheet
    with pytest.raises(AttributeError):
        services.no_such_module  # noqa: B018
