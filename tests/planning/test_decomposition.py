from collections import Counter

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from src.planning.decomposition import (
    CycleError,
    UnknownReferenceError,
    decompose_lines,
    expand_goods,
    find_cycle,
    group_by_recipe,
    recipes_of_goods,
)
from src.planning.types import Good

from .conftest import count_unit, good, good_of, portion_unit, unit_of

# The EXCHANGE example: a cookie tin of 6 sugar cookies and 1 truffle box of 4.
SUGAR, TRUFFLE = 10, 11
UNITS = {SUGAR: count_unit(SUGAR, 1, 24), TRUFFLE: count_unit(TRUFFLE, 2, 30)}
GOODS = {
    1: good(1, "Sugar cookie", unit_of(SUGAR)),
    2: good(2, "Truffle box", unit_of(TRUFFLE, 4)),
    3: good(3, "Cookie tin", unit_of(SUGAR, 6), good_of(2)),
    4: good(4, "Big hamper", good_of(3, 2), good_of(1, 5)),
    5: good(5, "Odd tray", unit_of(SUGAR, 2), good_of(2), unit_of(SUGAR, 3), good_of(2, 2)),
}


def naive_expand(goods, gid):
    """Independent recursive oracle (only for shallow test data)."""
    out = Counter()
    for c in goods[gid].components:
        if c.unit_id is not None:
            out[c.unit_id] += c.quantity
        else:
            for uid, n in naive_expand(goods, c.good_id).items():
                out[uid] += c.quantity * n
    return dict(out)


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        ({3: 20}, {SUGAR: 120, TRUFFLE: 80}),
        ({1: 200}, {SUGAR: 200}),
        ({4: 1}, {SUGAR: 17, TRUFFLE: 8}),
        ({3: 20, 1: 80}, {SUGAR: 200, TRUFFLE: 80}),
        ({3: 0}, {}),
        ({5: 2}, {SUGAR: 10, TRUFFLE: 24}),
        ({}, {}),
    ],
)
def test_decompose_worked_examples(lines, expected):
    assert decompose_lines(lines, GOODS) == expected


def test_group_by_recipe():
    need = decompose_lines({3: 20}, GOODS)
    assert group_by_recipe(need, UNITS) == {1: {SUGAR: 120}, 2: {TRUFFLE: 80}}
    assert group_by_recipe({SUGAR: 0}, UNITS) == {}
    with pytest.raises(UnknownReferenceError):
        group_by_recipe({99: 1}, UNITS)


def test_recipes_of_goods():
    goods = dict(GOODS)
    goods[5] = good(5, "Empty box")
    goods[6] = good(6, "Box of empty box", good_of(5))
    assert recipes_of_goods(goods, UNITS) == {
        1: frozenset({1}),
        2: frozenset({2}),
        3: frozenset({1, 2}),
        4: frozenset({1, 2}),
        5: frozenset(),
        6: frozenset(),
    }


def test_negative_quantity_and_unknown_good_are_refused():
    with pytest.raises(ValueError):
        decompose_lines({1: -3}, GOODS)
    with pytest.raises(UnknownReferenceError):
        decompose_lines({99: 1}, GOODS)
    with pytest.raises(UnknownReferenceError):
        expand_goods({1: good(1, "Tin", good_of(42))})


def test_cycle_message_and_names():
    goods = {
        1: good(1, "A", good_of(2)),
        2: good(2, "B", good_of(1), unit_of(SUGAR)),
    }
    with pytest.raises(CycleError) as err:
        expand_goods(goods)
    assert err.value.names in (("A", "B", "A"), ("B", "A", "B"))
    assert str(err.value) == "cycle " + " → ".join(err.value.names)
    assert isinstance(err.value, ValueError)
    assert find_cycle(goods) == ("A", "B", "A")
    assert find_cycle(GOODS) is None


def test_self_cycle():
    goods = {7: good(7, "Ouroboros", good_of(7))}
    assert find_cycle(goods) == ("Ouroboros", "Ouroboros")
    with pytest.raises(CycleError, match="cycle Ouroboros → Ouroboros"):
        decompose_lines({7: 1}, goods)


def test_cycle_not_reached_by_lines_is_ignored_by_decompose():
    goods = dict(GOODS)
    goods[8] = good(8, "X", good_of(9))
    goods[9] = good(9, "Y", good_of(8))
    assert decompose_lines({1: 3}, goods) == {SUGAR: 3}
    with pytest.raises(CycleError):
        expand_goods(goods)


@pytest.mark.parametrize("depth", [1_000, 5_000])
def test_deep_chain(depth):
    # good 0 holds 1 unit; good i holds good i-1 (×2 every 100th level).
    goods = {0: good(0, "g0", unit_of(SUGAR))}
    factor = 1
    for i in range(1, depth):
        q = 2 if i % 100 == 0 else 1
        factor *= q
        goods[i] = good(i, f"g{i}", good_of(i - 1, q))
    assert expand_goods(goods)[depth - 1] == {SUGAR: factor}
    assert decompose_lines({depth - 1: 3}, goods) == {SUGAR: 3 * factor}
    goods[0] = good(0, "g0", good_of(depth - 1))
    with pytest.raises(CycleError) as err:
        decompose_lines({depth - 1: 1}, goods)
    assert len(err.value.names) == depth + 1


