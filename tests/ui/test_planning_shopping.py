"""The shopping list and assembly section in a real window: groups, unconvertible
lines, exports through an injected path chooser, assembly statuses."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from src.services.plan.dto import (
    AllowedActions,
    AssemblyLineRow,
    AssemblyView,
    PlanView,
    ShoppingLineRow,
)
from src.services.plan.events import EventView
from src.ui.planning.assembly_section import AssemblySection
from src.ui.planning.shopping_section import HAVE_GROUP, TO_BUY_GROUP, ShoppingSection

from .conftest import pump
from .plan_builders import COOKIE_DOC

pytestmark = pytest.mark.gui


def line(ingredient_id, name, needed, unit, on_hand, status, note=None) -> ShoppingLineRow:
    needed, on_hand = Decimal(needed), Decimal(on_hand)
    to_buy = max(Decimal(0), needed - on_hand)
    return ShoppingLineRow(ingredient_id, name, "Dry goods", needed, unit, on_hand, to_buy,
                           status, note, str(needed), str(on_hand), str(to_buy))


SHOPPING = (
    line(1, "All-purpose flour", "24.75", "cup", "18.087", "to_buy"),
    line(2, "Eggs", "12", "each", "3", "to_buy",
         note="each cannot be converted to cup; listed separately"),
    line(2, "Eggs", "1", "cup", "0", "to_buy",
         note="cup cannot be converted to each; listed separately"),
    line(3, "Sugar", "2", "kg", "5", "sufficient"),
)
ASSEMBLY = AssemblyView("partial", (
    AssemblyLineRow(101, "Cookie tin", 20, 15, "partial"),
    AssemblyLineRow(102, "Sugar cookie", 80, 80, "met"),
    AssemblyLineRow(103, "Cake box", 3, 0, "undecided"),
    AssemblyLineRow(104, "Truffle tray", 2, 0, "short"),
))


def make_plan(shopping=SHOPPING, assembly=ASSEMBLY, state="locked") -> PlanView:
    allowed = AllowedActions(True, False, True, False, False, (), "")
    event = EventView(1, "Christmas 2026", date(2026, 12, 20), 50, "", state, "bundled")
    return PlanView(
        event=event, allowed=allowed, recipes=(), selected_count=0, goods=(), batches=(),
        decided_count=0, complete=True, shopping=tuple(shopping), assembly=assembly,
        amendments=(), comparison=None, production_runs=(), cycle_error=None,
    )


class Exports:
    def __init__(self, csv_error=None, pdf_error=None, path="/tmp/list.csv") -> None:
        self.calls: list[tuple[str, str]] = []
        self.asked: list[tuple[str, str]] = []
        self.csv_error, self.pdf_error, self.path = csv_error, pdf_error, path

    def choose(self, kind, suggested):
        self.asked.append((kind, suggested))
        return self.path

    def csv(self, path):
        self.calls.append(("csv", path))
        return self.csv_error

    def pdf(self, path):
        self.calls.append(("pdf", path))
        return self.pdf_error


def build(root, exports: Exports) -> ShoppingSection:
    section = ShoppingSection(root, on_export_csv=exports.csv, on_export_pdf=exports.pdf,
                              choose_path=exports.choose)
    section.pack(fill="both", expand=True)
    return section


def test_lines_are_grouped_to_buy_and_already_have(root):
    section = build(root, Exports())
    section.show(make_plan())
    pump(root)
    assert section.tree.item(TO_BUY_GROUP, "text") == "To buy (3)"
    assert section.tree.item(HAVE_GROUP, "text") == "Already have (1)"
    to_buy = section.group_lines(TO_BUY_GROUP)
    # rows made without buying data: exact figures, empty buy and cost cells
    assert to_buy[0] == ("All-purpose flour", ("24.75", "18.087", "6.663", "cup", "", "", "", ""))
    assert [name for name, _ in section.group_lines(HAVE_GROUP)] == ["Sugar"]
    # A sufficient line shows nothing to buy.
    assert section.group_lines(HAVE_GROUP)[0][1][2] == "—"
    assert section.summary_label.cget("text") == "3 to buy, 1 already in the pantry"


def test_unconvertible_lines_keep_their_units_with_a_note(root):
    section = build(root, Exports())
    section.show(make_plan())
    pump(root)
    eggs = [values for name, values in section.group_lines(TO_BUY_GROUP) if name == "Eggs"]
    assert [(v[3], v[4]) for v in eggs] == [
        ("each", "each cannot be converted to cup; listed separately"),
        ("cup", "cup cannot be converted to each; listed separately"),
    ]


def test_export_asks_for_a_path_and_reports_success(root):
    exports = Exports(path="/tmp/christmas.csv")
    section = build(root, exports)
    section.show(make_plan())
    section.csv_button.invoke()
    pump(root)
    assert exports.asked == [("csv", "Christmas-2026-2026-12-20-shopping.csv")]
    assert exports.calls == [("csv", "/tmp/christmas.csv")]
    assert section.export_label.cget("text") == "Saved the shopping list to /tmp/christmas.csv"


def test_export_failure_is_shown(root):
    exports = Exports(pdf_error="Could not write /x.pdf: permission denied", path="/x.pdf")
    section = build(root, exports)
    section.show(make_plan())
    section.pdf_button.invoke()
    pump(root)
    assert exports.calls == [("pdf", "/x.pdf")]
    assert section.export_label.cget("text") == "Could not write /x.pdf: permission denied"
    assert section.export_label.winfo_manager() == "pack"


def test_cancelled_file_dialog_exports_nothing(root):
    exports = Exports(path=None)
    section = build(root, exports)
    section.show(make_plan())
    section.csv_button.invoke()
    pump(root)
    assert exports.asked and exports.calls == []


def test_empty_list_disables_exports(root):
    exports = Exports()
    section = build(root, exports)
    section.show(make_plan(shopping=()))
    pump(root)
    assert section.csv_button.cget("state") == "disabled"
    assert section.pdf_button.cget("state") == "disabled"
    assert section.summary_label.cget("text").startswith("Nothing to buy yet")


def test_assembly_badge_and_line_statuses(root):
    section = AssemblySection(root)
    section.pack(fill="both", expand=True)
    section.show(make_plan())
    pump(root)
    assert "partly" in section.badge.cget("text")
    assert section.assembly_rows() == [
        (("Cookie tin", "20", "Partial", "15 of 20"), ("warning",)),
        (("Sugar cookie", "80", "Met", "80 of 80"), ("ok",)),
        (("Cake box", "3", "Undecided", "waiting for batch decisions"), ("muted",)),
        (("Truffle tray", "2", "Short", "0 of 2"), ("short",)),
    ]
    section.show(make_plan(assembly=AssemblyView("met", (
        AssemblyLineRow(102, "Sugar cookie", 80, 80, "met"),))))
    pump(root)
    assert section.badge.cget("text").strip() == "Every finished good can be assembled"
    assert len(section.assembly_rows()) == 1


def test_end_to_end_export_csv_from_a_real_plan(root, db, tmp_path):
    """The section fed by the real plan service, exporting with the real CSV writer."""
    from src.reports.shopping_csv import write_shopping_csv
    from src.services import exchange
    from src.services.plan import decisions
    from src.services.plan import view as plan_view
    from src.services.plan.events import list_events

    exchange.import_document(db, COOKIE_DOC)
    event_id = list_events(db)[0].id
    recipe_id = plan_view.get_plan_view(db, event_id).batches[0].recipe_id
    decisions.set_batch_decision(db, event_id, recipe_id, 9)
    plan = plan_view.get_plan_view(db, event_id)
    target = tmp_path / "list.csv"

    def export_csv(path):
        write_shopping_csv(plan.shopping, path)
        return None

    section = ShoppingSection(root, on_export_csv=export_csv, on_export_pdf=lambda p: None,
                              choose_path=lambda kind, name: str(target))
    section.pack()
    section.show(plan)
    pump(root)
    # 9 batches × 2.75 cups, nothing in the pantry: all of it to buy.
    assert section.group_lines(TO_BUY_GROUP) == [
        ("All-purpose flour", ("24.75", "0", "24.75", "cup", "", "no packs", "no price", ""))
    ]
    section.csv_button.invoke()
    pump(root)
    assert target.read_text(encoding="utf-8").splitlines()[1] == (
        "All-purpose flour,24.75,cup,0,24.75,to_buy,,,0,"
    )

