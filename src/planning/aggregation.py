"""Effective recipe lines and ingredient totals over decided batches.

Unit choice per ingredient: the ingredient's lines fall into groups of units
that convert into each other (mass and volume join only when the ingredient
has a density; count never joins them). Each group yields one total:

* in the ingredient's ``preferred_unit`` when it belongs to the group;
* otherwise in the group's unit holding the largest share of the group's
  quantity (compared after conversion to the group's base unit), ties going
  to the unit that comes first in ``SUPPORTED_UNITS``.

When an ingredient ends up with more than one total (incompatible units), each
of its totals carries a note saying what it was not combined with and why.
Sums are exact: quantities are added per unit, each unit's sum is converted
once, and the converted sums are added in a fixed order, so the result does
not depend on the order of the input lines.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_EVEN, Context, Decimal, localcontext

from .units import (
    MASS,
    SUPPORTED_UNITS,
    VOLUME,
    ConversionError,
    can_convert,
    convert,
    dimension,
    normalize_unit,
)

__all__ = [
    "IngredientLine",
    "IngredientInfo",
    "IngredientTotal",
    "effective_lines",
    "aggregate_ingredients",
    "unit_groups",
]

_ORDER = {u: i for i, u in enumerate(SUPPORTED_UNITS)}
_BASE = {MASS: "g", VOLUME: "ml", "count": "each"}
_SUM_PREC = 80
_SUM = Context(prec=_SUM_PREC, rounding=ROUND_HALF_EVEN)
_ZERO = Decimal(0)


@dataclass(frozen=True)
class IngredientLine:
    """One recipe line: ``quantity`` of an ingredient in ``unit``."""

    ingredient_id: int
    quantity: Decimal
    unit: str


@dataclass(frozen=True)
class IngredientInfo:
    """What aggregation needs to know about an ingredient."""

    id: int
    name: str
    category: str
    density_g_per_ml: Decimal | None = None
    preferred_unit: str | None = None


@dataclass(frozen=True)
class IngredientTotal:
    """An ingredient's total need in one unit; ``note`` explains a split."""

    ingredient_id: int
    quantity: Decimal
    unit: str
    note: str | None = None


def effective_lines(
    own: Sequence[IngredientLine], base: Sequence[IngredientLine] | None
) -> tuple[IngredientLine, ...]:
    """A recipe's lines after variant inheritance.

    Without a base, ``own`` as a tuple. With one, the base's lines in order,
    except that every base line for an ingredient the variant has its own
    line(s) for is replaced — at the position of the first such base line — by
    the variant's lines for it; the variant's other lines follow.
    """
    if base is None:
        return tuple(own)
    own_by_ing: dict[int, list[IngredientLine]] = {}
    for line in own:
        own_by_ing.setdefault(line.ingredient_id, []).append(line)
    out: list[IngredientLine] = []
    placed: set[int] = set()
    for line in base:
        ing = line.ingredient_id
        if ing not in own_by_ing:
            out.append(line)
        elif ing not in placed:
            out.extend(own_by_ing[ing])
            placed.add(ing)
    out.extend(line for line in own if line.ingredient_id not in placed)
    return tuple(out)


def unit_groups(units: Iterable[str], density: Decimal | None) -> list[list[str]]:
    """Canonical units partitioned into groups that convert into each other,
    each group and the list ordered by SUPPORTED_UNITS."""
    groups: list[list[str]] = []
    for u in sorted(set(units), key=_ORDER.__getitem__):
        for g in groups:
            if can_convert(u, g[0], density):
                g.append(u)
                break
        else:
            groups.append([u])
    return groups


def _exact_sum(values: Iterable[Decimal]) -> Decimal:
    add = _SUM.add
    total = _ZERO
    for v in sorted(values):
        total = add(total, v)
    return total


def _choose_unit(group: list[str], sums: Mapping[str, Decimal], info: IngredientInfo) -> str:
    preferred = normalize_unit(info.preferred_unit) if info.preferred_unit else None
    density = info.density_g_per_ml
    if preferred is not None and can_convert(preferred, group[0], density):
        return preferred
    base = _BASE[dimension(group[0])]
    if len(group) == 1:
        # The only candidate; converting it to compare shares would only check the density.
        if group[0] != base:
            convert(_ZERO, group[0], base, density)
        return group[0]
    share = {u: convert(sums[u], u, base, density) for u in group}
    return max(group, key=lambda u: (share[u], -_ORDER[u]))


def _split_note(unit: str, others: list[str], density: Decimal | None) -> str:
    try:
        convert(Decimal(1), others[0], unit, density)
        reason = ""
    except ConversionError as exc:
        reason = str(exc)
    listed = ", ".join(others)
    return f"not combined with {listed}: {reason}" if reason else f"not combined with {listed}"


def aggregate_ingredients(
    scaled: Iterable[tuple[IngredientLine, Decimal]],
    ingredients: Mapping[int, IngredientInfo],
) -> list[IngredientTotal]:
    """Sum ``line.quantity × multiplier`` per ingredient into as few units as
    conversion allows (see the module docstring for the unit choice).

    Lines whose product is zero are ignored. Returns the totals sorted by
    ingredient name, then ingredient id, then unit (SUPPORTED_UNITS order).
    Raises KeyError for an ingredient missing from ``ingredients``, UnitError
    for an unknown unit, ValueError for a negative multiplier.
    """
    per_unit: dict[int, dict[str, list[Decimal]]] = {}
    with localcontext() as ctx:
        ctx.prec = _SUM_PREC
        for line, mult in scaled:
            m = mult if type(mult) is Decimal else Decimal(mult)
            if m < 0:
                raise ValueError("a batch multiplier must not be negative")
            if line.ingredient_id not in ingredients:
                raise KeyError(f"unknown ingredient id {line.ingredient_id}")
            unit = normalize_unit(line.unit)
            q = line.quantity
            q = (q if type(q) is Decimal else Decimal(q)) * m
            if q:
                per_unit.setdefault(line.ingredient_id, {}).setdefault(unit, []).append(q)

    totals: list[IngredientTotal] = []
    for ing_id, by_unit in per_unit.items():
        info = ingredients[ing_id]
        density = info.density_g_per_ml
        sums = {u: _exact_sum(v) for u, v in by_unit.items()}
        groups = [list(sums)] if len(sums) == 1 else unit_groups(sums, density)
        chosen = [_choose_unit(g, sums, info) for g in groups]
        for group, target in zip(groups, chosen, strict=True):
            if len(group) == 1 and group[0] == target:
                # sums[u] is already a prec-80 sum from 0, so adding it to 0 again is itself.
                quantity = sums[target]
            else:
                quantity = _exact_sum(convert(sums[u], u, target, density) for u in group)
            note = None
            if len(groups) > 1:
                others = [t for t in chosen if t != target]
                note = _split_note(target, others, density)
            totals.append(IngredientTotal(ing_id, quantity, target, note))

    def key(t: IngredientTotal) -> tuple[str, int, int]:
        return (ingredients[t.ingredient_id].name, t.ingredient_id, _ORDER[t.unit])

    return sorted(totals, key=key)
