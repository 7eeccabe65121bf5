"""The wording and small-friction fixes of issue 13, seen in real widgets."""

from __future__ import annotations

import pytest

from src.services import catalog
from src.services.catalog import pantry
from src.ui.catalog.listing import Column, ListPanel, ListRow
from src.ui.planning.batches_section import BatchesSection

from .conftest import pump
from .plan_builders import brownie_row, make_plan
from .test_planning_batches import Recorder

pytestmark = pytest.mark.gui


def test_counts_read_as_english(root):
    panel = ListPanel(root, tree_heading="Name", tree_width=200,
                      columns=(Column("c", "C", 50),), noun="ingredient")
    panel.pack()
    panel.set_rows([ListRow(iid="1", text="Flour", values=("x",))])
    pump(root)
    assert panel.count_label.cget("text") == "1 ingredient"
    assert panel.filter_entry.cget("placeholder_text") == "Filter ingredients…"
    panel.set_rows([ListRow(iid=str(i), text=f"I{i}", values=("x",)) for i in range(3)])
    panel.set_filter("I1")
    assert panel.count_label.cget("text") == "1 of 3 ingredients shown"


def test_plan_wording(window, root):
    planning = window.planning
    assert planning.events.count_label.cget("text") == "2 events"
    plan = planning.presenter.plan
    for name in ("Chocolate Truffles", "Sugar Cookie Dough"):
        planning.recipes.toggle(next(r.id for r in plan.recipes if r.name == name))
    pump(root)
    rows = planning.goods._rows
    labels = {g.name: rows[g.id].label.cget("text")
              for g in planning.presenter.plan.goods if g.id in rows}
    assert labels.get("Cookie tin") == "Cookie tin (bundle)"  # one space
    assert planning.recipes.tree.heading("kind", "text") == "Variant of"
    assert planning.assembly.tree.heading("detail", "text") == "Can make"
    # "To buy" (right-aligned) and "Unit" do not run together
    assert str(planning.shopping.tree.heading("unit", "anchor")) == "center"


def test_a_saved_decision_without_a_yield_type_does_not_say_choose(root):
    section = BatchesSection(root, on_choose=Recorder().choose, on_clear=Recorder().clear,
                             confirm=Recorder().confirm)
    section.pack(fill="both", expand=True)
    row = brownie_row(decision=3)  # decided, no yield type named
    from src.services.plan.dto import BatchRow, UnitCount

    row = BatchRow(**{**row.__dict__, "needed": row.needed + (UnitCount(32, "9x13 pan", 1),)})
    section.show(make_plan(row))
    pump(root)
    assert section.row_widgets(3).yield_text() == "As the plan needs"
    radios = [r for r in section.row_widgets(3).radios if r.winfo_manager()]
    assert all(int(r.cget("image") != "") for r in radios)  # the large circles
    assert all(r.winfo_reqheight() >= 20 for r in radios)


def test_ctrl_a_selects_all_so_typing_replaces(window, root):
    entry = window.planning.recipes.filter_entry._entry
    entry.focus_force()
    pump(root)
    entry.insert(0, "1")
    entry.event_generate("<Control-a>")
    pump(root)
    assert entry.selection_present() and entry.selection_get() == "1"
    entry.event_generate("<KeyPress>", keysym="2")
    pump(root)
    assert entry.get() == "2"


def test_pantry_save_is_disabled_until_a_row_is_chosen(root, db):
    from src.ui.pantry.tab import PantryTab

    catalog.create_ingredient(db, name="Flour", preferred_unit="fl oz")
    tab = PantryTab(root, db)
    tab.pack(fill="both", expand=True)
    tab.refresh()
    pump(root)
    assert tab.save_button.cget("state") == "disabled"
    tab.select_ingredient("Flour")
    pump(root)
    assert tab.save_button.cget("state") == "normal"
    assert tab.unit_menu.get() == "fl oz"  # shown as bakers write it
    tab.panel.set_filter("zzz")  # the chosen row filtered out
    pump(root)
    assert tab.save_button.cget("state") == "disabled"
    assert pantry.list_pantry(db)[0].quantity is None


def test_a_kitchen_figure_in_fluid_ounces_keeps_its_whole_number():
    from src.ui.planning.shopping_section import kitchen

    assert kitchen("16 fl oz", "16") == "16"  # not "16 fl"
    assert kitchen("6.75 cup", "6.663") == "6.75"
    assert kitchen("", "6.663") == "6.663"


def test_long_notes_are_cut_with_an_ellipsis_to_fit_beside_the_date_and_cost():
    from src.ui.planning.header_section import NOTES_SHOWN, notes_line

    line = notes_line("Plates for the exchange, tins and crates for the choir, ribbons")
    assert len(line) <= NOTES_SHOWN and line.endswith("…")
    assert notes_line("Church hall") == "Church hall"
