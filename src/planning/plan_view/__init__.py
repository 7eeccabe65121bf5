"""The plan of one event, built from plain inputs by pure functions.

The plan services load the catalog and the event's rows, call
:func:`build_plan` (or :func:`build_shopping`) and hand the rows on; every
rule it applies has its one home in a module of src.planning.
"""

from .build import PlanFigures, PlanInputs, build_plan, build_shopping
from .catalog import CatalogIndex, PlanCatalog, index_catalog

__all__ = [
    "PlanCatalog",
    "CatalogIndex",
    "index_catalog",
    "PlanInputs",
    "PlanFigures",
    "build_plan",
    "build_shopping",
]
