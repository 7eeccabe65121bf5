"""Batch need, the floor/ceil batch options, staleness, plan completeness,
and decimal formatting of fractions.

``need(r) = Σ items(u) × batches_per_item(u)`` over the recipe's needed units,
as an exact Fraction. The options are ``floor(need)`` and ``ceil(need)``; a
whole need gives one option, marked ``exact``. A need of zero gives no options.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from decimal import Decimal
from fractions import Fraction

from .records import record
from .types import YieldType

__all__ = [
    "SHORTFALL",
    "EXACT",
    "EXTRA",
    "BatchOption",
    "RecipeNeed",
    "batch_need",
    "batch_options",
    "is_stale",
    "is_undecided",
    "plan_complete",
    "format_decimal",
]

_NO_NEED = Fraction(0)

SHORTFALL = "shortfall"
EXACT = "exact"
EXTRA = "extra"


@record
class BatchOption:
    """One choice of batch count for a recipe.

    ``yield_items`` (unit_id → items the batches make) and
    ``difference_items`` (yield − needed) are set only when the need is for a
    single unit type, else None. ``difference_batches`` = batches − need.
    ``kind`` is ``shortfall`` (< 0), ``exact`` (0) or ``extra`` (> 0) by
    ``difference_batches``.
    """

    batches: int
    kind: str
    yield_items: dict[int, int] | None
    difference_items: int | None
    difference_batches: Fraction


@record
class RecipeNeed:
    """A recipe's needed items per unit, its exact batch need and its options
    (ascending by batches)."""

    recipe_id: int
    needed: dict[int, int]
    batches_needed: Fraction
    options: tuple[BatchOption, ...]


def batch_need(needed: Mapping[int, int], units: Mapping[int, YieldType]) -> Fraction:
    """Exact batches needed: Σ items × batches_per_item over ``needed``.

    Raises KeyError for a unit id missing from ``units`` and ValueError for a
    negative item count.
    """
    total = Fraction(0)
    for uid, items in needed.items():
        if items < 0:
            raise ValueError(f"needed items for unit {uid} must not be negative")
        total += items * units[uid].batches_per_item()
    return total


def _kind(diff: Fraction) -> str:
    if diff < 0:
        return SHORTFALL
    if diff > 0:
        return EXTRA
    return EXACT


def batch_options(
    recipe_id: int, needed: Mapping[int, int], units: Mapping[int, YieldType]
) -> RecipeNeed:
    """The recipe's need and its batch options.

    Options are ``floor(need)`` then ``ceil(need)``; one ``exact`` option when
    the need is whole; none when the need is zero. A floor of 0 is still
    listed (a shortfall of 0 batches). With a single needed unit type, each
    option carries the yield ``floor(batches / batches_per_item)`` and the item
    difference; with several, those are None. Example: 200 cookies at 24 per
    batch → 8 batches (192, −8, −1/3, shortfall) and 9 (216, +16, +2/3, extra).
    """
    needed_clean = {uid: n for uid, n in needed.items() if n}
    # Integer arithmetic on need = num / den (Fraction arithmetic costs µs per step).
    single: int | None = None
    if len(needed_clean) == 1:
        ((single, items),) = needed_clean.items()
        if items < 0:
            raise ValueError(f"needed items for unit {single} must not be negative")
        a, c = units[single].batches_per_item_ratio()
        num, den = items * a, c
    else:
        num, den = 0, 1
        for uid, items in needed_clean.items():
            if items < 0:
                raise ValueError(f"needed items for unit {uid} must not be negative")
            a, c = units[uid].batches_per_item_ratio()
            num, den = num * c + items * a * den, den * c
    common = math.gcd(num, den)
    num, den = num // common, den // common
    need = Fraction(num, den)
    if num <= 0:
        return RecipeNeed(recipe_id, needed_clean, need, ())
    low = num // den
    # num / den is in lowest terms: floor(need) falls short unless the need is whole.
    counts = ((low, EXACT),) if den == 1 else ((low, SHORTFALL), (low + 1, EXTRA))
    options = []
    for b, kind in counts:
        yield_items: dict[int, int] | None = None
        diff_items: int | None = None
        if single is not None:
            made = (b * c) // a  # floor(b / (a / c))
            yield_items, diff_items = {single: made}, made - items
        # b·den − num and den are coprime too: the difference needs no reducing.
        options.append(BatchOption(b, kind, yield_items, diff_items, Fraction(b * den - num, den)))
    return RecipeNeed(recipe_id, needed_clean, need, tuple(options))


def is_stale(batches: int, need: Fraction, baked: int = 0) -> bool:
    """True when a decision of ``batches`` no longer fits the ``need``.

    The batches that count are ``max(batches, baked)`` (effective_batches).
    When batches already baked cover the need (``baked > 0`` and ``baked ≥
    need``) the decision is never stale: the surplus is extras. Otherwise it
    is stale when the counted batches are neither floor(need) nor ceil(need).
    """
    if baked > 0 and baked >= need:
        return False
    counted = max(batches, baked)
    return counted not in (math.floor(need), math.ceil(need))


def is_undecided(need: Fraction, decided: int | None, baked: int) -> bool:
    """True when a recipe has a need but neither a decision nor baked batches:
    nothing is counted for it (shopping list, assembly) until the baker decides."""
    # The cheap tests first: comparing a Fraction costs a microsecond.
    return decided is None and baked == 0 and need > 0


def plan_complete(
    needs: Mapping[int, Fraction],
    decisions: Mapping[int, int],
    baked: Mapping[int, int] | None = None,
) -> bool:
    """True when no recipe with a positive need is undecided and no decision is
    stale (:func:`is_stale`, counting what is baked). A decision for a recipe
    whose need is zero or absent from ``needs`` is stale unless baked batches
    cover it (its batches are no longer wanted)."""
    made = baked or {}
    for rid, need in needs.items():
        if is_undecided(need, decisions.get(rid), made.get(rid, 0)):
            return False
    return not any(
        is_stale(b, needs.get(rid, _NO_NEED), made.get(rid, 0)) for rid, b in decisions.items()
    )


def format_decimal(value: Fraction | Decimal | int, places: int = 3) -> str:
    """``value`` rounded half away from zero to at most ``places`` decimals,
    trailing zeros stripped, never in exponent form, and never ``-0``.

    Examples: 25/3 → "8.333", -1/3 → "-0.333", 2/3 → "0.667",
    Decimal("24.750") → "24.75", 3 → "3".
    """
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise ValueError(f"cannot format {value}")
        if type(places) is not int or places < 0:
            return _format_exact(Fraction(value), places)
        # The exact digits decide: past ``places``, a first digit ≥ 5 is at least half.
        text = str(value)
        if "E" in text or "e" in text:  # str writes very small or large ones as 1E-7
            text = format(value, "f")
        negative = text[0] == "-"
        whole, _, decimals = text.lstrip("-").partition(".")
        if len(decimals) > places:
            if decimals[places] >= "5":  # rounds up, maybe into the whole part
                rounded = int(whole + decimals[:places]) + 1
                return _rounded_text(rounded, negative, places)
            decimals = decimals[:places]
        decimals = decimals.rstrip("0")
        if decimals:
            return f"-{whole}.{decimals}" if negative else f"{whole}.{decimals}"
        return f"-{whole}" if negative and whole != "0" else whole
    elif isinstance(value, (int, Fraction)):
        num, den = value.numerator, value.denominator
        if type(places) is not int or places < 0:
            return _format_exact(Fraction(num, den), places)
        # In integers: rounded = floor(|value| × 10^places + 1/2).
        return _rounded_text((2 * abs(num) * 10**places + den) // (2 * den), num < 0, places)
    return _format_exact(Fraction(value), places)


def _rounded_text(rounded: int, negative: bool, places: int) -> str:
    """The text of ±rounded / 10^places, trailing zeros stripped, never "-0"."""
    if rounded == 0:
        return "0"
    sign = "-" if negative else ""
    whole, frac = divmod(rounded, 10**places)
    if frac == 0:
        return f"{sign}{whole}"
    return f"{sign}{whole}.{str(frac).rjust(places, '0').rstrip('0')}"


def _format_exact(exact: Fraction, places: int) -> str:
    """:func:`format_decimal` on an exact Fraction in Fraction arithmetic: the
    path for inputs other than Decimal, Fraction or int, and other ``places``."""
    scale = 10**places
    magnitude = abs(exact) * scale
    rounded = math.floor(magnitude + Fraction(1, 2))
    if rounded == 0:
        return "0"
    sign = "-" if exact < 0 else ""
    whole, frac = divmod(rounded, scale)
    if places == 0 or frac == 0:
        return f"{sign}{whole}"
    digits = str(frac).rjust(places, "0").rstrip("0")
    return f"{sign}{whole}.{digits}"

