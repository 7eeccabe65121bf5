"""Choosing packs to buy: cheapest cover, ties, units, and exhaustive comparison."""

from __future__ import annotations

import itertools
import math
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from src.planning.packs import Pack, choose_packs, display_unit
from src.planning.units import convert

D = Decimal
FIVE_LB = Pack("5 lb bag", D(5), "lb", D("4.29"))
TWO_LB = Pack("2 lb bag", D(2), "lb", D("2.19"))


def test_worked_example_flour_gap_buys_one_two_pound_bag():
    """The issue's example, by hand.

    To buy: 6.663 cup of all-purpose flour at 0.53 g/ml.
      6.663 cup × 236.5882365 ml/cup = 1576.3874197995 ml
      × 0.53 g/ml                     = 835.485332493735 g
      ÷ 453.59237 g/lb                = 1.8419… lb
    Packs: 5 lb at 4.29, 2 lb at 2.19. One 2 lb bag (907.18474 g) covers
    835.49 g for 2.19; every cover containing the 5 lb bag costs ≥ 4.29.
    So: buy 1 × 2 lb bag, cost 2.19, leftover 907.18474 − 835.485332… =
    71.699407506265 g = 71.699407506265 / 0.53 / 236.5882365 = 0.5718… cup
    (≈ 0.158 lb).
    """
    result = choose_packs(D("6.663"), "cup", [FIVE_LB, TWO_LB], D("0.53"))
    assert [(b.pack.label, b.count) for b in result.buy] == [("2 lb bag", 1)]
    assert result.cost == D("2.19")
    leftover_g = convert(result.leftover, "cup", "g", D("0.53"))
    assert abs(leftover_g - D("71.699407506265")) < D("1e-20")
    assert str(result.leftover.quantize(D("0.0001"))) == "0.5718"


def test_larger_gap_mixes_packs():
    # 6 lb: 5+2 = 6.48 beats 2+2+2 = 6.57 and 5+5 = 8.58.
    result = choose_packs(D(6), "lb", [FIVE_LB, TWO_LB])
    assert {(b.pack.label, b.count) for b in result.buy} == {("5 lb bag", 1), ("2 lb bag", 1)}
    assert result.cost == D("6.48") and result.leftover == D(1)


def test_pack_larger_than_gap_is_bought_once():
    result = choose_packs(D("0.1"), "lb", [FIVE_LB])
    assert [(b.pack.label, b.count) for b in result.buy] == [("5 lb bag", 1)]
    assert result.leftover == D("4.9")


def test_no_packs_buys_nothing_and_cost_is_unknown():
    result = choose_packs(D(3), "cup", [])
    assert result.buy == () and result.cost is None


def test_zero_gap_buys_nothing_at_no_cost():
    result = choose_packs(D(0), "lb", [FIVE_LB])
    assert result.buy == () and result.cost == 0


def test_tie_on_price_goes_to_fewer_packs_then_less_leftover_then_preferred():
    one = Pack("1 lb", D(1), "lb", D(2))
    two = Pack("2 lb", D(2), "lb", D(4))
    assert [(b.pack.label, b.count) for b in choose_packs(D(2), "lb", [one, two]).buy] == [
        ("2 lb", 1)
    ]
    a = Pack("A", D(3), "lb", D(5))
    b = Pack("B", D(4), "lb", D(5))
    assert [x.pack.label for x in choose_packs(D("2.5"), "lb", [b, a]).buy] == ["A"]
    c = Pack("C", D(3), "lb", D(5))
    d = Pack("D", D(3), "lb", D(5), preferred=True)
    assert [x.pack.label for x in choose_packs(D(3), "lb", [c, d]).buy] == ["D"]


def test_unpriced_pack_is_never_free():
    free_looking = Pack("big sack", D(25), "lb", None)
    result = choose_packs(D(3), "lb", [free_looking, TWO_LB])
    assert [(b.pack.label, b.count) for b in result.buy] == [("2 lb bag", 2)]
    assert result.cost == D("4.38")


def test_only_unpriced_packs_buy_fewest_packs_at_unknown_cost():
    result = choose_packs(D(3), "lb", [Pack("1 lb", D(1), "lb"), Pack("4 lb", D(4), "lb")])
    assert [(b.pack.label, b.count) for b in result.buy] == [("4 lb", 1)]
    assert result.cost is None


def test_mixed_units_convert_through_density_and_unconvertible_packs_are_named():
    eggs = Pack("dozen", D(1), "dozen", D("3.60"))
    kg = Pack("1 kg bag", D(1), "kg", D("1.99"))
    result = choose_packs(D(4), "cup", [eggs, kg], D("0.53"))  # 4 cup ≈ 501.6 g
    assert [(b.pack.label, b.count) for b in result.buy] == [("1 kg bag", 1)]
    assert result.unusable == ("dozen",)
    assert choose_packs(D(4), "cup", [kg], None).buy == ()  # no density: no cover


