"""Plain, frozen data about buying and costs (issue 12): packs to buy on a
shopping line, shopping totals, and what batches, goods and the event cost.

The rows are built by the pure planning core (src.planning.plan_view) and
defined there (src.planning.plan_view.rows); this module hands them to the
window, the CLI and the reports, which must not import src.planning.
"""

from __future__ import annotations

from src.planning.plan_view.rows import (
    BatchCostRow,
    BuyRow,
    CostFigure,
    CostsView,
    GoodCostRow,
    ShoppingTotals,
    ShoppingView,
    StoreTotal,
)

__all__ = [
    "BuyRow",
    "CostFigure",
    "StoreTotal",
    "ShoppingTotals",
    "ShoppingView",
    "BatchCostRow",
    "GoodCostRow",
    "CostsView",
]
