"""Timing fields in the real recipe editor: saved with the recipe, shown again,
refused with the reason (and the recipe left unsaved) when a figure is bad."""

from __future__ import annotations

import pytest

from src.services import catalog
from src.services.bakedays.dto import TimingInput
from src.services.bakedays.settings import get_recipe_timing, set_recipe_timing
from src.ui.catalog.recipe_editor import RecipeDialog

from .conftest import pump
from .test_catalog_recipes import new_recipe_dialog, tab  # noqa: F401 - fixture
from .test_catalog_support import type_into

pytestmark = pytest.mark.gui


def test_new_recipe_saves_its_timing(root, db, tab):  # noqa: F811
    dialog = new_recipe_dialog(root, tab)
    type_into(dialog.name_entry, "Stollen")
    type_into(dialog.timing.entries["active_minutes"], "40")
    type_into(dialog.timing.entries["oven_minutes"], "50")
    type_into(dialog.timing.entries["days_fresh"], "1")
    dialog.timing.freezes.toggle()
    dialog.ok_button.invoke()
    pump(root)
    assert dialog.closed
    recipe = next(r for r in catalog.list_recipes(db) if r.name == "Stollen")
    timing = get_recipe_timing(db, recipe.id)
    assert (timing.active_minutes, timing.oven_minutes, timing.days_fresh, timing.freezes,
            timing.rest_minutes) == (40, 50, 1, True, None)


def test_bad_timing_keeps_the_dialog_open_and_saves_nothing(root, db, tab):  # noqa: F811
    dialog = new_recipe_dialog(root, tab)
    type_into(dialog.name_entry, "Stollen")
    type_into(dialog.timing.entries["loads_per_batch"], "0")
    dialog.ok_button.invoke()
    pump(root)
    assert not dialog.closed
    assert "Loads per batch must be a whole number of at least 1" in dialog.timing.error_text()
    assert not [r for r in catalog.list_recipes(db) if r.name == "Stollen"]


def test_editing_shows_the_saved_timing(root, db, tab):  # noqa: F811
    from src.services.catalog.dto import RecipeInput

    saved = catalog.create_recipe(db, RecipeInput(name="Gingerbread Dough"))
    set_recipe_timing(db, saved.id, TimingInput(25, 600, 12, 2, 14, True, 180))
    dialog = RecipeDialog(tab, db, saved.id, lambda _v: None)
    pump(root)
    assert dialog.timing.entries["rest_minutes"].get() == "600"
    assert dialog.timing.freezes.get() == 1
    assert dialog.winfo_rooty() + dialog.winfo_height() <= 800  # still fits the screen
    dialog._cancel()
