"""The shopping list in packs and the plan's costs, through the plan services."""

from __future__ import annotations

from decimal import Decimal

import pytest

from src.services import settings
from src.services.catalog import packs as catalog_packs
from src.services.plan import decisions
from src.services.plan.view import get_plan_view, get_shopping_view

from .builders import build_bakery, planned_event

D = Decimal
LB_G, CUP_ML = D("453.59237"), D("236.5882365")


@pytest.fixture
def b(db):
    bakery = build_bakery(db)
    catalog_packs.create_pack(db, bakery.flour, "5 lb bag", "5", "lb", price="4.29")
    catalog_packs.create_pack(db, bakery.flour, "2 lb bag", "2", "lb", price="2.19")
    catalog_packs.create_pack(db, bakery.sugar, "4 lb bag", "4", "lb", price="3.49",
                              store="Market", preferred=True)
    return bakery


def test_flour_gap_buys_one_two_pound_bag_and_sugar_shows_in_its_pack_unit(db, b):
    event_id = planned_event(db, b)
    view = get_shopping_view(db, event_id)
    rows = {r.ingredient: r for r in view.rows}
    flour = rows["All-purpose flour"]
    assert (flour.unit, flour.to_buy_text) == ("cup", "6.663")  # no preferred pack: as before
    assert [(x.label, x.count) for x in flour.buy] == [("2 lb bag", 1)]
    assert flour.buy_text == "1 × 2 lb bag" and flour.cost == D("2.19")
    assert flour.pantry_text == "5 lb"  # the pantry as the baker entered it
    assert flour.to_buy_kitchen == "6.75 cup"
    sugar = rows["Granulated sugar"]
    # 9 cup × 236.5882365 ml × 0.85 g/ml ÷ 453.59237 = 3.990… lb, shown in the preferred pack's unit
    assert sugar.unit == "lb" and sugar.needed_text == "3.99"
    assert sugar.buy_text == "1 × 4 lb bag" and sugar.store == "Market"
    assert view.totals.cost.amount == D("5.68") and view.totals.missing == ()
    assert [(s.store, s.known) for s in view.totals.stores] == [("Market", D("3.49")),
                                                               ("", D("2.19"))]


def test_costs_per_batch_good_and_event(db, b):
    event_id = planned_event(db, b)
    costs = get_plan_view(db, event_id).costs
    # Sugar Cookie Dough: 2.75 cup flour priced by the first priced pack (5 lb at 4.29),
    # 1 cup sugar by the preferred 4 lb bag at 3.49.
    flour_lb = D("2.75") * CUP_ML * D("0.53") / LB_G
    sugar_lb = CUP_ML * D("0.85") / LB_G
    batch = flour_lb * D("4.29") / 5 + sugar_lb * D("3.49") / 4
    row = costs.batch(b.sugar_dough)
    assert abs(row.per_batch.amount - batch) < D("1e-20")
    assert row.batches == 9 and abs(row.total.amount - 9 * batch) < D("1e-18")
    truffles = costs.batch(b.truffles)
    assert truffles.per_batch.text == "unknown (no price for Heavy cream)"
    cookie = costs.good(b.g_cookie)
    assert abs(cookie.each.amount - batch / 24) < D("1e-20") and cookie.quantity == 200
    assert costs.good(b.g_truffle_box).line.amount is None
    assert abs(costs.event.amount - 9 * batch) < D("1e-18")  # only decided batches
    assert costs.event.text == "$9.35"  # 9 × 1.0390… = 9.351…


def test_missing_price_is_named_and_the_trip_total_is_unknown(db, b):
    event_id = planned_event(db, b)
    catalog_packs.create_pack(db, b.cream, "1 pint", "2", "cup")
    decisions.set_batch_decision(db, event_id, b.truffles, 17)
    view = get_shopping_view(db, event_id)
    cream = {r.ingredient: r for r in view.rows}["Heavy cream"]
    assert cream.buy_text == "9 × 1 pint" and cream.cost is None and cream.cost_text == "no price"
    assert view.totals.cost.amount is None and view.totals.missing == ("Heavy cream",)
    assert view.totals.known == D("5.68")
    assert view.totals.text == "$5.68 + 1 without a price (Heavy cream)"


def test_ingredient_without_packs_says_so_and_keeps_the_quantity(db, b):
    event_id = planned_event(db, b)
    decisions.set_batch_decision(db, event_id, b.truffles, 17)
    cream = {r.ingredient: r for r in get_shopping_view(db, event_id).rows}["Heavy cream"]
    assert cream.buy == () and cream.buy_text == "no packs: buy 17 cup"
    assert cream.cost is None


def test_currency_symbol_setting_shows_in_costs(db, b):
    settings.set_currency_symbol(db, "€")
    event_id = planned_event(db, b)
    view = get_shopping_view(db, event_id)
    assert view.totals.text == "€5.68"
