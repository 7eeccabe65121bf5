"""The shopping list as text a baker shops from: grouped by store, then
category, each line saying what to buy ("All-purpose flour: buy 1 × 5 lb bag
(leaves 2.6 lb) — $4.29"), then what is already at hand, then the trip's total.
Quantities are kitchen-rounded (exact figures are in ``plan --json``)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from itertools import groupby

from src.services.plan.cost_dto import ShoppingTotals
from src.services.plan.dto import ShoppingLineRow

NO_STORE = "Any store"


def store_name(row: ShoppingLineRow) -> str:
    return row.store or NO_STORE


def shopping_order(rows: Sequence[ShoppingLineRow]) -> list[ShoppingLineRow]:
    """Rows by store (named stores by name, then no store), category, ingredient."""
    return sorted(rows, key=lambda r: (not r.store, r.store.casefold(),
                                       not r.category, r.category.casefold(),
                                       r.ingredient.casefold()))  # fmt: skip


def buy_phrase(row: ShoppingLineRow) -> str:
    """"buy 1 × 5 lb bag (leaves 2.6 lb)", or "no packs: buy 17 cup"."""
    if row.buy:
        return f"buy {row.buy_text} (leaves {row.leftover_kitchen})"
    return row.buy_text


def to_buy_line(row: ShoppingLineRow) -> str:
    have = f", on hand {row.pantry_text}" if row.pantry_text else ""
    return (f"{row.ingredient}: {buy_phrase(row)} — {row.cost_text}"
            f"  (need {row.needed_kitchen}{have})")  # fmt: skip


def buying_lines(rows: Sequence[ShoppingLineRow], totals: ShoppingTotals | None,
                 undecided: Iterable[str] = ()) -> list[str]:
    """The list as lines: recipes not counted (no batch decision), "To buy (n)" by
    store and category, "Already have (n)", the trip total and the lines without a price."""
    from .plan_report import not_counted_lines

    missing = not_counted_lines(undecided)
    head = (["Not counted (decide their batches)", *("  " + m for m in missing), ""]
            if missing else [])
    to_buy = shopping_order([r for r in rows if r.status == "to_buy"])
    have = [r for r in rows if r.status != "to_buy"]
    store_text = {s.store or NO_STORE: s.text for s in totals.stores} if totals else {}
    out = [*head, f"To buy ({len(to_buy)})"]
    if not to_buy:
        out.append("  nothing")
    for store, in_store in groupby(to_buy, key=store_name):
        out.append(f"  {store} — {store_text.get(store, '')}")
        for category, group in groupby(in_store, key=lambda r: r.category or "Other"):
            out.append(f"    {category}")
            for row in group:
                out.append(f"      {to_buy_line(row)}")
                if row.note:
                    out.append(f"        note: {row.note}")
    out += ["", f"Already have ({len(have)})"]
    if not have:
        out.append("  nothing")
    for row in have:
        out.append(f"  {row.ingredient}: need {row.needed_kitchen}, on hand "
                   f"{row.pantry_text or row.on_hand_kitchen}")  # fmt: skip
    if totals is None:
        return out
    out += ["", f"Trip total: {totals.text}"]
    if totals.missing:
        out.append(f"Without a price ({len(totals.missing)}): {', '.join(totals.missing)}")
    return out