def test_counts_cover_with_dozens_and_singles():
    dozen = Pack("dozen", D(1), "dozen", D("3.60"))
    single = Pack("single", D(1), "each", D("0.40"))
    result = choose_packs(D(26), "each", [dozen, single])
    assert {(b.pack.label, b.count) for b in result.buy} == {("dozen", 2), ("single", 2)}
    assert result.cost == D("8.00")


_sizes = st.decimals(min_value=D("0.5"), max_value=D(20), places=1)
_prices = st.decimals(min_value=D(0), max_value=D(30), places=2)
_packs = st.lists(
    st.tuples(_sizes, _prices, st.booleans()), min_size=1, max_size=3
).map(lambda xs: [Pack(f"p{i}", s, "lb", p, preferred=(i == 0 and f))
                  for i, (s, p, f) in enumerate(xs)])
_gaps = st.decimals(min_value=D("0.1"), max_value=D(40), places=2)


def _brute_force_cheapest(gap, packs):
    bounds = [math.ceil(gap / p.quantity) for p in packs]
    best = None
    for counts in itertools.product(*(range(b + 1) for b in bounds)):
        covered = sum((p.quantity * n for p, n in zip(packs, counts, strict=True)), D(0))
        if covered >= gap:
            cost = sum((p.price * n for p, n in zip(packs, counts, strict=True)), D(0))
            best = cost if best is None else min(best, cost)
    return best


@settings(max_examples=150, deadline=None)
@given(gap=_gaps, packs=_packs)
def test_chosen_packs_always_cover_the_gap(gap, packs):
    result = choose_packs(gap, "lb", packs)
    assert result.covered >= gap
    assert result.leftover == result.covered - gap
    assert sum(b.pack.quantity * b.count for b in result.buy) == result.covered


@settings(max_examples=150, deadline=None)
@given(gap=_gaps, packs=_packs)
def test_no_cheaper_combination_exists_within_the_bound(gap, packs):
    result = choose_packs(gap, "lb", packs)
    assert result.cost == _brute_force_cheapest(gap, packs)


_maybe_priced = st.lists(
    st.tuples(st.decimals(min_value=D(1), max_value=D(12), places=1),
              st.none() | _prices, st.booleans()), min_size=1, max_size=3
).map(lambda xs: [Pack(f"p{i}", s, "lb", p, preferred=f) for i, (s, p, f) in enumerate(xs)])


def _brute_force_choice(gap, packs):
    """Every covering combination within the bound, ranked by the whole rule:
    price, packs, leftover, more of the preferred, earlier packs first."""
    priced = [p for p in packs if p.price is not None]
    candidates = priced or packs
    bounds = [math.ceil(gap / p.quantity) for p in candidates]
    best = None
    for counts in itertools.product(*(range(b + 1) for b in bounds)):
        covered = sum((p.quantity * n for p, n in zip(candidates, counts, strict=True)), D(0))
        if covered < gap:
            continue
        cost = sum(((p.price or 0) * n for p, n in zip(candidates, counts, strict=True)), D(0))
        preferred = sum(n for p, n in zip(candidates, counts, strict=True) if p.preferred)
        key = (cost, sum(counts), covered, -preferred, [-n for n in counts])
        if best is None or key < best[0]:
            best = (key, counts)
    return [(p.label, n) for p, n in zip(candidates, best[1], strict=True) if n]


@settings(max_examples=150, deadline=None)
@given(gap=st.decimals(min_value=D("0.1"), max_value=D(20), places=2), packs=_maybe_priced)
def test_choice_is_the_first_of_every_combination_by_the_whole_rule(gap, packs):
    # The search prunes and fills in one pack: it must still pick exactly the
    # combination the rule ranks first, ties included, priced or not.
    result = choose_packs(gap, "lb", packs)
    assert [(b.pack.label, b.count) for b in result.buy] == _brute_force_choice(gap, packs)


def test_display_unit_is_the_bakers_choice_else_the_preferred_packs_unit():
    packs = [Pack("bag", D(5), "lb"), Pack("jar", D(8), "oz", preferred=True)]
    assert display_unit("cup", packs) == "cup"
    assert display_unit(None, packs) == "oz"
    assert display_unit(None, [Pack("bag", D(5), "lb")]) is None  # then the lines decide


def test_many_small_packs_beyond_the_search_limit_still_cover_the_gap():
    # 7 packs of 1..7 g for a 3 kg gap: the others' combinations far exceed
    # SEARCH_LIMIT, so the dearest per gram drop out; the cover is still found.
    packs = [Pack(f"{n} g", D(n), "g", D(n) * (1 + D(n) / 100)) for n in range(1, 8)]
    result = choose_packs(D(3000), "g", packs)
    assert result.covered >= 3000
    assert result.cost is not None and result.cost <= D(3000) * D("1.01") + D("1.01")
