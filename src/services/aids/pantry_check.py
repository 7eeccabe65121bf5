""""What can I make from my pantry?": the most lines the pantry covers, buying nothing.

Lines are taken in the baker's priority order (given good ids first, the rest
by name); the model (src/planning/pantry_model.py) makes as many whole lines
as the pantry allows, earlier lines winning ties. For the rest, the result
says what is missing: the shopping the optimiser's proposal for every line
would need.
"""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction

from src.db import Database
from src.planning.decomposition import decompose_lines
from src.planning.pantry_model import PantryLineNeed, build_pantry_model

from ..plan.events import load_event
from .optimiser import (
    decimal_of,
    ingredient_label,
    load_inputs,
    parse_margin,
    priority_order,
    solve_plan,
)
from .optimiser_dto import PantryCheck, ShoppingChange


def pantry_check(
    db: Database, event_id: int, priority: Sequence[int] | None = None, margin: object = 0
) -> PantryCheck:
    """Which of the event's lines the pantry alone covers (no shopping at all),
    the batches that makes, and what to buy to make every line."""
    from src.planning.optimiser_model import evaluate

    from .solver import solve  # imports highspy: only when this runs

    margin_f = parse_margin(margin)
    with db.uow() as session:
        load_event(session, event_id)
        loaded = load_inputs(session, event_id, margin_f, prefer_pantry=False)
    goods = loaded.goods
    names = {gid: goods[gid].name for gid in loaded.lines}
    order = priority_order(loaded.lines, names, priority)
    needs = [
        PantryLineNeed(gid, names[gid], decompose_lines({gid: loaded.lines[gid]}, goods))
        for gid in order
    ]
    unit_recipe = {
        uid: (loaded.units[uid].recipe_id, loaded.units[uid].batches_per_item())
        for line in needs
        for uid in line.items
    }
    amounts = {rid: spec.amounts for rid, spec in loaded.inp.recipes.items()}
    built = build_pantry_model(needs, unit_recipe, amounts, loaded.inp.pantry, margin_f)
    values = solve(built.model)
    covered = [line.name for line in needs if round(values[built.make[line.good_id]]) == 1]
    batches = tuple(
        (loaded.recipes[rid].name, round(values[v]))
        for rid, v in sorted(built.batches.items(), key=lambda x: loaded.recipes[x[0]].name)
        if round(values[v]) > 0
    )
    missing: tuple[ShoppingChange, ...] = ()
    if len(covered) < len(needs):
        full = evaluate(loaded.inp, solve_plan(loaded.inp))
        rows = []
        for key, amount in full.to_buy.items():
            name, unit = ingredient_label(loaded, key)
            rows.append(ShoppingChange(name, unit, decimal_of(Fraction(0)), decimal_of(amount)))
        missing = tuple(sorted(rows, key=lambda r: (r.ingredient_name.casefold(), r.unit)))
    return PantryCheck(
        event_id=event_id,
        covered=tuple(covered),
        not_covered=tuple(line.name for line in needs if line.name not in covered),
        batches=batches,
        missing=missing,
    )
