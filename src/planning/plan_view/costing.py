"""What a plan costs: per batch, per event line and the whole event (the
rules are src.planning.costs'; this applies them to one plan)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from collections.abc import Set as AbstractSet

from ..aggregation import IngredientLine
from ..costs import Cost, good_cost, item_cost, lines_cost, total
from ..progress import effective_batches
from ..variants import effective_recipe_lines
from .buying import figure, shopping_totals
from .catalog import PlanCatalog
from .rows import BatchCostRow, CostsView, GoodCostRow, ShoppingLineRow

__all__ = ["costs_view"]

_UNKNOWN = Cost(None, ())


def costs_view(
    catalog: PlanCatalog,
    *,
    costed: AbstractSet[int],
    own_lines: Mapping[int, Sequence[IngredientLine]],
    lines: Mapping[int, int],
    decisions: Mapping[int, tuple[int, int | None]],
    baked: Mapping[int, int],
    batch_recipes: Sequence[int],
    shopping: Sequence[ShoppingLineRow],
    per_good: Mapping[int, Mapping[int, int]],
) -> CostsView:
    """Per batch of ``batch_recipes``, per event line and the whole event.

    Only the ``costed`` recipes (those selected or decided, and their bases,
    whose lines ``own_lines`` holds) have a batch cost; an item of any other
    recipe has an unknown cost naming its recipe."""
    goods, units, recipes = catalog.goods, catalog.units, catalog.recipes
    currency = catalog.currency
    items = per_good
    needed_units = {u for gid in lines if gid in items for u in items[gid]}
    wanted = set(batch_recipes) | set(decisions) | {units[u].recipe_id for u in needed_units}
    batch_cost = {
        rid: lines_cost(
            effective_recipe_lines(recipes, own_lines, rid), catalog.ingredients, catalog.packs
        )
        for rid in sorted(wanted)
        if rid in costed
    }
    unit_costs: dict[int, Cost] = {}
    for uid in needed_units:
        unit = units[uid]
        found = batch_cost.get(unit.recipe_id)
        unit_costs[uid] = (
            item_cost(found, unit) if found is not None
            else Cost(None, (f"{recipes[unit.recipe_id].name} (not selected)",))
        )  # fmt: skip

    batch_rows = []
    for rid in batch_recipes:
        per = batch_cost.get(rid, _UNKNOWN)
        n = effective_batches(decisions[rid][0], baked.get(rid, 0)) if rid in decisions else 0
        batch_rows.append(
            BatchCostRow(rid, figure(per, currency), n, figure(per.times(n), currency))
        )
    good_rows = []
    for gid in sorted(lines, key=lambda g: (goods[g].name.casefold(), g)):
        each = good_cost(items[gid], unit_costs) if gid in items else _UNKNOWN
        good_rows.append(
            GoodCostRow(gid, goods[gid].name, lines[gid], figure(each, currency),
                        figure(each.times(lines[gid]), currency))
        )  # fmt: skip
    event = total(
        batch_cost.get(rid, _UNKNOWN).times(effective_batches(b, baked.get(rid, 0)))
        for rid, (b, _) in sorted(decisions.items())
    )
    return CostsView(
        currency=currency,
        batches=tuple(batch_rows),
        goods=tuple(good_rows),
        event=figure(event, currency),
        shopping=shopping_totals(shopping, currency),
    )
