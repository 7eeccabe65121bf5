"""Costs in the real planning tab on the demo's draft event: the header's event
cost, a cost per event line and per batch, packs and the trip in the shopping list."""

from __future__ import annotations

import pytest

from src.services.exchange import demo
from src.ui.main_window import build_main_window
from src.ui.planning.shopping_section import TO_BUY_GROUP

from .conftest import pump

pytestmark = pytest.mark.gui


@pytest.fixture
def planning(root, db):
    assert demo.load_demo_if_empty(db)
    main = build_main_window(root, db)
    root.geometry("1366x768+0+0")
    pump(root)
    tab = main.planning
    draft = next(e for e in tab.presenter.events if e.plan_state == "draft")
    tab.events.select(draft.id)
    pump(root, 6)
    return tab


def test_header_names_the_missing_price_instead_of_a_total(planning):
    text = planning.header.details_label.cget("text")
    assert text.endswith("· ingredients unknown (no price for Rainbow sprinkles)")


def test_goods_and_batches_show_their_costs(planning):
    plan = planning.presenter.plan
    goods = {g.name: g.id for g in plan.goods}
    assert planning.goods.cost(goods["Cookie tin"]) == "$36.85 ($3.69 each)"
    assert planning.goods.cost(goods["Cookie exchange plate"]) == "cost unknown"
    sugar = next(b.recipe_id for b in plan.batches if b.recipe_name == "Sugar Cookie Dough")
    assert planning.batches.row_widgets(sugar).cost.cget("text") == "$4.50 a batch · $35.98 for 8"


def test_shopping_list_shows_packs_costs_and_the_trip(planning):
    shopping = planning.shopping
    rows = dict(shopping.group_lines(TO_BUY_GROUP))
    flour = rows["All-purpose flour"]
    # needed, on hand, to buy (kitchen-rounded, in the preferred pack's lb), unit, note,
    # buy, cost, store
    assert flour == ("22.7", "5", "17.7", "lb", "", "1 × 25 lb sack (leaves 7.3 lb)", "$13.99",
                     "Warehouse club")
    assert rows["Rainbow sprinkles"][6] == "no price"
    assert "trip $148.52 + 1 without a price (Rainbow sprinkles)" in (
        shopping.summary_label.cget("text"))
