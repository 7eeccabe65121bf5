"""The batch decisions section in a real window: options, shortfall confirmation,
stale decisions, the exact highlight, completeness, and a run against a real database."""

from __future__ import annotations

import pytest

from src.ui import theme
from src.ui.planning.batches_section import BatchesSection

from .conftest import pump
from .plan_builders import COOKIE_DOC, FakeView, cookie_row, make_plan, truffle_row

pytestmark = pytest.mark.gui


class Recorder:
    """Stands in for the presenter and the confirmation dialog."""

    def __init__(self, error: str | None = None) -> None:
        self.chosen: list[tuple] = []
        self.cleared: list[int] = []
        self.questions: list[tuple[str, str]] = []
        self.answer_with = None
        self.error = error

    def choose(self, recipe_id, batches, unit_id):
        self.chosen.append((recipe_id, batches, unit_id))
        return self.error

    def clear(self, recipe_id):
        self.cleared.append(recipe_id)
        return self.error

    def confirm(self, title, message, on_answer):
        self.questions.append((title, message))
        self.answer_with = on_answer


@pytest.fixture
def section(root):
    recorder = Recorder()
    widget = BatchesSection(root, on_choose=recorder.choose, on_clear=recorder.clear,
                            confirm=recorder.confirm)
    widget.pack(fill="both", expand=True)
    widget.recorder = recorder
    return widget


def _radio(section: BatchesSection, recipe_id: int, batches: int):
    row = section.row_widgets(recipe_id)
    return next(r for r in row.radios if r.winfo_manager() and int(r.cget("value")) == batches)


def test_options_show_need_yield_and_difference(section, root):
    section.show(make_plan(cookie_row()))
    pump(root)
    row = section.row_widgets(1)
    assert row.need.cget("text") == "Needed: 200 sugar cookies · 8.333 batches"
    texts = [r.cget("text") for r in row.radios if r.winfo_manager()]
    assert texts == [
        "8 batches: 192 sugar cookies, 8 short",
        "9 batches: 216 sugar cookies, 16 extra",
    ]
    # The shortfall is written in the warning colour, the extra option is not.
    assert _radio(section, 1, 8).cget("fg") == theme.color("warning_fg")
    assert _radio(section, 1, 9).cget("fg") != theme.color("warning_fg")


def test_exact_option_is_highlighted(section, root):
    section.show(make_plan(truffle_row()))
    pump(root)
    radio = _radio(section, 2, 3)
    assert radio.cget("text") == "3 batches: 72 truffles, exact"
    assert radio.cget("bg") == theme.color("exact_bg")


def test_choosing_an_extra_option_saves_at_once(section, root):
    section.show(make_plan(cookie_row()))
    _radio(section, 1, 9).invoke()
    pump(root)
    assert section.recorder.chosen == [(1, 9, 11)]
    assert section.recorder.questions == []
    assert section.selected_batches(1) == 9


def test_shortfall_asks_and_confirm_keeps_it(section, root):
    section.show(make_plan(cookie_row(decision=9)))
    _radio(section, 1, 8).invoke()
    pump(root)
    assert section.recorder.questions == [
        ("Keep a shortfall?", "You'll be 8 sugar cookies short — keep 8 batches?")
    ]
    assert section.recorder.chosen == []  # nothing saved before the answer
    section.recorder.answer_with(True)
    pump(root)
    assert section.recorder.chosen == [(1, 8, 11)]
    assert section.selected_batches(1) == 8


def test_shortfall_cancel_puts_the_previous_choice_back(section, root):
    section.show(make_plan(cookie_row(decision=9)))
    _radio(section, 1, 8).invoke()
    pump(root)
    section.recorder.answer_with(False)
    pump(root)
    assert section.recorder.chosen == []
    assert section.selected_batches(1) == 9


def test_shortfall_cancel_with_no_previous_choice_leaves_none(section, root):
    section.show(make_plan(cookie_row()))
    _radio(section, 1, 8).invoke()
    section.recorder.answer_with(False)
    pump(root)
    assert section.selected_batches(1) is None


def test_a_refused_choice_is_shown_and_rolled_back(root):
    recorder = Recorder(error="The plan is in production: change batches with an amendment")
    section = BatchesSection(root, on_choose=recorder.choose, on_clear=recorder.clear,
                             confirm=recorder.confirm)
    section.pack()
    section.show(make_plan(cookie_row(decision=8)))
    _radio(section, 1, 9).invoke()
    pump(root)
    row = section.row_widgets(1)
    assert section.selected_batches(1) == 8
    assert row.error.winfo_manager() == "grid"
    assert row.error.cget("text") == recorder.error


def test_stale_decision_is_flagged(section, root):
    section.show(make_plan(cookie_row(needed=300, decision=8, stale=True)))
    pump(root)
    row = section.row_widgets(1)
    assert row.status.cget("text").startswith(
        "Quantities changed: 8 batches is no longer an option"
    )
    assert section.selected_batches(1) == 8 and all(
        int(r.cget("value")) != 8 for r in row.radios if r.winfo_manager()
    )  # no option button claims the stale count
    assert "Plan incomplete" in section.summary_label.cget("text")
    assert "to choose again (Sugar Cookie Dough)" in section.summary_label.cget("text")


