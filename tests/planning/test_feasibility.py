from collections import Counter

import pytest
from hypothesis import given
from hypothesis import strategies as st

from src.planning.decomposition import decompose_lines, expand_goods, group_by_recipe
from src.planning.feasibility import assess_assembly, project_supply, undecided_units

from .conftest import count_unit, good, good_of, portion_unit, unit_of

SUGAR, TRUFFLE, CAKE, CUPCAKE = 10, 11, 12, 13
UNITS = {
    SUGAR: count_unit(SUGAR, 1, 24),
    TRUFFLE: count_unit(TRUFFLE, 2, 30),
    CAKE: portion_unit(CAKE, 3, "50"),
    CUPCAKE: count_unit(CUPCAKE, 3, 12),
}
GOODS = {
    1: good(1, "Sugar cookie", unit_of(SUGAR)),
    2: good(2, "Truffle box", unit_of(TRUFFLE, 4)),
    3: good(3, "Cookie tin", unit_of(SUGAR, 6), good_of(2)),
    4: good(4, "Cake", unit_of(CAKE)),
    5: good(5, "Cupcake dozen", unit_of(CUPCAKE, 12)),
    6: good(6, "Empty box"),
}


@pytest.mark.parametrize(
    ("decisions", "baked", "needs", "supply"),
    [
        ({1: 9}, {}, {1: {SUGAR: 200}}, {SUGAR: 216}),
        ({1: 6}, {1: 2}, {1: {SUGAR: 120}}, {SUGAR: 144}),
        ({1: 6}, {1: 8}, {1: {SUGAR: 120}}, {SUGAR: 192}),  # baked beyond the decision
        ({}, {1: 1}, {1: {SUGAR: 120}}, {SUGAR: 24}),  # baked without a decision
        ({3: 3}, {}, {3: {CAKE: 5}}, {CAKE: 6}),
        # need 1.5 + 0.5 batches; 3 batches split 2.25 / 0.75 → 4 cakes, 9 cupcakes
        ({3: 3}, {}, {3: {CAKE: 3, CUPCAKE: 6}}, {CAKE: 4, CUPCAKE: 9}),
        ({3: 2}, {}, {3: {CAKE: 3, CUPCAKE: 6}}, {CAKE: 3, CUPCAKE: 6}),
        ({}, {}, {1: {SUGAR: 10}}, {}),
        ({1: 4}, {}, {}, {}),  # a decision without a need supplies nothing
    ],
)
def test_project_supply(decisions, baked, needs, supply):
    assert project_supply(decisions, baked, needs, UNITS) == supply


def test_undecided_units():
    needs = {1: {SUGAR: 120}, 2: {TRUFFLE: 80}, 3: {CAKE: 2, CUPCAKE: 0}}
    assert undecided_units({1: 6}, {}, needs) == frozenset({TRUFFLE, CAKE})
    assert undecided_units({1: 6}, {2: 1}, needs) == frozenset({CAKE})


def plan(lines, decisions, baked=None):
    baked = baked or {}
    needs = group_by_recipe(decompose_lines(lines, GOODS), UNITS)
    supply = project_supply(decisions, baked, needs, UNITS)
    undecided = undecided_units(decisions, baked, needs)
    return assess_assembly(lines, GOODS, UNITS, supply, undecided)


def statuses(result):
    return [(s.good_id, s.quantity, s.status, s.can_make) for s in result.lines]


def test_cookie_tins_met():
    result = plan({3: 20}, {1: 5, 2: 3})  # 120 cookies, 90 truffles for 80
    assert statuses(result) == [(3, 20, "met", 20)]
    assert result.overall == "met"


def test_shortfall_decision_makes_a_partial_line():
    result = plan({3: 20}, {1: 4, 2: 3})  # 96 cookies → 16 tins
    assert statuses(result) == [(3, 20, "partial", 16)]
    assert result.overall == "partial"


def test_undecided_recipe():
    result = plan({3: 20, 1: 5}, {1: 6})
    assert statuses(result) == [(3, 20, "undecided", 0), (1, 5, "met", 5)]
    assert result.overall == "undecided"


def test_lines_compete_in_order_of_good_name():
    # 10 cookies: "Cookie tin" (6 each) is served before "Sugar cookie".
    supply = {SUGAR: 10, TRUFFLE: 100}
    result = assess_assembly({1: 5, 3: 2}, GOODS, UNITS, supply, frozenset())
    assert statuses(result) == [(3, 2, "partial", 1), (1, 5, "partial", 4)]
    assert result.overall == "partial"
    supply = {SUGAR: 5, TRUFFLE: 100}
    result = assess_assembly({1: 5, 3: 2}, GOODS, UNITS, supply, frozenset())
    assert statuses(result) == [(3, 2, "short", 0), (1, 5, "met", 5)]
    assert result.overall == "short"


def test_overall_priority_and_empty():
    assert assess_assembly({}, GOODS, UNITS, {}, frozenset()).overall == "empty"
    result = assess_assembly({4: 2, 6: 1, 5: 1}, GOODS, UNITS, {CAKE: 1}, frozenset({CUPCAKE}))
    assert [s.status for s in result.lines] == ["partial", "undecided", "short"]
    assert result.overall == "undecided"
    result = assess_assembly({4: 2, 6: 1}, GOODS, UNITS, {CAKE: 1}, frozenset())
    assert result.overall == "short"
    with pytest.raises(ValueError):
        assess_assembly({4: 0}, GOODS, UNITS, {}, frozenset())


line_sets = st.dictionaries(st.sampled_from([1, 2, 3, 4, 5]), st.integers(1, 30), max_size=5)
supplies = st.dictionaries(st.sampled_from(list(UNITS)), st.integers(0, 400))


@given(line_sets, supplies)
def test_allocation_invariants(lines, supply):
    result = assess_assembly(lines, GOODS, UNITS, supply, frozenset())
    per_good = expand_goods(GOODS)
    used = Counter()
    for s in result.lines:
        assert 0 <= s.can_make <= s.quantity == lines[s.good_id]
        expected = "met" if s.can_make == s.quantity else "partial" if s.can_make else "short"
        assert s.status == expected
        for uid, n in per_good[s.good_id].items():
            used[uid] += n * s.can_make
    for uid, n in used.items():
        assert n <= supply.get(uid, 0)
    names = [GOODS[s.good_id].name for s in result.lines]
    assert names == sorted(names) and len(names) == len(lines)
    # Enough supply for everything: all lines are met.
    plenty = Counter()
    for gid, q in lines.items():
        for uid, n in per_good[gid].items():
            plenty[uid] += n * q
    full = assess_assembly(lines, GOODS, UNITS, dict(plenty), frozenset())
    assert all(s.status == "met" for s in full.lines)


@given(line_sets, st.integers(0, 20), st.integers(0, 20), st.integers(0, 20))
def test_supply_from_options_covers_need_iff_not_shortfall(lines, b1, b2, b3):
    needs = group_by_recipe(decompose_lines(lines, GOODS), UNITS)
    supply = project_supply({1: b1, 2: b2, 3: b3}, {}, needs, UNITS)
    for rid, needed in needs.items():
        if len(needed) == 1:
            ((uid, n),) = needed.items()
            batches = {1: b1, 2: b2, 3: b3}[rid]
            assert (supply[uid] >= n) == (batches * UNITS[uid].batches_per_item() ** -1 >= n)
