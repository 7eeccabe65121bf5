"""Assembly feasibility: projected supply of finished units against the
finished-good lines of an event.

Supply rule (:func:`project_supply`). For each recipe with a need, the
projected batches are ``max(decided, baked)``. When the recipe's need has one
yield type, all the batches go to it. With several, the batches split in
proportion to each type's share of the recipe's batch need, and each type
gets ``floor(share_batches / batches_per_item)`` items. A recipe with neither
a decision nor baked batches supplies nothing and its needed units are
*undecided* (:func:`undecided_units`).

Allocation rule (:func:`assess_assembly`). Lines are served one after another
in order of good name (then id). A line needing any undecided unit is
``undecided``, takes nothing and has ``can_make`` 0. Otherwise it makes as
many whole goods as the remaining supply allows (at most its quantity),
taking all the unit items one good needs through nesting for each, and the
next line gets what is left. Status: ``met`` when can_make == quantity,
``partial`` when 0 < can_make < quantity, ``short`` when can_make == 0 (a good
that reaches no finished unit is always short). Overall: ``undecided`` if any
line is, else ``short`` if any is, else ``partial`` if any is, else ``met``;
with no lines at all, ``empty``.
"""

from __future__ import annotations

from collections.abc import Mapping
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from fractions import Fraction

from .batches import is_undecided
from .decomposition import expand_reachable
from .progress import effective_batches
from .records import record
from .types import Good, YieldType

__all__ = [
    "MET",
    "PARTIAL",
    "SHORT",
    "UNDECIDED",
    "EMPTY",
    "LineStatus",
    "AssemblyResult",
    "project_supply",
    "undecided_units",
    "assess_assembly",
]

MET = "met"
PARTIAL = "partial"
SHORT = "short"
UNDECIDED = "undecided"
EMPTY = "empty"


@record
class LineStatus:
    """The feasibility of one finished-good line."""

    good_id: int
    quantity: int
    status: str
    can_make: int


@dataclass(frozen=True)
class AssemblyResult:
    """Line statuses in allocation order (by good name) and the overall one."""

    lines: tuple[LineStatus, ...]
    overall: str


def project_supply(
    decisions: Mapping[int, int],
    baked: Mapping[int, int],
    needs_by_recipe: Mapping[int, Mapping[int, int]],
    units: Mapping[int, YieldType],
) -> dict[int, int]:
    """unit_id → items the decided (or already baked) batches will give.

    Only recipes in ``needs_by_recipe`` with a decision or baked batches
    supply anything; see the module docstring for the split rule.
    """
    supply: dict[int, int] = {}
    for rid, needed in needs_by_recipe.items():
        if rid not in decisions and rid not in baked:
            continue
        batches = effective_batches(decisions.get(rid), baked.get(rid, 0))
        positive = [(uid, n) for uid, n in needed.items() if n > 0]
        if len(positive) == 1:
            # All the batches go to the one type: floor(batches / (a / b)), in integers.
            uid = positive[0][0]
            a, b = units[uid].batches_per_item_ratio()
            supply[uid] = supply.get(uid, 0) + (batches * b) // a
            continue
        # A type's share of the batches, batches × n·bpi / Σ n·bpi, divided by its
        # bpi (batches per item) is batches × n / total: in integers over total = tn / td.
        tn, td = 0, 1
        for uid, n in positive:
            a, b = units[uid].batches_per_item_ratio()
            tn, td = tn * b + n * a * td, td * b
        for uid, n in positive:
            supply[uid] = supply.get(uid, 0) + (batches * n * td) // tn
    return supply


def undecided_units(
    decisions: Mapping[int, int],
    baked: Mapping[int, int],
    needs_by_recipe: Mapping[int, Mapping[int, int]],
) -> frozenset[int]:
    """Units needed by recipes that have neither a decision nor baked batches."""
    out: set[int] = set()
    for rid, needed in needs_by_recipe.items():
        decided, made = decisions.get(rid), baked.get(rid, 0)
        if decided is not None or made != 0:
            continue  # is_undecided is false whatever the need: skip building it
        if is_undecided(Fraction(sum(needed.values())), decided, made):
            out.update(uid for uid, n in needed.items() if n > 0)
    return frozenset(out)


def _overall(statuses: AbstractSet[str]) -> str:
    if not statuses:
        return EMPTY
    for status in (UNDECIDED, SHORT, PARTIAL):
        if status in statuses:
            return status
    return MET


def assess_assembly(
    lines: Mapping[int, int],
    goods: Mapping[int, Good],
    units: Mapping[int, YieldType],
    supply: Mapping[int, int],
    undecided_units: AbstractSet[int],
    per_good: Mapping[int, Mapping[int, int]] | None = None,
) -> AssemblyResult:
    """Status of every line (good_id → quantity ≥ 1) given the unit supply.

    See the module docstring for the allocation and status rules. Raises
    ValueError for a quantity below 1, CycleError on a cycle among goods.
    ``per_good`` is src.planning.decomposition.expand_reachable(goods, lines)
    when the caller has it already.
    """
    for gid, qty in lines.items():
        if isinstance(qty, bool) or not isinstance(qty, int) or qty < 1:
            raise ValueError(f"line for good {gid}: quantity must be a whole number ≥ 1")
    if per_good is None:
        per_good = expand_reachable(goods, list(lines))
    remaining = dict(supply)
    results: list[LineStatus] = []
    statuses: set[str] = set()
    for _, gid in sorted([(goods[g].name, g) for g in lines]):
        qty = lines[gid]
        needs = per_good[gid]
        if undecided_units and any(uid in undecided_units for uid in needs):
            results.append(LineStatus(gid, qty, UNDECIDED, 0))
            statuses.add(UNDECIDED)
            continue
        can_make = qty if needs else 0  # a good that reaches no unit is short
        for uid, n in needs.items():
            fits = remaining.get(uid, 0) // n
            if fits < can_make:
                can_make = fits
        if can_make > 0:
            for uid, n in needs.items():
                remaining[uid] = remaining.get(uid, 0) - can_make * n
        else:
            can_make = 0
        status = MET if can_make == qty else PARTIAL if can_make > 0 else SHORT
        statuses.add(status)
        results.append(LineStatus(gid, qty, status, can_make))
    return AssemblyResult(tuple(results), _overall(statuses))
