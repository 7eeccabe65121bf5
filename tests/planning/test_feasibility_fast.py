"""project_supply, undecided_units and assess_assembly, computed in integers,
give exactly what the plain Fraction algorithms below give (kept here as the
reference), on random recipes, decisions and lines."""

from __future__ import annotations

import math
from collections.abc import Mapping
from collections.abc import Set as AbstractSet
from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

from src.planning.decomposition import expand_goods
from src.planning.feasibility import (
    EMPTY,
    MET,
    PARTIAL,
    SHORT,
    UNDECIDED,
    AssemblyResult,
    LineStatus,
    assess_assembly,
    project_supply,
    undecided_units,
)
from src.planning.types import Good, YieldType

from .conftest import count_unit, good, good_of, portion_unit, unit_of

# --- the reference ----------------------------------------------------------


def ref_supply(decisions, baked, needs_by_recipe, units) -> dict[int, int]:
    supply: dict[int, int] = {}
    for rid, needed in needs_by_recipe.items():
        if rid not in decisions and rid not in baked:
            continue
        batches = max(decisions.get(rid) or 0, baked.get(rid, 0))
        shares = {uid: n * units[uid].batches_per_item() for uid, n in needed.items() if n > 0}
        total = sum(shares.values(), Fraction(0))
        for uid, share in shares.items():
            share_batches = Fraction(batches) if len(shares) == 1 else batches * share / total
            made = math.floor(share_batches / units[uid].batches_per_item())
            supply[uid] = supply.get(uid, 0) + made
    return supply


def ref_undecided(decisions, baked, needs_by_recipe) -> frozenset[int]:
    return frozenset(
        uid
        for rid, needed in needs_by_recipe.items()
        if sum(needed.values()) > 0 and decisions.get(rid) is None and baked.get(rid, 0) == 0
        for uid, n in needed.items()
        if n > 0
    )


def ref_assess(
    lines: Mapping[int, int],
    goods: Mapping[int, Good],
    supply: Mapping[int, int],
    undecided: AbstractSet[int],
) -> AssemblyResult:
    per_good = expand_goods(goods)
    remaining = dict(supply)
    results = []
    for gid in sorted(lines, key=lambda g: (goods[g].name, g)):
        qty, needs = lines[gid], per_good[gid]
        if any(uid in undecided for uid in needs):
            results.append(LineStatus(gid, qty, UNDECIDED, 0))
            continue
        can_make = 0
        if needs:
            can_make = max(0, min(qty, min(remaining.get(u, 0) // n for u, n in needs.items())))
        for uid, n in needs.items():
            remaining[uid] = remaining.get(uid, 0) - can_make * n
        status = MET if can_make == qty else PARTIAL if can_make > 0 else SHORT
        results.append(LineStatus(gid, qty, status, can_make))
    statuses = [r.status for r in results]
    overall = next((s for s in (UNDECIDED, SHORT, PARTIAL) if s in statuses), MET)
    return AssemblyResult(tuple(results), overall if results else EMPTY)


# --- random recipes and plans -----------------------------------------------

UNITS: dict[int, YieldType] = {
    1: count_unit(1, 1, 24),
    2: count_unit(2, 1, 7),
    3: portion_unit(3, 1, "12.5"),
    4: portion_unit(4, 2, "33.3"),
    5: count_unit(5, 2, 1),
    6: portion_unit(6, 3, "100"),
    7: count_unit(7, 3, 13),
}
RECIPES = (1, 2, 3)


@st.composite
def plans(draw):
    needs = {
        rid: draw(st.dictionaries(st.sampled_from([u for u in UNITS if UNITS[u].recipe_id == rid]),
                                  st.integers(-1, 400) | st.sampled_from([0, 12, 24, 48, 7, 8]),
                                  max_size=3))
        for rid in draw(st.lists(st.sampled_from(RECIPES), unique=True))
    }
    decisions = draw(st.dictionaries(st.sampled_from(RECIPES), st.integers(0, 60)))
    baked = draw(st.dictionaries(st.sampled_from(RECIPES), st.integers(0, 60)))
    return decisions, baked, needs


@settings(max_examples=200, deadline=None)
@given(plans())
def test_supply_and_undecided_match_the_reference(plan):
    decisions, baked, needs = plan
    supply = project_supply(decisions, baked, needs, UNITS)
    assert list(supply.items()) == list(ref_supply(decisions, baked, needs, UNITS).items())
    assert undecided_units(decisions, baked, needs) == ref_undecided(decisions, baked, needs)


@settings(max_examples=200, deadline=None)
@given(plans(), st.booleans())
def test_supply_at_the_batch_options_matches_the_reference(plan, up):
    # Deciding floor or ceil of the need puts shares on whole numbers of items.
    _, baked, needs = plan
    decisions = {}
    for rid, needed in needs.items():
        shares = (n * UNITS[u].batches_per_item() for u, n in needed.items() if n > 0)
        need = sum(shares, Fraction(0))
        decisions[rid] = math.ceil(need) if up else math.floor(need)
    supply = project_supply(decisions, baked, needs, UNITS)
    assert list(supply.items()) == list(ref_supply(decisions, baked, needs, UNITS).items())


@st.composite
def goods_and_lines(draw):
    """Goods 0..n-1 (some sharing a name) over the units; goods may nest smaller ids."""
    n = draw(st.integers(1, 8))
    goods: dict[int, Good] = {}
    for i in range(n):
        units = draw(st.lists(st.sampled_from(list(UNITS)), max_size=3))
        comps = [unit_of(u, draw(st.integers(1, 5))) for u in units]
        if i:
            inner = draw(st.lists(st.integers(0, i - 1), max_size=2))
            comps += [good_of(g, draw(st.integers(1, 3))) for g in inner]
        goods[i] = good(i, draw(st.sampled_from(["Box", "Tin", "Tray", f"G{i}"])), *comps)
    lines = draw(st.dictionaries(st.sampled_from(sorted(goods)), st.integers(1, 20)))
    supply = draw(st.dictionaries(st.sampled_from(list(UNITS)), st.integers(-3, 300)))
    undecided = draw(st.frozensets(st.sampled_from(list(UNITS)), max_size=2) | st.just(frozenset()))
    return goods, lines, supply, undecided


@settings(max_examples=200, deadline=None)
@given(goods_and_lines())
def test_assembly_matches_the_reference(data):
    goods, lines, supply, undecided = data
    assert assess_assembly(lines, goods, UNITS, supply, undecided) == ref_assess(
        lines, goods, supply, undecided
    )
