"""Finished goods in the real Catalog tab: a bundle of bundles, a refused cycle,
single-item goods for every yield type, a refused delete, and the planning
service seeing what the catalog made."""

from __future__ import annotations

from datetime import date

import pytest

from src.services import catalog
from src.services.plan import events, selection
from src.services.plan.view import get_plan_view
from src.ui.catalog.goods import GoodDialog
from src.ui.catalog.recipe_editor import RecipeDialog
from src.ui.catalog.tab import GOODS, RECIPES, CatalogTab

from .conftest import pump
from .test_catalog_support import (
    close_notices,
    confirm_open_question,
    notices,
    open_dialog,
    seed_bakery,
    type_into,
)

pytestmark = pytest.mark.gui


@pytest.fixture
def ids(db):
    return seed_bakery(db)


@pytest.fixture
def tab(root, db, ids):
    changes: list[int] = []
    widget = CatalogTab(root, db, on_catalog_changed=lambda: changes.append(1))
    widget.changes = changes
    widget.pack(fill="both", expand=True)
    widget.show_section(RECIPES)  # (an empty catalog opens on Ingredients)
    widget.show_section(GOODS)
    pump(root)
    return widget


def fill_component(dialog: GoodDialog, index: int, choice: str, quantity: str) -> None:
    while len(dialog.rows) <= index:
        dialog.add_button.invoke()
        pump(dialog)
    type_into(dialog.rows[index].choice, choice)
    type_into(dialog.rows[index].quantity, quantity)


def make_hamper(root, tab) -> GoodDialog:
    tab.goods.panel.buttons["New"].invoke()
    pump(root)
    dialog = open_dialog(root, GoodDialog)
    type_into(dialog.name_entry, "Holiday hamper")
    fill_component(dialog, 0, "Cookie tin — finished good", "2")
    fill_component(dialog, 1, "Truffle box — finished good", "1")
    fill_component(dialog, 2, "Sugar cookie — yield of Sugar Cookie Dough", "12")
    return dialog


def test_a_bundle_of_bundles_shows_the_recipes_it_is_made_from(root, db, tab, ids):
    dialog = make_hamper(root, tab)
    # recomputed as components are chosen, before any save
    assert dialog.made_from_label.cget("text") == (
        "Made from recipes: Chocolate Sugar Cookie Dough, Dark Chocolate Truffles, "
        "Sugar Cookie Dough"
    )
    dialog.ok_button.invoke()
    pump(root)
    assert dialog.closed
    assert tab.changes == [1]
    hamper = next(g for g in catalog.list_finished_goods(db) if g.name == "Holiday hamper")
    assert hamper.is_bundle
    assert [(c.kind, c.name, c.quantity) for c in hamper.components] == [
        ("good", "Cookie tin", 2), ("good", "Truffle box", 1), ("unit", "Sugar cookie", 12)]
    tree = tab.goods.panel.tree
    assert tree.set(str(hamper.id), "kind") == "bundle"
    assert tree.set(str(hamper.id), "recipes") == (
        "Chocolate Sugar Cookie Dough, Dark Chocolate Truffles, Sugar Cookie Dough")
    assert tab.goods.panel.selected() == str(hamper.id)


def test_the_component_list_narrows_as_you_type(root, tab):
    tab.goods.panel.buttons["New"].invoke()
    pump(root)
    dialog = open_dialog(root, GoodDialog)
    box = dialog.rows[0].choice
    type_into(box, "truffle")
    assert box.shown_choices() == [
        "Truffle — yield of Dark Chocolate Truffles",
        "Truffle — finished good",
        "Truffle box — finished good",
    ]


def test_a_cycle_is_refused_naming_it_and_nothing_is_saved(root, db, tab, ids):
    make_hamper(root, tab).ok_button.invoke()
    pump(root)
    before = catalog.get_finished_good(db, ids["Truffle box"])
    tab.goods.panel.select(str(ids["Truffle box"]))
    tab.goods.panel.buttons["Edit"].invoke()
    pump(root)
    dialog = open_dialog(root, GoodDialog)
    assert [r.read().choice for r in dialog.rows] == [
        "Truffle — yield of Dark Chocolate Truffles"]
    fill_component(dialog, 1, "Holiday hamper — finished good", "1")
    dialog.ok_button.invoke()
    pump(root)

    assert not dialog.closed
    message = dialog.error_text("components")
    # the hamper holds the box directly and through the tin: either walk is the cycle
    assert message.startswith("This would make a cycle: Truffle box → Holiday hamper → ")
    assert message.endswith(" → Truffle box")
    assert catalog.get_finished_good(db, ids["Truffle box"]) == before
    assert dialog.rows[1].choice.get() == "Holiday hamper — finished good"  # kept as typed
    assert tab.changes == [1]  # only the hamper's save


