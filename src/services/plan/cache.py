"""What the plan services keep between two calls on one database: one object.

A :class:`PlanCache` belongs to its :class:`src.db.Database` (``db.caches``)
and holds the plain catalog data built from the rows last read, one entry
per kind of row, and the catalog index (src.planning.plan_view) built from
that data. An entry is keyed by the rows themselves: every call reads the
rows again (that is what a refresh's statements are) and reuses the built
data only when they are equal to the rows it was built from. So any write —
through any service, a migration, an import, or another computer sharing a
PostgreSQL database — changes the key and is never served stale; there is
no invalidation to forget. ``clear()`` forgets everything (the benchmark's
"cold" refresh; closing the database does it too).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from src.db import Database
from src.planning.plan_view import CatalogIndex, PlanCatalog, index_catalog

__all__ = ["PlanCache", "plan_cache"]

T = TypeVar("T")

_KEY = "plan"


class PlanCache:
    def __init__(self) -> None:
        self._built: dict[str, tuple[list[tuple[Any, ...]], Any]] = {}
        self._index: tuple[PlanCatalog, CatalogIndex] | None = None

    def clear(self) -> None:
        self._built = {}
        self._index = None

    def built(self, kind: str, found: Sequence[Any], build: Callable[[list[Any]], T]) -> T:
        """``build(rows)``, or the value it gave for equal rows of this kind last time.
        The value is shared between callers: treat it as read-only."""
        rows = list(map(tuple, found))  # plain tuples compare far faster than Rows
        entry = self._built.get(kind)
        if entry is not None and entry[0] == rows:
            value: T = entry[1]
            return value
        value = build(rows)
        self._built[kind] = (rows, value)  # replaced whole: a reader sees old or new
        return value

    def index(self, catalog: PlanCatalog) -> CatalogIndex:
        """src.planning.plan_view.index_catalog(catalog), reused while the
        catalog's parts are the very objects it was built from."""
        entry = self._index
        if entry is not None and _same_parts(entry[0], catalog):
            return entry[1]
        index = index_catalog(catalog)
        self._index = (catalog, index)
        return index


def _same_parts(a: PlanCatalog, b: PlanCatalog) -> bool:
    return (
        a.recipes is b.recipes
        and a.units is b.units
        and a.goods is b.goods
        and a.ingredients is b.ingredients
        and a.pantry is b.pantry
        and a.packs is b.packs
        and a.currency == b.currency
    )


def plan_cache(db: Database) -> PlanCache:
    """The database's plan cache (made on first use)."""
    cache = db.caches.get(_KEY)
    if not isinstance(cache, PlanCache):
        cache = db.caches[_KEY] = PlanCache()
    return cache
