"""Ingredients in the real Catalog tab: create, inline errors, edit, refused delete."""

from __future__ import annotations

from decimal import Decimal

import pytest

from src.services import catalog
from src.services.catalog import pantry
from src.ui.catalog.ingredients import IngredientDialog
from src.ui.catalog.tab import INGREDIENTS, CatalogTab

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
def tab(root, db):
    changes: list[int] = []
    widget = CatalogTab(root, db, on_catalog_changed=lambda: changes.append(1))
    widget.changes = changes
    widget.pack(fill="both", expand=True)
    widget.show_section(INGREDIENTS)
    pump(root)
    return widget


def new_dialog(root, tab) -> IngredientDialog:
    tab.ingredients.panel.buttons["New"].invoke()
    pump(root)
    return open_dialog(root, IngredientDialog)


def test_create_an_ingredient_with_density_and_preferred_unit(root, db, tab):
    dialog = new_dialog(root, tab)
    type_into(dialog.name_entry, "All-purpose flour")
    type_into(dialog.category_entry, "Dry goods")
    type_into(dialog.density_entry, "0.53")
    dialog.unit_menu.set("cup")
    dialog.ok_button.invoke()
    pump(root)
    assert dialog.closed
    (flour,) = catalog.list_ingredients(db)
    assert (flour.name, flour.category, flour.density_g_per_ml, flour.preferred_unit) == (
        "All-purpose flour", "Dry goods", Decimal("0.53"), "cup")
    tree = tab.ingredients.panel.tree
    assert tree.set(str(flour.id), "density") == "0.53"
    assert tab.ingredients.panel.selected() == str(flour.id)
    assert tab.changes == [1]


def test_bad_fields_are_shown_at_each_field_and_nothing_is_saved(root, db, tab):
    catalog.create_ingredient(db, name="Butter")
    tab.refresh()
    dialog = new_dialog(root, tab)
    type_into(dialog.name_entry, "butter")
    type_into(dialog.density_entry, "heavy")
    dialog.ok_button.invoke()
    pump(root)
    assert not dialog.closed
    assert dialog.error_text("density_g_per_ml") == (
        'Density (g per ml) must be a number; "heavy" is not')
    assert dialog.density_entry.get() == "heavy"
    assert dialog.name_entry.get() == "butter"
    type_into(dialog.density_entry, "-1")
    dialog.ok_button.invoke()
    pump(root)
    assert "more than zero" in dialog.error_text("density_g_per_ml")
    type_into(dialog.density_entry, "0.96")
    dialog.ok_button.invoke()
    pump(root)
    assert dialog.error_text("density_g_per_ml") == ""
    assert dialog.error_text("name") == 'An ingredient named "Butter" already exists'
    assert not dialog.closed
    assert len(catalog.list_ingredients(db)) == 1
    assert tab.changes == []


def test_editing_keeps_the_fields_and_none_clears_the_unit(root, db, tab):
    flour = catalog.create_ingredient(db, name="Flour", density_g_per_ml="0.5",
                                      preferred_unit="cup")
    tab.refresh()
    tab.ingredients.panel.select(str(flour.id))
    tab.ingredients.panel.buttons["Edit"].invoke()
    pump(root)
    dialog = open_dialog(root, IngredientDialog)
    assert (dialog.name_entry.get(), dialog.density_entry.get(), dialog.unit_menu.get()) == (
        "Flour", "0.5", "cup")
    type_into(dialog.name_entry, "Bread flour")
    dialog.unit_menu.set("none")
    dialog.ok_button.invoke()
    pump(root)
    saved = catalog.get_ingredient(db, flour.id)
    assert (saved.name, saved.preferred_unit) == ("Bread flour", None)
    assert tab.ingredients.panel.tree.item(str(flour.id), "text") == "Bread flour"


def test_deleting_an_ingredient_used_by_recipes_names_them(root, db, tab):
    ids = seed_bakery(db)
    tab.refresh()
    tab.ingredients.panel.select(str(ids["Butter"]))
    tab.ingredients.panel.buttons["Delete"].invoke()
    pump(root)
    confirm_open_question(root)
    (message,) = notices(root)
    assert message.startswith('"Butter" cannot be deleted')
    assert '"Sugar Cookie Dough"' in message
    close_notices(root)
    assert tab.ingredients.panel.tree.exists(str(ids["Butter"]))


def test_deleting_an_unused_ingredient_drops_its_pantry_stock(root, db, tab):
    vanilla = catalog.create_ingredient(db, name="Vanilla extract")
    pantry.set_pantry_quantity(db, vanilla.id, "100", "ml")
    tab.refresh()
    tab.ingredients.panel.select(str(vanilla.id))
    tab.ingredients.panel.buttons["Delete"].invoke()
    pump(root)
    confirm_open_question(root)
    assert notices(root) == []
    assert catalog.list_ingredients(db) == []
    assert pantry.list_pantry(db) == []
    assert tab.changes == [1]
