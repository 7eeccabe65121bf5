"""Yield types in the batch decisions: the picker shown for recipes with several,
saved at once with the decided batches or kept until batches are chosen; and the
unit names written as English plurals."""

from __future__ import annotations

from fractions import Fraction

import pytest

from src.services.plan.dto import BatchRow, OptionRow, ProgressRow, UnitCount
from src.ui.planning.batches_section import BatchesSection

from .conftest import pump
from .plan_builders import (
    BROWNIE_DOC,
    FakeView,
    brownie_row,
    cookie_row,
    make_plan,
)
from .test_planning_batches import Recorder

pytestmark = pytest.mark.gui

SQUARE, PAN = 31, 32  # the unit ids brownie_row uses


@pytest.fixture
def section(root):
    recorder = Recorder()
    widget = BatchesSection(root, on_choose=recorder.choose, on_clear=recorder.clear,
                            confirm=recorder.confirm)
    widget.pack(fill="both", expand=True)
    widget.recorder = recorder
    return widget


def _radio(section, recipe_id: int, batches: int):
    row = section.row_widgets(recipe_id)
    return next(r for r in row.radios if r.winfo_manager() and int(r.cget("value")) == batches)


def _pick_yield(section, recipe_id: int, label_start: str) -> None:
    menu = section.row_widgets(recipe_id).yield_menu
    index = next(i for i in range(menu.index("end") + 1)
                 if str(menu.entrycget(i, "label")).startswith(label_start))
    menu.invoke(index)
    pump(section)


def test_picker_only_for_recipes_with_several_yield_types(section, root):
    section.show(make_plan(cookie_row(), brownie_row(decision=3, unit_id=SQUARE)))
    pump(root)
    cookie, brownie = section.row_widgets(1), section.row_widgets(3)
    assert cookie.yield_text() == "" and not cookie.yield_box.winfo_ismapped()
    assert brownie.yield_box.winfo_ismapped()
    assert brownie.yield_text() == "Brownie square (24 per batch)"
    menu = brownie.yield_menu
    assert [menu.entrycget(i, "label") for i in range(menu.index("end") + 1)] == [
        "Brownie square (24 per batch)", "9x13 pan (part of a batch)"]


def test_choosing_a_yield_type_saves_at_once_with_the_decided_batches(section, root):
    section.show(make_plan(brownie_row(decision=3, unit_id=SQUARE)))
    pump(root)
    _pick_yield(section, 3, "9x13 pan")
    assert section.recorder.chosen == [(3, 3, PAN)]
    assert section.row_widgets(3).yield_text() == "9x13 pan (part of a batch)"
    _pick_yield(section, 3, "9x13 pan")  # the same choice again saves nothing
    assert section.recorder.chosen == [(3, 3, PAN)]


def test_a_yield_type_chosen_first_waits_for_the_batches(section, root):
    # Two units needed: no default yield type, the picker asks for one.
    row = brownie_row()
    row = BatchRow(**{**row.__dict__, "needed": row.needed + (UnitCount(PAN, "9x13 pan", 1),)})
    section.show(make_plan(row))
    pump(root)
    assert section.row_widgets(3).yield_text() == "Choose…"
    _pick_yield(section, 3, "9x13 pan")
    assert section.recorder.chosen == []  # nothing to save yet
    assert section.row_widgets(3).yield_text() == "9x13 pan (part of a batch)"
    section.show(make_plan(row))  # a refresh with the same data keeps the pending choice
    _radio(section, 3, 3).invoke()
    pump(root)
    assert section.recorder.chosen == [(3, 3, PAN)]


def test_a_refused_yield_type_is_rolled_back_with_the_message(root):
    recorder = Recorder(error="9x13 pan is not a yield type of Fudge Brownies")
    section = BatchesSection(root, on_choose=recorder.choose, on_clear=recorder.clear,
                             confirm=recorder.confirm)
    section.pack()
    section.show(make_plan(brownie_row(decision=3, unit_id=SQUARE)))
    pump(root)
    _pick_yield(section, 3, "9x13 pan")
    row = section.row_widgets(3)
    assert row.yield_text() == "Brownie square (24 per batch)"
    assert row.error.winfo_manager() == "grid" and row.error.cget("text") == recorder.error


def test_picker_disabled_when_decisions_cannot_change(section, root):
    section.show(make_plan(brownie_row(decision=3, unit_id=SQUARE), state="in_production"))
    pump(root)
    row = section.row_widgets(3)
    assert str(row.yield_button.cget("state")) == "disabled"
    section._yield_picked(3, PAN)  # even if a menu entry fired, nothing is saved
    assert section.recorder.chosen == []


def test_unit_names_read_as_english_plurals(section, root):
    loaf = BatchRow(
        recipe_id=5, recipe_name="Pumpkin Bread", needed=(UnitCount(51, "Pumpkin loaf", 3),),
        batches_needed=Fraction(3, 2), batches_needed_text="1.5",
        options=(OptionRow(1, "shortfall", (UnitCount(51, "Pumpkin loaf", 2),), -1,
                           Fraction(-1, 2), "-0.5"),
                 OptionRow(2, "extra", (UnitCount(51, "Pumpkin loaf", 4),), 1,
                           Fraction(1, 2), "0.5")),
        decision=None, progress=ProgressRow(0, 0, 0, 0),
        yield_choices=(UnitCount(51, "Pumpkin loaf", 2),),
    )
    section.show(make_plan(loaf))
    pump(root)
    row = section.row_widgets(5)
    assert row.need.cget("text") == "Needed: 3 pumpkin loaves · 1.5 batches"
    assert [r.cget("text") for r in row.radios if r.winfo_manager()] == [
        "1 batch: 2 pumpkin loaves, 1 short",
        "2 batches: 4 pumpkin loaves, 1 extra",
    ]


def test_end_to_end_only_needed_yield_types_can_be_decided(root, db):
    from src.models import FinishedUnit
    from src.services import exchange
    from src.services.errors import ValidationError
    from src.services.plan import decisions
    from src.ui.planning.presenter import PlanningPresenter

    exchange.import_document(db, BROWNIE_DOC)
    presenter = PlanningPresenter(db, FakeView())
    section = BatchesSection(
        root,
        on_choose=lambda rid, n, unit: presenter.choose_batches(rid, n, unit),
        on_clear=lambda rid: presenter.clear_batches(rid),
        confirm=lambda title, message, answer: answer(True),
    )
    section.pack(fill="both", expand=True)
    presenter.add_section(section)
    presenter.load()
    pump(root)
    (batch,) = presenter.plan.batches
    # Only squares are needed: a decision can name only them, so there is no picker.
    assert [c.unit_name for c in batch.yield_choices] == ["Brownie square"]
    row = section.row_widgets(batch.recipe_id)
    assert not row.yield_box.winfo_ismapped()
    _radio(section, batch.recipe_id, 3).invoke()  # 60 squares at 24 → 2 or 3 batches
    pump(root)
    decision = presenter.plan.batches[0].decision
    assert (decision.batches, decision.yield_name) == (3, "Brownie square")
    with db.uow() as s:
        bite = s.query(FinishedUnit).filter(FinishedUnit.name == "Brownie bite").one().id
    with pytest.raises(ValidationError, match="Brownie bite is not needed by this plan"):
        decisions.set_batch_decision(db, presenter.event_id, batch.recipe_id, 3, bite)