# Speed is measured by bench/, not asserted here; these pin correctness at scale.
def test_expanding_1500_realistic_goods():
    # 1,000 single-unit goods over 40 units; 500 gift boxes of two goods and a unit.
    goods: dict[int, Good] = {i: good(i, f"p{i}", unit_of(i % 40, 2)) for i in range(1000)}
    for i in range(1000, 1500):
        goods[i] = good(i, f"b{i}", good_of(i - 1000), good_of(i - 999), unit_of(3))
    expanded = expand_goods(goods)
    assert expanded[1200] == naive_expand_iter(goods, 1200)


def test_expanding_1500_densely_nested_goods():
    # 1,200 bundles, each nesting three earlier goods: every bundle reaches all 50 units.
    goods: dict[int, Good] = {}
    for i in range(300):
        goods[i] = good(i, f"p{i}", unit_of(i % 50, 1 + i % 3))
    for i in range(300, 1500):
        goods[i] = good(i, f"b{i}", good_of(i - 1), good_of(i % 300, 2), good_of(i - 150))
    expanded = expand_goods(goods)
    assert expanded[400] == naive_expand_iter(goods, 400)


def naive_expand_iter(goods, gid):
    """Slow oracle by repeated substitution (no recursion)."""
    out = Counter()
    todo = [(gid, 1)]
    while todo:
        g, mult = todo.pop()
        for c in goods[g].components:
            if c.unit_id is not None:
                out[c.unit_id] += mult * c.quantity
            else:
                todo.append((c.good_id, mult * c.quantity))
    return dict(out)


@st.composite
def dags(draw):
    """Acyclic goods: good i may contain units 0..4 and goods with smaller ids."""
    n = draw(st.integers(1, 8))
    goods = {}
    for i in range(n):
        comps = []
        for uid in draw(st.lists(st.integers(0, 4), max_size=3)):
            comps.append(unit_of(uid, draw(st.integers(1, 5))))
        if i:
            for gid in draw(st.lists(st.integers(0, i - 1), max_size=3)):
                comps.append(good_of(gid, draw(st.integers(1, 4))))
        goods[i] = good(i, f"G{i}", *comps)
    return goods


@given(dags())
def test_expansion_matches_recursive_oracle(goods):
    expanded = expand_goods(goods)
    assert set(expanded) == set(goods)
    for gid in goods:
        assert expanded[gid] == naive_expand(goods, gid)


@given(dags(), st.data())
def test_n_copies_is_n_times_one(goods, data):
    gid = data.draw(st.sampled_from(sorted(goods)))
    n = data.draw(st.integers(0, 1000))
    one = decompose_lines({gid: 1}, goods)
    assert decompose_lines({gid: n}, goods) == {u: n * k for u, k in one.items() if n * k}


@given(dags(), st.data())
def test_two_lines_is_sum_of_each(goods, data):
    assume(len(goods) > 1)
    a, b = data.draw(st.lists(st.sampled_from(sorted(goods)), min_size=2, max_size=2, unique=True))
    qa, qb = data.draw(st.integers(1, 50)), data.draw(st.integers(1, 50))
    both = decompose_lines({a: qa, b: qb}, goods)
    summed = Counter(decompose_lines({a: qa}, goods))
    summed.update(decompose_lines({b: qb}, goods))
    assert both == dict(summed)


@given(st.integers(1, 12), st.data())
def test_a_cycle_is_always_reported(length, data):
    # A chain G0 → G1 → … → G(length-1), closed back to some Gj, plus a unit.
    j = data.draw(st.integers(0, length - 1))
    goods = {i: good(i, f"G{i}", good_of(i + 1), unit_of(0)) for i in range(length - 1)}
    goods[length - 1] = good(length - 1, f"G{length - 1}", good_of(j))
    names = find_cycle(goods)
    assert names is not None
    assert names[0] == names[-1]
    by_name = {g.name: g for g in goods.values()}
    for parent, child in zip(names, names[1:], strict=False):
        child_ids = {c.good_id for c in by_name[parent].components}
        assert by_name[child].id in child_ids
    assert len(names) - 1 == length - j
    with pytest.raises(CycleError):
        decompose_lines({0: 1}, goods)


def test_portion_units_group_with_their_recipe():
    units = {1: portion_unit(1, 5, "50"), 2: count_unit(2, 5, 12)}
    goods = {1: good(1, "Cake", unit_of(1)), 2: good(2, "Cupcakes", unit_of(2, 12))}
    assert group_by_recipe(decompose_lines({1: 3, 2: 1}, goods), units) == {5: {1: 3, 2: 12}}
