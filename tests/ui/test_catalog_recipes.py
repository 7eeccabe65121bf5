"""Recipes in the real Catalog tab: a base with lines and a yield, a variant
overriding one line, refused saves that keep the text, duplicate, refused delete."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from src.services import catalog
from src.services.catalog.dto import RecipeInput
from src.services.plan import events, selection
from src.ui.catalog.recipe_editor import RecipeDialog
from src.ui.catalog.recipes import DuplicateDialog
from src.ui.catalog.tab import RECIPES, CatalogTab

from .conftest import pump, toplevels
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
def ingredients(db):
    return {
        name: catalog.create_ingredient(db, name=name, density_g_per_ml=density).id
        for name, density in (("All-purpose flour", "0.53"), ("Butter", "0.96"),
                              ("Granulated sugar", None), ("Cocoa powder", None))
    }


@pytest.fixture
def tab(root, db):
    changes: list[int] = []
    widget = CatalogTab(root, db, on_catalog_changed=lambda: changes.append(1))
    widget.changes = changes
    widget.pack(fill="both", expand=True)
    widget.show_section(RECIPES)  # (an empty catalog opens on Ingredients)
    pump(root)
    return widget


def fill_line(dialog: RecipeDialog, index: int, ingredient: str, quantity: str, unit: str):
    while len(dialog.line_rows) <= index:
        dialog.add_line_button.invoke()
        pump(dialog)
    row = dialog.line_rows[index]
    type_into(row.ingredient, ingredient)
    type_into(row.quantity, quantity)
    row.unit.set(unit)
    return row


def new_recipe_dialog(root, tab) -> RecipeDialog:
    tab.recipes.panel.buttons["New"].invoke()
    pump(root)
    return open_dialog(root, RecipeDialog)


def test_create_a_base_recipe_with_lines_and_a_yield(root, db, tab, ingredients):
    dialog = new_recipe_dialog(root, tab)
    type_into(dialog.name_entry, "Sugar Cookie Dough")
    type_into(dialog.category_entry, "Cookies")
    fill_line(dialog, 0, "All-purpose flour", "2.75", "cup")
    fill_line(dialog, 1, "Butter", "1", "cup")
    type_into(dialog.yield_rows[0].name, "Sugar cookie")
    type_into(dialog.yield_rows[0].amount, "24")
    dialog.ok_button.invoke()
    pump(root)

    assert dialog.closed
    assert tab.changes == [1]
    (summary,) = catalog.list_recipes(db)
    assert tab.recipes.panel.selected() == str(summary.id)
    saved = catalog.get_recipe(db, summary.id)
    assert [(ln.ingredient, ln.quantity, ln.unit) for ln in saved.own_lines] == [
        ("All-purpose flour", Decimal("2.75"), "cup"), ("Butter", Decimal("1"), "cup")]
    assert [(y.name, y.items_per_batch) for y in saved.yields] == [("Sugar cookie", 24)]


def test_typing_narrows_the_ingredient_suggestions(root, tab, ingredients):
    dialog = new_recipe_dialog(root, tab)
    box = dialog.line_rows[0].ingredient
    type_into(box, "BU")
    assert box.shown_choices() == ["Butter"]
    type_into(box, "sugar")
    assert box.shown_choices() == ["Granulated sugar"]
    type_into(box, "")
    assert len(box.shown_choices()) == 4


def test_a_variant_shows_inherited_lines_and_marks_the_one_it_replaces(root, db, tab):
    ids = seed_bakery(db)
    tab.refresh()
    dialog = new_recipe_dialog(root, tab)
    type_into(dialog.name_entry, "Brown Butter Sugar Cookie Dough")
    type_into(dialog.base_box, "Sugar Cookie Dough")
    inherited = dialog.inherited_lines_text()
    assert "All-purpose flour: 2.75 cup" in inherited
    assert "Butter: 227 g" in inherited and "replaced" not in inherited
    row = fill_line(dialog, 0, "Butter", "250", "g")
    assert row.marker.cget("text") == "replaces base"
    assert "Butter: 227 g — replaced" in dialog.inherited_lines_text()
    assert dialog.inherited_text.tag_ranges("replaced")  # drawn struck out
    type_into(dialog.yield_rows[0].name, "Brown butter cookie")
    type_into(dialog.yield_rows[0].amount, "20")
    dialog.ok_button.invoke()
    pump(root)

    assert dialog.closed
    variant = next(r for r in catalog.list_recipes(db) if r.name.startswith("Brown"))
    tree = tab.recipes.panel.tree
    assert tree.parent(str(variant.id)) == str(ids["Sugar Cookie Dough"])
    assert tree.set(str(variant.id), "kind") == "variant"
    saved = catalog.get_recipe(db, variant.id)
    butter = [ln for ln in saved.effective_lines if ln.ingredient == "Butter"]
    assert [(ln.quantity, ln.replaces_base) for ln in butter] == [(Decimal("250"), True)]
    assert len(saved.effective_lines) == 4  # flour, sugar, eggs inherited + own butter

    # Re-opened, the variant's editor shows its own line marked and the base's greyed
    tab.recipes.edit()
    pump(root)
    again = open_dialog(root, RecipeDialog)
    assert [r.read().ingredient for r in again.line_rows] == ["Butter"]
    assert again.line_rows[0].marker.cget("text") == "replaces base"
    assert "Eggs: 1 each" in again.inherited_lines_text()


def test_a_refused_save_keeps_every_text_and_shows_each_message_at_its_field(
    root, db, tab, ingredients
):
    dialog = new_recipe_dialog(root, tab)
    type_into(dialog.category_entry, "Cookies")
    fill_line(dialog, 0, "All-purpose flour", "abc", "cup")
    fill_line(dialog, 1, "", "", "g")  # a blank row is ignored, not an error
    fill_line(dialog, 2, "Buttr", "1", "cup")
    type_into(dialog.yield_rows[0].name, "Sugar cookie")
    type_into(dialog.yield_rows[0].amount, "24.5")
    dialog.ok_button.invoke()
    pump(root)

    assert not dialog.closed
    assert catalog.list_recipes(db) == []
    assert tab.changes == []
    assert dialog.error_text("name") == "Recipe name is required"
    assert 'quantity must be a number; "abc" is not' in dialog.line_rows[0].error_text()
    assert dialog.line_rows[1].error_text() == ""
    assert 'no ingredient named "Buttr"' in dialog.line_rows[2].error_text()
    assert "items per batch must be a whole number, not 24.5" in (
        dialog.yield_rows[0].error_text())
    # nothing typed is lost
    assert dialog.line_rows[0].quantity.get() == "abc"
    assert dialog.line_rows[2].ingredient.get() == "Buttr"
    assert dialog.yield_rows[0].amount.get() == "24.5"
    assert dialog.category_entry.get() == "Cookies"

    # fixing the fields saves, and the messages go away
    type_into(dialog.name_entry, "Sugar Cookie Dough")
    type_into(dialog.line_rows[0].quantity, "2.75")
    type_into(dialog.line_rows[2].ingredient, "Butter")
    type_into(dialog.yield_rows[0].amount, "24")
    dialog.ok_button.invoke()
    pump(root)
    assert dialog.closed
    assert [r.line_count for r in catalog.list_recipes(db)] == [2]


def test_a_share_of_a_batch_yield(root, db, tab, ingredients):
    dialog = new_recipe_dialog(root, tab)
    type_into(dialog.name_entry, "Vanilla Cake")
    fill_line(dialog, 0, "All-purpose flour", "3", "cup")
    row = dialog.yield_rows[0]
    type_into(row.name, "9-inch vanilla cake")
    row.mode.set("share of a batch per item (%)")
    type_into(row.amount, "150")
    dialog.ok_button.invoke()
    pump(root)
    assert "at most 100 %" in row.error_text()
    type_into(row.amount, "50")
    dialog.ok_button.invoke()
    pump(root)
    assert dialog.closed
    (cake,) = catalog.list_finished_units(db)
    assert (cake.mode, cake.batch_percentage) == ("batch_portion", Decimal("50"))


def test_duplicate_a_recipe_as_a_variant(root, db, tab):
    ids = seed_bakery(db)
    tab.refresh()
    tab.recipes.panel.select(str(ids["Truffles"]))
    tab.recipes.panel.buttons["Duplicate"].invoke()
    pump(root)
    dialog = open_dialog(root, DuplicateDialog)
    assert dialog.name_entry.get() == "Dark Chocolate Truffles (copy)"
    type_into(dialog.name_entry, "Sugar Cookie Dough")  # taken
    dialog.ok_button.invoke()
    pump(root)
    assert 'A recipe named "Sugar Cookie Dough" already exists' in dialog.error_text("name")
    type_into(dialog.name_entry, "Raspberry Truffles")
    dialog.variant_box.toggle()
    dialog.ok_button.invoke()
    pump(root)
    assert dialog.closed
    copy = next(r for r in catalog.list_recipes(db) if r.name == "Raspberry Truffles")
    assert copy.base_recipe_id == ids["Truffles"]
    assert tab.recipes.panel.tree.parent(str(copy.id)) == str(ids["Truffles"])
    assert tab.changes == [1]


def test_deleting_a_recipe_used_by_an_event_is_refused_with_the_reason(root, db, tab):
    ids = seed_bakery(db)
    event = events.create_event(db, name="Christmas 2026", event_date=date(2026, 12, 20))
    selection.set_selected_recipes(db, event.id, [ids["Truffles"]])
    tab.refresh()
    tab.recipes.panel.select(str(ids["Truffles"]))
    tab.recipes.panel.buttons["Delete"].invoke()
    pump(root)
    confirm_open_question(root)
    (message,) = notices(root)
    assert '"Dark Chocolate Truffles" cannot be deleted' in message
    assert "Christmas 2026 (2026-12-20)" in message
    close_notices(root)
    assert any(r.id == ids["Truffles"] for r in catalog.list_recipes(db))
    assert tab.recipes.panel.tree.exists(str(ids["Truffles"]))
    assert tab.changes == []


def test_deleting_an_unused_recipe(root, db, tab, ingredients):
    dialog = new_recipe_dialog(root, tab)
    type_into(dialog.name_entry, "Scratch")
    dialog.ok_button.invoke()
    pump(root)
    assert dialog.closed
    tab.recipes.panel.buttons["Delete"].invoke()  # the new recipe is selected
    pump(root)
    confirm_open_question(root)
    assert notices(root) == []
    assert catalog.list_recipes(db) == []
    assert tab.recipes.panel.shown_iids() == []


def test_editing_a_recipe_deleted_elsewhere_says_so_and_leaves_no_dialog(root, db, tab):
    scratch = catalog.create_recipe(db, RecipeInput(name="Scratch"))
    tab.refresh()
    tab.recipes.panel.select(str(scratch.id))
    catalog.delete_recipe(db, scratch.id)  # as another window would
    tab.recipes.panel.buttons["Edit"].invoke()
    pump(root)
    (message,) = notices(root)
    assert "does not exist" in message
    assert not [w for w in toplevels(root) if isinstance(w, RecipeDialog) and not w.closed]
    assert not tab.recipes.panel.tree.exists(str(scratch.id))
    close_notices(root)
