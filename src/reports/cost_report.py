"""Buying and cost fields of the ``plan --json`` report (EXCHANGE.md, "Version 2
additions"): per shopping line ``buy``, ``leftover``, ``cost``; top level
``shopping_cost``, ``missing_prices``, ``finished_goods_cost``, ``event_cost``.

Money is a string rounded to 3 places like every decimal figure of the report
(exact figures, not cents), or null when a price is missing.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from src.services.formatting import format_decimal
from src.services.plan.cost_dto import CostFigure
from src.services.plan.dto import PlanView, ShoppingLineRow


def _money(amount: Decimal | None) -> str | None:
    return None if amount is None else format_decimal(amount)


def _figure(cost: CostFigure) -> str | None:
    return _money(cost.amount)


def buying_fields(row: ShoppingLineRow) -> dict[str, Any]:
    """``buy``, ``leftover`` and ``cost`` of one shopping line."""
    return {
        "buy": [{"pack": b.label, "count": b.count} for b in row.buy],
        "leftover": _money(row.leftover),
        "cost": _money(row.cost),
    }


def add_cost_fields(report: dict[str, Any], view: PlanView) -> None:
    """Add the cost fields to a plan report built from ``view`` (in place)."""
    costs = view.costs
    if costs is None:
        return
    for entry, row in zip(report["recipes"], view.batches, strict=True):
        found = costs.batch(row.recipe_id)
        entry["cost_per_batch"] = None if found is None else _figure(found.per_batch)
        entry["cost"] = None if found is None else _figure(found.total)
    report["currency"] = costs.currency
    report["shopping_cost"] = _figure(costs.shopping.cost)
    report["missing_prices"] = list(costs.shopping.missing)
    report["finished_goods_cost"] = [
        {"finished_good": g.good, "quantity": g.quantity, "each": _figure(g.each),
         "line": _figure(g.line)}
        for g in costs.goods
    ]  # fmt: skip
    report["event_cost"] = _figure(costs.event)
