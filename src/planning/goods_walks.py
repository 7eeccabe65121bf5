"""The fast walks behind src.planning.decomposition.

Each walks the goods reachable from some roots once, children before parents,
in exactly the order of ``decomposition._walk_postorder`` (roots in the order
given, components left to right), and builds every good's value once from its
components' values. They give up with :class:`BrokenWalk` on a cycle, an
unknown good or an unknown unit, and ``decomposition`` then runs the plain
walk, which raises the error the public functions document. Everything is
iterative (an explicit stack), so chains thousands of levels deep work.

Most goods hold one finished unit, and a good's goods are usually done
before it is reached (bundles are saved after their contents): both cases are
settled without pushing a frame.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from .types import Component, Good, YieldType

__all__ = ["BrokenWalk", "expand_items", "reach_recipes", "unit_order_and_goods"]


class BrokenWalk(Exception):
    """A cycle, an unknown good or an unknown unit: the caller's plain walk
    names it."""


def expand_items(goods: Mapping[int, Good], roots: list[int]) -> dict[int, dict[int, int]]:
    """good id → {unit id: items one of it needs}, for the goods reachable from
    ``roots``, keyed in post-order."""
    memo: dict[int, dict[int, int]] = {}
    on_path: set[int] = set()
    get_good = goods.get
    for root in roots:
        if root in memo:
            continue
        good = get_good(root)
        if good is None:
            raise BrokenWalk
        comps = good.components
        if len(comps) == 1 and comps[0].unit_id is not None:
            memo[root] = {comps[0].unit_id: comps[0].quantity}
            continue
        mine = _items_of(comps, memo)
        if mine is not None:
            memo[root] = mine
            continue
        stack = [(root, comps, iter(comps))]
        on_path.add(root)
        while stack:
            gid, comps, todo = stack[-1]
            for comp in todo:
                child = comp.good_id
                if child is None or child in memo:
                    continue
                sub = get_good(child)
                if sub is None or child in on_path:
                    raise BrokenWalk
                parts = sub.components
                if len(parts) == 1 and parts[0].unit_id is not None:
                    memo[child] = {parts[0].unit_id: parts[0].quantity}
                    continue
                on_path.add(child)
                stack.append((child, parts, iter(parts)))
                break
            else:
                stack.pop()
                on_path.discard(gid)
                mine = _items_of(comps, memo)
                assert mine is not None  # its goods are done
                memo[gid] = mine
    return memo


def _items_of(
    comps: tuple[Component, ...], memo: dict[int, dict[int, int]]
) -> dict[int, int] | None:
    """{unit id: items} of one good with these components, each nested good's
    items taken from ``memo``; None when one of them is not there yet. Keys
    come in the order the components first reach them."""
    acc: dict[int, int] = {}
    for comp in comps:
        q = comp.quantity
        if comp.unit_id is not None:
            acc[comp.unit_id] = acc.get(comp.unit_id, 0) + q
            continue
        assert comp.good_id is not None  # a component holds a unit or a good
        child = memo.get(comp.good_id)
        if child is None:
            return None
        if not acc:
            acc = dict(child) if q == 1 else {u: q * n for u, n in child.items()}
        elif q == 1:
            get = acc.get
            acc.update({u: get(u, 0) + n for u, n in child.items()})
        else:
            get = acc.get
            acc.update({u: get(u, 0) + q * n for u, n in child.items()})
    return acc


def unit_order_and_goods(
    goods: Mapping[int, Good], roots: list[int]
) -> tuple[list[int], dict[int, int]]:
    """The goods reachable from ``roots`` in post-order, and the units they
    reach mapped to 0 in the order an expansion first meets them (components
    left to right, nested goods in place): the key order expand_items gives
    the roots, one after another."""
    state: dict[int, bool] = {}  # good id → True when done, False while on the path
    order: list[int] = []
    units: dict[int, int] = {}
    get_good = goods.get
    for root in roots:
        if root in state:
            continue
        good = get_good(root)
        if good is None:
            raise BrokenWalk
        state[root] = False
        stack = [(root, iter(good.components))]
        while stack:
            gid, todo = stack[-1]
            for comp in todo:
                uid = comp.unit_id
                if uid is not None:
                    if uid not in units:
                        units[uid] = 0
                    continue
                child = comp.good_id
                assert child is not None  # a component holds a unit or a good
                seen = state.get(child)
                if seen is None:
                    sub = get_good(child)
                    if sub is None:
                        raise BrokenWalk
                    state[child] = False
                    stack.append((child, iter(sub.components)))
                    break
                if not seen:
                    raise BrokenWalk
            else:
                stack.pop()
                state[gid] = True
                order.append(gid)
    return order, units


_EMPTY: frozenset[int] = frozenset()
_PENDING: frozenset[int] = frozenset((-1,))  # a component good not done yet


def reach_recipes(
    goods: Mapping[int, Good], units: Mapping[int, YieldType], roots: list[int]
) -> dict[int, frozenset[int]]:
    """good id → the recipes it reaches, for the goods reachable from
    ``roots``, keyed in post-order. Goods reaching one recipe share its set,
    and a good reaching no more than one of its goods shares that one's."""
    out: dict[int, frozenset[int]] = {}
    single: dict[int, frozenset[int]] = {}  # recipe id → {recipe id}
    on_path: set[int] = set()
    get_good, get_unit = goods.get, units.get

    def one_unit(uid: int) -> frozenset[int]:
        unit = get_unit(uid)
        if unit is None:
            raise BrokenWalk
        mine = single.get(unit.recipe_id)
        if mine is None:
            mine = single[unit.recipe_id] = frozenset((unit.recipe_id,))
        return mine

    for root in roots:
        good = get_good(root)
        if good is None:
            raise BrokenWalk
        comps = good.components
        if len(comps) == 1:
            uid = comps[0].unit_id
            if uid is not None:  # one_unit, inline; done again, it keeps its place
                unit = get_unit(uid)
                if unit is None:
                    raise BrokenWalk
                rid = unit.recipe_id
                mine = single.get(rid)
                if mine is None:
                    mine = single[rid] = frozenset((rid,))
                out[root] = mine
                continue
        if root in out:
            continue
        mine = _recipes_of(comps, out, single, get_unit)
        if mine is not _PENDING:
            out[root] = mine
            continue
        stack = [(root, comps, iter(comps))]
        on_path.add(root)
        while stack:
            gid, comps, todo = stack[-1]
            for comp in todo:
                child = comp.good_id
                if child is None or child in out:
                    continue
                sub = get_good(child)
                if sub is None or child in on_path:
                    raise BrokenWalk
                parts = sub.components
                if len(parts) == 1 and parts[0].unit_id is not None:
                    out[child] = one_unit(parts[0].unit_id)
                    continue
                on_path.add(child)
                stack.append((child, parts, iter(parts)))
                break
            else:
                stack.pop()
                on_path.discard(gid)
                out[gid] = _recipes_of(comps, out, single, get_unit)  # never _PENDING
    return out


def _recipes_of(
    comps: tuple[Component, ...],
    done: dict[int, frozenset[int]],
    single: dict[int, frozenset[int]],
    get_unit: Callable[[int], YieldType | None],
) -> frozenset[int]:
    """The recipes reached by ``comps``: the set of one of their goods when it
    holds them all, else a new one; ``_PENDING`` when one of their goods is not
    in ``done`` yet."""
    largest = _EMPTY
    acc: set[int] = set()
    for comp in comps:
        uid = comp.unit_id
        if uid is not None:
            unit = get_unit(uid)
            if unit is None:
                raise BrokenWalk
            acc.add(unit.recipe_id)
            continue
        assert comp.good_id is not None  # a component holds a unit or a good
        theirs = done.get(comp.good_id)
        if theirs is None:
            return _PENDING
        if len(theirs) > len(largest):
            largest = theirs
        acc |= theirs
    if len(acc) == len(largest):  # nothing beyond one component's set
        return largest
    if len(acc) == 1:
        (rid,) = acc
        mine = single.get(rid)
        if mine is None:
            mine = single[rid] = frozenset(acc)
        return mine
    return frozenset(acc)
