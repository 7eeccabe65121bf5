"""Buying and costs of a plan, built from plain planning data (no session here).

Private to src/services. The rules live in src.planning (packs.choose_packs,
packs.display_unit, costs.*, kitchen_rounding); this module applies them to
the plan's shopping rows, batches and event lines and fills the DTOs.

A shopping line's store is the store of the first pack it buys (the cheapest
combination rarely mixes stores); a line without packs to buy takes its
costing pack's store, else none.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from decimal import Decimal

from src.planning.aggregation import IngredientInfo, IngredientLine
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
from src.planning.decomposition import CycleError, expand_reachable
from src.planning.kitchen_rounding import quantity_text
from src.planning.packs import Pack, choose_packs, display_unit
from src.planning.shopping import TO_BUY, PantryLine
from src.planning.types import Good, YieldType
from src.planning.units import unit_display

from .cost_dto import (
    BatchCostRow,
    BuyRow,
    CostFigure,
    CostsView,
    GoodCostRow,
    ShoppingTotals,
    StoreTotal,
)
from .dto import ShoppingLineRow
from .loading import RecipeInfo, effective_recipe_lines

__all__ = [
    "display_ingredients",
    "buying_rows",
    "shopping_totals",
    "recipe_costs",
    "costs_view",
    "figure",
]

_ZERO = Decimal(0)


def display_ingredients(
    ingredients: Mapping[int, IngredientInfo], packs: Mapping[int, Sequence[Pack]]
) -> dict[int, IngredientInfo]:
    """The ingredients with ``preferred_unit`` set to their display unit
    (src.planning.packs.display_unit), so totals come out in it."""
    out = dict(ingredients)
    for iid, ing_packs in packs.items():
        info = out.get(iid)
        if info is not None and not info.preferred_unit:
            unit = display_unit(None, ing_packs)
            if unit:
                out[iid] = replace(info, preferred_unit=unit)
    return out


def figure(cost: Cost, currency: str) -> CostFigure:
    return CostFigure(cost.amount, cost.missing, cost_text(cost, currency))


def _pantry_texts(pantry: Iterable[PantryLine]) -> dict[int, str]:
    found: dict[int, list[str]] = {}
    for p in pantry:
        found.setdefault(p.ingredient_id, []).append(
            f"{_plain_text(p.quantity)} {unit_display(p.unit)}")
    return {iid: " + ".join(texts) for iid, texts in found.items()}


def _plain_text(value: Decimal) -> str:
    text = format(value, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def _buy_text(buy: Sequence[BuyRow]) -> str:
    return " + ".join(f"{b.count} × {b.label}" for b in buy)


def buying_rows(
    rows: Sequence[ShoppingLineRow],
    ingredients: Mapping[int, IngredientInfo],
    packs: Mapping[int, Sequence[Pack]],
    pantry: Iterable[PantryLine],
    currency: str,
) -> tuple[ShoppingLineRow, ...]:
    """The shopping rows with what to buy in packs, leftover, cost and kitchen texts."""
    pantry_text = _pantry_texts(pantry)
    out = []
    for row in rows:
        info = ingredients[row.ingredient_id]
        mine = packs.get(row.ingredient_id, ())
        buy: tuple[BuyRow, ...] = ()
        store = ""
        if row.status == TO_BUY:
            purchase = choose_packs(row.to_buy, row.unit, mine, info.density_g_per_ml)
            buy = tuple(BuyRow(b.pack.label, b.count, b.pack.store, b.pack.price)
                        for b in purchase.buy)
            if buy:
                leftover: Decimal | None = purchase.leftover
                cost = purchase.cost
                buy_text = _buy_text(buy)
                store = buy[0].store or ""
            else:
                leftover, cost = _ZERO, None  # bought as the exact quantity
                why = "no packs" if not mine else "no pack in a unit that converts"
                buy_text = f"{why}: buy {quantity_text(row.to_buy, row.unit)}"
            cost_txt = "no price" if cost is None else money_text(cost, currency)
        else:
            leftover, cost, buy_text, cost_txt = row.on_hand - row.needed, _ZERO, "", ""
        if not store:
            pack = costing_pack(mine)
            store = (pack.store or "") if pack is not None else ""
        out.append(
            replace(
                row,
                buy=buy,
                has_packs=bool(mine),
                leftover=leftover,
                cost=cost,
                store=store,
                pantry_text=pantry_text.get(row.ingredient_id, ""),
                needed_kitchen=quantity_text(row.needed, row.unit),
                on_hand_kitchen=quantity_text(row.on_hand, row.unit),
                to_buy_kitchen=quantity_text(row.to_buy, row.unit),
                leftover_kitchen="" if leftover is None else quantity_text(leftover, row.unit),
                buy_text=buy_text,
                cost_text=cost_txt,
            )
        )
    return tuple(out)


def _with_missing(
    known: Decimal, missing: Sequence[str], currency: str, *, names: bool = True
) -> str:
    text = money_text(known, currency)
    if missing:
        text += f" + {len(missing)} without a price"
        if names:
            text += f" ({', '.join(missing)})"
    return text


def shopping_totals(rows: Sequence[ShoppingLineRow], currency: str) -> ShoppingTotals:
    """The trip's cost, the part that is known, and per store (stores by name,
    lines without a store last)."""
    per_store: dict[str, tuple[int, Decimal, list[str]]] = {}
    known, missing = _ZERO, []
    for row in rows:
        if row.status != TO_BUY:
            continue
        count, amount, names = per_store.get(row.store, (0, _ZERO, []))
        if row.cost is None:
            missing.append(row.ingredient)
            names.append(row.ingredient)
        else:
            known += row.cost
            amount += row.cost
        per_store[row.store] = (count + 1, amount, names)
    missing_t = tuple(sorted(set(missing), key=str.casefold))
    stores = tuple(
        StoreTotal(
            store, n, amount, tuple(names), _with_missing(amount, names, currency, names=False)
        )
        for store, (n, amount, names) in sorted(
            per_store.items(), key=lambda kv: (kv[0] == "", kv[0].casefold())
        )
    )
    cost = Cost(None, missing_t) if missing_t else Cost(known)
    return ShoppingTotals(
        figure(cost, currency), known, missing_t, stores, currency,
        _with_missing(known, missing_t, currency),
    )  # fmt: skip


def recipe_costs(
    recipes: Mapping[int, RecipeInfo],
    units: Mapping[int, YieldType],
    own_lines: Mapping[int, list[IngredientLine]],
    costed: Iterable[int],
    ingredients: Mapping[int, IngredientInfo],
    packs: Mapping[int, Sequence[Pack]],
) -> tuple[dict[int, Cost], dict[int, Cost]]:
    """(recipe id → one batch's cost, unit id → one item's cost) for the
    ``costed`` recipes, whose lines ``own_lines`` holds (with their bases); an
    item of another recipe has an unknown cost naming its recipe."""
    batch_cost: dict[int, Cost] = {
        rid: lines_cost(effective_recipe_lines(recipes, own_lines, rid), ingredients, packs)
        for rid in costed
    }
    unit_costs: dict[int, Cost] = {}
    for uid, unit in units.items():
        found = batch_cost.get(unit.recipe_id)
        unit_costs[uid] = (
            item_cost(found, unit) if found is not None
            else Cost(None, (f"{recipes[unit.recipe_id].name} (not selected)",))
        )  # fmt: skip
    return batch_cost, unit_costs


def costs_view(
    *,
    goods: Mapping[int, Good],
    lines: Mapping[int, int],
    decisions: Mapping[int, tuple[int, int | None]],
    baked: Mapping[int, int],
    batch_cost: Mapping[int, Cost],
    unit_costs: Mapping[int, Cost],
    currency: str,
    batch_recipes: Sequence[int],
    shopping: Sequence[ShoppingLineRow],
) -> CostsView:
    """Per batch of ``batch_recipes``, per event line and the whole event, from
    the costs :func:`recipe_costs` gives."""
    batch_rows = []
    for rid in batch_recipes:
        per = batch_cost.get(rid, Cost(None, ()))
        decided = decisions.get(rid, (0, None))[0]
        n = max(decided, baked.get(rid, 0)) if rid in decisions else 0
        batch_rows.append(
            BatchCostRow(rid, figure(per, currency), n, figure(per.times(n), currency))
        )
    good_rows = []
    try:
        items = expand_reachable(goods, sorted(lines)) if lines else {}
    except CycleError:
        items = {}
    for gid in sorted(lines, key=lambda g: (goods[g].name.casefold(), g)):
        each = good_cost(items[gid], unit_costs) if gid in items else Cost(None, ())
        good_rows.append(
            GoodCostRow(gid, goods[gid].name, lines[gid], figure(each, currency),
                        figure(each.times(lines[gid]), currency))
        )  # fmt: skip
    event = total(
        batch_cost.get(rid, Cost(None, ())).times(max(b, baked.get(rid, 0)))
        for rid, (b, _) in sorted(decisions.items())
    )
    return CostsView(
        currency=currency,
        batches=tuple(batch_rows),
        goods=tuple(good_rows),
        event=figure(event, currency),
        shopping=shopping_totals(shopping, currency),
    )
