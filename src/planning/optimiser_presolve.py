"""Closed-form answers for the optimiser's independent parts, before the solver.

Without prices and without the pantry preference, the objective (shortfall,
extras, batches) is a sum over recipes, and nothing links two recipes except a
requirement they can both serve (an alternative). A recipe whose every
requirement has it as the only source is then a problem of its own:

* pinned with one yield type: its batches are fixed, they make
  ``floor(b / batches_per_item)`` items; what is below the target is short;
* pinned with several yield types and room for every target: the spare
  capacity is filled as below, at the pinned batches;
* not pinned: the model allows ``b`` from ``ceil(T)`` (T = Σ target ×
  batches_per_item; fewer batches fall short) to ``ceil(T) + 1``. For each,
  the spare capacity ``b − T`` is filled with extra items until less than the
  smallest item is left (the model's "filled" rule): every count of extras of
  all but the last yield type is tried, the last takes what fits. The fewest
  extras win, then the fewest batches. Whole-number arithmetic throughout.

Those are answered here; the rest (pinned recipes split between yield types,
alternative recipes, any coupling through prices or the pantry) goes to the
mixed-integer model. Lexicographic optima of independent parts combine into
the optimum of the whole, stage by stage, because each stage is a sum.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from fractions import Fraction

from .optimiser_model import OptimiseInput, Plan, Requirement, priced_ingredients, target_items

__all__ = ["presolve", "merge_plans", "best_fill"]

_MAX_TRIES = 20_000


def best_fill(weights: Sequence[int], capacity: int) -> tuple[int, ...] | None:
    """Extra items per type (whole-number weights, in the same scale as
    ``capacity``) that leave less than the smallest weight unused, with the
    fewest items in total; None when no count fills it that way, or when
    there are too many counts to try (the caller then asks the solver)."""
    smallest = min(weights)
    tries = math.prod(capacity // w + 1 for w in weights[:-1])
    if tries > _MAX_TRIES:
        return None  # too many to try here: the solver decides
    best: tuple[int, ...] | None = None
    best_total = math.inf

    def walk(i: int, left: int, chosen: list[int], total: int) -> None:
        nonlocal best, best_total
        if total >= best_total:
            return
        w = weights[i]
        if i == len(weights) - 1:
            last = left // w
            if left - last * w < smallest and total + last < best_total:
                best, best_total = (*chosen, last), total + last
            return
        for n in range(left // w + 1):
            walk(i + 1, left - n * w, [*chosen, n], total + n)

    walk(0, capacity, [], 0)
    return best


def _solo(
    q_list: list[Requirement], inp: OptimiseInput, pinned_at: int | None
) -> tuple[int, dict[int, int]] | None:
    """(batches, {key: items}) for one independent recipe, or None for the solver."""
    per = [q.sources[0].batches_per_item for q in q_list]
    targets = [target_items(q.items, inp.margin_percent) for q in q_list]
    scale = math.lcm(*(p.denominator for p in per))
    weights = [int(p * scale) for p in per]
    load = sum(t * w for t, w in zip(targets, weights, strict=True))
    low = math.ceil(Fraction(load, scale))
    if pinned_at is not None and len(q_list) == 1:
        return pinned_at, {q_list[0].key: math.floor(pinned_at / per[0])}
    if pinned_at is not None and pinned_at < low:
        return None  # short of capacity and split between types: the solver decides
    best = None
    for b in (low, low + 1) if pinned_at is None else (pinned_at,):
        fill = best_fill(weights, b * scale - load)
        if fill is not None and (best is None or sum(fill) < sum(best[1])):
            best = (b, fill)
    if best is None:
        return None
    b, fill = best
    return b, {q.key: t + e for q, t, e in zip(q_list, targets, fill, strict=True)}


def presolve(inp: OptimiseInput) -> tuple[Plan, OptimiseInput]:
    """(plan for the independent recipes, the input left for the solver)."""
    if inp.prefer_pantry or priced_ingredients(inp):
        return Plan({}, {}), inp
    by_recipe: dict[int, list[Requirement]] = {}
    shared: set[int] = set()
    for q in inp.requirements:
        for s in q.sources:
            by_recipe.setdefault(s.recipe_id, []).append(q)
            if len(q.sources) > 1:
                shared.add(s.recipe_id)
    batches: dict[int, int] = {}
    split: dict[tuple[int, int], int] = {}
    for rid, q_list in by_recipe.items():
        if rid in shared:
            continue
        spec = inp.recipes[rid]
        answer = _solo(q_list, inp, spec.current if spec.pinned else None)
        if answer is None:
            continue
        batches[rid] = answer[0]
        for key, items in answer[1].items():
            split[key, 0] = items
    rest = tuple(q for q in inp.requirements if (q.key, 0) not in split)
    left = {s.recipe_id for q in rest for s in q.sources}
    return Plan(batches, split), OptimiseInput(
        rest,
        {rid: spec for rid, spec in inp.recipes.items() if rid in left},
        inp.pantry,
        inp.prices,
        inp.margin_percent,
        inp.prefer_pantry,
    )


def merge_plans(first: Plan, second: Plan) -> Plan:
    return Plan({**first.batches, **second.batches}, {**first.split, **second.split})
