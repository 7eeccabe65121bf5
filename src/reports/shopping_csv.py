"""The shopping list as CSV: ``ingredient,needed,unit,on_hand,to_buy,status``,
then the buying columns ``store,buy,leftover,cost`` (``buy`` as "2 × 5 lb bag";
leftover in the line's unit; cost empty when a price is missing)."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

from src.services.formatting import format_decimal
from src.services.plan.dto import ShoppingLineRow

from .plan_report import NOT_COUNTED

COLUMNS = ("ingredient", "needed", "unit", "on_hand", "to_buy", "status",
           "store", "buy", "leftover", "cost")


def shopping_csv_text(rows: Iterable[ShoppingLineRow], undecided: Iterable[str] = ()) -> str:
    """The CSV text (header, then one row per line, figures rounded to 3 places,
    "\\n" line ends); then a row per recipe left out for want of a batch
    decision, its name first and "not counted: no batch decision" as status."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(COLUMNS)
    for r in rows:
        writer.writerow([r.ingredient, r.needed_text, r.unit, r.on_hand_text, r.to_buy_text,
                         r.status, r.store, r.buy_text if r.buy else "",
                         "" if r.leftover is None else format_decimal(r.leftover),
                         "" if r.cost is None else format_decimal(r.cost)])
    for name in undecided:
        writer.writerow([name, "", "", "", "", NOT_COUNTED, "", "", "", ""])
    return buffer.getvalue()


def write_shopping_csv(
    rows: Iterable[ShoppingLineRow], path, undecided: Iterable[str] = ()
) -> None:
    """Write the CSV to ``path`` (UTF-8); OSError when it cannot be written."""
    with open(path, "w", encoding="utf-8", newline="") as handle:
        handle.write(shopping_csv_text(rows, undecided))
