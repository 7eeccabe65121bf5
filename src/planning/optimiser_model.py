"""The batch optimiser's mixed-integer model: inputs, building, and exact checks.

Decision variables
------------------
* ``b[r]`` — whole batches of recipe r (fixed to the decision when pinned).
* ``y[q, s]`` — whole items of requirement q made by source s (a yield type of
  a recipe). A recipe with several needed yield types (brownie batter → bites
  and squares) gets one ``y`` per type: the split of its batches between yield
  types is a decision. A requirement with several sources (alternative recipes
  for the same good, where the catalog has them) may be served by any mix.
* ``short[q]`` — items of q the plan cannot make (only non-zero when pinned
  recipes leave too little room); minimised first, so every line is met
  whenever it can be.
* ``buy[i]`` — amount of ingredient i to buy, in its canonical unit (≥ 0).
* ``use[i]`` (binary, only with ``prefer_pantry``) — ingredient i is bought at all.

Constraints
-----------
* cover:  Σ_s y[q,s] + short[q] ≥ target[q] = ceil(items[q] × (1 + margin/100))
* fits:   Σ y[q,s] × batches_per_item(s) ≤ b[r]            (per recipe r)
* filled: Σ y[q,s] × batches_per_item(s) > b[r] − min_s batches_per_item(s)
  (the batches are split completely: no room is left for one more of the
  smallest item, so ``y`` are the items the batches really make)
* buy:    Σ_r b[r] × amount(r, i) − buy[i] ≤ pantry[i]
* any:    buy[i] ≤ M[i] × use[i]                            (prefer_pantry only)

Objective (lexicographic, each stage kept optimal while the next is minimised)
------------------------------------------------------------------------------
1. ``shortfall`` — Σ short[q];
2. ``pantry`` (only with prefer_pantry) — Σ use[i]: the fewest ingredients to buy;
3. ``cost`` (only when prices are known) — Σ price[i] × buy[i]: ingredients on
   hand are free; an ingredient without a price costs 0 and is reported;
4. ``extras`` — Σ y − Σ items: the fewest extra items;
5. ``batches`` — Σ b: the fewest batches.

Rows with fractional coefficients are scaled to whole numbers, so a solver's
tolerance cannot accept an item that does not fit.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction

from .linear import LinearModel

__all__ = [
    "Source",
    "Requirement",
    "RecipeSpec",
    "OptimiseInput",
    "Built",
    "Plan",
    "target_items",
    "build_model",
    "read_plan",
    "evaluate",
    "objective_key",
    "priced_ingredients",
    "Evaluation",
]


@dataclass(frozen=True)
class Source:
    """One way to make a requirement's items: a yield type of a recipe."""

    recipe_id: int
    unit_id: int
    batches_per_item: Fraction


@dataclass(frozen=True)
class Requirement:
    """Items of one kind the event's lines need (before the margin)."""

    key: int  # the needed yield type's id
    name: str
    items: int
    sources: tuple[Source, ...]


@dataclass(frozen=True)
class RecipeSpec:
    recipe_id: int
    name: str
    amounts: Mapping[str, Fraction]  # ingredient key → amount per batch (canonical unit)
    current: int | None  # the baker's decision, if any
    pinned: bool = False


@dataclass(frozen=True)
class OptimiseInput:
    requirements: tuple[Requirement, ...]
    recipes: Mapping[int, RecipeSpec]
    pantry: Mapping[str, Fraction]
    prices: Mapping[str, Fraction]
    margin_percent: Fraction = Fraction(5)
    prefer_pantry: bool = False


@dataclass(frozen=True)
class Built:
    model: LinearModel
    batches: dict[int, int]  # recipe id → variable
    split: dict[tuple[int, int], int]  # (requirement key, source index) → variable
    short: dict[int, int]  # requirement key → variable


