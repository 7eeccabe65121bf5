""""What can I make from my pantry?" model: buys nothing, and is the best choice of lines.

Hypothesis builds small events (lines made of yield types of a few recipes,
recipes using two ingredients, a pantry); every subset of lines is tried by
brute force. The solver's choice never needs more than the pantry holds, and
makes as many lines as the best subset (ties to the earlier lines).
"""

from __future__ import annotations

import itertools
import math
from fractions import Fraction as F

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from src.planning.optimiser_model import target_items
from src.planning.pantry_model import PantryLineNeed, build_pantry_model
from src.services.aids.solver import solve


def _batches_for(lines, unit_recipe, margin):
    need: dict[int, F] = {}
    for line in lines:
        for uid, items in line.items.items():
            rid, per = unit_recipe[uid]
            need[rid] = need.get(rid, F(0)) + target_items(items, margin) * per
    return {rid: math.ceil(n) for rid, n in need.items()}


def _fits(batches, amounts, on_hand) -> bool:
    use: dict[str, F] = {}
    for rid, b in batches.items():
        for ing, a in amounts[rid].items():
            use[ing] = use.get(ing, F(0)) + b * a
    return all(u <= on_hand.get(ing, F(0)) for ing, u in use.items())


def _weight(chosen, lines):
    n = len(lines)
    return sum(1 + F(n - k, n * (n + 1)) for k, line in enumerate(lines) if line.good_id in chosen)


@st.composite
def events(draw):
    unit_recipe = {}
    amounts = {}
    for r in range(draw(st.integers(1, 3))):
        rid = 10 + r
        amounts[rid] = {ing: F(draw(st.integers(0, 3))) for ing in ("a", "b")}
        for u in range(draw(st.integers(1, 2))):
            unit_recipe[rid * 10 + u] = (rid, draw(st.sampled_from([F(1, 2), F(1, 4), F(1)])))
    units = sorted(unit_recipe)
    lines = []
    for g in range(draw(st.integers(1, 4))):
        chosen = draw(st.lists(st.sampled_from(units), min_size=1, max_size=2, unique=True))
        lines.append(PantryLineNeed(100 + g, f"G{g}",
                                    {u: draw(st.integers(1, 6)) for u in chosen}))
    on_hand = {ing: F(draw(st.integers(0, 12))) for ing in ("a", "b")}
    margin = F(draw(st.sampled_from([0, 10])))
    return lines, unit_recipe, amounts, on_hand, margin


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(events())
def test_pantry_choice_buys_nothing_and_is_the_best_subset(case):
    lines, unit_recipe, amounts, on_hand, margin = case
    built = build_pantry_model(lines, unit_recipe, amounts, on_hand, margin)
    values = solve(built.model)
    chosen = {gid for gid, v in built.make.items() if round(values[v]) == 1}
    batches = {rid: round(values[v]) for rid, v in built.batches.items()}
    assert _fits(batches, amounts, on_hand)  # no shopping at all
    made = _batches_for([x for x in lines if x.good_id in chosen], unit_recipe, margin)
    assert all(batches.get(rid, 0) >= b for rid, b in made.items())  # the lines are covered
    best = max(
        _weight(set(subset), lines)
        for k in range(len(lines) + 1)
        for subset in itertools.combinations([x.good_id for x in lines], k)
        if _fits(_batches_for([x for x in lines if x.good_id in subset], unit_recipe, margin),
                 amounts, on_hand)
    )
    assert _weight(chosen, lines) == best
