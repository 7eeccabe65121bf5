"""The shopping list as a PDF: event header, "To buy" grouped by store then
ingredient category (packs to buy, leftover, cost), "Already have", and the
trip total with the lines that have no price."""

from __future__ import annotations

import os
from collections.abc import Iterable
from itertools import groupby

from src.services.plan.cost_dto import ShoppingTotals
from src.services.plan.dto import ShoppingLineRow
from src.services.plan.events import EventView

from .pdf_common import DEJAVU_DIR, Printout
from .plan_report import not_counted_lines
from .shopping_text import NO_STORE, shopping_order, store_name

_BUY_WIDTHS = [46, 50, 24, 20, 24, 16]
_BUY_RIGHT = frozenset({2, 3, 4, 5})
_HAVE_WIDTHS = [70, 36, 36, 38]
_HAVE_RIGHT = frozenset({1, 2, 3})


def _buy_table(pdf: Printout, rows: list[ShoppingLineRow]) -> None:
    pdf.row(["Ingredient", "Buy", "Leaves", "Cost", "Need", "Have"], _BUY_WIDTHS,
            right=_BUY_RIGHT, bold=True)
    for r in rows:
        buy = r.buy_text if r.buy else r.buy_text.split(":")[0]
        pdf.set_font(pdf.family, "", 9)
        fits = pdf.get_string_width(pdf.clean(buy)) <= _BUY_WIDTHS[1] - 1
        pdf.row([r.ingredient, buy if fits else "see below", r.leftover_kitchen if r.buy else "",
                 r.cost_text, r.needed_kitchen, r.pantry_text or "—"], _BUY_WIDTHS,
                right=_BUY_RIGHT)
        if not fits:
            pdf.line_text(f"    buy {r.buy_text}", size=8)
        if not r.buy:
            pdf.line_text(f"    buy {r.to_buy_kitchen}", size=8)
        if r.note:
            pdf.line_text(f"    {r.note}", size=8)


def shopping_pdf(event: EventView, rows: tuple[ShoppingLineRow, ...] | list[ShoppingLineRow],
                 totals: ShoppingTotals | None = None, *, font_dir=DEJAVU_DIR,
                 undecided: Iterable[str] = ()) -> Printout:
    """The shopping list printout, ready to save."""
    pdf = Printout(f"Shopping list — {event.name}", font_dir)
    pdf.title_block(f"Shopping list — {event.name}",
                    f"{event.event_date.isoformat()} · plan {event.plan_state.replace('_', ' ')}")
    missing = not_counted_lines(undecided)
    if missing:
        pdf.heading("Not counted (decide their batches)")
        for line in missing:
            pdf.line_text(line)
        pdf.ln(3)
    to_buy = shopping_order([r for r in rows if r.status == "to_buy"])
    have = [r for r in rows if r.status != "to_buy"]
    store_text = {} if totals is None else {s.store or NO_STORE: s.text for s in totals.stores}
    pdf.heading(f"To buy ({len(to_buy)})")
    if not to_buy:
        pdf.line_text("Nothing to buy: the pantry covers the plan.")
    for store, in_store in groupby(to_buy, key=store_name):
        pdf.heading(f"{store} — {store_text.get(store, '')}".rstrip(" —"), size=11)
        for category, group in groupby(in_store, key=lambda r: r.category or "Other"):
            pdf.heading(category, size=10)
            _buy_table(pdf, list(group))
    pdf.ln(3)
    pdf.heading(f"Already have ({len(have)})")
    if have:
        pdf.row(["Ingredient", "Need", "On hand", "Leaves"], _HAVE_WIDTHS, right=_HAVE_RIGHT,
                bold=True)
        for r in have:
            pdf.row([r.ingredient, r.needed_kitchen, r.pantry_text or r.on_hand_kitchen,
                     r.leftover_kitchen], _HAVE_WIDTHS, right=_HAVE_RIGHT)
    else:
        pdf.line_text("Nothing yet.")
    if totals is not None:
        pdf.ln(3)
        pdf.heading(f"Trip total: {totals.text}")
        if totals.missing:
            pdf.line_text(f"Without a price: {', '.join(totals.missing)}")
    return pdf


def write_shopping_pdf(event: EventView, rows, path: str | os.PathLike[str],
                       totals: ShoppingTotals | None = None,
                       undecided: Iterable[str] = ()) -> None:
    """Write the shopping list PDF to ``path``; OSError when it cannot be written."""
    shopping_pdf(event, rows, totals, undecided=undecided).save(path)
