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
  until it fits (the first of equals first) — never the case for a kitchen's
  handful of packs.
* Ties, in order: lower total price, fewer packs, less leftover, more of the
  preferred pack, then the packs' order as given (earlier packs first).

Leftover is what the packs hold beyond the gap, in the gap's unit.

The search itself (src.planning.pack_search) runs on whole numbers — the
sizes and the gap over their common denominator, the prices over theirs — so
it is exact whatever the digits; ``covered``, ``leftover`` and ``cost`` are
then summed in Decimal from the packs as given.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import ROUND_HALF_EVEN, Context, Decimal
from math import ceil, lcm

from .pack_search import SEARCH_LIMIT, cheapest_counts
from .records import record
from .units import SUPPORTED_UNITS, can_convert, convert

__all__ = ["SEARCH_LIMIT", "Pack", "PackCount", "Purchase", "choose_packs", "display_unit"]

_CTX = Context(prec=80, rounding=ROUND_HALF_EVEN)
_ZERO = Decimal(0)
_CANONICAL = frozenset(SUPPORTED_UNITS)


@record
class Pack:
    """A pack an ingredient is sold in: ``quantity`` ``unit`` for ``price``."""

    label: str
    quantity: Decimal
    unit: str
    price: Decimal | None = None
    store: str | None = None
    preferred: bool = False


@record
class PackCount:
    pack: Pack
    count: int


@record
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
    priced = 0
    own_unit = type(unit) is str and unit in _CANONICAL
    for p in packs:
        if own_unit and p.unit == unit:
            q = p.quantity  # what convert returns for a pack in the gap's unit
            usable.append((p, q if type(q) is Decimal else Decimal(q)))
        elif can_convert(p.unit, unit, density_g_per_ml):
            usable.append((p, convert(p.quantity, p.unit, unit, density_g_per_ml)))
        else:
            unusable.append(p.label)
            continue
        if p.price is not None:
            priced += 1
    if gap <= 0 or not usable:
        return Purchase((), _ZERO, _ZERO, _ZERO if gap <= 0 else None, tuple(unusable))
    candidates = usable
    if priced and priced < len(usable):  # only priced packs take part
        candidates = [c for c in usable if c[0].price is not None]
    counts = _counts(gap, candidates)
    buy: list[PackCount] = []
    covered = cost = _ZERO
    add, multiply = _CTX.add, _CTX.multiply
    for (p, size), n in zip(candidates, counts, strict=True):
        covered = add(covered, multiply(size, n))
        if n:
            buy.append(PackCount(p, n))
            if p.price is not None:  # then every candidate has one
                cost = add(cost, multiply(p.price, n))
    return Purchase(tuple(buy), covered, _CTX.subtract(covered, gap), cost if priced else None,
                    tuple(unusable))


def _counts(gap: Decimal, candidates: list[tuple[Pack, Decimal]]) -> tuple[int, ...]:
    """The search (src.planning.pack_search) on whole numbers: the sizes over
    their common denominator, the gap rounded up on it (covers are whole
    numbers of it, so they cover the gap exactly when they cover that), the
    prices over theirs. Exact, so the answer is the rule's."""
    if len(candidates) == 1:  # one pack: the fewest that cover
        num, den = gap.as_integer_ratio()
        size_num, size_den = candidates[0][1].as_integer_ratio()
        return (-(-num * size_den // (den * size_num)),)
    sizes: list[tuple[int, int]] = []
    prices: list[tuple[int, int]] = []
    preferred: list[bool] = []
    scale = price_scale = 1
    for p, size in candidates:
        n, d = size.as_integer_ratio()
        if d != 1:
            scale = lcm(scale, d)
        sizes.append((n, d))
        n, d = (p.price or _ZERO).as_integer_ratio()
        if d != 1:
            price_scale = lcm(price_scale, d)
        prices.append((n, d))
        preferred.append(p.preferred)
    if scale == 1:
        goal = ceil(gap)  # exact, whatever the digits
    else:
        num, den = gap.as_integer_ratio()
        goal = -(-num * scale // den)
    return cheapest_counts(goal, [n * (scale // d) for n, d in sizes],
                           [n * (price_scale // d) for n, d in prices], preferred)


def display_unit(chosen: str | None, packs: Sequence[Pack]) -> str | None:
    """The unit an ingredient's needs are shown in: the baker's choice when set,
    else the preferred pack's unit, else None — and then the unit holding the
    largest share of the recipe lines' quantity is used
    (src.planning.aggregation's rule for an ingredient without a preferred unit)."""
    if chosen:
        return chosen
    return next((p.unit for p in packs if p.preferred), None)
