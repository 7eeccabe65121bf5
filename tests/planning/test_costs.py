"""Costs from the costing pack's price: batches, items, bundles, unknown prices."""

from decimal import Decimal

from src.planning.aggregation import IngredientInfo, IngredientLine, effective_lines
from src.planning.costs import (
    Cost,
    cost_text,
    costing_pack,
    good_cost,
    item_cost,
    lines_cost,
    money_text,
    total,
)
from src.planning.decomposition import expand_reachable
from src.planning.packs import Pack

from .conftest import count_unit, good, good_of, portion_unit, unit_of

D = Decimal
FLOUR, BUTTER, VANILLA = 1, 2, 3
INGREDIENTS = {
    FLOUR: IngredientInfo(FLOUR, "Flour", "Dry", D("0.53")),
    BUTTER: IngredientInfo(BUTTER, "Butter", "Dairy"),
    VANILLA: IngredientInfo(VANILLA, "Vanilla", "Baking"),
}
PACKS = {
    FLOUR: [Pack("5 lb bag", D(5), "lb", D("4.29"), preferred=True),
            Pack("2 lb bag", D(2), "lb", D("2.19"))],
    BUTTER: [Pack("1 lb box", D(1), "lb", D("4.00"))],
    VANILLA: [Pack("2 fl oz bottle", D(2), "fl_oz", None)],
}


def test_costing_pack_is_the_preferred_else_the_first_priced():
    assert costing_pack(PACKS[FLOUR]).label == "5 lb bag"
    assert costing_pack([Pack("a", D(1), "lb"), Pack("b", D(1), "lb", D(1))]).label == "b"
    assert costing_pack([]) is None


def test_batch_cost_of_a_variant_uses_its_effective_lines():
    base = [IngredientLine(FLOUR, D(1), "lb"), IngredientLine(BUTTER, D("0.5"), "lb")]
    variant_own = [IngredientLine(BUTTER, D(1), "lb")]  # replaces the base's butter
    lines = effective_lines(variant_own, base)
    cost = lines_cost(lines, INGREDIENTS, PACKS)
    # flour 1 lb at 4.29/5 = 0.858; butter 1 lb at 4.00 → 4.858
    assert cost == Cost(D("4.858"))


def test_missing_price_makes_the_cost_unknown_and_names_the_ingredient():
    lines = [IngredientLine(FLOUR, D(1), "lb"), IngredientLine(VANILLA, D(1), "tsp")]
    cost = lines_cost(lines, INGREDIENTS, PACKS)
    assert cost.amount is None
    assert cost_text(cost) == "unknown (no price for Vanilla)"
    assert total([cost, Cost(D(2))]).amount is None


def test_volume_of_flour_prices_through_density():
    # 1 cup = 236.5882365 ml × 0.53 = 125.39176… g = 0.27644… lb × 0.858 $/lb
    cost = lines_cost([IngredientLine(FLOUR, D(1), "cup")], INGREDIENTS, PACKS)
    assert money_text(cost.amount) == "$0.24"


def test_item_and_bundle_costs():
    batch = Cost(D("12.00"))
    cookie = count_unit(10, 1, 24, "Cookie")
    cake = portion_unit(11, 1, "50", "Cake")
    assert item_cost(batch, cookie) == Cost(D("0.5"))
    assert item_cost(batch, cake) == Cost(D("6"))
    goods = {
        1: good(1, "Cookie", unit_of(10)),
        2: good(2, "Tin", unit_of(10, 6), good_of(1, 2)),
        3: good(3, "Crate", good_of(2, 3), unit_of(11)),
    }
    items = expand_reachable(goods, [3])[3]
    unit_costs = {10: item_cost(batch, cookie), 11: item_cost(batch, cake)}
    # crate = 3 tins × 8 cookies × 0.5 + one cake 6 = 18
    assert good_cost(items, unit_costs) == Cost(D(18))


def test_money_text_rounds_to_cents_with_the_symbol():
    assert money_text(D("3.125")) == "$3.13"
    assert money_text(D("1234.5"), "€") == "€1,234.50"
