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
    others = [(i, b) for i, b in enumerate(bounds) if i != filler]
    if prod([b + 1 for _, b in others]) > SEARCH_LIMIT:
        others = _within_limit(others, sizes, prices)
    if not any(prices):
        # No prices (or all free): the fewest packs win, as they would at one
        # per pack, for which the bounds of the search cut far more.
        prices = [1] * len(sizes)
    return _Search(goal, sizes, prices, preferred, filler, others).run()


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


class _Search:
    """Depth-first search over the counts of the packs but the filler, the
    filler closing what they leave. It keeps the lowest (cost, packs) found
    so far and every combination that reaches it (the ties), which cuts the
    branches that cannot reach it; the rest of the key decides among the
    ties at the end."""

    __slots__ = ("goal", "sizes", "prices", "preferred", "filler", "f_size", "f_price",
                 "others", "below", "counts", "cost", "packs", "ties")

    def __init__(self, goal: int, sizes: Sequence[int], prices: Sequence[int],
                 preferred: Sequence[bool], filler: int, others: list[tuple[int, int]]) -> None:
        self.goal, self.sizes, self.prices, self.preferred = goal, sizes, prices, preferred
        self.filler, self.others = filler, others
        f_size, f_price = self.f_size, self.f_price = sizes[filler], prices[filler]
        self.counts = [0] * len(sizes)
        self.cost = self.packs = 0
        self.ties: list[tuple[int, ...]] = []
        # For each depth: the packs still to count below it (the filler
        # always), as (price, size) of the cheapest per unit, and the largest size.
        below = [(f_price, f_size, f_size)]
        for i, limit in reversed(others[1:]):
            price, size, largest = below[-1]
            if limit:
                if prices[i] * size < price * sizes[i]:
                    price, size = prices[i], sizes[i]
                largest = max(largest, sizes[i])
            below.append((price, size, largest))
        below.reverse()
        self.below = below

    def run(self) -> tuple[int, ...]:
        self.start()
        if len(self.others) == 1:
            self.last(0, 0, 0, 0)
        else:
            self.visit(0, 0, 0, 0)
        ties = self.ties
        if len(ties) == 1:
            return ties[0]
        sizes, preferred = self.sizes, self.preferred
        return min(ties, key=lambda t: (
            sum([s * n for s, n in zip(sizes, t, strict=True)]),
            -sum([n for n, pref in zip(t, preferred, strict=True) if pref]),
            [-n for n in t]))

    def start(self) -> None:
        """Start from a good combination (as many of the cheapest per unit as
        fit, then the next...), so that the bounds cut from the first branch
        on; it is one of the combinations searched."""
        sizes, prices, others, goal = self.sizes, self.prices, self.others, self.goal
        if len(others) == 2:
            (a, _), (b, _) = others
            if prices[b] * sizes[a] < prices[a] * sizes[b]:
                others = others[::-1]
        elif len(others) > 2:
            scale = lcm(*[sizes[i] for i, _ in others])
            others = sorted(others, key=lambda o: prices[o[0]] * (scale // sizes[o[0]]))
        counts = [0] * len(sizes)
        rest = goal
        cost = packs = 0
        for i, limit in others:
            n = rest // sizes[i]  # rest stays ≥ 0
            if n > limit:
                n = limit
            counts[i] = n
            rest -= sizes[i] * n
            cost += prices[i] * n
            packs += n
        if rest > 0:
            fill = counts[self.filler] = -(-rest // self.f_size)
            cost += self.f_price * fill
            packs += fill
        self.cost, self.packs, self.ties = cost, packs, [tuple(counts)]

    def visit(self, depth: int, covered: int, cost: int, packs: int) -> None:
        """Every count of the pack at ``depth`` (not the last) that may still
        reach the best (cost, packs), with the counts so far."""
        i, limit = self.others[depth]
        size, price = self.sizes[i], self.prices[i]
        price_per, size_per, largest = self.below[depth]
        goal = self.goal
        deeper = self.last if depth + 2 == len(self.others) else self.visit
        # Pack i at least as dear per unit as the cheapest below: the bound
        # without rounding never falls as its count grows.
        dearer = price * size_per >= price_per * size
        start = 0
        if not dearer:
            # Cheaper per unit than the rest: that bound falls as its count
            # grows, and every count below ``start`` already costs more.
            over = (cost - self.cost) * size_per + (goal - covered) * price_per
            if over > 0:
                start = min(limit + 1, -(-over // (size * price_per - price * size_per)))
        counts = self.counts
        for n in range(start, limit + 1):
            at_cost, at_packs = cost + price * n, packs + n
            best_cost, best_packs = self.cost, self.packs
            if at_cost > best_cost or (at_cost == best_cost and at_packs > best_packs):
                break  # a higher count only adds to both
            rest = goal - covered - size * n
            if rest > 0:
                if dearer and at_cost * size_per + rest * price_per > best_cost * size_per:
                    break
                # What is left costs at least the cheapest price per unit of
                # the packs below, and takes at least rest / the largest of them.
                least_cost = at_cost - (-rest * price_per // size_per)
                if least_cost > best_cost or (
                        least_cost == best_cost and at_packs - (-rest // largest) > best_packs):
                    continue
            counts[i] = n
            deeper(depth + 1, covered + size * n, at_cost, at_packs)
        counts[i] = 0

    def last(self, depth: int, covered: int, cost: int, packs: int) -> None:
        """Every count of the last pack but the filler that may still reach
        the best (cost, packs), the filler closing the rest."""
        i, limit = self.others[depth]
        size, price = self.sizes[i], self.prices[i]
        f_size, f_price, filler = self.f_size, self.f_price, self.filler
        goal = self.goal
        best_cost, best_packs, ties = self.cost, self.packs, self.ties
        dearer = price * f_size >= f_price * size  # as above, the filler the only pack below
        start = 0
        if not dearer:
            over = (cost - best_cost) * f_size + (goal - covered) * f_price
            if over > 0:
                start = min(limit + 1, -(-over // (size * f_price - price * f_size)))
        counts = self.counts
        for n in range(start, limit + 1):
            at_cost, at_packs = cost + price * n, packs + n
            if at_cost > best_cost or (at_cost == best_cost and at_packs > best_packs):
                break  # a higher count only adds to both
            rest = goal - covered - size * n
            fill = 0
            if rest > 0:
                if dearer and at_cost * f_size + rest * f_price > best_cost * f_size:
                    break
                fill = -(-rest // f_size)
                at_cost += f_price * fill
                at_packs += fill
                if at_cost > best_cost or (at_cost == best_cost and at_packs > best_packs):
                    continue
            counts[i], counts[filler] = n, fill
            if at_cost < best_cost or at_packs < best_packs:
                best_cost, best_packs, ties = at_cost, at_packs, [tuple(counts)]
            else:
                tie = tuple(counts)
                if tie not in ties:  # the start is found again
                    ties.append(tie)
        counts[i] = counts[filler] = 0
        self.cost, self.packs, self.ties = best_cost, best_packs, ties
