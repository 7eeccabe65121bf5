"""The recipe editor (fake view, no window): names typed with a combining accent
find the ingredient, and figures the schema cannot keep come back as messages on
the row the baker typed them in."""

from __future__ import annotations

import unicodedata

from src.services import catalog
from src.ui.catalog.recipe_presenter import (
    SHARE_OF_BATCH,
    LineForm,
    RecipeEditorPresenter,
    RecipeForm,
    YieldForm,
)

from .test_catalog_presenters import FakeRecipeView

COMPOSED = "Crème fraîche"


def test_an_ingredient_typed_decomposed_is_the_existing_one(db):
    cream = catalog.create_ingredient(db, name=COMPOSED).id
    typed = unicodedata.normalize("NFD", COMPOSED).upper()
    view = FakeRecipeView(RecipeForm(name="Tart", lines=[LineForm(typed, "0.25", "cup")]))
    assert RecipeEditorPresenter(db, view).save() is True, view.errors
    (tart,) = catalog.list_recipes(db)
    assert [ln.ingredient_id for ln in catalog.get_recipe(db, tart.id).own_lines] == [cream]


def test_too_many_decimals_are_refused_on_the_rows_typed(db):
    catalog.create_ingredient(db, name="Flour")
    view = FakeRecipeView(RecipeForm(
        name="Sliver cake",
        lines=[LineForm("Flour", "0.0000004", "cup")],
        yields=[YieldForm("Sliver", SHARE_OF_BATCH, "0.00001")],
    ))
    assert RecipeEditorPresenter(db, view).save() is False
    assert "at most 6 decimal places" in view.errors["lines[0].quantity"]
    assert view.errors["yields[0].batch_percentage"] == (
        'Yield type 1 ("Sliver"): share of a batch (%) can have at most 4 decimal places '
        "(the smallest amount is 0.0001), not 0.00001"
    )
    assert catalog.list_recipes(db) == []