@dataclass(frozen=True)
class Plan:
    """Whole batches per recipe and the items each requirement gets per source."""

    batches: Mapping[int, int]
    split: Mapping[tuple[int, int], int]  # (requirement key, source index) → items


def target_items(items: int, margin_percent: Fraction) -> int:
    """Items to make for ``items`` needed with the safety margin, rounded up:
    200 at 5 % → 210."""
    return math.ceil(items * (1 + Fraction(margin_percent) / 100))


def _lcm_den(values: Sequence[Fraction]) -> int:
    d = 1
    for v in values:
        d = d * v.denominator // math.gcd(d, v.denominator)
    return d


def _serving(inp: OptimiseInput) -> dict[int, list[tuple[int, int, Source]]]:
    """recipe id → [(requirement key, source index, source)] it can serve."""
    out: dict[int, list[tuple[int, int, Source]]] = {}
    for q in inp.requirements:
        for k, s in enumerate(q.sources):
            out.setdefault(s.recipe_id, []).append((q.key, k, s))
    return out


def build_model(inp: OptimiseInput) -> Built:
    """The model documented at the top of this module."""
    m = LinearModel()
    serving = _serving(inp)
    targets = {q.key: target_items(q.items, inp.margin_percent) for q in inp.requirements}
    b: dict[int, int] = {}
    for rid in sorted(serving):
        spec = inp.recipes[rid]
        if spec.pinned and spec.current is not None:
            b[rid] = m.var(f"b[{rid}]", lower=spec.current, upper=spec.current)
        else:
            most = sum(
                (targets[key] * s.batches_per_item for key, _, s in serving[rid]), Fraction(0)
            )
            b[rid] = m.var(f"b[{rid}]", upper=math.ceil(most) + 1)
    y: dict[tuple[int, int], int] = {}
    short: dict[int, int] = {}
    for q in inp.requirements:
        for k, _ in enumerate(q.sources):
            y[q.key, k] = m.var(f"y[{q.key},{k}]")
        short[q.key] = m.var(f"short[{q.key}]", upper=targets[q.key])
        m.row({**{y[q.key, k]: 1 for k in range(len(q.sources))}, short[q.key]: 1},
              lower=targets[q.key])
    for rid, served in serving.items():
        scale = _lcm_den([s.batches_per_item for _, _, s in served])
        load = {y[key, k]: s.batches_per_item * scale for key, k, s in served}
        smallest = min(s.batches_per_item for _, _, s in served) * scale
        m.row({**load, b[rid]: -scale}, upper=0)
        m.row({**load, b[rid]: -scale}, lower=1 - smallest)
    buy: dict[str, int] = {}
    any_buy: dict[str, int] = {}
    users: dict[str, dict[int, Fraction]] = {}  # ingredient → {recipe: amount per batch}
    for rid in b:
        for ing, amount in inp.recipes[rid].amounts.items():
            if amount:
                users.setdefault(ing, {})[rid] = amount
    for ing in sorted(users):
        amounts = users[ing]
        buy[ing] = m.var(f"buy[{ing}]", integer=False)
        m.row({**{b[r]: a for r, a in amounts.items()}, buy[ing]: -1},
              upper=inp.pantry.get(ing, Fraction(0)))
        if inp.prefer_pantry:
            big = sum((a * (m.upper[b[r]] or 0) for r, a in amounts.items()), Fraction(0))
            any_buy[ing] = m.var(f"any[{ing}]", upper=1)
            m.row({buy[ing]: 1, any_buy[ing]: -max(big, Fraction(1))}, upper=0)
    m.stage("shortfall", {v: 1 for v in short.values()}, integral=True)
    if inp.prefer_pantry:
        m.stage("pantry", {v: 1 for v in any_buy.values()}, integral=True)
    priced = {ing: inp.prices[ing] for ing in priced_ingredients(inp)}
    if priced:
        m.stage("cost", {buy[ing]: p for ing, p in priced.items()}, integral=False)
    m.stage("extras", {v: 1 for v in y.values()}, integral=True)
    m.stage("batches", {v: 1 for v in b.values()}, integral=True)
    return Built(m, b, y, short)


