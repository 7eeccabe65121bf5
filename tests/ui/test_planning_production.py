"""The production section in a real window: visibility by state, progress bars,
recording runs, amendments with and without a reason, and the comparison."""

from __future__ import annotations

from datetime import date, datetime
from fractions import Fraction

import pytest

from src.services.plan.dto import (
    AllowedActions,
    AmendmentRow,
    AssemblyView,
    BatchRow,
    ComparisonLine,
    ComparisonView,
    DecisionRow,
    GoodRow,
    OptionRow,
    PlanView,
    ProgressRow,
    UnitCount,
)
from src.services.plan.events import EventView
from src.ui.planning.amend_dialog import ADD, BATCHES, DROP
from src.ui.planning.production_section import ProductionSection

from .conftest import pump, toplevels
from .plan_builders import COOKIE_DOC, FakeView

pytestmark = pytest.mark.gui


def batch_row(recipe_id: int, name: str, decided: int, baked: int) -> BatchRow:
    return BatchRow(
        recipe_id=recipe_id, recipe_name=name,
        needed=(UnitCount(recipe_id * 10, name, decided * 24),),
        batches_needed=Fraction(decided), batches_needed_text=str(decided),
        options=(OptionRow(decided, "exact", None, None, Fraction(0), "0"),),
        decision=DecisionRow(decided, None, None, False),
        progress=ProgressRow(decided, baked, max(0, decided - baked), max(0, baked - decided)),
        yield_choices=(),
    )


COMPARISON = ComparisonView(datetime(2026, 12, 17, 8, 0), (
    ComparisonLine("recipe", "Sugar Cookie Dough", "unchanged", "selected", "selected"),
    ComparisonLine("finished_good", "Lemon bar", "removed", "12", None),
    ComparisonLine("finished_good", "Truffle box", "added", None, "4"),
    ComparisonLine("batch_decision", "Sugar Cookie Dough", "changed", "8 batches", "9 batches"),
))


def make_plan(state: str = "in_production", rows=None, amendments=()) -> PlanView:
    rows = rows if rows is not None else (
        batch_row(1, "Sugar Cookie Dough", 9, 3), batch_row(2, "Vanilla Cake", 4, 5))
    producing = state == "in_production"
    allowed = AllowedActions(state != "completed", state == "draft", state in ("draft", "locked"),
                             producing, producing, (), "")
    event = EventView(1, "Christmas 2026", date(2026, 12, 20), 50, "", state, "bundled")
    goods = (
        GoodRow(101, "Cookie tin", True, True, (), ("Sugar Cookie Dough",), 20),
        GoodRow(102, "Truffle box", True, True, (), ("Truffles",), None),
    )
    return PlanView(
        event=event, allowed=allowed, recipes=(), selected_count=len(rows), goods=goods,
        batches=tuple(rows), decided_count=len(rows), complete=True, shopping=(),
        assembly=AssemblyView("empty", ()), amendments=tuple(amendments),
        comparison=COMPARISON if state in ("in_production", "completed") else None,
        production_runs=(), cycle_error=None,
    )


class Calls:
    def __init__(self, error: str | None = None) -> None:
        self.calls: list[tuple] = []
        self.error = error

    def record(self, *args):
        self.calls.append(("record", *args))
        return self.error

    def amend(self, kind, what, reason):
        self.calls.append((kind, what, reason))
        return self.error


def build(root, calls: Calls) -> ProductionSection:
    section = ProductionSection(root, on_record=calls.record, on_amend=calls.amend)
    section.pack(fill="x")
    return section


def test_hidden_before_production_and_shown_after(root):
    section = build(root, Calls())
    section.show(make_plan("locked"))
    pump(root)
    assert not section.visible and not section.content.winfo_ismapped()
    assert section.winfo_height() <= 2
    section.show(make_plan("in_production"))
    pump(root)
    assert section.visible and section.content.winfo_ismapped()
    section.show(make_plan("completed"))
    pump(root)
    assert section.visible
    assert section.record_button.cget("state") == "disabled"
    assert section.amend_button.cget("state") == "disabled"
    assert section.compare_button.cget("state") == "normal"


def test_progress_bars_show_baked_of_decided_and_overage(root):
    section = build(root, Calls())
    section.show(make_plan())
    pump(root)
    assert section.progress_rows() == {
        1: "3 of 9 batches baked · 6 to go",
        2: "5 of 4 batches baked · 1 extra batch",
    }
    bar = section.progress_bar(1)
    assert (float(bar.cget("value")), float(bar.cget("maximum"))) == (3.0, 9.0)
    assert "Over" in section.progress_bar(2).cget("style")


