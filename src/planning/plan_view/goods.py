"""The goods list: every finished good, whether the event can offer it, and
its quantity when it is a line of the event."""

from __future__ import annotations

from collections.abc import Mapping
from collections.abc import Set as AbstractSet

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
                missing = () if ids <= selected else tuple(
                    name for name, rid in pairs if rid not in selected
                )
                found = shared[id(pairs)] = (available, missing)
            available, missing = found
        good = entry.good
        rows.append(
            GoodRow(  # id, name, is_bundle, available, missing_recipes, recipe_names, quantity
                good.id, good.name, entry.is_bundle, available, missing, names, lines.get(good.id)
            )
        )
    return tuple(rows)
