"""The New / Edit / Delete flow every catalog list shares, with each list's own
words: what a button says with nothing selected, the delete question, the
editor it opens (from the button, a double-click or Enter), and that Cancel on
the question deletes nothing."""

from __future__ import annotations

from typing import NamedTuple

import pytest

from src.services import catalog
from src.services.catalog.dto import ComponentInput, RecipeInput
from src.ui.catalog.goods import GoodDialog
from src.ui.catalog.ingredients import IngredientDialog
from src.ui.catalog.recipe_editor import RecipeDialog
from src.ui.catalog.recipes import DuplicateDialog
from src.ui.catalog.tab import GOODS, INGREDIENTS, RECIPES, CatalogTab
from src.ui.dialogs import ConfirmDialog, NoticeDialog

from .conftest import pump, toplevels
from .test_catalog_support import close_notices, open_dialog, seed_bakery

pytestmark = pytest.mark.gui

class Case(NamedTuple):
    """A list, the item a test selects in it, its editor, and its words."""

    attr: str
    item: str
    dialog: type
    noun: str  # in its titles: "Edit <noun>", "Delete <noun>", "New <noun>"
    edit: str  # Edit with nothing selected
    delete: str  # Delete with nothing selected
    question: str  # Delete's question about ``item``


CASES = {
    INGREDIENTS: Case(
        "ingredients", "Butter", IngredientDialog, "ingredient",
        "Select an ingredient to edit first.", "Select an ingredient to delete first.",
        'Delete "Butter"? Its pantry stock goes too.'),
    RECIPES: Case(
        "recipes", "Truffles", RecipeDialog, "recipe", "Select a recipe first.",
        "Select a recipe first.",
        'Delete the recipe "Dark Chocolate Truffles" with its lines and yield types?'),
    GOODS: Case(
        "goods", "Cookie tin", GoodDialog, "finished good", "Select a finished good first.",
        "Select a finished good first.", 'Delete "Cookie tin"?'),
}


@pytest.fixture
def ids(db):
    return seed_bakery(db)


@pytest.fixture(params=list(CASES))
def case(request, root, db, ids):
    name = request.param
    tab = CatalogTab(root, db)
    tab.pack(fill="both", expand=True)
    tab.show_section(name)
    pump(root)
    spec = CASES[name]
    return spec, getattr(tab, spec.attr), str(ids[spec.item])


def open_notices(root) -> list[tuple[str, str]]:
    return [(w.title(), str(w.message_label.cget("text"))) for w in toplevels(root)
            if isinstance(w, NoticeDialog) and not w.closed]


def open_dialogs(root, kind) -> list:
    return [w for w in toplevels(root) if isinstance(w, kind) and not w.closed]


@pytest.mark.parametrize("button", ["Edit", "Delete"])
def test_a_button_with_nothing_selected_says_what_to_select(root, case, button):
    spec, section, _iid = case
    section.panel.buttons[button].invoke()
    pump(root)
    message = spec.edit if button == "Edit" else spec.delete
    assert open_notices(root) == [(f"{button} {spec.noun}", message)]
    assert open_dialogs(root, spec.dialog) == []
    assert open_dialogs(root, ConfirmDialog) == []
    close_notices(root)


def test_duplicate_with_nothing_selected_says_to_select_a_recipe(root, db, ids):
    tab = CatalogTab(root, db)
    tab.pack(fill="both", expand=True)
    tab.show_section(RECIPES)
    pump(root)
    tab.recipes.panel.buttons["Duplicate"].invoke()
    pump(root)
    assert open_notices(root) == [("Duplicate recipe", "Select a recipe first.")]
    assert open_dialogs(root, DuplicateDialog) == []
    close_notices(root)


def test_delete_asks_in_the_lists_words_and_cancel_keeps_the_item(root, db, case):
    before = (catalog.list_ingredients(db), catalog.list_recipes(db),
              catalog.list_finished_goods(db))
    spec, section, iid = case
    panel = section.panel
    panel.select(iid)
    panel.buttons["Delete"].invoke()
    pump(root)
    (question,) = open_dialogs(root, ConfirmDialog)
    assert question.title() == f"Delete {spec.noun}"
    assert question.message_label.cget("text") == spec.question
    assert question.confirm_button.cget("text") == "Delete"
    question.cancel_button.invoke()
    pump(root)
    assert (catalog.list_ingredients(db), catalog.list_recipes(db),
            catalog.list_finished_goods(db)) == before
    assert panel.tree.exists(iid)
    assert open_notices(root) == []


@pytest.mark.parametrize("how", ["button", "Enter"])
def test_edit_opens_the_selected_item_in_its_editor(root, case, how):
    spec, section, iid = case
    panel = section.panel
    panel.select(iid)
    pump(root)
    if how == "button":
        panel.buttons["Edit"].invoke()
    else:
        panel.tree.focus_force()
        pump(root)
        panel.tree.event_generate("<Return>")
    pump(root)
    dialog = open_dialog(root, spec.dialog)
    assert dialog.title() == f"Edit {spec.noun}"
    assert dialog.name_entry.get() == panel.tree.item(iid, "text")
    dialog.cancel_button.invoke()
    pump(root)


def test_new_opens_an_empty_editor(root, case):
    spec, section, _iid = case
    section.panel.buttons["New"].invoke()
    pump(root)
    dialog = open_dialog(root, spec.dialog)
    assert dialog.title() == f"New {spec.noun}"
    assert dialog.name_entry.get() == ""
    dialog.cancel_button.invoke()
    pump(root)


def make_scratch(db, ids, attr: str) -> int:
    """A new item of the list ``attr`` that nothing uses (so it can be deleted)."""
    if attr == "ingredients":
        return catalog.create_ingredient(db, name="Scratch").id
    if attr == "recipes":
        return catalog.create_recipe(db, RecipeInput(name="Scratch")).id
    return catalog.create_finished_good(db, name="Scratch", components=[
        ComponentInput(1, unit_id=ids["unit:Truffle"])]).id


def test_editing_an_item_deleted_elsewhere_says_so_and_leaves_no_editor(root, db, ids, case):
    spec, section, _iid = case
    scratch = make_scratch(db, ids, spec.attr)
    section.refresh()
    section.panel.select(str(scratch))
    delete = {"ingredients": catalog.delete_ingredient, "recipes": catalog.delete_recipe,
              "goods": catalog.delete_finished_good}[spec.attr]
    delete(db, scratch)  # as another window would
    section.panel.buttons["Edit"].invoke()
    pump(root)
    ((title, message),) = open_notices(root)
    assert title == f"Edit {spec.noun}"
    assert "does not exist" in message
    assert open_dialogs(root, spec.dialog) == []
    assert not section.panel.tree.exists(str(scratch))
    close_notices(root)