def test_record_dialog_rejects_bad_batches_inline_then_records(root):
    calls = Calls()
    section = build(root, calls)
    section.show(make_plan())
    section.record_button.invoke()
    pump(root)
    dialog = section._dialog
    assert dialog in toplevels(root)
    assert dialog.recipe_menu.get() == "Sugar Cookie Dough"  # first with batches to go
    dialog.batches_entry.insert(0, "2.5")
    dialog.ok_button.invoke()
    pump(root)
    assert dialog.error_text("batches") == "Batches baked must be a whole number, not 2.5"
    assert calls.calls == [] and dialog.winfo_exists()
    dialog.batches_entry.delete(0, "end")
    dialog.batches_entry.insert(0, "2")
    dialog.notes_entry.insert(0, "second tray")
    dialog.ok_button.invoke()
    pump(root)
    assert calls.calls == [("record", 1, 2, "second tray", False)]
    assert not dialog.winfo_exists()


def test_record_refused_by_the_service_keeps_the_dialog_open(root):
    calls = Calls(error="The plan is completed: nothing can be recorded")
    section = build(root, calls)
    section.show(make_plan())
    dialog = section.open_record(recipe_id=2)
    pump(root)
    assert dialog.recipe_menu.get() == "Vanilla Cake"
    dialog.recipe_menu.set("Sugar Cookie Dough")  # within its decision: no question
    dialog.batches_entry.insert(0, "1")
    dialog.ok_button.invoke()
    pump(root)
    assert dialog.winfo_exists()
    assert dialog.error_text(None) == calls.error


def test_amend_without_a_reason_is_refused_inline(root):
    calls = Calls()
    section = build(root, calls)
    section.show(make_plan())
    dialog = section.open_amend(kind=DROP)
    pump(root)
    assert dialog.kind == DROP and dialog.line_menu.get() == "Cookie tin"
    dialog.ok_button.invoke()
    pump(root)
    assert dialog.error_text("reason") == "A reason is required: say why the plan changes"
    assert calls.calls == [] and dialog.winfo_exists()
    dialog.reason_entry.insert(0, "   ")  # blank is no reason either
    dialog.ok_button.invoke()
    pump(root)
    assert calls.calls == []
    dialog.reason_entry.insert(0, "Out of tins")
    dialog.ok_button.invoke()
    pump(root)
    assert calls.calls == [("drop_fg", {"good_id": 101}, "Out of tins")]
    assert not dialog.winfo_exists()


def test_amend_add_line_and_change_batches(root):
    calls = Calls()
    section = build(root, calls)
    section.show(make_plan())
    dialog = section.open_amend(kind=ADD)
    pump(root)
    assert dialog.field_visible("quantity") and not dialog.field_visible("batches")
    assert dialog.add_menu.get() == "Truffle box"  # only goods not in the plan yet
    dialog.quantity_entry.insert(0, "0")
    dialog.reason_entry.insert(0, "Neighbours asked")
    dialog.ok_button.invoke()
    pump(root)
    assert dialog.error_text("quantity") == "Quantity must be a whole number of at least 1, not 0"
    dialog.quantity_entry.delete(0, "end")
    dialog.quantity_entry.insert(0, "4")
    dialog.ok_button.invoke()
    pump(root)
    assert calls.calls == [("add_fg", {"good_id": 102, "quantity": 4}, "Neighbours asked")]

    dialog = section.open_amend(kind=DROP)
    dialog.select_kind(BATCHES)
    pump(root)
    assert dialog.field_visible("batches") and not dialog.field_visible("line")
    assert dialog.current_label.cget("text") == (
        "9 batches decided, 3 baked (new count: 3 or more) · need 9")
    dialog.batches_entry.insert(0, "10")
    dialog.reason_entry.insert(0, "More guests")
    dialog.ok_button.invoke()
    pump(root)
    assert calls.calls[-1] == ("modify_batch", {"recipe_id": 1, "batches": 10}, "More guests")


def test_amendment_history_newest_first(root):
    section = build(root, Calls())
    section.show(make_plan(amendments=(
        AmendmentRow(1, "drop_fg", "Dropped Lemon bar (was 12)", "Out of lemons",
                     datetime(2026, 12, 18, 9, 30)),
        AmendmentRow(2, "modify_batch", "Sugar Cookie Dough: 8 → 9 batches", "More guests",
                     datetime(2026, 12, 18, 11, 5)),
    )))
    pump(root)
    lines = section.amendment_lines()
    assert [(kind, summary, reason) for _when, kind, summary, reason in lines] == [
        ("Batches", "Sugar Cookie Dough: 8 → 9 batches", "More guests"),
        ("Dropped line", "Dropped Lemon bar (was 12)", "Out of lemons"),
    ]