def priced_ingredients(inp: OptimiseInput) -> list[str]:
    """Ingredients of the serving recipes that have a price (sorted)."""
    used = {i for rid in _serving(inp) for i, a in inp.recipes[rid].amounts.items() if a}
    return sorted(i for i in used if i in inp.prices)


def read_plan(built: Built, values: Sequence[float]) -> Plan:
    """The solver's values for the integer variables, rounded to whole numbers."""
    return Plan(
        {rid: round(values[v]) for rid, v in built.batches.items()},
        {key: round(values[v]) for key, v in built.split.items()},
    )


@dataclass(frozen=True)
class Evaluation:
    """Exact figures of a plan: what each requirement gets, what is missing."""

    made: dict[int, int]  # requirement key → items
    shortfall: dict[int, int]  # requirement key → items below target (only > 0)
    fits: bool  # every recipe's split fits in its batches
    filled: bool  # and leaves no room for one more of its smallest item
    to_buy: dict[str, Fraction]  # ingredient key → amount (only > 0)
    cost: Fraction | None  # None when no price is known
    extras: dict[int, int]  # requirement key → made − needed (may be negative)
    batches: int
    ingredients_bought: int


def evaluate(inp: OptimiseInput, plan: Plan) -> Evaluation:
    """Exact figures of ``plan`` (Fractions, no solver)."""
    made = {
        q.key: sum(plan.split.get((q.key, k), 0) for k in range(len(q.sources)))
        for q in inp.requirements
    }
    load: dict[int, Fraction] = {}
    for q in inp.requirements:
        for k, s in enumerate(q.sources):
            load[s.recipe_id] = load.get(s.recipe_id, Fraction(0)) + (
                plan.split.get((q.key, k), 0) * s.batches_per_item
            )
    fits = all(load.get(rid, 0) <= plan.batches.get(rid, 0) for rid in load)
    filled = all(
        load.get(rid, 0) > plan.batches.get(rid, 0) - min(s.batches_per_item for _, _, s in served)
        for rid, served in _serving(inp).items()
    )
    shortfall = {}
    for q in inp.requirements:
        missing = target_items(q.items, inp.margin_percent) - made[q.key]
        if missing > 0:
            shortfall[q.key] = missing
    use: dict[str, Fraction] = {}
    for rid, n in plan.batches.items():
        for ing, a in inp.recipes[rid].amounts.items():
            use[ing] = use.get(ing, Fraction(0)) + n * a
    to_buy = {
        ing: u - inp.pantry.get(ing, Fraction(0))
        for ing, u in use.items()
        if u > inp.pantry.get(ing, Fraction(0))
    }
    priced = priced_ingredients(inp)
    cost = (
        sum((inp.prices[ing] * to_buy.get(ing, Fraction(0)) for ing in priced), Fraction(0))
        if priced
        else None
    )
    return Evaluation(
        made=made,
        shortfall=shortfall,
        fits=fits,
        filled=filled,
        to_buy=to_buy,
        cost=cost,
        extras={q.key: made[q.key] - q.items for q in inp.requirements},
        batches=sum(plan.batches.values()),
        ingredients_bought=len(to_buy),
    )


def objective_key(inp: OptimiseInput, ev: Evaluation) -> tuple[Fraction, ...]:
    """The lexicographic objective of an evaluated plan (smaller is better),
    in the stage order of :func:`build_model`."""
    key: list[Fraction] = [Fraction(sum(ev.shortfall.values()))]
    if inp.prefer_pantry:
        key.append(Fraction(ev.ingredients_bought))
    if priced_ingredients(inp):
        key.append(ev.cost or Fraction(0))
    key.append(Fraction(sum(ev.extras.values())))
    key.append(Fraction(ev.batches))
    return tuple(key)
