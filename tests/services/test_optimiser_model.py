"""The batch optimiser's model and solver against brute force and properties.

The solver's proposal must be as good as the best plan found by enumerating
every batch count and every split (stage by stage: shortfall, pantry, cost,
extras, batches); every proposal meets every line with the margin unless
pinned recipes make that impossible; pinned recipes keep their batches; and
a proposal is never worse than the baker's current decisions.
"""

from __future__ import annotations

import itertools
import math
from fractions import Fraction as F

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from src.planning.optimiser_model import (
    OptimiseInput,
    Plan,
    RecipeSpec,
    Requirement,
    Source,
    build_model,
    evaluate,
    objective_key,
    read_plan,
    target_items,
)
from src.services.aids.solver import solve


def propose(inp: OptimiseInput) -> Plan:
    built = build_model(inp)
    return read_plan(built, solve(built.model))


def _splits(served, batches):
    """Every split of ``batches`` of one recipe between its sources that fills
    the batches (no room left for one more of the smallest item)."""
    ranges = [range(int(batches / s.batches_per_item) + 1) for _, _, s in served]
    smallest = min(s.batches_per_item for _, _, s in served)
    for items in itertools.product(*ranges):
        load = sum(n * s.batches_per_item for (_, _, s), n in zip(served, items, strict=True))
        if batches - smallest < load <= batches:
            yield {(key, k): n for (key, k, _), n in zip(served, items, strict=True)}


def brute_force(inp: OptimiseInput):
    serving: dict[int, list] = {}
    for q in inp.requirements:
        for k, s in enumerate(q.sources):
            serving.setdefault(s.recipe_id, []).append((q.key, k, s))
    bounds = {}
    for rid in serving:
        spec = inp.recipes[rid]
        if spec.pinned and spec.current is not None:
            bounds[rid] = [spec.current]
        else:
            most = sum(
                target_items(q.items, inp.margin_percent) * s.batches_per_item
                for q in inp.requirements for s in q.sources if s.recipe_id == rid
            )
            bounds[rid] = range(math.ceil(most) + 2)  # the model allows up to ceil + 1
    rids = sorted(serving)
    best = None
    for counts in itertools.product(*(bounds[r] for r in rids)):
        batches = dict(zip(rids, counts, strict=True))
        per_recipe = [list(_splits(serving[r], batches[r])) for r in rids]
        for parts in itertools.product(*per_recipe):
            split = {k: v for part in parts for k, v in part.items()}
            ev = evaluate(inp, Plan(batches, split))
            if not (ev.fits and ev.filled):
                continue
            key = objective_key(inp, ev)
            if best is None or key < best:
                best = key
    return best


def _brownies(margin=0, pinned=None, prefer=False, prices=None):
    reqs = (
        Requirement(1, "Brownie bite", 30, (Source(10, 1, F(1, 48)),)),
        Requirement(2, "Brownie square", 20, (Source(10, 2, F(1, 16)),)),
    )
    recipes = {
        10: RecipeSpec(10, "Brownie batter", {"choc": F(1)}, pinned, pinned is not None),
    }
    return OptimiseInput(reqs, recipes, {}, prices or {}, F(margin), prefer)


def test_a_multi_yield_recipe_is_split_between_its_yield_types():
    inp = _brownies()
    plan = propose(inp)
    # 30/48 + 20/16 = 1.875 batches → 2; the spare batter makes 2 more squares.
    assert plan.batches == {10: 2}
    assert plan.split == {(1, 0): 30, (2, 0): 22}
    assert objective_key(inp, evaluate(inp, plan)) == brute_force(inp)


def test_the_margin_is_met_rounding_up():
    inp = _brownies(margin=10)  # 33 bites, 22 squares → 0.6875 + 1.375 → 3 batches
    plan = propose(inp)
    ev = evaluate(inp, plan)
    assert plan.batches == {10: 3} and not ev.shortfall
    assert ev.made[1] >= 33 and ev.made[2] >= 22


def test_pinned_recipe_keeps_its_batches_and_the_shortfall_is_reported():
    inp = _brownies(pinned=1)
    plan = propose(inp)
    ev = evaluate(inp, plan)
    assert plan.batches == {10: 1}
    assert sum(ev.shortfall.values()) > 0  # one batch cannot make 30 bites and 20 squares


def _two_doughs(prefer=False, prices=None, pantry=None):
    """A cookie that two doughs can make: plain (24/batch, flour) or butter
    (36/batch, flour + butter)."""
    reqs = (Requirement(3, "Cookie", 60, (Source(11, 3, F(1, 24)), Source(12, 4, F(1, 36)))),)
    recipes = {
        11: RecipeSpec(11, "Plain", {"flour": F(3)}, None),
        12: RecipeSpec(12, "Butter", {"flour": F(2), "butter": F(1)}, None),
    }
    return OptimiseInput(reqs, recipes, pantry or {}, prices or {}, F(0), prefer)