def test_compare_marks_added_removed_and_changed(root):
    section = build(root, Calls())
    section.show(make_plan())
    section.compare_button.invoke()
    pump(root)
    dialog = section._dialog
    assert dialog.summary_label.cget("text") == (
        "Since production started: 1 added, 1 removed, 1 changed."
    )
    rows = dialog.rows()
    assert [(values[1], values[4], tags) for values, tags in rows] == [
        ("Sugar Cookie Dough", "—", ("muted",)),
        ("Lemon bar", "Removed", ("short",)),
        ("Truffle box", "Added", ("ok",)),
        ("Sugar Cookie Dough", "Changed", ("warning",)),
    ]
    assert rows[3][0][2:4] == ("8 batches", "9 batches")
    dialog.ok_button.invoke()
    pump(root)
    assert not dialog.winfo_exists()


# -- end to end: a real database through the planning presenter ------------------


@pytest.fixture
def producing(root, db):
    """A plan in production (9 batches of sugar cookies decided), the section wired to
    the presenter as the planning tab wires it."""
    from src.services import exchange
    from src.services.plan import decisions, lifecycle
    from src.services.plan.events import list_events
    from src.ui.planning.presenter import PlanningPresenter

    exchange.import_document(db, COOKIE_DOC)
    event_id = list_events(db)[0].id
    presenter = PlanningPresenter(db, FakeView())
    presenter.event_id = event_id
    recipe_id = presenter.refresh().batches[0].recipe_id
    decisions.set_batch_decision(db, event_id, recipe_id, 9)
    lifecycle.lock_plan(db, event_id)
    lifecycle.start_production(db, event_id)
    p = presenter
    section = ProductionSection(
        root,
        on_record=p.record_production,
        on_amend=p.amend,
        on_preview=p.preview_amendment,
    )
    section.pack(fill="x")
    presenter.add_section(section)
    presenter.refresh()
    pump(root)
    return presenter, section, recipe_id


def test_end_to_end_record_a_run_and_see_progress(producing, root):
    presenter, section, recipe_id = producing
    assert section.visible
    assert section.progress_rows() == {recipe_id: "0 of 9 batches baked · 9 to go"}
    dialog = section.open_record()
    dialog.batches_entry.insert(0, "3")
    dialog.notes_entry.insert(0, "first tray")
    dialog.ok_button.invoke()
    pump(root)
    assert not dialog.winfo_exists()
    assert section.progress_rows() == {recipe_id: "3 of 9 batches baked · 6 to go"}
    assert [r.batches for r in presenter.plan.production_runs] == [3]
    values = section.runs_tree.item(section.runs_tree.get_children()[0], "values")
    assert tuple(values[1:]) == ("Sugar Cookie Dough", "3", "first tray")


def test_end_to_end_amend_then_compare(producing, root):
    presenter, section, recipe_id = producing
    dialog = section.open_amend(kind=BATCHES)
    dialog.batches_entry.insert(0, "10")
    dialog.ok_button.invoke()  # no reason: refused in the dialog, nothing saved
    pump(root)
    assert dialog.error_text("reason")
    assert presenter.plan.amendments == ()
    dialog.reason_entry.insert(0, "More guests")
    dialog.ok_button.invoke()
    pump(root)
    assert not dialog.winfo_exists()
    assert len(presenter.plan.amendments) == 1
    assert section.amendment_lines()[0][3] == "More guests"
    assert section.progress_rows() == {recipe_id: "0 of 10 batches baked · 10 to go"}
    compare = section.open_compare()
    pump(root)
    changed = [values for values, _tags in compare.rows() if values[4] == "Changed"]
    assert changed == [("Batches", "Sugar Cookie Dough", "9 batches", "10 batches", "Changed")]


def test_end_to_end_service_refusal_shows_in_the_dialog(producing, root):
    presenter, section, recipe_id = producing
    dialog = section.open_record()
    dialog.batches_entry.insert(0, "2")
    dialog.ok_button.invoke()
    pump(root)
    dialog = section.open_amend(kind=BATCHES)
    dialog.batches_entry.insert(0, "1")
    dialog.reason_entry.insert(0, "Fewer guests")
    dialog.ok_button.invoke()
    pump(root)
    # Two batches are baked: the service refuses one, the dialog says why.
    assert dialog.winfo_exists()
    assert dialog.error_text(None)
    assert presenter.plan.amendments == ()
