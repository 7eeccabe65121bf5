"""The shopping list as a one-page PDF: event header, "To buy" grouped by
ingredient category, then "Already have"."""

from __future__ import annotations

import os
from collections.abc import Iterable
from itertools import groupby

from src.services.events import EventView
from src.services.plan_dto import ShoppingLineRow

from .pdf_common import DEJAVU_DIR, Printout
from .plan_report import not_counted_lines

_WIDTHS = [70, 28, 20, 32, 30]
_RIGHT = frozenset({1, 3, 4})


def _table(pdf: Printout, rows: list[ShoppingLineRow]) -> None:
    pdf.row(["Ingredient", "Needed", "Unit", "On hand", "To buy"], _WIDTHS, right=_RIGHT,
            bold=True)
    for r in rows:
        pdf.row([r.ingredient, r.needed_text, r.unit, r.on_hand_text, r.to_buy_text], _WIDTHS,
                right=_RIGHT)
        if r.note:
            pdf.line_text(f"    {r.note}", size=8)


def shopping_pdf(event: EventView, rows: tuple[ShoppingLineRow, ...] | list[ShoppingLineRow],
                 *, font_dir=DEJAVU_DIR, undecided: Iterable[str] = ()) -> Printout:
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
    to_buy = [r for r in rows if r.status == "to_buy"]
    have = [r for r in rows if r.status != "to_buy"]
    pdf.heading(f"To buy ({len(to_buy)})")
    if not to_buy:
        pdf.line_text("Nothing to buy: the pantry covers the plan.")
    ordered = sorted(to_buy, key=lambda r: (r.category.casefold() or "~", r.ingredient.casefold()))
    for category, group in groupby(ordered, key=lambda r: r.category or "Other"):
        pdf.heading(category, size=10)
        _table(pdf, list(group))
    pdf.ln(3)
    pdf.heading(f"Already have ({len(have)})")
    if have:
        _table(pdf, have)
    else:
        pdf.line_text("Nothing yet.")
    return pdf


def write_shopping_pdf(
    event: EventView, rows, path: str | os.PathLike[str], undecided: Iterable[str] = ()
) -> None:
    """Write the shopping list PDF to ``path``; OSError when it cannot be written."""
    shopping_pdf(event, rows, undecided=undecided).save(path)
