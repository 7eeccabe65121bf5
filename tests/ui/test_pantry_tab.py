"""The Pantry tab in a real window: edits in any unit, refused input, remove,
filter, the shopping list seeing the stock, and the screenshot."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from src.services.catalog import pantry
from src.services.plan import decisions, events, selection
from src.services.plan.view import get_plan_view
from src.ui.pantry.tab import NOTHING, PantryTab

from .conftest import pump
from .test_catalog_support import screenshot, seed_bakery, type_into

pytestmark = pytest.mark.gui


@pytest.fixture
def ids(db):
    return seed_bakery(db)


@pytest.fixture
def tab(root, db, ids):
    changes: list[int] = []
    widget = PantryTab(root, db, on_pantry_changed=lambda: changes.append(1))
    widget.changes = changes
    widget.pack(fill="both", expand=True)
    widget.refresh()
    pump(root)
    return widget


def record(tab: PantryTab, ingredient: str, quantity: str, unit: str) -> None:
    tab.select_ingredient(ingredient)
    pump(tab)
    type_into(tab.quantity_entry, quantity)
    tab.unit_menu.set(unit)
    tab.save_button.invoke()
    pump(tab)


def test_every_ingredient_is_listed_with_nothing_recorded_yet(tab, ids):
    tree = tab.panel.tree
    assert len(tab.panel.shown_iids()) == 7
    assert tree.set(str(ids["Butter"]), "quantity") == NOTHING
    assert str(tab.save_button.cget("state")) == "disabled"  # nothing selected yet


def test_edits_in_other_units_are_saved_and_shown_in_place(root, db, tab, ids):
    record(tab, "All-purpose flour", "5", "lb")
    record(tab, "Butter", "2.5", "cup")
    record(tab, "Eggs", "2", "dozen")
    stock = {r.ingredient: (r.quantity, r.unit) for r in pantry.list_pantry(db)}
    assert stock["All-purpose flour"] == (Decimal("5"), "lb")
    assert stock["Butter"] == (Decimal("2.5"), "cup")
    assert stock["Eggs"] == (Decimal("2"), "dozen")
    tree = tab.panel.tree
    flour = str(ids["All-purpose flour"])
    assert (tree.set(flour, "quantity"), tree.set(flour, "unit")) == ("5", "lb")
    assert tree.set(flour, "changed") != ""
    assert tab.status_label.cget("text").startswith("Saved: 2 dozen")
    assert tab.changes == [1, 1, 1]
    # re-selecting shows what is recorded, ready to change
    tab.select_ingredient("Butter")
    assert (tab.quantity_entry.get(), tab.unit_menu.get()) == ("2.5", "cup")


def test_nothing_recorded_offers_the_preferred_unit(tab):
    tab.select_ingredient("Eggs")
    tab.unit_menu.set("kg")
    tab.select_ingredient("Heavy cream")  # nothing recorded; prefers ml
    assert (tab.quantity_entry.get(), tab.unit_menu.get()) == ("", "ml")
    assert tab.status_label.cget("text") == "Nothing recorded yet"


def test_enter_in_the_quantity_saves(root, db, tab, ids):
    tab.select_ingredient("Cocoa powder")
    type_into(tab.quantity_entry, "250")
    tab.unit_menu.set("g")
    tab.quantity_entry._entry.event_generate("<Return>")
    pump(root)
    assert [(r.quantity, r.unit) for r in pantry.list_pantry(db)
            if r.ingredient == "Cocoa powder"] == [(Decimal("250"), "g")]


def test_a_bad_quantity_is_refused_with_the_text_kept(root, db, tab, ids):
    record(tab, "Butter", "1", "lb")
    record(tab, "Butter", "-2", "lb")
    assert tab.error_label.cget("text") == "Quantity on hand must be zero or more, not -2"
    assert tab.quantity_entry.get() == "-2"
    record(tab, "Butter", "lots", "lb")
    assert 'must be a number; "lots" is not' in tab.error_label.cget("text")
    (butter,) = [r for r in pantry.list_pantry(db) if r.ingredient == "Butter"]
    assert (butter.quantity, butter.unit) == (Decimal("1"), "lb")
    assert tab.changes == [1]
    record(tab, "Butter", "0", "lb")  # "none left" is a fact worth recording
    assert tab.error_label.cget("text") == ""
    assert tab.panel.tree.set(str(ids["Butter"]), "quantity") == "0"


def test_remove_forgets_the_stock(root, db, tab, ids):
    record(tab, "Heavy cream", "500", "ml")
    tab.remove_button.invoke()
    pump(root)
    assert all(r.quantity is None for r in pantry.list_pantry(db))
    assert tab.panel.tree.set(str(ids["Heavy cream"]), "quantity") == NOTHING
    assert str(tab.remove_button.cget("state")) == "disabled"
    assert tab.changes == [1, 1]


def test_filter_keeps_edits_in_place(root, db, tab, ids):
    type_into(tab.panel.filter_entry, "dairy")
    names = [tab.panel.tree.item(i, "text") for i in tab.panel.shown_iids()]
    assert names == ["Butter", "Eggs", "Heavy cream"]
    record(tab, "Eggs", "12", "each")
    assert [tab.panel.tree.item(i, "text") for i in tab.panel.shown_iids()] == names
    type_into(tab.panel.filter_entry, "")
    assert len(tab.panel.shown_iids()) == 7
    assert tab.panel.tree.set(str(ids["Eggs"]), "quantity") == "12"


def test_the_shopping_list_uses_stock_recorded_in_another_unit(root, db, tab, ids):
    event = events.create_event(db, name="Bake sale", event_date=date(2026, 12, 1))
    selection.set_selected_recipes(db, event.id, [ids["Sugar Cookie Dough"]])
    selection.set_quantity(db, event.id, next(
        g.id for g in get_plan_view(db, event.id).goods if g.name == "Sugar cookie"), "48")
    decisions.set_batch_decision(db, event.id, ids["Sugar Cookie Dough"], 2)
    # 2 batches need 5.5 cups of flour; 5 lb at 0.53 g/ml is 18.087 cups
    record(tab, "All-purpose flour", "5", "lb")
    flour = next(s for s in get_plan_view(db, event.id).shopping if s.ingredient ==
                 "All-purpose flour")
    assert flour.status == "sufficient"


@pytest.mark.screenshot
def test_screenshot_of_the_pantry(root, db, tab, ids):
    record(tab, "All-purpose flour", "5", "lb")
    record(tab, "Butter", "454", "g")
    record(tab, "Eggs", "1", "dozen")
    record(tab, "Granulated sugar", "4", "cup")
    tab.select_ingredient("Butter")
    pump(root)
    path = screenshot(tab, "pantry.png")
    assert path.stat().st_size > 10_000


def test_refresh_keeps_a_quantity_being_typed(root, db, tab, ids):
    record(tab, "Butter", "454", "g")
    type_into(tab.quantity_entry, "500")
    tab.unit_menu.set("lb")
    assert tab.unsaved()
    tab.refresh()  # e.g. the catalog changed and the tab reloads
    pump(root)  # the list's re-selection events arrive now
    assert (tab.quantity_entry.get(), tab.unit_menu.get()) == ("500", "lb")
    assert tab.selected().ingredient == "Butter"
    # Another row and back: what is recorded is shown again, the typing is dropped.
    tab.select_ingredient("Eggs")
    pump(root)
    tab.select_ingredient("Butter")
    pump(root)
    assert (tab.quantity_entry.get(), tab.unit_menu.get()) == ("454", "g")
    assert not tab.unsaved()
    # Nothing typed: a refresh shows the stock as stored now (changed elsewhere).
    pantry.set_pantry_quantity(db, ids["Butter"], "1", "kg")
    tab.refresh()
    pump(root)
    assert (tab.quantity_entry.get(), tab.unit_menu.get()) == ("1", "kg")


def test_a_refused_quantity_and_its_message_survive_a_refresh(root, tab):
    record(tab, "Butter", "-2", "lb")
    assert tab.error_label.cget("text") != ""
    tab.refresh()
    pump(root)
    assert tab.quantity_entry.get() == "-2"
    assert tab.error_label.cget("text") == "Quantity on hand must be zero or more, not -2"


def test_refresh_reads_the_preferred_unit_from_the_pantry_rows(root, tab, monkeypatch):
    from src.services import catalog

    def no_second_query(*_args, **_kwargs):
        raise AssertionError("the pantry tab must not list the ingredients again")

    monkeypatch.setattr(catalog, "list_ingredients", no_second_query)
    tab.refresh()
    pump(root)
    tab.select_ingredient("Heavy cream")  # nothing recorded; prefers ml
    assert tab.unit_menu.get() == "ml"
