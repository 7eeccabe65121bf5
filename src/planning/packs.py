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

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_CEILING, ROUND_HALF_EVEN, Context, Decimal
from fractions import Fraction

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
    return _best_counts(gap, candidates, filler, [(i, limits[i]) for i in others])


def _scaled(values: Sequence[Decimal]) -> list[int]:
    """``values`` as whole numbers, all multiplied by the same power of ten
    (exact: the search compares sums of them, and integers add far faster)."""
    places = max(0, *(-int(v.as_tuple().exponent) for v in values))
    return [int(v.scaleb(places, _CTX)) for v in values]


class _Best:
    """The best combination found so far: its ordering key and its counts."""

    def __init__(self) -> None:
        self.key: tuple[int, int, int, int, list[int]] | None = None
        self.counts: tuple[int, ...] = ()


def _best_counts(
    gap: Decimal,
    candidates: list[tuple[Pack, Decimal]],
    filler: int,
    others: list[tuple[int, int]],
) -> tuple[int, ...]:
    """The counts with the smallest key (cost, packs, covered, −preferred,
    −counts in order) among every count of ``others`` (index, limit) from 0 to
    its limit, the filler pack closing what is left. The key orders distinct
    counts strictly, so the order of the enumeration does not matter; a
    partial combination is not extended when its (cost, packs), plus the least
    that covering the rest could add (at the cheapest price per unit, in the
    largest packs left), already exceed the best found (prices ≥ 0)."""
    scaled = _scaled([gap, *(s for _, s in candidates), *(p.price or _ZERO for p, _ in candidates)])
    goal, sizes, prices = scaled[0], scaled[1:len(candidates) + 1], scaled[len(candidates) + 1:]
    preferred = [p.preferred for p, _ in candidates]
    f_size, f_price = sizes[filler], prices[filler]
    counts = [0] * len(candidates)
    best = _Best()
    # For each depth: the packs still to count below it (the filler always) as
    # (price, size) of the cheapest per unit, and the largest size.
    below: list[tuple[int, int, int]] = []
    for depth in range(len(others)):
        left = [filler, *(i for i, limit in others[depth + 1:] if limit)]
        cheapest = min(left, key=lambda j: Fraction(prices[j], sizes[j]))
        below.append((prices[cheapest], sizes[cheapest], max(sizes[j] for j in left)))

    def leaf(covered: int, cost: int, packs: int) -> None:
        rest = goal - covered
        fill = -(-rest // f_size) if rest > 0 else 0
        head = (cost + f_price * fill, packs + fill)
        if best.key is not None and head > best.key[:2]:
            return
        counts[filler] = fill
        key = (*head, covered + f_size * fill,
               -sum(n for n, pref in zip(counts, preferred, strict=True) if pref),
               [-n for n in counts])
        if best.key is None or key < best.key:
            best.key, best.counts = key, tuple(counts)
        counts[filler] = 0

    def visit(depth: int, covered: int, cost: int, packs: int) -> None:
        if depth == len(others):
            leaf(covered, cost, packs)
            return
        i, limit = others[depth]
        price_per, size_per, largest = below[depth]
        # Pack i at least as dear per unit as the cheapest below: the bound
        # without rounding never falls as its count grows.
        dearer = prices[i] * size_per >= price_per * sizes[i]
        start = 0
        if not dearer and best.key is not None:
            # Cheaper per unit than the rest: that bound falls as its count
            # grows, and every count below ``start`` already costs more.
            over = (cost - best.key[0]) * size_per + (goal - covered) * price_per
            if over > 0:
                start = min(limit + 1, -(-over // (sizes[i] * price_per - prices[i] * size_per)))
        for n in range(start, limit + 1):
            at = (cost + prices[i] * n, packs + n)
            if best.key is not None:
                if at > best.key[:2]:
                    break  # a higher count only adds to both
                rest = goal - covered - sizes[i] * n
                if rest > 0:
                    if dearer and at[0] * size_per + rest * price_per > best.key[0] * size_per:
                        break
                    # What is left costs at least the cheapest price per unit of
                    # the packs below, and takes at least rest / the largest of them.
                    least = (at[0] - (-rest * price_per // size_per),
                             at[1] - (-rest // largest))
                    if least > best.key[:2]:
                        continue
            counts[i] = n
            visit(depth + 1, covered + sizes[i] * n, at[0], at[1])
        counts[i] = 0

    # Start from a good combination (as many of the cheapest per unit as fit,
    # then the next...), so that the bounds cut from the first branch on; it
    # is one of the combinations searched, so the answer is the same.
    covered = cost = packs = 0
    for i, limit in sorted(others, key=lambda o: Fraction(prices[o[0]], sizes[o[0]])):
        n = min(limit, max(0, (goal - covered) // sizes[i]))
        counts[i] = n
        covered, cost, packs = covered + sizes[i] * n, cost + prices[i] * n, packs + n
    leaf(covered, cost, packs)
    counts = [0] * len(candidates)
    visit(0, 0, 0, 0)
    return best.counts


def display_unit(chosen: str | None, packs: Sequence[Pack]) -> str | None:
    """The unit an ingredient's needs are shown in: the baker's choice when set,
    else the preferred pack's unit, else None — and then the unit holding the
    largest share of the recipe lines' quantity is used
    (src.planning.aggregation's rule for an ingredient without a preferred unit)."""
    if chosen:
        return chosen
    return next((p.unit for p in packs if p.preferred), None)
