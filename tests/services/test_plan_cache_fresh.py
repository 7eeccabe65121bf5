"""The plan view's reused results are never stale: after a write through any
service, the next ``get_plan_view`` equals a view built with every cache
forgotten (``plan_cache(db).clear()``), and shows the write.

A cache whose key misses one of its inputs would hand back the view from
before the edit; the cold view is the reference because it reuses nothing.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from src.db import Database
from src.services.catalog import packs as catalog_packs
from src.services.catalog import pantry, recipes
from src.services.catalog.dto import LineInput, RecipeInput, YieldInput
from src.services.plan import amendments, decisions, production, selection
from src.services.plan.cache import plan_cache
from src.services.plan.view import get_plan_view
from tests.services.builders import Bakery, build_bakery, new_event, planned_event

Edit = Callable[[Database, Bakery, int, int], object]


def _recipe_edit(db: Database, recipe_id: int, *, flour: str | None = None,
                 per_batch: int | None = None) -> None:
    """Save the recipe as shown with its first line's quantity or its first
    yield type's items per batch changed, as the recipe editor does."""
    view = recipes.get_recipe(db, recipe_id)
    lines = tuple(
        LineInput(line.ingredient_id, flour if (flour and i == 0) else line.quantity, line.unit)
        for i, line in enumerate(view.own_lines)
    )
    yields = tuple(
        YieldInput(y.name, y.mode, per_batch if (per_batch and i == 0) else y.items_per_batch,
                   y.batch_percentage, id=y.id)
        for i, y in enumerate(view.yields)
    )
    recipes.update_recipe(db, recipe_id, RecipeInput(
        view.name, view.category, view.notes, view.base_recipe_id, lines, yields))


def _pack_price(db: Database, pack_id: int, price: str) -> None:
    catalog_packs.update_pack(db, pack_id, label="5 lb bag", quantity="5", unit="lb",
                              price=price, store=None, preferred=False)


DRAFT_EDITS: dict[str, Edit] = {
    "selection": lambda db, b, e, _: selection.set_selected_recipes(
        db, e, [b.sugar_dough, b.truffles, b.cake]),
    "quantity": lambda db, b, e, _: selection.set_quantity(db, e, b.g_cookie, 150),
    "new line": lambda db, b, e, _: selection.set_quantity(db, e, b.g_tin, 2),
    "cleared line": lambda db, b, e, _: selection.clear_quantity(db, e, b.g_truffle_box),
    "decision": lambda db, b, e, _: decisions.set_batch_decision(
        db, e, b.sugar_dough, 10, b.u_cookie),
    "cleared decision": lambda db, b, e, _: decisions.clear_batch_decision(db, e, b.sugar_dough),
    "pantry": lambda db, b, e, _: pantry.set_pantry_quantity(db, b.flour, "2", "lb"),
    "pantry removed": lambda db, b, e, _: pantry.remove_pantry_item(db, b.flour),
    "recipe line": lambda db, b, e, _: _recipe_edit(db, b.sugar_dough, flour="3.5"),
    "yield": lambda db, b, e, _: _recipe_edit(db, b.sugar_dough, per_batch=30),
    "pack price": lambda db, b, e, pack: _pack_price(db, pack, "9.99"),
    "new pack": lambda db, b, e, _: catalog_packs.create_pack(
        db, b.flour, "1 lb bag", "1", "lb", price="0.50"),
}

PRODUCTION_EDITS: dict[str, Edit] = {
    "production record": lambda db, b, e, _: production.record_production(
        db, e, b.sugar_dough, 2),
    "amendment": lambda db, b, e, _: amendments.amend_quantity(
        db, e, b.g_cookie, 240, "A bigger order", {b.sugar_dough: 10}),
    "amended batches": lambda db, b, e, _: amendments.amend_batches(
        db, e, b.truffles, 3, "Extra truffles"),
}


def _check_fresh(db: Database, edit: Edit, state: str) -> None:
    b = build_bakery(db)
    event_id = planned_event(db, b, state)
    pack = catalog_packs.create_pack(db, b.flour, "5 lb bag", "5", "lb", price="3.50")
    get_plan_view(db, event_id)
    before = get_plan_view(db, event_id)  # every cache now holds this plan
    edit(db, b, event_id, pack.id)
    after = get_plan_view(db, event_id)
    plan_cache(db).clear()
    assert after == get_plan_view(db, event_id), "a cache served the plan from before the write"
    assert after != before, "the write does not show in the plan at all"


@pytest.mark.parametrize("name", DRAFT_EDITS)
def test_a_draft_plan_edit_is_never_served_stale(db, name):
    _check_fresh(db, DRAFT_EDITS[name], "draft")


@pytest.mark.parametrize("name", PRODUCTION_EDITS)
def test_a_production_edit_is_never_served_stale(db, name):
    _check_fresh(db, PRODUCTION_EDITS[name], "in_production")


def test_an_edit_to_one_event_is_not_served_for_another(db):
    b = build_bakery(db)
    first, second = planned_event(db, b), new_event(db, "Easter 2027")
    selection.set_selected_recipes(db, second, [b.sugar_dough])
    get_plan_view(db, first)
    get_plan_view(db, second)
    selection.set_quantity(db, second, b.g_cookie, 120)
    decisions.set_batch_decision(db, second, b.sugar_dough, 5, b.u_cookie)
    views = [get_plan_view(db, first), get_plan_view(db, second)]
    plan_cache(db).clear()
    assert views == [get_plan_view(db, first), get_plan_view(db, second)]
    assert views[0].batches != views[1].batches
