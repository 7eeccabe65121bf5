"""The Catalog tab in a real window: sections, lists, filtering, speed, screenshot."""

from __future__ import annotations

import shutil
import subprocess
import time

import pytest

from src.models import FinishedUnit, Recipe, YieldMode
from src.services import catalog
from src.ui.catalog.recipe_editor import RecipeDialog
from src.ui.catalog.tab import GOODS, INGREDIENTS, RECIPES, CatalogTab

from .conftest import park_pointer, pump
from .test_catalog_support import open_dialog, screenshot, seed_bakery, type_into

pytestmark = pytest.mark.gui


@pytest.fixture
def bakery(db):
    return seed_bakery(db)


def make_tab(root, db, changes=None) -> CatalogTab:
    notify = (lambda: changes.append(1)) if changes is not None else None
    tab = CatalogTab(root, db, on_catalog_changed=notify)
    tab.pack(fill="both", expand=True)
    pump(root)
    return tab


def test_recipes_list_variants_under_their_base(root, db, bakery):
    tab = make_tab(root, db)
    tree = tab.recipes.panel.tree
    base, variant = str(bakery["Sugar Cookie Dough"]), str(bakery["Chocolate Sugar Cookie Dough"])
    assert tree.parent(variant) == base
    assert tree.set(variant, "kind") == "variant"
    assert tree.set(base, "kind") == "base"
    # the variant counts its inherited lines: 4 base lines, cocoa added
    assert tree.set(variant, "lines") == "5"


def test_filter_narrows_as_you_type_and_keeps_variant_under_base(root, db, bakery):
    tab = make_tab(root, db)
    panel = tab.recipes.panel
    type_into(panel.filter_entry, "chocolate sugar")
    shown = [panel.tree.item(i, "text") for i in panel.shown_iids()]
    # only the variant matches; its base is shown too, as its parent
    assert shown == ["Sugar Cookie Dough", "Chocolate Sugar Cookie Dough"]
    assert "2 of 3 recipes shown" in panel.count_label.cget("text")
    type_into(panel.filter_entry, "truffle cand")  # every word must match, any column
    assert [panel.tree.item(i, "text") for i in panel.shown_iids()] == ["Dark Chocolate Truffles"]
    type_into(panel.filter_entry, "")
    assert len(panel.shown_iids()) == 3


def test_sections_switch_and_show_their_lists(root, db, bakery):
    tab = make_tab(root, db)
    tab.show_section(INGREDIENTS)
    pump(root)
    names = [tab.ingredients.panel.tree.item(i, "text") for i in tab.ingredients.panel.shown_iids()]
    assert names[:2] == ["All-purpose flour", "Butter"]
    flour = str(bakery["All-purpose flour"])
    assert tab.ingredients.panel.tree.set(flour, "used") == "Sugar Cookie Dough"
    tab.show_section(GOODS)
    pump(root)
    tree = tab.goods.panel.tree
    tin = str(bakery["Cookie tin"])
    assert tree.set(tin, "kind") == "bundle"
    assert tree.set(tin, "components") == (
        "6 × Sugar cookie, 6 × Chocolate sugar cookie, 1 × Truffle box"
    )
    assert tree.set(str(bakery["Truffle box"]), "recipes") == "Dark Chocolate Truffles"
    assert not tab.recipes.winfo_ismapped()


def test_a_save_in_one_section_reaches_the_others(root, db, bakery):
    changes: list[int] = []
    tab = make_tab(root, db, changes)
    tab.show_section(INGREDIENTS)
    tab.show_section(RECIPES)
    tab.recipes.panel.select(str(bakery["Truffles"]))
    tab.recipes.edit()
    pump(root)
    dialog = open_dialog(root, RecipeDialog)
    type_into(dialog.yield_rows[0].name, "Big truffle")
    dialog.ok_button.invoke()
    pump(root)
    assert changes == [1]
    tab.show_section(GOODS)
    pump(root)
    assert "Big truffle" in tab.goods.panel.tree.set(str(bakery["Truffle box"]), "components")


@pytest.mark.skipif(not shutil.which("xdotool"), reason="needs xdotool for a real click")
def test_double_click_opens_the_editor_of_that_row(root, db, bakery):
    tab = make_tab(root, db)
    tree = tab.recipes.panel.tree
    variant = str(bakery["Chocolate Sugar Cookie Dough"])
    x, y, _w, h = tree.bbox(variant)
    # a real double-click, through the X server
    subprocess.run(["xdotool", "mousemove", "--sync", str(tree.winfo_rootx() + x + 40),
                    str(tree.winfo_rooty() + y + h // 2), "click", "--repeat", "2",
                    "--delay", "80", "1"], check=True, timeout=10)
    for _ in range(10):
        pump(root)
        time.sleep(0.05)
    park_pointer()
    dialog = open_dialog(root, RecipeDialog)
    assert dialog.name_entry.get() == "Chocolate Sugar Cookie Dough"
    assert dialog.base_box.get() == "Sugar Cookie Dough"


def _bulk_recipes(db, count: int) -> None:
    with db.uow() as session:
        for n in range(count):
            recipe = Recipe(name=f"Recipe {n:04d}", category=f"Category {n % 7}")
            recipe.finished_units.append(FinishedUnit(
                name=f"Item {n:04d}", yield_mode=YieldMode.DISCRETE_COUNT, items_per_batch=12))
            session.add(recipe)


def test_a_thousand_recipes_open_and_filter(root, db):
    # How fast is measured by bench/ (catalog_open_ms); this pins what is shown.
    _bulk_recipes(db, 1000)
    recipes = catalog.list_recipes(db)
    tab = make_tab(root, db)
    tab.recipes.show(recipes)
    pump(root, 1)
    assert len(tab.recipes.panel.shown_iids()) == 1000
    type_into(tab.recipes.panel.filter_entry, "recipe 012")
    assert len(tab.recipes.panel.shown_iids()) == 11  # 0012, 0120–0129


@pytest.mark.screenshot
def test_screenshot_of_the_catalog(root, db, bakery):
    """The recipe list with a variant's editor open: its own line replaces a base line."""
    tab = make_tab(root, db)
    tab.recipes.panel.select(str(bakery["Chocolate Sugar Cookie Dough"]))
    tab.recipes.edit()
    pump(root)
    dialog = open_dialog(root, RecipeDialog)
    dialog.add_line_button.invoke()
    type_into(dialog.line_rows[1].ingredient, "Butter")
    type_into(dialog.line_rows[1].quantity, "200")
    assert dialog.line_rows[1].marker.cget("text") == "replaces base"
    path = screenshot(tab, "catalog.png")
    assert path.stat().st_size > 10_000


def test_an_empty_catalog_opens_on_ingredients(root, db):
    tab = CatalogTab(root, db)
    tab.pack(fill="both", expand=True)
    pump(root)
    assert tab.current == INGREDIENTS  # a recipe's lines need ingredients first
