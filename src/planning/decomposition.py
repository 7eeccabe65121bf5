"""Decomposition of finished goods into finished units, and grouping by recipe.

A good's components are finished units or other goods (bundles), nested to any
depth. Everything here is iterative (an explicit stack, never recursion), so a
chain thousands of levels deep works, and each good is expanded once
(memoized). A cycle among goods raises :class:`CycleError` naming its goods.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping

from .types import Component, Good, YieldType

__all__ = [
    "CycleError",
    "UnknownReferenceError",
    "find_cycle",
    "expand_goods",
    "expand_reachable",
    "decompose_lines",
    "group_by_recipe",
    "recipes_reached",
    "recipes_of_goods",
]


class CycleError(ValueError):
    """Goods that contain themselves, directly or through bundles.

    ``names`` lists the goods along the cycle with the first repeated at the
    end; the message reads ``cycle A → B → A``.
    """

    def __init__(self, names: Iterable[str]) -> None:
        self.names: tuple[str, ...] = tuple(names)
        super().__init__("cycle " + " → ".join(self.names))


class UnknownReferenceError(ValueError):
    """A component or line refers to a good or finished unit that was not given."""


def _child_goods(good: Good) -> list[int]:
    return [c.good_id for c in good.components if c.good_id is not None]


def _walk_postorder(goods: Mapping[int, Good], roots: Iterable[int]) -> list[int]:
    """Every good reachable from ``roots``, children before parents.

    Raises CycleError on a cycle and UnknownReferenceError when a root or a
    component refers to a good missing from ``goods``.
    """
    done: set[int] = set()
    order: list[int] = []
    for root in roots:
        if root in done:
            continue
        if root not in goods:
            raise UnknownReferenceError(f"unknown good id {root}")
        # Stack frames: [good_id, child ids, next child index]
        path: list[int] = [root]
        on_path: set[int] = {root}
        stack: list[tuple[int, list[int], int]] = [(root, _child_goods(goods[root]), 0)]
        while stack:
            gid, children, i = stack[-1]
            if i < len(children):
                stack[-1] = (gid, children, i + 1)
                child = children[i]
                if child in done:
                    continue
                if child in on_path:
                    start = path.index(child)
                    names = [goods[g].name for g in path[start:]]
                    names.append(goods[child].name)
                    raise CycleError(names)
                if child not in goods:
                    raise UnknownReferenceError(
                        f"good {goods[gid].name!r} refers to unknown good id {child}"
                    )
                path.append(child)
                on_path.add(child)
                stack.append((child, _child_goods(goods[child]), 0))
            else:
                stack.pop()
                path.pop()
                on_path.discard(gid)
                done.add(gid)
                order.append(gid)
    return order


def _postorder(goods: Mapping[int, Good], roots: Iterable[int]) -> list[int] | None:
    """:func:`_walk_postorder`'s order, computed faster (no path list, no frame
    tuples rebuilt per child), or None when the walk meets a cycle or an unknown
    good: the caller then runs :func:`_walk_postorder`, which raises the error."""
    state: dict[int, bool] = {}  # good id → True when done, False while on the path
    order: list[int] = []
    append = order.append
    get_good = goods.get
    for root in roots:
        if root in state:
            continue
        good = get_good(root)
        if good is None:
            return None
        kids = [c.good_id for c in good.components if c.good_id is not None]
        if not kids:
            state[root] = True
            append(root)
            continue
        state[root] = False
        stack = [(root, iter(kids))]
        while stack:
            gid, todo = stack[-1]
            for child in todo:
                seen = state.get(child)
                if seen is None:
                    sub = get_good(child)
                    if sub is None:
                        return None
                    grandkids = [c.good_id for c in sub.components if c.good_id is not None]
                    if grandkids:
                        state[child] = False
                        stack.append((child, iter(grandkids)))
                        break
                    state[child] = True
                    append(child)
                elif not seen:
                    return None
            else:
                stack.pop()
                state[gid] = True
                append(gid)
    return order


def _known(good_id: int | None, goods: Mapping[int, Good]) -> bool:
    return good_id is None or good_id in goods


def find_cycle(goods: Mapping[int, Good]) -> tuple[str, ...] | None:
    """The names along one cycle among ``goods`` (first repeated at the end),
    or None when there is none. Components naming goods that are not in
    ``goods`` are ignored here. Goods are visited in id order, so the answer
    is deterministic."""
    known = {
        gid: Good(g.id, g.name, tuple(c for c in g.components if _known(c.good_id, goods)))
        for gid, g in goods.items()
    }
    try:
        _walk_postorder(known, sorted(known))
    except CycleError as exc:
        return exc.names
    return None


def expand_reachable(goods: Mapping[int, Good], roots: Iterable[int]) -> dict[int, dict[int, int]]:
    """Like :func:`expand_goods`, but only for the goods reachable from
    ``roots`` (good ids), which must all be in ``goods``."""
    roots = list(roots)
    order = _postorder(goods, roots)
    if order is None:
        order = _walk_postorder(goods, roots)  # raises the cycle or unknown good
    memo: dict[int, dict[int, int]] = {}
    for gid in order:
        comps = goods[gid].components
        if len(comps) == 1:  # most goods: one unit, or one nested good
            comp = comps[0]
            if comp.unit_id is not None:
                memo[gid] = {comp.unit_id: comp.quantity}
                continue
            assert comp.good_id is not None  # a component holds a unit or a good
            child, q = memo[comp.good_id], comp.quantity
            memo[gid] = dict(child) if q == 1 else {u: q * n for u, n in child.items()}
            continue
        acc: dict[int, int] = {}
        for comp in comps:
            q = comp.quantity
            if comp.unit_id is not None:
                acc[comp.unit_id] = acc.get(comp.unit_id, 0) + q
                continue
            assert comp.good_id is not None  # a component holds a unit or a good
            child = memo[comp.good_id]
            if not acc:
                acc = dict(child) if q == 1 else {u: q * n for u, n in child.items()}
            elif q == 1:
                get = acc.get
                acc.update({u: get(u, 0) + n for u, n in child.items()})
            else:
                get = acc.get
                acc.update({u: get(u, 0) + q * n for u, n in child.items()})
        memo[gid] = acc
    return memo


def expand_goods(goods: Mapping[int, Good]) -> dict[int, dict[int, int]]:
    """For every good, the finished-unit items (unit_id → count) that ONE of
    it needs, multiplied through nested bundles.

    A good with no components maps to ``{}``. Raises CycleError on a cycle and
    UnknownReferenceError when a component names a good not in ``goods``.
    """
    return expand_reachable(goods, sorted(goods))


def decompose_lines(lines: Mapping[int, int], goods: Mapping[int, Good]) -> dict[int, int]:
    """Event lines (good_id → quantity ≥ 0) to needed items per finished unit.

    Only goods reachable from the lines are expanded. Units with a zero need
    are omitted. Raises ValueError for a negative or non-integer quantity,
    UnknownReferenceError for an unknown good, CycleError on a cycle.
    """
    for gid, qty in lines.items():
        if isinstance(qty, bool) or not isinstance(qty, int) or qty < 0:
            raise ValueError(f"line for good {gid}: quantity must be a whole number ≥ 0")
    wanted = [gid for gid, qty in lines.items() if qty]
    walked = _walk_units(goods, wanted)
    if walked is None:
        _walk_postorder(goods, wanted)  # raises the cycle or unknown good
        raise AssertionError("a walk that fails fast must fail again")
    order, need = walked
    # Copies of each good, parents before children (reverse post-order), pushed
    # down to their components: every good is visited once, nothing is copied.
    copies = {gid: lines[gid] for gid in wanted}
    for gid in reversed(order):
        m = copies.get(gid, 0)
        for comp in goods[gid].components:
            if comp.unit_id is not None:
                need[comp.unit_id] += comp.quantity * m
            else:
                assert comp.good_id is not None  # a component holds a unit or a good
                copies[comp.good_id] = copies.get(comp.good_id, 0) + comp.quantity * m
    return {uid: n for uid, n in need.items() if n}


def _walk_units(
    goods: Mapping[int, Good], roots: list[int]
) -> tuple[list[int], dict[int, int]] | None:
    """The goods reachable from ``roots`` in :func:`_walk_postorder`'s order, and
    the units they reach mapped to 0 in the order the expansion first meets them
    (components left to right, nested goods in place), which is the key order
    :func:`expand_reachable` gives; None on a cycle or an unknown good."""
    state: dict[int, bool] = {}  # good id → True when done, False while on the path
    order: list[int] = []
    units: dict[int, int] = {}
    get_good = goods.get
    for root in roots:
        if root in state:
            continue
        good = get_good(root)
        if good is None:
            return None
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
                        return None
                    state[child] = False
                    stack.append((child, iter(sub.components)))
                    break
                if not seen:
                    return None
            else:
                stack.pop()
                state[gid] = True
                order.append(gid)
    return order, units


def group_by_recipe(
    unit_needs: Mapping[int, int], units: Mapping[int, YieldType]
) -> dict[int, dict[int, int]]:
    """Needed items per unit grouped as recipe_id → {unit_id: items}.

    Zero needs are dropped (a recipe with only zero needs is absent). Raises
    UnknownReferenceError for a unit id missing from ``units``.
    """
    out: dict[int, dict[int, int]] = {}
    for uid, n in unit_needs.items():
        if not n:
            continue
        if uid not in units:
            raise UnknownReferenceError(f"unknown finished unit id {uid}")
        out.setdefault(units[uid].recipe_id, {})[uid] = n
    return out


def recipes_reached(
    goods: Mapping[int, Good], units: Mapping[int, YieldType], roots: Iterable[int]
) -> dict[int, frozenset[int]]:
    """Good id → the ids of the recipes its decomposition reaches (through
    nested bundles), for ``roots`` and every good they contain: the one rule
    behind availability ("a good is available when every recipe it reaches is
    selected"). A good that reaches no finished unit maps to an empty set.
    Raises CycleError on a cycle reachable from ``roots`` and
    UnknownReferenceError for a unit id missing from ``units``.

    Goods reaching the same recipes often share one frozenset object."""
    roots = list(roots)
    found = _reach_recipes(goods, units, roots)
    if found is not None:
        return found
    # A cycle, an unknown good or an unknown unit: the errors come in this order.
    order = _walk_postorder(goods, roots)
    for gid in order:
        for comp in goods[gid].components:
            if comp.unit_id is not None and comp.unit_id not in units:
                raise UnknownReferenceError(f"unknown finished unit id {comp.unit_id}")
    raise AssertionError("a walk that fails fast must fail again")


def _reach_recipes(
    goods: Mapping[int, Good], units: Mapping[int, YieldType], roots: list[int]
) -> dict[int, frozenset[int]] | None:
    """:func:`recipes_reached` in one post-order walk that computes each good's
    set once from its components' sets; None on a cycle, an unknown good or
    an unknown unit."""
    out: dict[int, frozenset[int]] = {}
    single: dict[int, frozenset[int]] = {}  # recipe id → {recipe id}, shared
    on_path: set[int] = set()
    get_good, get_unit = goods.get, units.get
    for root in roots:
        if root in out:
            continue
        good = get_good(root)
        if good is None:
            return None
        comps = good.components
        if len(comps) == 1 and comps[0].unit_id is not None:  # most goods: one unit
            unit = get_unit(comps[0].unit_id)
            if unit is None:
                return None
            mine = single.get(unit.recipe_id)
            if mine is None:
                mine = single[unit.recipe_id] = frozenset((unit.recipe_id,))
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
                if child in on_path:
                    return None
                sub = get_good(child)
                if sub is None:
                    return None
                on_path.add(child)
                stack.append((child, sub.components, iter(sub.components)))
                break
            else:
                stack.pop()
                on_path.discard(gid)
                mine = _recipes_of(comps, out, single, get_unit)
                if mine is None:
                    return None
                out[gid] = mine
    return out


_EMPTY: frozenset[int] = frozenset()


def _recipes_of(
    comps: tuple[Component, ...],
    done: dict[int, frozenset[int]],
    single: dict[int, frozenset[int]],
    get_unit: Callable[[int], YieldType | None],
) -> frozenset[int] | None:
    """The recipes reached by ``comps`` whose goods are all in ``done``: the
    set of one of them when it holds all (shared), else a new one; None when a
    unit is unknown."""
    largest = _EMPTY
    acc: set[int] = set()
    for comp in comps:
        uid = comp.unit_id
        if uid is not None:
            unit = get_unit(uid)
            if unit is None:
                return None
            acc.add(unit.recipe_id)
            continue
        assert comp.good_id is not None  # a component holds a unit or a good
        theirs = done[comp.good_id]
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


def recipes_of_goods(
    goods: Mapping[int, Good], units: Mapping[int, YieldType]
) -> dict[int, frozenset[int]]:
    """Every good → the ids of the recipes its decomposition reaches
    (:func:`recipes_reached` over all goods).

    A good that reaches no finished unit maps to an empty frozenset. Raises
    UnknownReferenceError for a unit id missing from ``units``.
    """
    return recipes_reached(goods, units, sorted(goods))
