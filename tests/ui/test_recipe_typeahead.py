"""The recipe editor's ingredient field suggests while typing, and a new line takes the
ingredient's preferred unit."""

from __future__ import annotations

import pytest

from src.services import catalog
from src.ui.catalog.recipe_editor import RecipeDialog

from .conftest import pump

pytestmark = pytest.mark.gui


def press(widget, keysym: str) -> None:
    widget.event_generate("<KeyPress>", keysym=keysym)
    widget.event_generate("<KeyRelease>", keysym=keysym)
    pump(widget)


@pytest.fixture
def dialog(root, db):
    catalog.create_ingredient(db, name="All-purpose flour", preferred_unit="cup")
    catalog.create_ingredient(db, name="Almond extract", preferred_unit="tsp")
    catalog.create_ingredient(db, name="Butter")
    found = RecipeDialog(root, db, None, lambda _v: None)
    pump(root)
    if not found.line_rows:
        found.add_line_button.invoke()
        pump(root)
    yield found
    found._cancel()


def test_typing_fills_in_the_first_match_and_its_unit(dialog):
    row = dialog.line_rows[0]
    entry = row.ingredient.entry
    entry.focus_force()
    pump(dialog)
    press(entry, "a")
    press(entry, "l")
    assert entry.get() == "All-purpose flour"
    assert entry.selection_get() == "l-purpose flour"  # selected: the next key replaces it
    assert row.unit.get() == "cup"
    press(entry, "m")  # types over the suggestion
    assert entry.get() == "Almond extract"
    assert row.unit.get() == "tsp"
    press(entry, "BackSpace")  # deletes the suggestion, suggests nothing new
    assert entry.get() == "Alm"


def test_a_unit_the_baker_picked_is_kept(dialog):
    row = dialog.line_rows[0]
    row.unit.set("g")
    row._unit_picked("g")
    entry = row.ingredient.entry
    entry.focus_force()
    pump(dialog)
    press(entry, "a")
    assert row.unit.get() == "g"