def test_completeness_is_always_shown(section, root):
    section.show(make_plan(cookie_row(), truffle_row(decision=3)))
    pump(root)
    assert section.summary_label.cget("text") == "1 of 2 decided · Plan incomplete: 1 to decide"
    section.show(make_plan(cookie_row(decision=9), truffle_row(decision=3)))
    pump(root)
    assert section.summary_label.cget("text") == "2 of 2 decided · Plan complete"


def test_clear_removes_the_decision(section, root):
    section.show(make_plan(cookie_row(decision=9)))
    section.row_widgets(1).clear.invoke()
    pump(root)
    assert section.recorder.cleared == [1]
    assert section.selected_batches(1) is None


def test_disabled_in_production_with_a_pointer_to_amendments(section, root):
    section.show(make_plan(cookie_row(decision=9), state="in_production"))
    pump(root)
    row = section.row_widgets(1)
    assert all(r.cget("state") == "disabled" for r in row.radios)
    assert row.clear.cget("state") == "disabled"
    assert "amendment" in section.note_label.cget("text")
    _radio(section, 1, 8).invoke()  # a disabled radio does nothing
    pump(root)
    assert section.recorder.chosen == [] and section.recorder.questions == []


def test_rows_stay_in_place_and_only_changed_rows_update(section, root):
    section.show(make_plan(cookie_row(), truffle_row()))
    pump(root)
    cookie, truffle = section.row_widgets(1), section.row_widgets(2)
    truffle.need.configure(text="untouched")  # an unchanged row is not rewritten
    section.show(make_plan(cookie_row(needed=240), truffle_row()))
    pump(root)
    assert section.row_widgets(1) is cookie and section.row_widgets(2) is truffle
    assert truffle.need.cget("text") == "untouched"
    assert cookie.need.cget("text") == "Needed: 240 sugar cookies · 10 batches"
    texts = [r.cget("text") for r in cookie.radios if r.winfo_manager()]
    assert texts == ["10 batches: 240 sugar cookies, exact"]
    section.show(make_plan(truffle_row()))
    pump(root)
    assert section.row_ids() == [2]
    assert not cookie.frame.winfo_exists()


# -- end to end: a real database through the planning presenter ------------------

@pytest.fixture
def wired(root, db):
    """The section wired to the presenter as the planning tab wires it."""
    from src.services import exchange
    from src.ui.planning.presenter import PlanningPresenter

    exchange.import_document(db, COOKIE_DOC)
    presenter = PlanningPresenter(db, FakeView())
    questions: list = []
    section = BatchesSection(
        root,
        on_choose=lambda rid, n, unit: presenter.choose_batches(rid, n, unit),
        on_clear=lambda rid: presenter.clear_batches(rid),
        confirm=lambda title, message, answer: questions.append((message, answer)),
    )
    section.pack(fill="both", expand=True)
    presenter.add_section(section)
    presenter.load()
    pump(root)
    return presenter, section, questions


def test_end_to_end_shortfall_confirmed_is_saved(wired, root):
    presenter, section, questions = wired
    recipe_id = presenter.plan.batches[0].recipe_id
    assert section.summary_label.cget("text") == "0 of 1 decided · Plan incomplete: 1 to decide"
    _radio(section, recipe_id, 8).invoke()
    pump(root)
    assert questions[0][0] == "You'll be 8 sugar cookies short — keep 8 batches?"
    questions[0][1](True)
    pump(root)
    assert presenter.plan.batches[0].decision.batches == 8  # saved, reloaded from the database
    assert section.selected_batches(recipe_id) == 8
    assert section.summary_label.cget("text") == "1 of 1 decided · Plan complete"


def test_end_to_end_cancel_saves_nothing_and_quantity_change_makes_it_stale(wired, root):
    presenter, section, questions = wired
    recipe_id = presenter.plan.batches[0].recipe_id
    _radio(section, recipe_id, 9).invoke()
    pump(root)
    assert presenter.plan.batches[0].decision.batches == 9
    _radio(section, recipe_id, 8).invoke()
    questions[-1][1](False)
    pump(root)
    assert presenter.plan.batches[0].decision.batches == 9
    assert section.selected_batches(recipe_id) == 9
    good_id = next(g.id for g in presenter.plan.goods if g.name == "Sugar cookie")
    assert presenter.set_quantity(good_id, "300").error is None
    pump(root)
    assert section.row_widgets(recipe_id).status.cget("text").startswith(
        "Quantities changed: 9 batches is no longer an option"
    )
    assert "Plan incomplete" in section.summary_label.cget("text")


def test_rows_follow_a_switch_to_dark_mode(section, root):
    import customtkinter as ctk

    section.show(make_plan(cookie_row(decision=9)))
    pump(root)
    try:
        ctk.set_appearance_mode("dark")
        pump(root)
        row = section.row_widgets(1)
        assert row.frame.cget("bg") == theme.COLORS["section"][1]
        assert row.title.cget("fg") == theme.COLORS["text"][1]
        assert section.body.cget("bg") == theme.COLORS["section"][1]
        assert _radio(section, 1, 8).cget("fg") == theme.COLORS["warning_fg"][1]
    finally:
        ctk.set_appearance_mode("light")
        pump(root)
    assert section.row_widgets(1).frame.cget("bg") == theme.COLORS["section"][0]
