"""The goods list: every finished good, whether the event can offer it, and
its quantity when it is a line of the event."""

from __future__ import annotations

from collections.abc import Mapping
from collections.abc import Set as AbstractSet
from itertools import compress
from operator import not_

from ..availability import is_available
from .catalog import CatalogIndex
from .rows import GoodRow

__all__ = ["good_rows"]


def good_rows(
    index: CatalogIndex, selected: AbstractSet[int], lines: Mapping[int, int]
) -> tuple[GoodRow, ...]:
    """Every good by name (src.planning.availability.is_available decides
    whether it can be offered; ``missing_recipes`` names what to select)."""
    # Many goods reach the same recipes: work out each distinct set once.
    shared: dict[int, tuple[bool, tuple[str, ...]]] = {}
    rows = []
    missing: tuple[str, ...]
    names: tuple[str, ...]
    is_in = selected.__contains__
    quantity_of = lines.get
    for entry in index.goods:
        pairs = entry.reaches
        if pairs is None:  # on or reaching a cycle
            available, missing, names = False, (), ()
        else:
            names = entry.recipe_names
            found = shared.get(id(pairs))
            if found is None:
                ids = entry.recipe_ids
                available = is_available(ids, selected)
                # the names of the recipes not selected, in order (C-level loops)
                missing = () if ids <= selected else tuple(
                    compress(names, map(not_, map(is_in, entry.recipe_order)))
                )
                found = shared[id(pairs)] = (available, missing)
            available, missing = found
        good = entry.good
        rows.append(
            GoodRow(  # id, name, is_bundle, available, missing_recipes, recipe_names, quantity
                good.id, good.name, entry.is_bundle, available, missing, names,
                quantity_of(good.id),
            )
        )  # fmt: skip
    return tuple(rows)
