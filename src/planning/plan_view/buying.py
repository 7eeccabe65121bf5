"""The shopping list of a plan: what its batches use, against the pantry, in
the packs a baker buys, with the trip's totals per store.

The rules live in their own modules: aggregation (totals per ingredient, in
as few units as conversion allows), shopping (the gap against the pantry),
packs (the cheapest cover of a gap), costs (prices and money text),
kitchen_rounding (the figures a baker measures). A line's store is the store
of the first pack it buys (the cheapest combination rarely mixes stores); a
line without packs to buy takes its costing pack's store, else none.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal

from ..aggregation import IngredientInfo, IngredientLine, aggregate_ingredients
from ..batches import format_decimal
from ..costs import Cost, cost_text, costing_pack, money_text
from ..kitchen_rounding import quantity_text
from ..packs import Pack, choose_packs
from ..progress import recipe_progress
from ..shopping import TO_BUY, PantryLine, shopping_gap
from ..units import unit_display
from ..variants import RecipeInfo, effective_recipe_lines
from .rows import BuyRow, CostFigure, ShoppingLineRow, ShoppingTotals, StoreTotal

__all__ = ["shopping_rows", "shopping_totals", "figure"]

_ZERO = Decimal(0)


def figure(cost: Cost, currency: str) -> CostFigure:
    return CostFigure(cost.amount, cost.missing, cost_text(cost, currency))


def _plain_text(value: Decimal) -> str:
    text = format(value, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def _pantry_texts(pantry: Iterable[PantryLine], wanted: Iterable[int]) -> dict[int, str]:
    """The pantry as entered ("5 lb + 2 cup") of the ``wanted`` ingredients."""
    keep = set(wanted)
    found: dict[int, list[str]] = {}
    for p in pantry:
        if p.ingredient_id in keep:
            found.setdefault(p.ingredient_id, []).append(
                f"{_plain_text(p.quantity)} {unit_display(p.unit)}"
            )
    return {iid: " + ".join(texts) for iid, texts in found.items()}


def shopping_rows(
    *,
    recipes: Mapping[int, RecipeInfo],
    decisions: Mapping[int, tuple[int, int | None]],
    baked: Mapping[int, int],
    own_lines: Mapping[int, Sequence[IngredientLine]],
    ingredients: Mapping[int, IngredientInfo],
    pantry: Sequence[PantryLine],
    packs: Mapping[int, Sequence[Pack]],
    currency: str,
    count_remaining: bool,
) -> tuple[ShoppingLineRow, ...]:
    """Effective lines × batches to bake (every decided batch; only those
    still to bake when ``count_remaining``, in production), totalled per
    ingredient against the pantry, with the packs to buy and their cost.
    ``ingredients`` carry their display unit (CatalogIndex.shown)."""
    scaled: list[tuple[IngredientLine, Decimal]] = []
    for rid, (batches, _) in sorted(decisions.items()):
        count = batches
        if count_remaining:
            count = recipe_progress(batches, baked.get(rid, 0)).remaining
        if count <= 0:
            continue
        multiplier = Decimal(count)
        for line in effective_recipe_lines(recipes, own_lines, rid):
            scaled.append((line, multiplier))
    totals = aggregate_ingredients(scaled, ingredients)
    # Only stock of needed ingredients matters; the gap's cost grows with both.
    needed_ids = {t.ingredient_id for t in totals}
    stock = [p for p in pantry if p.ingredient_id in needed_ids]
    pantry_text = _pantry_texts(stock, needed_ids)
    out = []
    for row in shopping_gap(totals, stock, ingredients):
        info = ingredients[row.ingredient_id]
        mine = packs.get(row.ingredient_id, ())
        buy: tuple[BuyRow, ...] = ()
        store = ""
        leftover: Decimal | None
        cost: Decimal | None
        if row.status == TO_BUY:
            purchase = choose_packs(row.to_buy, row.unit, mine, info.density_g_per_ml)
            buy = tuple(
                BuyRow(b.pack.label, b.count, b.pack.store, b.pack.price) for b in purchase.buy
            )
            if buy:
                leftover, cost = purchase.leftover, purchase.cost
                buy_text = " + ".join(f"{b.count} × {b.label}" for b in buy)
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
            ShoppingLineRow(
                ingredient_id=row.ingredient_id,
                ingredient=info.name,
                category=info.category,
                needed=row.needed,
                unit=row.unit,
                on_hand=row.on_hand,
                to_buy=row.to_buy,
                status=row.status,
                note=row.note,
                needed_text=format_decimal(row.needed),
                on_hand_text=format_decimal(row.on_hand),
                to_buy_text=format_decimal(row.to_buy),
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
