"""Units typed as bakers write them, in the window's unit fields (pantry, recipe lines)."""

from __future__ import annotations

import pytest

from src.services import catalog
from src.services.catalog import pantry
from src.ui.pantry.tab import PantryTab

from .conftest import pump
from .test_catalog_support import type_into

pytestmark = pytest.mark.gui


@pytest.fixture
def tab(root, db):
    catalog.create_ingredient(db, name="Vanilla extract")
    widget = PantryTab(root, db)
    widget.pack(fill="both", expand=True)
    widget.refresh()
    pump(root)
    widget.select_ingredient("Vanilla extract")
    pump(root)
    return widget


def test_a_typed_T_is_a_tablespoon(tab, db):
    type_into(tab.quantity_entry, "2")
    type_into(tab.unit_menu, "T")
    tab.save_button.invoke()
    pump(tab)
    row = pantry.list_pantry(db)[0]
    assert (row.quantity_text, row.unit) == ("2", "tbsp")
    assert tab.unit_menu.get() == "tbsp"


def test_an_unknown_unit_is_named_and_nothing_saved(tab, db):
    type_into(tab.quantity_entry, "2")
    type_into(tab.unit_menu, "handful")
    tab.save_button.invoke()
    pump(tab)
    assert 'unknown unit "handful"' in tab.error_label.cget("text")
    assert pantry.list_pantry(db)[0].quantity is None
    assert tab.unit_menu.get() == "handful"  # what was typed stays to be corrected
