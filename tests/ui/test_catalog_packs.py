"""Packs and prices in the real ingredient editor: add, inline errors, preferred, edit, delete."""

from __future__ import annotations

from decimal import Decimal

import pytest

from src.services import catalog
from src.services.catalog import packs as catalog_packs
from src.ui.catalog.ingredients import IngredientDialog
from src.ui.catalog.packs import PackDialog
from src.ui.catalog.tab import INGREDIENTS, CatalogTab

from .conftest import pump
from .test_catalog_support import confirm_open_question, open_dialog, screenshot, type_into

pytestmark = pytest.mark.gui


@pytest.fixture
def flour(db):
    return catalog.create_ingredient(db, name="All-purpose flour", category="Dry goods",
                                     density_g_per_ml="0.53")


@pytest.fixture
def editor(root, db, flour) -> IngredientDialog:
    tab = CatalogTab(root, db, on_catalog_changed=lambda: None)
    tab.pack(fill="both", expand=True)
    tab.show_section(INGREDIENTS)
    tab.refresh()
    tab.ingredients.panel.select(str(flour.id))
    tab.ingredients.panel.buttons["Edit"].invoke()
    pump(root)
    dialog = open_dialog(root, IngredientDialog)
    dialog.tab = tab  # for the tests that look at the ingredient list behind it
    return dialog


def add_pack(root, editor, label, size, unit, price="", store="", preferred=False) -> PackDialog:
    editor.packs.buttons["Add pack"].invoke()
    pump(root)
    dialog = open_dialog(root, PackDialog)
    type_into(dialog.label_entry, label)
    type_into(dialog.quantity_entry, size)
    dialog.unit_menu.set(unit)
    type_into(dialog.price_entry, price)
    type_into(dialog.store_entry, store)
    if preferred:
        dialog.preferred_box.toggle()
    dialog.ok_button.invoke()
    pump(root)
    return dialog


def test_add_packs_with_prices_and_one_preferred(root, db, flour, editor):
    add_pack(root, editor, "5 lb bag", "5", "lb", "4.29", "Grocer", preferred=True)
    add_pack(root, editor, "2 lb bag", "2", "lb", "2.19")
    assert editor.packs.rows() == [
        ("5 lb bag", ("5 lb", "$4.29", "Grocer", "preferred")),
        ("2 lb bag", ("2 lb", "$2.19", "", "")),
    ]
    add_pack(root, editor, "25 lb sack", "25", "lb", "", "Club", preferred=True)
    rows = dict(editor.packs.rows())
    assert rows["25 lb sack"] == ("25 lb", "no price", "Club", "preferred")
    assert rows["5 lb bag"][3] == ""  # the preferred mark moved
    # The ingredient list behind the editor follows at once (packs save immediately).
    listed = editor.tab.ingredients.panel.tree.set(str(flour.id), "packs")
    assert listed == "5 lb bag $4.29, 2 lb bag $2.19, 25 lb sack no price (preferred)"
    saved = catalog_packs.list_packs(db, flour.id)
    assert [(p.label, p.price, p.preferred) for p in saved] == [
        ("5 lb bag", Decimal("4.29"), False), ("2 lb bag", Decimal("2.19"), False),
        ("25 lb sack", None, True)]


def test_bad_pack_input_stays_open_with_messages_and_saves_nothing(root, db, flour, editor):
    dialog = add_pack(root, editor, "", "-5", "lb", "cheap")
    assert not dialog.closed
    assert dialog.error_text("label") == "Pack label is required"
    assert dialog.error_text("quantity") == "Pack size must be more than zero, not -5"
    assert dialog.error_text("price") == 'Price must be a number; "cheap" is not'
    assert catalog_packs.list_packs(db, flour.id) == ()
    dialog.cancel_button.invoke()
    pump(root)


def test_edit_and_delete_a_pack(root, db, flour, editor):
    add_pack(root, editor, "5 lb bag", "5", "lb", "4.29")
    editor.packs.select(catalog_packs.list_packs(db, flour.id)[0].id)
    editor.packs.buttons["Edit pack"].invoke()
    pump(root)
    dialog = open_dialog(root, PackDialog)
    assert (dialog.label_entry.get(), dialog.quantity_entry.get(), dialog.price_entry.get()) == (
        "5 lb bag", "5", "4.29")
    type_into(dialog.price_entry, "4.49")
    dialog.ok_button.invoke()
    pump(root)
    assert editor.packs.rows() == [("5 lb bag", ("5 lb", "$4.49", "", ""))]
    editor.packs.buttons["Delete pack"].invoke()
    pump(root)
    confirm_open_question(root)
    assert editor.packs.rows() == [] and catalog_packs.list_packs(db, flour.id) == ()


@pytest.mark.screenshot
def test_screenshot_ingredient_editor_with_packs(root, db, flour, editor):
    add_pack(root, editor, "5 lb bag", "5", "lb", "4.29", "Grocer", preferred=True)
    add_pack(root, editor, "25 lb sack", "25", "lb", "13.99", "Warehouse club")
    assert screenshot(editor, "ingredient-packs.png").exists()
