"""Buying in packs: the cheapest combination of an ingredient's packs that covers a gap.

The rule (one place, used by the shopping list everywhere):

* Only packs whose size converts to the gap's unit take part (mass↔volume
  through the ingredient's density); the others are named in ``unusable``.
* When at least one usable pack has a price, only priced packs take part and
  the combination with the lowest total price wins; a pack without a price is
  never treated as free. When no usable pack has a price, all usable packs take
  part, the total price is unknown and the fewest packs win.
* The search is exact within a bound: each pack is counted from 0 up to the
  number that covers the gap on its own (``ceil(gap / size)``); buying more of
  a pack than that can never be cheaper (prices are ≥ 0), so the bound loses
  nothing. The pack with the largest bound is not enumerated but filled in: for
  every combination of the others, it takes the fewest packs that close what
  is left. If the others' combinations would exceed ``SEARCH_LIMIT``, the
  packs with the highest price per unit are left out of the search (count 0)
  until it fits — never the case for a kitchen's handful of packs.
* Ties, in order: lower total price, fewer packs, less leftover, more of the
  preferred pack, then the packs' order as given (earlier packs first).

Leftover is what the packs hold beyond the gap, in the gap's unit.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_CEILING, ROUND_HALF_EVEN, Context, Decimal

from .units import can_convert, convert

__all__ = ["SEARCH_LIMIT", "Pack", "PackCount", "Purchase", "choose_packs", "display_unit"]

SEARCH_LIMIT = 200_000
_CTX = Context(prec=80, rounding=ROUND_HALF_EVEN)
_ZERO = Decimal(0)


@dataclass(frozen=True)
class Pack:
    """A pack an ingredient is sold in: ``quantity`` ``unit`` for ``price``."""

    label: str
    quantity: Decimal
    unit: str
    price: Decimal | None = None
    store: str | None = None
    preferred: bool = False


@dataclass(frozen=True)
class PackCount:
    pack: Pack
    count: int


@dataclass(frozen=True)
class Purchase:
    """The packs to buy for a gap (empty when the gap is zero or nothing fits).

    ``cost`` is None when the chosen packs have no price (or none were chosen
    because no pack fits); ``leftover`` and ``covered`` are in the gap's unit.
    """

    buy: tuple[PackCount, ...]
    covered: Decimal
    leftover: Decimal
    cost: Decimal | None
    unusable: tuple[str, ...] = ()  # labels of packs that cannot convert to the gap's unit

    @property
    def pack_count(self) -> int:
        return sum(b.count for b in self.buy)


def _ceil_div(a: Decimal, b: Decimal) -> int:
    return int(_CTX.divide(a, b).to_integral_value(rounding=ROUND_CEILING))


def choose_packs(
    gap: Decimal,
    unit: str,
    packs: Sequence[Pack],
    density_g_per_ml: Decimal | None = None,
) -> Purchase:
    """The cheapest combination of ``packs`` covering ``gap`` ``unit`` (see the
    module docstring for the rule and its ties). A gap ≤ 0 buys nothing."""
    usable: list[tuple[Pack, Decimal]] = []
    unusable: list[str] = []
    for p in packs:
        if can_convert(p.unit, unit, density_g_per_ml):
            usable.append((p, convert(p.quantity, p.unit, unit, density_g_per_ml)))
        else:
            unusable.append(p.label)
    if gap <= 0 or not usable:
        return Purchase((), _ZERO, _ZERO, _ZERO if gap <= 0 else None, tuple(unusable))
    priced = [(p, size) for p, size in usable if p.price is not None]
    candidates = priced or usable
    counts = _search(gap, candidates)
    buy = tuple(PackCount(p, n) for (p, _), n in zip(candidates, counts, strict=True) if n)
    covered = _ZERO
    for (_, size), n in zip(candidates, counts, strict=True):
        covered = _CTX.add(covered, _CTX.multiply(size, n))
    cost = None
    if priced:
        cost = _ZERO
        for b in buy:
            assert b.pack.price is not None  # only priced packs take part when any has one
            cost = _CTX.add(cost, _CTX.multiply(b.pack.price, b.count))
    return Purchase(buy, covered, _CTX.subtract(covered, gap), cost, tuple(unusable))


def _search(gap: Decimal, candidates: list[tuple[Pack, Decimal]]) -> tuple[int, ...]:
    bounds = [_ceil_div(gap, size) for _, size in candidates]
    filler = max(range(len(candidates)), key=lambda i: (bounds[i], -i))
    others = [i for i in range(len(candidates)) if i != filler]
    # Keep the enumeration within SEARCH_LIMIT: drop the dearest packs per unit first.
    limits = {i: bounds[i] for i in others}

    def per_unit(i: int) -> Decimal:
        p, size = candidates[i]
        return _CTX.divide(p.price or _ZERO, size)

    for i in sorted(others, key=lambda i: (per_unit(i), -i), reverse=True):
        product = 1
        for j in others:
            product *= limits[j] + 1
        if product <= SEARCH_LIMIT:
            break
        limits[i] = 0
    f_pack, f_size = candidates[filler]
    best_key: tuple[Decimal, int, Decimal, int, list[int]] | None = None
    best: tuple[int, ...] = ()
    for combo in itertools.product(*(range(limits[i] + 1) for i in others)):
        covered = _ZERO
        cost = _ZERO
        for i, n in zip(others, combo, strict=True):
            if n:
                p, size = candidates[i]
                covered = _CTX.add(covered, _CTX.multiply(size, n))
                cost = _CTX.add(cost, _CTX.multiply(p.price or _ZERO, n))
        rest = _CTX.subtract(gap, covered)
        fill = _ceil_div(rest, f_size) if rest > 0 else 0
        covered = _CTX.add(covered, _CTX.multiply(f_size, fill))
        cost = _CTX.add(cost, _CTX.multiply(f_pack.price or _ZERO, fill))
        counts = [0] * len(candidates)
        for i, n in zip(others, combo, strict=True):
            counts[i] = n
        counts[filler] = fill
        preferred = sum(n for (p, _), n in zip(candidates, counts, strict=True) if p.preferred)
        key = (cost, sum(counts), covered, -preferred, [-n for n in counts])
        if best_key is None or key < best_key:
            best_key, best = key, tuple(counts)
    return best


def display_unit(chosen: str | None, packs: Sequence[Pack]) -> str | None:
    """The unit an ingredient's needs are shown in: the baker's choice when set,
    else the preferred pack's unit, else None — and then the unit holding the
    largest share of the recipe lines' quantity is used
    (src.planning.aggregation's rule for an ingredient without a preferred unit)."""
    if chosen:
        return chosen
    return next((p.unit for p in packs if p.preferred), None)
