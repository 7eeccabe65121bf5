"""The real recipe dialog: a quantity or share the database cannot keep gets its
message at the row it was typed in, nothing is saved, and the text stays; an
ingredient typed with a combining accent is the existing one."""

from __future__ import annotations

import os
import unicodedata
from decimal import Decimal

import pytest

from src.services import catalog

from .conftest import pump
from .test_catalog_recipes import fill_line, new_recipe_dialog, tab  # noqa: F401
from .test_catalog_support import screenshot, type_into

pytestmark = pytest.mark.gui


def test_figures_the_database_cannot_keep_are_refused_at_their_rows(root, db, tab):  # noqa: F811
    catalog.create_ingredient(db, name="Crème fraîche")
    dialog = new_recipe_dialog(root, tab)
    type_into(dialog.name_entry, "Sliver cake")
    fill_line(dialog, 0, unicodedata.normalize("NFD", "crème fraîche"), "0.0000004", "cup")
    row = dialog.yield_rows[0]
    type_into(row.name, "Sliver")
    row.mode.set("share of a batch per item (%)")
    type_into(row.amount, "0.00001")
    dialog.ok_button.invoke()
    pump(root)

    assert not dialog.closed and catalog.list_recipes(db) == []
    assert "at most 6 decimal places (the smallest amount is 0.000001)" in (
        dialog.line_rows[0].error_text())
    assert "at most 4 decimal places (the smallest amount is 0.0001)" in row.error_text()
    assert dialog.line_rows[0].quantity.get() == "0.0000004"
    if os.environ.get("BAKE_PLANNER_LOOK"):
        screenshot(dialog, "exact-refusals.png")

    type_into(dialog.line_rows[0].quantity, "0.000001")
    type_into(row.amount, "0.0001")
    dialog.ok_button.invoke()
    pump(root)
    assert dialog.closed
    (cake,) = catalog.list_recipes(db)
    view = catalog.get_recipe(db, cake.id)
    assert [(ln.ingredient, ln.quantity) for ln in view.own_lines] == [
        ("Crème fraîche", Decimal("0.000001"))]
    assert view.yields[0].batch_percentage == Decimal("0.0001")
