"""The search behind :func:`src.planning.packs.choose_packs`, in whole numbers.

The caller states the packs as whole numbers (sizes and the goal on one
scale, prices on another) and gets back how many of each to buy: the counts
with the smallest key (total price, packs, covered, −preferred packs, −counts
in order) among every count of a pack from 0 to ``ceil(goal / size)``, except
that the pack with the largest bound (the first of equals) is not enumerated
but fills in (the fewest that close what the others leave), and that when
the others' combinations would exceed ``SEARCH_LIMIT`` the dearest per unit
(ties: the earlier first) get no count until they fit (see packs.py for the
rule).

The key orders distinct counts strictly, so the answer does not depend on the
order of the search: a branch is cut only when no count in it can have a
smaller key than the best found (prices are ≥ 0).
"""

from __future__ import annotations

from collections.abc import Sequence
from math import lcm, prod

__all__ = ["SEARCH_LIMIT", "cheapest_counts"]

SEARCH_LIMIT = 200_000


def cheapest_counts(
    goal: int, sizes: Sequence[int], prices: Sequence[int], preferred: Sequence[bool]
) -> tuple[int, ...]:
    """The counts of the packs (``sizes``, ``prices`` and ``preferred``, one
    entry a pack, sizes > 0, prices ≥ 0) that the rule ranks first for covering
    ``goal`` > 0."""
    if len(sizes) == 1:  # one pack: the fewest that cover
        return (-(-goal // sizes[0]),)
    bounds = [-(-goal // s) for s in sizes]
    filler = bounds.index(max(bounds))
    if not any(prices):
        # No prices (or all free): the fewest packs win, as they would at one
        # per pack, for which the bounds of the search cut far more.
        priced: Sequence[int] = [1] * len(sizes)
    else:
        priced = prices
    if len(sizes) == 2:
        other = 1 - filler  # beyond the limit, the other pack is left out
        ties = _two(goal, sizes, priced, filler, other,
                    bounds[other] if bounds[other] < SEARCH_LIMIT else 0)
    else:
        others = list(enumerate(bounds))
        del others[filler]
        combinations = 1
        for _, bound in others:
            combinations *= bound + 1
        if combinations > SEARCH_LIMIT:
            others = _within_limit(others, sizes, prices)
        ties = _Search(goal, sizes, priced, filler, others).ties
    if len(ties) == 1:
        return ties[0]
    # The rest of the key: less covered, more of the preferred, earlier packs first.
    return min(ties, key=lambda t: (
        sum([s * n for s, n in zip(sizes, t, strict=True)]),
        -sum([n for n, pref in zip(t, preferred, strict=True) if pref]),
        [-n for n in t]))


def _within_limit(
    others: list[tuple[int, int]], sizes: Sequence[int], prices: Sequence[int]
) -> list[tuple[int, int]]:
    """``others`` (index, highest count) with the highest count set to 0 for
    the dearest per unit (ties: the earlier pack first) until the combinations
    fit in SEARCH_LIMIT."""
    limits = dict(others)
    scale = lcm(*sizes)  # price per unit × scale: whole, and in the same order
    dearest = sorted(limits, key=lambda i: (prices[i] * (scale // sizes[i]), -i), reverse=True)
    for i in dearest:
        if prod([limit + 1 for limit in limits.values()]) <= SEARCH_LIMIT:
            break
        limits[i] = 0
    return list(limits.items())


def _two(goal: int, sizes: Sequence[int], prices: Sequence[int], filler: int,
         other: int, limit: int) -> list[tuple[int, ...]]:
    """The search for two packs, from the filler alone."""
    fill = -(-goal // sizes[filler])
    _, _, found = _close(goal, 0, 0, sizes[other], prices[other], limit, sizes[filler],
                         prices[filler], prices[filler] * fill, fill)
    ties = []
    for n, fill in found:  # never empty: the start is found again at least
        counts = [0, 0]
        counts[other], counts[filler] = n, fill
        ties.append(tuple(counts))
    return ties


def _close(rest: int, cost: int, packs: int, size: int, price: int, limit: int,
           f_size: int, f_price: int, best_cost: int, best_packs: int,
           ) -> tuple[int, int, list[tuple[int, int]]]:
    """The last step of the search: after a combination at ``cost`` and
    ``packs`` that leaves ``rest`` to cover, every count n from 0 to ``limit``
    of a pack (``size``, ``price``), the filler (``f_size``, ``f_price``)
    closing what is left with ``fill``. Returns the lowest (cost, packs) that
    is not above (best_cost, best_packs) and the (n, fill) that reach it,
    none if none does."""
    found: list[tuple[int, int]] = []
    # More of the pack than covers the rest alone only costs more, in more packs.
    top = min(limit, -(-rest // size)) if rest > 0 else 0
    if price * f_size >= f_price * size:
        # At least as dear per unit as the filler: the bound without
        # rounding never falls as its count grows, so count upwards.
        counts = range(top + 1)
        dearer = True
    else:
        # Cheaper per unit: the bound falls as its count grows, so count
        # downwards, until the bound is above the best.
        counts = range(top, -1, -1)
        dearer = False
    for n in counts:
        at_cost, at_packs = cost + price * n, packs + n
        if dearer and (at_cost > best_cost or (at_cost == best_cost and at_packs > best_packs)):
            break  # a higher count only adds to both
        left = rest - size * n
        fill = 0
        if left > 0:
            if at_cost * f_size + left * f_price > best_cost * f_size:
                break  # and so for every count after it
            fill = -(-left // f_size)
            at_cost += f_price * fill
            at_packs += fill
        if at_cost > best_cost or (at_cost == best_cost and at_packs > best_packs):
            continue
        if at_cost < best_cost or at_packs < best_packs:
            best_cost, best_packs, found = at_cost, at_packs, [(n, fill)]
        else:
            found.append((n, fill))
    return best_cost, best_packs, found


class _Search:
    """Depth-first search over the counts of the packs but the filler (three
    packs or more), the last of them and the filler in :func:`_close`. It
    keeps the lowest (cost, packs) found so far and every combination that
    reaches it (``ties``), which cuts the branches that cannot reach it."""

    __slots__ = ("goal", "sizes", "prices", "filler", "others", "below", "counts",
                 "cost", "packs", "ties")

    def __init__(self, goal: int, sizes: Sequence[int], prices: Sequence[int],
                 filler: int, others: list[tuple[int, int]]) -> None:
        self.goal, self.sizes, self.prices = goal, sizes, prices
        self.filler, self.others = filler, others
        self.counts = [0] * len(sizes)
        # Start from the filler alone (one of the combinations searched), so
        # that the bounds cut from the first branch on.
        f_size = sizes[filler]
        fill = -(-goal // f_size)
        start = [0] * len(sizes)
        start[filler] = fill
        self.cost, self.packs = prices[filler] * fill, fill
        self.ties: list[tuple[int, ...]] = [tuple(start)]
        # For each depth: the packs still to count below it (the filler
        # always), as (price, size) of the cheapest per unit, and the largest size.
        below = [(prices[filler], f_size, f_size)]
        for i, limit in reversed(others[1:]):
            price, size, largest = below[-1]
            if limit:
                if prices[i] * size < price * sizes[i]:
                    price, size = prices[i], sizes[i]
                largest = max(largest, sizes[i])
            below.append((price, size, largest))
        below.reverse()
        self.below = below
        self.visit(0, 0, 0, 0)

    def visit(self, depth: int, covered: int, cost: int, packs: int) -> None:
        """Every count of the pack at ``depth`` (not the last) that may still
        reach the best (cost, packs), with the counts so far."""
        i, limit = self.others[depth]
        size, price = self.sizes[i], self.prices[i]
        price_per, size_per, largest = self.below[depth]
        goal = self.goal
        last = depth + 2 == len(self.others)
        # More of the pack than covers the rest alone only costs more, in more packs.
        top = min(limit, -(-(goal - covered) // size)) if goal > covered else 0
        if price * size_per >= price_per * size:
            # At least as dear per unit as the cheapest below: the bound
            # without rounding never falls as its count grows, so count upwards.
            counts = range(top + 1)
            dearer = True
        else:
            # Cheaper per unit: the bound falls as its count grows, so count
            # downwards, until the bound is above the best.
            counts = range(top, -1, -1)
            dearer = False
        for n in counts:
            at_cost, at_packs = cost + price * n, packs + n
            best_cost, best_packs = self.cost, self.packs
            if at_cost > best_cost or (at_cost == best_cost and at_packs > best_packs):
                if dearer:
                    break  # a higher count only adds to both
                continue
            rest = goal - covered - size * n
            if rest > 0:
                if at_cost * size_per + rest * price_per > best_cost * size_per:
                    break  # and so for every count after it
                # What is left costs at least the cheapest price per unit of
                # the packs below, and takes at least rest / the largest of them.
                least_cost = at_cost - (-rest * price_per // size_per)
                if least_cost > best_cost or (
                        least_cost == best_cost and at_packs - (-rest // largest) > best_packs):
                    continue
            self.counts[i] = n
            if last:
                self.close(rest, at_cost, at_packs)
            else:
                self.visit(depth + 1, covered + size * n, at_cost, at_packs)
        self.counts[i] = 0

    def close(self, rest: int, cost: int, packs: int) -> None:
        """The last pack but the filler and the filler (:func:`_close`) after
        the counts so far."""
        j, limit = self.others[-1]
        filler, sizes, prices = self.filler, self.sizes, self.prices
        best_cost, best_packs, found = _close(
            rest, cost, packs, sizes[j], prices[j], limit, sizes[filler], prices[filler],
            self.cost, self.packs)
        if not found:
            return
        if best_cost < self.cost or best_packs < self.packs:
            self.cost, self.packs, self.ties = best_cost, best_packs, []
        counts, ties = self.counts, self.ties
        for n, fill in found:
            counts[j], counts[filler] = n, fill
            tie = tuple(counts)
            if tie not in ties:  # the start is found again
                ties.append(tie)
        counts[j] = counts[filler] = 0
