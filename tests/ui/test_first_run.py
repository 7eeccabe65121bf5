"""A new baker's first plan, driven through the widgets from an empty database:
the welcome guide's three steps, then a recipe, a quantity and a batch decision."""

from __future__ import annotations

import pytest

from src.services import catalog
from src.services.plan import view as plan_view
from src.ui.catalog.ingredients import IngredientDialog
from src.ui.catalog.recipe_editor import RecipeDialog
from src.ui.planning.event_dialog import EventDialog

from ..screens import screenshot_dir
from .conftest import pump
from .test_catalog_support import open_dialog, type_into

pytestmark = pytest.mark.gui


@pytest.fixture
def main(root, db):
    from src.ui.main_window import build_main_window

    window = build_main_window(root, db)
    pump(root)
    return window


def test_empty_database_guides_to_a_first_plan_with_a_batch_decision(main, root, db):
    guide = main.planning.welcome
    assert guide.winfo_ismapped()
    assert guide.progress is not None and guide.progress.next_step == 1
    assert guide.next_button is guide.step_buttons[0]
    assert guide.demo_button.cget("state") == "normal"

    # 1. ingredients
    guide.next_button.invoke()
    pump(root)
    dialog = open_dialog(root, IngredientDialog)
    type_into(dialog.name_entry, "All-purpose flour")
    type_into(dialog.category_entry, "Dry goods")
    dialog.unit_menu.set("cup")
    dialog.ok_button.invoke()
    pump(root)
    assert guide.statuses[0].cget("text") == "1 ingredient added."
    assert guide.marks[0].cget("text") == "✓"
    assert guide.next_button is guide.step_buttons[1]
    assert guide.demo_button.cget("state") == "disabled"
    assert "already has 1 ingredient" in guide.demo_label.cget("text")

    # 2. a recipe with its yield: the single-item good comes with it
    guide.next_button.invoke()
    pump(root)
    recipe = open_dialog(root, RecipeDialog)
    type_into(recipe.name_entry, "Sugar Cookie Dough")
    if not recipe.line_rows:
        recipe.add_line_button.invoke()
        pump(root)
    type_into(recipe.line_rows[0].ingredient, "All-purpose flour")
    type_into(recipe.line_rows[0].quantity, "2.75")
    type_into(recipe.yield_rows[0].name, "Sugar cookie")
    type_into(recipe.yield_rows[0].amount, "24")
    recipe.ok_button.invoke()
    pump(root)
    assert recipe.closed
    assert [g.name for g in catalog.list_finished_goods(db)] == ["Sugar cookie"]
    assert guide.next_button is guide.step_buttons[2]

    # 3. the event: the plan replaces the guide
    guide.next_button.invoke()
    pump(root)
    event = main.planning.last_dialog
    assert isinstance(event, EventDialog)
    event.fill(name="Cookie swap", date="Dec 19 2026")
    event.ok_button.invoke()
    pump(root)
    assert not guide.winfo_ismapped()
    planning = main.planning
    plan = planning.presenter.plan
    assert plan is not None and plan.event.name == "Cookie swap"

    # the plan: select the recipe, ask for 100 cookies, decide 5 batches
    recipe_id = next(r.id for r in plan.recipes if r.name == "Sugar Cookie Dough")
    planning.recipes.toggle(recipe_id)
    pump(root)
    good_id = next(g.id for g in planning.presenter.plan.goods if g.name == "Sugar cookie")
    entry = planning.goods.entry(good_id)
    entry.focus_force()
    pump(root)
    entry.insert(0, "100")
    planning.recipes.filter_entry._entry.focus_force()
    pump(root)
    row = planning.batches.row_widgets(recipe_id)
    radio = next(r for r in row.radios if r.winfo_manager() and int(r.cget("value")) == 5)
    radio.invoke()
    pump(root)
    saved = plan_view.get_plan_view(db, planning.presenter.event_id)
    assert [(r.recipe_name, r.decision.batches) for r in saved.batches if r.decision] == [
        ("Sugar Cookie Dough", 5)]
    # 5 batches × 2.75 cup of flour, all to buy
    assert [(x.ingredient, x.to_buy_text, x.unit) for x in saved.shopping] == [
        ("All-purpose flour", "13.75", "cup")]


@pytest.mark.screenshot
def test_photograph_the_welcome_guide(main, root):
    import os
    import shutil
    import subprocess

    importer = shutil.which("import") or "/usr/bin/import"
    out = screenshot_dir() / "welcome-guide.png"
    subprocess.run([importer, "-display", os.environ["DISPLAY"], "-window", "root",
                    "-crop", "1280x800+0+0", str(out)], check=True, timeout=60)
    assert out.exists()


def test_what_the_guide_adds_shows_in_an_open_catalog(main, root, db):
    main.show_tab("Catalog")
    pump(root)
    main.show_tab("Planning")
    pump(root)
    main.planning.welcome.step_buttons[0].invoke()
    pump(root)
    dialog = open_dialog(root, IngredientDialog)
    type_into(dialog.name_entry, "Butter")
    type_into(dialog.category_entry, "Dairy")
    dialog.ok_button.invoke()
    pump(root)
    panel = main.catalog.ingredients.panel
    assert [panel.tree.item(i, "text") for i in panel.shown_iids()] == ["Butter"]


def test_what_the_guide_adds_is_not_announced_as_changed_elsewhere(main, root):
    main.planning.welcome.step_buttons[0].invoke()
    pump(root)
    dialog = open_dialog(root, IngredientDialog)
    type_into(dialog.name_entry, "Butter")
    dialog.ok_button.invoke()
    pump(root)
    # This window saved it: the change watcher must not call it another computer's.
    assert main.planning.watcher.check_now() is None
