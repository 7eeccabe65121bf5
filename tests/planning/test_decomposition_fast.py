"""The fast walks of src.planning.decomposition give exactly what the plain
algorithms below give (kept here as the reference): the same mappings in the
same key order, and the same error (type, message, cycle names) on bad input."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from hypothesis import given, settings
from hypothesis import strategies as st

from src.planning.decomposition import (
    CycleError,
    UnknownReferenceError,
    decompose_lines,
    expand_reachable,
    find_cycle,
    recipes_reached,
)
from src.planning.types import Good, YieldType

from .conftest import count_unit, good, good_of, unit_of

# --- the reference: a straightforward post-order walk and expansion ---------


def ref_walk(goods: Mapping[int, Good], roots: Iterable[int]) -> list[int]:
    done: set[int] = set()
    order: list[int] = []
    for root in roots:
        if root in done:
            continue
        if root not in goods:
            raise UnknownReferenceError(f"unknown good id {root}")
        path = [root]
        stack = [(root, [c.good_id for c in goods[root].components if c.good_id is not None], 0)]
        while stack:
            gid, children, i = stack[-1]
            if i < len(children):
                stack[-1] = (gid, children, i + 1)
                child = children[i]
                if child in done:
                    continue
                if child in path:
                    names = [goods[g].name for g in path[path.index(child) :]]
                    raise CycleError([*names, goods[child].name])
                if child not in goods:
                    raise UnknownReferenceError(
                        f"good {goods[gid].name!r} refers to unknown good id {child}"
                    )
                path.append(child)
                kids = [c.good_id for c in goods[child].components if c.good_id is not None]
                stack.append((child, kids, 0))
            else:
                stack.pop()
                path.pop()
                done.add(gid)
                order.append(gid)
    return order


def ref_expand(goods: Mapping[int, Good], roots: Iterable[int]) -> dict[int, dict[int, int]]:
    memo: dict[int, dict[int, int]] = {}
    for gid in ref_walk(goods, roots):
        acc: dict[int, int] = {}
        for comp in goods[gid].components:
            if comp.unit_id is not None:
                acc[comp.unit_id] = acc.get(comp.unit_id, 0) + comp.quantity
            else:
                for uid, n in memo[comp.good_id].items():
                    acc[uid] = acc.get(uid, 0) + comp.quantity * n
        memo[gid] = acc
    return memo


def ref_decompose(lines: Mapping[int, int], goods: Mapping[int, Good]) -> dict[int, int]:
    wanted = [gid for gid, qty in lines.items() if qty]
    per_good = ref_expand(goods, wanted)
    need: dict[int, int] = {}
    for gid in wanted:
        for uid, n in per_good[gid].items():
            need[uid] = need.get(uid, 0) + lines[gid] * n
    return {uid: n for uid, n in need.items() if n}


def ref_reached(
    goods: Mapping[int, Good], units: Mapping[int, YieldType], roots: Iterable[int]
) -> dict[int, frozenset[int]]:
    out = {}
    for gid, per_unit in ref_expand(goods, roots).items():
        for uid in per_unit:
            if uid not in units:
                raise UnknownReferenceError(f"unknown finished unit id {uid}")
        out[gid] = frozenset(units[uid].recipe_id for uid in per_unit)
    return out


def outcome(fn, *args):
    """(result as ordered items, None) or (None, the error's type, text and names)."""
    try:
        result = fn(*args)
    except (CycleError, UnknownReferenceError) as exc:
        return None, (type(exc), str(exc), getattr(exc, "names", None))
    if isinstance(result, dict):
        return [(k, list(v.items()) if isinstance(v, dict) else v) for k, v in result.items()], None
    return result, None


# --- random catalogs: any shape, cycles, unknown goods and units ------------

UNITS = {uid: count_unit(uid, uid % 4, 12) for uid in range(6)}  # unit 7 is unknown


@st.composite
def catalogs(draw, acyclic: bool = False):
    """Goods with ids 0..n-1 holding units and goods, and roots. Mostly a good
    holds known units and smaller ids; unless ``acyclic``, now and then a good
    is missing, or a component names an unknown unit (6, 7) or any id
    0..n+1 (a cycle or an unknown good)."""
    n = draw(st.integers(1, 12))
    rare = st.just(False) if acyclic else st.integers(0, 14).map(lambda k: k == 0)
    goods: dict[int, Good] = {}
    for i in range(n):
        if draw(rare):
            continue  # a missing good
        comps = []
        for uid in draw(st.lists(st.integers(0, 5), max_size=3)):
            comps.append(unit_of(7 if draw(rare) else uid, draw(st.integers(1, 4))))
        for gid in draw(st.lists(st.integers(0, max(i - 1, 0)), max_size=4 if i else 0)):
            gid = draw(st.integers(0, n + 1)) if draw(rare) else gid
            comps.append(good_of(gid, draw(st.integers(1, 3))))
        if draw(rare):
            comps.append(good_of(draw(st.integers(0, n + 1))))
        order = draw(st.permutations(range(len(comps))))
        goods[i] = good(i, f"G{i}", *(comps[k] for k in order))
    roots = draw(st.lists(st.integers(0, n - 1), min_size=1, max_size=8))
    if draw(rare):
        roots.append(draw(st.integers(0, n + 1)))
    return goods, roots


@settings(max_examples=200, deadline=None)
@given(catalogs())
def test_expand_reachable_matches_the_reference(data):
    goods, roots = data
    assert outcome(expand_reachable, goods, roots) == outcome(ref_expand, goods, roots)


@settings(max_examples=200, deadline=None)
@given(catalogs())
def test_recipes_reached_matches_the_reference(data):
    goods, roots = data
    assert outcome(recipes_reached, goods, UNITS, roots) == outcome(
        ref_reached, goods, UNITS, roots
    )


@settings(max_examples=200, deadline=None)
@given(catalogs(), st.data())
def test_decompose_lines_matches_the_reference(data, draw):
    goods, roots = data
    lines = {gid: draw.draw(st.integers(0, 5)) for gid in roots}
    assert outcome(decompose_lines, lines, goods) == outcome(ref_decompose, lines, goods)


@settings(max_examples=200, deadline=None)
@given(catalogs(acyclic=True))
def test_acyclic_catalogs_agree_with_the_reference(data):
    # Most random catalogs above fail; these always succeed, so the values are compared.
    goods, roots = data
    roots = [r for r in roots if r in goods]
    assert outcome(expand_reachable, goods, roots) == outcome(ref_expand, goods, roots)
    assert outcome(recipes_reached, goods, UNITS, sorted(goods)) == outcome(
        ref_reached, goods, UNITS, sorted(goods)
    )
    lines = {gid: 1 + gid % 3 for gid in roots}
    assert outcome(decompose_lines, lines, goods) == outcome(ref_decompose, lines, goods)


def test_goods_reaching_the_same_recipes_share_one_set():
    units = {1: count_unit(1, 7, 12), 2: count_unit(2, 8, 12)}
    goods = {
        1: good(1, "A", unit_of(1)),
        2: good(2, "B", unit_of(1, 3)),
        3: good(3, "Tin", good_of(1), good_of(2), unit_of(1)),
        4: good(4, "Box", unit_of(2), good_of(1)),
        5: good(5, "Hamper", good_of(4), good_of(3)),
    }
    reached = recipes_reached(goods, units, sorted(goods))
    assert reached == ref_reached(goods, units, sorted(goods))
    assert reached[1] is reached[2] is reached[3]
    assert reached[5] is reached[4]


def ref_find_cycle(goods: Mapping[int, Good]) -> tuple[str, ...] | None:
    known = {
        gid: Good(gid, g.name, tuple(c for c in g.components if c.good_id in (None, *goods)))
        for gid, g in goods.items()
    }
    try:
        ref_walk(known, sorted(known))
    except CycleError as exc:
        return exc.names
    return None


@settings(max_examples=200, deadline=None)
@given(catalogs())
def test_find_cycle_matches_the_reference(data):
    goods, _ = data
    assert find_cycle(goods) == ref_find_cycle(goods)
