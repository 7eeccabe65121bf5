""""What can I make from my pantry?": the model that picks lines, buying nothing.

Variables: ``make[l]`` (binary) for each event line l, ``b[r]`` whole batches.

* batches:  Σ_l make[l] × Σ_{u of r} items(l, u) × batches_per_item(u) ≤ b[r]
  (items with the safety margin, rounded up per line);
* pantry:   Σ_r b[r] × amount(r, i) ≤ on_hand(i) for every ingredient i
  (an ingredient not in the pantry has 0 on hand).

Objective: the most lines, ties going to the earlier lines of the baker's
priority order (line k of n weighs 1 + (n − k) / (n(n + 1)), so the tie-break
never outweighs one more line), then the fewest batches.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction

from .linear import LinearModel
from .optimiser_model import target_items

__all__ = ["PantryLineNeed", "PantryBuilt", "build_pantry_model"]


@dataclass(frozen=True)
class PantryLineNeed:
    good_id: int
    name: str
    items: Mapping[int, int]  # unit id → items for the whole line (before the margin)


@dataclass(frozen=True)
class PantryBuilt:
    model: LinearModel
    make: dict[int, int]  # good id → variable
    batches: dict[int, int]  # recipe id → variable


def build_pantry_model(
    lines: Sequence[PantryLineNeed],  # in priority order, most wanted first
    unit_recipe: Mapping[int, tuple[int, Fraction]],  # unit id → (recipe id, batches per item)
    amounts: Mapping[int, Mapping[str, Fraction]],  # recipe id → ingredient key → per batch
    on_hand: Mapping[str, Fraction],
    margin_percent: Fraction = Fraction(0),
) -> PantryBuilt:
    m = LinearModel()
    n = len(lines)
    make = {line.good_id: m.var(f"make[{line.good_id}]", upper=1) for line in lines}
    load: dict[int, dict[int, Fraction]] = {}  # recipe → {make var: batches}
    for line in lines:
        for uid, items in line.items.items():
            rid, per = unit_recipe[uid]
            share = target_items(items, margin_percent) * per
            row = load.setdefault(rid, {})
            row[make[line.good_id]] = row.get(make[line.good_id], Fraction(0)) + share
    batches: dict[int, int] = {}
    for rid in sorted(load):
        most = sum(load[rid].values(), Fraction(0))
        batches[rid] = m.var(f"b[{rid}]", upper=math.ceil(most))
        scale = math.lcm(*(v.denominator for v in load[rid].values()))
        m.row({**{v: c * scale for v, c in load[rid].items()}, batches[rid]: -scale}, upper=0)
    for ing in sorted({i for rid in batches for i in amounts.get(rid, {})}):
        m.row(
            {batches[r]: amounts[r].get(ing, Fraction(0)) for r in batches},
            upper=on_hand.get(ing, Fraction(0)),
        )
    weights = {
        make[line.good_id]: -(1 + Fraction(n - k, n * (n + 1))) for k, line in enumerate(lines)
    }
    m.stage("lines", weights, integral=False)
    m.stage("batches", {v: 1 for v in batches.values()}, integral=True)
    return PantryBuilt(m, make, batches)