def test_bad_component_rows_are_marked_where_they_are(root, db, tab):
    tab.goods.panel.buttons["New"].invoke()
    pump(root)
    dialog = open_dialog(root, GoodDialog)
    type_into(dialog.name_entry, "Cookie tin")  # taken
    fill_component(dialog, 0, "Sugar cookie — yield of Sugar Cookie Dough", "2.5")
    fill_component(dialog, 1, "Gingerbread man", "1")
    dialog.ok_button.invoke()
    pump(root)
    assert not dialog.closed
    assert dialog.error_text("name") == 'A finished good named "Cookie tin" already exists'
    assert "quantity must be a whole number, not 2.5" in dialog.rows[0].error_text()
    assert 'no yield type or finished good "Gingerbread man"' in dialog.rows[1].error_text()
    assert len(catalog.list_finished_goods(db)) == 5


def test_a_new_recipe_brings_its_single_item_good(root, db, tab, ids):
    tab.show_section(RECIPES)
    tab.recipes.panel.buttons["New"].invoke()
    pump(root)
    recipe = open_dialog(root, RecipeDialog)
    type_into(recipe.name_entry, "Gingerbread Dough")
    type_into(recipe.yield_rows[0].name, "Gingerbread man")
    type_into(recipe.yield_rows[0].amount, "18")
    recipe.ok_button.invoke()
    pump(root)
    assert recipe.closed
    tab.show_section(GOODS)
    pump(root)
    names = [tab.goods.panel.tree.item(i, "text") for i in tab.goods.panel.shown_iids()]
    assert "Gingerbread man" in names
    assert not any("single-item" in text for text in tab.goods.panel.buttons)


def test_deleting_a_good_inside_a_bundle_is_refused(root, db, tab, ids):
    tab.goods.panel.select(str(ids["Truffle box"]))
    tab.goods.panel.buttons["Delete"].invoke()
    pump(root)
    confirm_open_question(root)
    (message,) = notices(root)
    assert message == '"Truffle box" cannot be deleted: it is part of the bundle "Cookie tin".'
    close_notices(root)
    assert tab.goods.panel.tree.exists(str(ids["Truffle box"]))


def test_the_planning_service_sees_the_new_recipe_and_goods(root, db, tab, ids):
    tab.show_section(RECIPES)
    tab.recipes.panel.buttons["New"].invoke()
    pump(root)
    recipe = open_dialog(root, RecipeDialog)
    type_into(recipe.name_entry, "Gingerbread Dough")
    type_into(recipe.line_rows[0].ingredient, "All-purpose flour")
    type_into(recipe.line_rows[0].quantity, "3")
    type_into(recipe.yield_rows[0].name, "Gingerbread man")
    type_into(recipe.yield_rows[0].amount, "18")
    recipe.ok_button.invoke()
    pump(root)
    tab.show_section(GOODS)
    pump(root)
    dialog = make_hamper(root, tab)
    fill_component(dialog, 3, "Gingerbread man — yield of Gingerbread Dough", "4")
    dialog.ok_button.invoke()
    pump(root)
    assert dialog.closed

    gingerbread = next(r for r in catalog.list_recipes(db) if r.name == "Gingerbread Dough")
    hamper = next(g for g in catalog.list_finished_goods(db) if g.name == "Holiday hamper")
    event = events.create_event(db, name="Christmas 2026", event_date=date(2026, 12, 20))
    selection.set_selected_recipes(db, event.id, [
        gingerbread.id, ids["Sugar Cookie Dough"], ids["Chocolate Sugar Cookie Dough"],
        ids["Truffles"]])
    selection.set_quantity(db, event.id, hamper.id, "5")
    plan = get_plan_view(db, event.id)

    assert "Gingerbread Dough" in [r.name for r in plan.recipes]
    row = next(g for g in plan.goods if g.name == "Holiday hamper")
    assert (row.available, row.quantity, row.is_bundle) == (True, 5, True)
    needs = {b.recipe_name: b for b in plan.batches}
    # 5 hampers × 4 gingerbread men = 20 at 18 per batch
    assert [(u.unit_name, u.items) for u in needs["Gingerbread Dough"].needed] == [
        ("Gingerbread man", 20)]
