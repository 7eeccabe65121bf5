"""Which finished goods an event can offer, given its selected recipes.

Rule: a good is available when every recipe reached by decomposing it
(through nested bundles) is selected. A good that reaches no finished unit at
all (no components, or only empty bundles) is NOT available: nothing could be
baked for it. Such goods are left out of :func:`missing_recipes` (they miss no
recipe, yet are not makeable) and are reported by :func:`unmakeable_goods`.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from collections.abc import Set as AbstractSet

from .decomposition import recipes_of_goods
from .types import Good, YieldType

__all__ = ["is_available", "missing_recipes", "available_goods", "unmakeable_goods"]


def is_available(reached: Collection[int], selected: AbstractSet[int]) -> bool:
    """The rule for one good that reaches the recipes ``reached``."""
    if type(reached) is frozenset or isinstance(reached, AbstractSet):
        return bool(reached) and reached <= selected
    return bool(reached) and all(r in selected for r in reached)


def missing_recipes(
    goods: Mapping[int, Good],
    units: Mapping[int, YieldType],
    selected: AbstractSet[int],
) -> dict[int, frozenset[int]]:
    """good_id → ids of recipes it needs that are not in ``selected``.

    An empty frozenset means the good is available. Goods that reach no
    finished unit are omitted (see :func:`unmakeable_goods`). Raises
    CycleError on a cycle among goods.
    """
    out: dict[int, frozenset[int]] = {}
    for gid, recipes in recipes_of_goods(goods, units).items():
        if recipes:
            out[gid] = frozenset(r for r in recipes if r not in selected)
    return out


def available_goods(
    goods: Mapping[int, Good],
    units: Mapping[int, YieldType],
    selected: AbstractSet[int],
) -> frozenset[int]:
    """Ids of the goods whose every reached recipe is selected (and that reach
    at least one finished unit)."""
    reached = recipes_of_goods(goods, units)
    return frozenset(gid for gid, recipes in reached.items() if is_available(recipes, selected))


def unmakeable_goods(goods: Mapping[int, Good], units: Mapping[int, YieldType]) -> frozenset[int]:
    """Ids of the goods that reach no finished unit, so can never be made."""
    return frozenset(gid for gid, recipes in recipes_of_goods(goods, units).items() if not recipes)
