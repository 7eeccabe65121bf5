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
from decimal import ROUND_HALF_EVEN, Context, Decimal, localcontext

from .records import record
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
_DIM = {u: dimension(u) for u in SUPPORTED_UNITS}
# Any mass unit and any volume unit: they convert exactly when the density is usable.
_A_MASS, _A_VOLUME = "g", "ml"
_BASE = {MASS: "g", VOLUME: "ml", "count": "each"}
_SUM_PREC = 80
_SUM = Context(prec=_SUM_PREC, rounding=ROUND_HALF_EVEN)
_ZERO = Decimal(0)
_CANONICAL = frozenset(SUPPORTED_UNITS)
_NOT_SEEN = object()


@record
class IngredientLine:
    """One recipe line: ``quantity`` of an ingredient in ``unit``."""

    ingredient_id: int
    quantity: Decimal
    unit: str


@record
class IngredientInfo:
    """What aggregation needs to know about an ingredient."""

    id: int
    name: str
    category: str
    density_g_per_ml: Decimal | None = None
    preferred_unit: str | None = None


@record
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
    ordered = sorted(set(units), key=_ORDER.__getitem__)
    # Converting is an equivalence: same dimension, or mass with volume when the
    # density is usable (asked only when both are present, as a pairwise check would).
    kinds = {_DIM[u] for u in ordered}
    joined = MASS in kinds and VOLUME in kinds and can_convert(_A_MASS, _A_VOLUME, density)
    groups: dict[str, list[str]] = {}
    for u in ordered:
        kind = _DIM[u]
        if joined and kind == VOLUME:
            kind = MASS
        found = groups.get(kind)
        if found is None:
            groups[kind] = [u]
        else:
            found.append(u)
    return list(groups.values())


def _exact_sum(values: list[Decimal]) -> Decimal:
    """0 + the values in ascending order, in the current context (which
    :func:`aggregate_ingredients` sets to the 80-digit summing context)."""
    if len(values) == 1:
        return _ZERO + values[0]
    return sum(sorted(values), _ZERO)


def _all_convert(units: Iterable[str], target: str, density: Decimal | None) -> bool:
    for u in units:
        if not can_convert(u, target, density):
            return False
    return True


def _choose_unit(
    group: list[str], sums: Mapping[str, Decimal], preferred: str | None, density: Decimal | None
) -> str:
    if preferred is not None and can_convert(preferred, group[0], density):
        return preferred
    first = group[0]
    base = _BASE[_DIM[first]]
    if len(group) == 1:
        # The only candidate; converting it to compare shares would only check
        # the density (which a conversion between different units always does).
        if first != base and density is not None:
            convert(_ZERO, first, base, density)
        return first
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
    # Arithmetic with operators in the summing context: cheaper than calling
    # the context's methods, and the same results.
    with localcontext(_SUM):
        return _aggregate(scaled, ingredients)


def _aggregate(
    scaled: Iterable[tuple[IngredientLine, Decimal]],
    ingredients: Mapping[int, IngredientInfo],
) -> list[IngredientTotal]:
    per_unit: dict[int, dict[str, list[Decimal]]] = {}
    last: object = _NOT_SEEN
    m = _ZERO
    for line, mult in scaled:
        if mult is not last:  # lines come in runs sharing one multiplier
            m = mult if type(mult) is Decimal else Decimal(mult)
            if m < 0:
                raise ValueError("a batch multiplier must not be negative")
            last = mult
        ing_id = line.ingredient_id
        if ing_id not in ingredients:
            raise KeyError(f"unknown ingredient id {ing_id}")
        unit = line.unit
        if type(unit) is not str or unit not in _CANONICAL:
            unit = normalize_unit(unit)
        q = line.quantity
        q = (q if type(q) is Decimal else Decimal(q)) * m
        if q:
            by_unit = per_unit.get(ing_id)
            if by_unit is None:
                per_unit[ing_id] = {unit: [q]}
            else:
                found = by_unit.get(unit)
                if found is None:
                    by_unit[unit] = [q]
                else:
                    found.append(q)

    totals: list[IngredientTotal] = []
    for ing_id, by_unit in per_unit.items():
        info = ingredients[ing_id]
        density = info.density_g_per_ml
        sums: dict[str, Decimal] = {}
        for u, values in by_unit.items():
            sums[u] = _ZERO + values[0] if len(values) == 1 else _exact_sum(values)
        preferred = info.preferred_unit
        preferred = normalize_unit(preferred) if preferred else None
        if preferred is not None and _all_convert(sums, preferred, density):
            # One group (converting is an equivalence), totalled in the preferred unit.
            if len(sums) == 1 and preferred in sums:
                quantity = sums[preferred]
            else:
                quantity = _exact_sum([convert(q, u, preferred, density) for u, q in sums.items()])
            totals.append(IngredientTotal(ing_id, quantity, preferred, None))
            continue
        groups = [list(sums)] if len(sums) == 1 else unit_groups(sums, density)
        chosen = [_choose_unit(g, sums, preferred, density) for g in groups]
        for group, target in zip(groups, chosen, strict=True):
            if len(group) == 1:
                u = group[0]
                if u == target:
                    # sums[u] is already a prec-80 sum from 0, so adding it to 0 again is itself.
                    quantity = sums[u]
                else:
                    quantity = _ZERO + convert(sums[u], u, target, density)
            else:
                quantity = _exact_sum([convert(sums[u], u, target, density) for u in group])
            note = None
            if len(groups) > 1:
                others = [t for t in chosen if t != target]
                note = _split_note(target, others, density)
            totals.append(IngredientTotal(ing_id, quantity, target, note))

    name = {i: ingredients[i].name for i in per_unit}
    totals.sort(key=lambda t: (name[t.ingredient_id], t.ingredient_id, _ORDER[t.unit]))
    return totals
