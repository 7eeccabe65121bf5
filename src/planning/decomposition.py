"""Decomposition of finished goods into finished units, and grouping by recipe.

A good's components are finished units or other goods (bundles), nested to any
depth. Everything here is iterative (an explicit stack, never recursion), so a
chain thousands of levels deep works, and each good is expanded once
(memoized). A cycle among goods raises :class:`CycleError` naming its goods.

The work is done by the fast walks of :mod:`src.planning.goods_walks`; when
one gives up (a cycle, an unknown good or unit), the plain walk here,
:func:`_walk_postorder`, runs and raises the error with its names.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from .goods_walks import BrokenWalk, expand_items, reach_recipes, unit_order_and_goods
from .types import Good, YieldType

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


def _known(good_id: int | None, goods: Mapping[int, Good]) -> bool:
    return good_id is None or good_id in goods


def find_cycle(goods: Mapping[int, Good]) -> tuple[str, ...] | None:
    """The names along one cycle among ``goods`` (first repeated at the end),
    or None when there is none. Components naming goods that are not in
    ``goods`` are ignored here. Goods are visited in id order, so the answer
    is deterministic."""
    known = {
        gid: g
        if all(_known(c.good_id, goods) for c in g.components)
        else Good(g.id, g.name, tuple(c for c in g.components if _known(c.good_id, goods)))
        for gid, g in goods.items()
    }
    roots = sorted(known)
    try:
        unit_order_and_goods(known, roots)  # every good known: it breaks only on a cycle
    except BrokenWalk:
        try:
            _walk_postorder(known, roots)
        except CycleError as exc:
            return exc.names
        raise AssertionError("a walk that fails fast must fail again") from None
    return None


def expand_reachable(goods: Mapping[int, Good], roots: Iterable[int]) -> dict[int, dict[int, int]]:
    """Like :func:`expand_goods`, but only for the goods reachable from
    ``roots`` (good ids), which must all be in ``goods``."""
    roots = list(roots)
    try:
        return expand_items(goods, roots)
    except BrokenWalk:
        _walk_postorder(goods, roots)  # raises the cycle or unknown good
        raise AssertionError("a walk that fails fast must fail again") from None


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
    try:
        order, need = unit_order_and_goods(goods, wanted)
    except BrokenWalk:
        _walk_postorder(goods, wanted)  # raises the cycle or unknown good
        raise AssertionError("a walk that fails fast must fail again") from None
    # How many of each good the lines hold, pushed from parents to children
    # (reverse post-order): each good is visited once, no expansion is built.
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
    try:
        return reach_recipes(goods, units, roots)
    except BrokenWalk:  # a cycle, an unknown good or an unknown unit: the errors in this order
        order = _walk_postorder(goods, roots)
    for gid in order:
        for comp in goods[gid].components:
            if comp.unit_id is not None and comp.unit_id not in units:
                raise UnknownReferenceError(f"unknown finished unit id {comp.unit_id}")
    raise AssertionError("a walk that fails fast must fail again")


def recipes_of_goods(
    goods: Mapping[int, Good], units: Mapping[int, YieldType]
) -> dict[int, frozenset[int]]:
    """Every good → the ids of the recipes its decomposition reaches
    (:func:`recipes_reached` over all goods).

    A good that reaches no finished unit maps to an empty frozenset. Raises
    UnknownReferenceError for a unit id missing from ``units``.
    """
    return recipes_reached(goods, units, sorted(goods))
