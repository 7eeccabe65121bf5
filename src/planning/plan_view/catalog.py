"""The catalog as plain planning data, and what the plan reads from it alone.

:class:`PlanCatalog` is what the plan services load (every recipe, yield type,
finished good, ingredient, the pantry, purchase packs and the currency).
:class:`CatalogIndex` is what every plan of that catalog derives from it
before looking at any event: which recipes each good reaches, the yield types
of each recipe, each ingredient's display unit. :func:`index_catalog` builds
it; the plan builder builds one when it is given none, and a caller that
reads the same catalog again may hand the same index back.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from operator import itemgetter

from ..aggregation import IngredientInfo
from ..costs import DEFAULT_CURRENCY
from ..decomposition import CycleError, recipes_reached
from ..packs import Pack, display_unit
from ..records import record
from ..shopping import PantryLine
from ..types import Good, YieldType
from ..variants import RecipeInfo
from .rows import UnitCount

__all__ = [
    "PlanCatalog",
    "CatalogIndex",
    "GoodEntry",
    "YieldChoices",
    "index_catalog",
    "cycle_message",
]


@dataclass(frozen=True)
class PlanCatalog:
    """The catalog as plain planning data (read-only: it may be shared)."""

    recipes: Mapping[int, RecipeInfo]
    units: Mapping[int, YieldType]
    goods: Mapping[int, Good]
    ingredients: Mapping[int, IngredientInfo]
    pantry: Sequence[PantryLine]
    packs: Mapping[int, tuple[Pack, ...]] = field(default_factory=dict)  # by ingredient id
    currency: str = DEFAULT_CURRENCY


@record
class GoodEntry:
    """A good as the goods list shows it: whether it is a bundle, and the
    recipes it reaches through nesting as (name, id) pairs by name (None when
    it is on or reaches a cycle)."""

    good: Good
    is_bundle: bool
    reaches: tuple[tuple[str, int], ...] | None
    recipe_ids: frozenset[int] = frozenset()  # the same recipes as a set
    recipe_names: tuple[str, ...] = ()  # their names, in the same order
    recipe_order: tuple[int, ...] = ()  # their ids, in the same order


@dataclass(frozen=True)
class CatalogIndex:
    goods: tuple[GoodEntry, ...]  # every good, by name
    cycle: str | None  # the text of a cycle among the goods, if any
    yields: Mapping[int, tuple[UnitCount, ...]]  # recipe id → its yield types by name
    shown: Mapping[int, IngredientInfo]  # ingredients with their display unit set


def cycle_message(exc: CycleError) -> str:
    """What the baker reads about a cycle among the finished goods."""
    return (
        "The finished goods contain a cycle: "
        + " → ".join(exc.names)
        + ". Edit one of these bundles so that it no longer contains itself."
    )


def _reached_per_good(
    goods: Mapping[int, Good], units: Mapping[int, YieldType]
) -> tuple[Mapping[int, frozenset[int] | None], str | None]:
    """good id → recipes it reaches (None for a good on or reaching a cycle),
    and what the baker reads about the catalog's cycle, if any. (The message,
    not the exception: an exception kept after its handler holds its frames,
    and they hold it, a cycle only the collector would free.)"""
    try:
        return recipes_reached(goods, units, sorted(goods)), None
    except CycleError as exc:
        # Rare (a cycle is refused when a bundle is saved): good by good.
        reached: dict[int, frozenset[int] | None] = {}
        for gid in goods:
            try:
                reached[gid] = recipes_reached(goods, units, [gid])[gid]
            except CycleError:
                reached[gid] = None
        return reached, cycle_message(exc)


def _good_entries(catalog: PlanCatalog) -> tuple[tuple[GoodEntry, ...], str | None]:
    reached, cycle = _reached_per_good(catalog.goods, catalog.units)
    # (name, id) of each recipe: a set's pairs sort by name, then id.
    pair_of = {r.id: (r.name, r.id) for r in catalog.recipes.values()}.__getitem__
    sets: dict[
        frozenset[int], tuple[tuple[tuple[str, int], ...], tuple[str, ...], tuple[int, ...]]
    ] = {}
    entries = []
    no_names: tuple[str, ...] = ()
    no_ids: frozenset[int] = frozenset()
    for good in sorted(catalog.goods.values(), key=lambda g: (g.name.casefold(), g.id)):
        mine = reached[good.id]
        is_bundle = False
        for c in good.components:
            if c.good_id is not None:
                is_bundle = True
                break
        if mine is None:
            entries.append(GoodEntry(good, is_bundle, None, no_ids, no_names, ()))
            continue
        found = sets.get(mine)
        if found is None:  # many goods reach the same recipes: sort each set once
            pairs = tuple(sorted(map(pair_of, mine)))
            found = sets[mine] = (pairs, tuple(map(_first, pairs)), tuple(map(_second, pairs)))
        entries.append(GoodEntry(good, is_bundle, found[0], mine, found[1], found[2]))
    return tuple(entries), cycle


_first, _second = itemgetter(0), itemgetter(1)


class YieldChoices(Mapping[int, tuple[UnitCount, ...]]):
    """recipe id → its yield types by name (then id), each recipe's worked out
    when first asked for (a plan asks for the few recipes it bakes)."""

    def __init__(self, units: Mapping[int, YieldType]) -> None:
        by_recipe: dict[int, list[YieldType]] = {}
        for u in units.values():
            mine = by_recipe.get(u.recipe_id)
            if mine is None:
                by_recipe[u.recipe_id] = [u]
            else:
                mine.append(u)
        self._units = by_recipe
        self._done: dict[int, tuple[UnitCount, ...]] = {}

    def __getitem__(self, recipe_id: int) -> tuple[UnitCount, ...]:
        found = self._done.get(recipe_id)
        if found is None:
            mine = self._units[recipe_id]  # KeyError for a recipe without yield types
            if len(mine) > 1:
                mine = sorted(mine, key=lambda u: (u.name, u.id))
            found = self._done[recipe_id] = tuple(
                UnitCount(u.id, u.name, u.items_per_batch or 0) for u in mine
            )
        return found

    def __iter__(self) -> Iterator[int]:
        return iter(self._units)

    def __len__(self) -> int:
        return len(self._units)


def display_ingredients(
    ingredients: Mapping[int, IngredientInfo], packs: Mapping[int, Sequence[Pack]]
) -> dict[int, IngredientInfo]:
    """The ingredients with ``preferred_unit`` set to their display unit
    (src.planning.packs.display_unit), so totals come out in it."""
    out = dict(ingredients)
    for iid, ing_packs in packs.items():
        info = out.get(iid)
        if info is not None and not info.preferred_unit:
            unit = display_unit(None, ing_packs)
            if unit:
                out[iid] = IngredientInfo(
                    info.id, info.name, info.category, info.density_g_per_ml, unit
                )
    return out


def index_catalog(catalog: PlanCatalog) -> CatalogIndex:
    goods, cycle = _good_entries(catalog)
    return CatalogIndex(
        goods=goods,
        cycle=cycle,
        yields=YieldChoices(catalog.units),
        shown=display_ingredients(catalog.ingredients, catalog.packs),
    )
