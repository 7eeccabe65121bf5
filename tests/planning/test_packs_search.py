"""The fast pack search picks exactly what the rule ranks first, in every shape.

The reference below enumerates every count of every pack (the filler too)
within the bounds, applies the search limit the way the rule states it, and
ranks by the whole key. The search must return the same packs, the same
counts and the same Decimals, whether the packs are in the gap's own unit
(the fast path), convert through an alias or a density, are one pack or
several, priced, unpriced or free.
"""

from __future__ import annotations

import itertools
import math
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from src.planning import pack_search
from src.planning.packs import Pack, choose_packs
from src.planning.units import can_convert, convert

D = Decimal


def _reference(gap, unit, packs, density=None, limit=pack_search.SEARCH_LIMIT):
    """(label, count) of the combination the rule ranks first, by enumeration:
    every count of the other packs within their bounds, the filler closing
    the rest."""
    usable = [(p, convert(p.quantity, p.unit, unit, density)) for p in packs
              if can_convert(p.unit, unit, density)]
    if gap <= 0 or not usable:
        return []
    candidates = [c for c in usable if c[0].price is not None] or usable
    sizes = [Fraction(s) for _, s in candidates]
    prices = [Fraction(p.price or 0) for p, _ in candidates]
    bounds = [math.ceil(Fraction(gap) / s) for s in sizes]
    filler = max(range(len(bounds)), key=lambda i: (bounds[i], -i))
    others = [i for i in range(len(bounds)) if i != filler]
    limits = list(bounds)
    # The search limit: the dearest per unit (ties: the earlier) count 0
    # until the others' combinations fit.
    for i in sorted(others, key=lambda i: (prices[i] / sizes[i], -i), reverse=True):
        if math.prod(limits[j] + 1 for j in others) <= limit:
            break
        limits[i] = 0
    best = None
    for chosen in itertools.product(*(range(limits[i] + 1) for i in others)):
        counts = [0] * len(candidates)
        for i, n in zip(others, chosen, strict=True):
            counts[i] = n
        rest = Fraction(gap) - sum(s * n for s, n in zip(sizes, counts, strict=True))
        counts[filler] = max(0, math.ceil(rest / sizes[filler]))
        key = (sum(p * n for p, n in zip(prices, counts, strict=True)), sum(counts),
               sum(s * n for s, n in zip(sizes, counts, strict=True)),
               -sum(n for (p, _), n in zip(candidates, counts, strict=True) if p.preferred),
               [-n for n in counts])
        if best is None or key < best[0]:
            best = (key, counts)
    assert best is not None
    return [(p.label, n) for (p, _), n in zip(candidates, best[1], strict=True) if n]


def _bought(purchase):
    return [(b.pack.label, b.count) for b in purchase.buy]


_prices = st.none() | st.decimals(min_value=D(0), max_value=D(20), places=2)
# Sizes from a quarter pound up, so that enumerating every combination stays quick.
_sizes = {
    "lb": st.decimals(min_value=D("0.25"), max_value=D(12), places=2),
    "oz": st.decimals(min_value=D(4), max_value=D(64), places=1),
    "kg": st.decimals(min_value=D("0.2"), max_value=D(5), places=2),
    "g": st.decimals(min_value=D(100), max_value=D(2000), places=0),
}
_pack = st.sampled_from(sorted(_sizes)).flatmap(
    lambda u: st.tuples(_sizes[u], st.just(u), _prices, st.booleans()))
_packs = st.lists(_pack, min_size=1, max_size=4).map(
    lambda xs: [Pack(f"p{i}", q, u, p, preferred=f) for i, (q, u, p, f) in enumerate(xs)])
# Gaps as the shopping list makes them: many digits, from unit conversions.
_gaps = st.decimals(min_value=D("0.01"), max_value=D(3), places=2) | st.decimals(
    min_value=D("0.0001"), max_value=D(3), places=28)


@settings(max_examples=120, deadline=None)
@given(gap=_gaps, unit=st.sampled_from(["lb", "oz"]), packs=_packs)
def test_search_picks_what_every_combination_ranks_first(gap, unit, packs):
    # Mixed units, priced and unpriced, free packs, the preferred flag: the
    # chosen packs are exactly the reference's.
    assert _bought(choose_packs(gap, unit, packs)) == _reference(gap, unit, packs)


@settings(max_examples=80, deadline=None)
@given(gap=st.decimals(min_value=D("0.01"), max_value=D(3), places=3), packs=_packs,
       density=st.decimals(min_value=D("0.2"), max_value=D("1.5"), places=3))
def test_search_through_a_density_picks_what_every_combination_ranks_first(gap, packs, density):
    chosen = _bought(choose_packs(gap, "cup", packs, density))
    assert chosen == _reference(gap, "cup", packs, density)


@settings(max_examples=80, deadline=None)
@given(gap=_gaps, packs=_packs)
def test_packs_in_the_gaps_own_unit_match_the_converting_path(gap, packs):
    # "lb" packs for an "lb" gap take the fast path; for a "pound" gap they
    # go through can_convert/convert. Same answer, same Decimals.
    fast = choose_packs(gap, "lb", packs)
    converted = choose_packs(gap, "pound", packs)
    assert fast == converted
    assert (str(fast.covered), str(fast.leftover), str(fast.cost)) == (
        str(converted.covered), str(converted.leftover), str(converted.cost))


@settings(max_examples=60, deadline=None)
@given(gap=_gaps, quantity=_sizes["lb"], price=_prices)
def test_one_usable_pack_buys_the_fewest_that_cover(gap, quantity, price):
    pack = Pack("only", quantity, "lb", price)
    result = choose_packs(gap, "lb", [pack, Pack("eggs", D(12), "each", D(3))])
    assert _bought(result) == [("only", math.ceil(Fraction(gap) / Fraction(quantity)))]
    assert result.unusable == ("eggs",)


@settings(max_examples=60, deadline=None)
@given(gap=st.decimals(min_value=D(1), max_value=D(30), places=1),
       packs=st.lists(st.tuples(st.integers(1, 9), _prices, st.booleans()),
                      min_size=2, max_size=4))
def test_search_limit_drops_the_dearest_per_unit_as_the_rule_says(gap, packs):
    # A tiny limit makes the rule drop packs; the search drops the same ones.
    packs = [Pack(f"p{i}", D(q), "g", p, preferred=f) for i, (q, p, f) in enumerate(packs)]
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(pack_search, "SEARCH_LIMIT", 12)
        chosen = _bought(choose_packs(gap, "g", packs))
    assert chosen == _reference(gap, "g", packs, limit=12)


@pytest.mark.parametrize(("sizes", "covered", "leftover"), [
    (("2.50", "1.0"), "5.00", "1.00"),
    (("2", "0.250"), "4.000", "0.000"),
])
def test_covered_and_leftover_keep_the_packs_decimal_places(sizes, covered, leftover):
    # Every usable pack's size counts toward the places, bought or not.
    packs = [Pack(f"p{i}", D(s), "lb", D(1)) for i, s in enumerate(sizes)]
    result = choose_packs(D(4), "lb", packs)
    assert (str(result.covered), str(result.leftover)) == (covered, leftover)


def test_a_gap_with_more_digits_than_the_search_context_is_still_covered():
    gap = D("1." + "0" * 100 + "1")  # just over 1: two 1 lb bags, not one
    result = choose_packs(gap, "lb", [Pack("1 lb", D(1), "lb", D(1))])
    assert _bought(result) == [("1 lb", 2)]