def test_an_alternative_recipe_is_used_when_it_makes_fewer_extras():
    inp = _two_doughs()
    plan = propose(inp)
    ev = evaluate(inp, plan)
    # Either dough alone makes 72 (12 extra); one batch of each makes exactly 60.
    assert plan.batches == {11: 1, 12: 1} and ev.extras == {3: 0}
    assert objective_key(inp, ev) == brute_force(inp)


def test_prices_pick_the_cheapest_ingredients():
    inp = _two_doughs(prices={"flour": F(1), "butter": F(10)})
    plan = propose(inp)
    assert plan.batches[12] == 0  # butter is dear: plain dough only
    assert objective_key(inp, evaluate(inp, plan)) == brute_force(inp)


def test_prefer_pantry_avoids_buying_a_second_ingredient():
    inp = _two_doughs(prefer=True, pantry={"butter": F(10)})
    ev = evaluate(inp, propose(inp))
    assert ev.ingredients_bought == 1
    assert objective_key(inp, ev) == brute_force(inp)


@st.composite
def small_inputs(draw):
    n_recipes = draw(st.integers(1, 2))
    recipes = {}
    sources = []
    for r in range(n_recipes):
        rid = 100 + r
        pinned = draw(st.booleans()) and draw(st.booleans())
        current = draw(st.one_of(st.none(), st.integers(1, 3)))
        amounts = {ing: F(draw(st.integers(0, 3))) for ing in ("a", "b")}
        recipes[rid] = RecipeSpec(rid, f"R{r}", amounts, current, pinned and current is not None)
        for u in range(draw(st.integers(1, 2))):
            per = draw(st.sampled_from([F(1, 2), F(1, 3), F(1, 4), F(1, 1), F(2, 5)]))
            sources.append(Source(rid, rid * 10 + u, per))
    reqs = []
    for i, s in enumerate(sources):
        alt = draw(st.booleans()) and len(sources) > 1
        extra = (sources[(i + 1) % len(sources)],) if alt else ()
        if extra and extra[0].recipe_id == s.recipe_id:
            extra = ()
        reqs.append(Requirement(s.unit_id, f"U{s.unit_id}", draw(st.integers(1, 5)), (s, *extra)))
    # One requirement per unit key: a source may serve several requirements.
    pantry = {ing: F(draw(st.integers(0, 6))) for ing in ("a", "b")}
    prices = draw(st.sampled_from([{}, {"a": F(1)}, {"a": F(1), "b": F(5, 2)}]))
    margin = F(draw(st.sampled_from([0, 5, 25])))
    return OptimiseInput(tuple(reqs), recipes, pantry, prices, margin, draw(st.booleans()))


SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(small_inputs())
def test_proposal_equals_the_brute_force_optimum(inp):
    ev = evaluate(inp, propose(inp))
    assert ev.fits and ev.filled
    assert objective_key(inp, ev) == brute_force(inp)


@SETTINGS
@given(small_inputs())
def test_every_line_is_met_with_the_margin_unless_pinned_recipes_prevent_it(inp):
    plan = propose(inp)
    ev = evaluate(inp, plan)
    if not any(spec.pinned for spec in inp.recipes.values()):
        assert ev.shortfall == {}
        for q in inp.requirements:
            assert ev.made[q.key] >= target_items(q.items, inp.margin_percent)


@SETTINGS
@given(small_inputs())
def test_pinned_recipes_are_untouched(inp):
    plan = propose(inp)
    for rid, spec in inp.recipes.items():
        if spec.pinned and rid in plan.batches:
            assert plan.batches[rid] == spec.current


@SETTINGS
@given(small_inputs())
def test_never_worse_than_the_current_decisions(inp):
    # The current decisions, each recipe held at its batches (0 when undecided),
    # with the best split: the optimiser, free to move them, must do as well.
    held = OptimiseInput(
        inp.requirements,
        {
            rid: RecipeSpec(rid, s.name, s.amounts, s.current or 0, True)
            for rid, s in inp.recipes.items()
        },
        inp.pantry, inp.prices, inp.margin_percent, inp.prefer_pantry,
    )
    current = objective_key(inp, evaluate(inp, propose(held)))
    proposed = objective_key(inp, evaluate(inp, propose(inp)))
    assert proposed <= current


@SETTINGS
@given(small_inputs())
def test_presolve_and_solver_together_give_the_same_optimum(inp):
    from src.services.aids.optimiser import solve_plan

    ev = evaluate(inp, solve_plan(inp))
    assert ev.fits and ev.filled
    assert objective_key(inp, ev) == brute_force(inp)
