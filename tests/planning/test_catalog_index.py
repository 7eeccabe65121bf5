"""The catalog index the plan builder reads: yield choices per recipe, and the
goods list's recipes (names in order, those not selected) per good."""

from __future__ import annotations

from decimal import Decimal

import pytest

from src.planning.plan_view.catalog import PlanCatalog, YieldChoices, index_catalog
from src.planning.plan_view.goods import good_rows
from src.planning.plan_view.rows import UnitCount
from src.planning.types import Component, Good, YieldType
from src.planning.variants import RecipeInfo

UNITS = {
    1: YieldType(1, 10, "dozen box", "discrete_count", 12),
    2: YieldType(2, 10, "cookie", "discrete_count", 24),
    3: YieldType(3, 20, "slice", "batch_portion", None, Decimal("12.5")),
    4: YieldType(4, 10, "cookie", "discrete_count", 30),  # same name: by id
}
RECIPES = {
    10: RecipeInfo(10, "Sugar cookies", "Cookies", None),
    20: RecipeInfo(20, "Apple cake", "Cakes", None),
    30: RecipeInfo(30, "Brownies", "Bars", None),
}


def test_yield_choices_are_by_name_then_id_and_asked_for_lazily():
    choices = YieldChoices(UNITS)
    assert choices[10] == (
        UnitCount(2, "cookie", 24), UnitCount(4, "cookie", 30), UnitCount(1, "dozen box", 12),
    )  # fmt: skip
    assert choices[20] == (UnitCount(3, "slice", 0),)  # a portion counts no items per batch
    assert choices.get(30, ()) == ()  # a recipe without yield types
    with pytest.raises(KeyError):
        choices[30]
    assert sorted(choices) == [10, 20] and len(choices) == 2
    assert choices[10] is choices[10]  # worked out once
    assert dict(choices) == dict(YieldChoices(UNITS))


def _catalog() -> PlanCatalog:
    goods = {
        1: Good(1, "Cookie", [Component(1, unit_id=2)]),
        2: Good(2, "Cake slice", [Component(1, unit_id=3)]),
        3: Good(3, "Party box", [Component(2, good_id=1), Component(1, good_id=2)]),
        4: Good(4, "Empty tin", []),
    }
    return PlanCatalog(recipes=RECIPES, units=UNITS, goods=goods, ingredients={}, pantry=[])


def test_the_goods_list_names_each_goods_recipes_in_order_and_those_missing():
    index = index_catalog(_catalog())
    rows = {r.name: r for r in good_rows(index, {10}, {3: 2})}
    box = rows["Party box"]
    assert box.recipe_names == ("Apple cake", "Sugar cookies")  # by name
    assert box.missing_recipes == ("Apple cake",)
    assert (box.available, box.is_bundle, box.quantity) == (False, True, 2)
    assert rows["Cookie"].available and rows["Cookie"].missing_recipes == ()
    assert rows["Empty tin"].recipe_names == () and not rows["Empty tin"].available
    both = {r.name: r for r in good_rows(index, {10, 20}, {})}
    assert both["Party box"].available and both["Party box"].missing_recipes == ()
    assert [r.name for r in good_rows(index, set(), {})] == [
        "Cake slice", "Cookie", "Empty tin", "Party box",
    ]  # fmt: skip
    none = {r.name: r for r in good_rows(index, set(), {})}
    assert none["Party box"].missing_recipes == ("Apple cake", "Sugar cookies")
