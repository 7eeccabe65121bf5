"""The batch optimiser and "What can I make from my pantry?" (services).

Loading builds plain inputs for src/planning/optimiser_model.py and
src/planning/pantry_model.py; the HiGHS solver (optimiser_solver.py, which
imports highspy) is imported only inside these functions, so opening the
window or running another command never loads it.

The catalog links each yield type to one recipe, so each need has one source
today; the model takes several sources per need (alternative recipes) as soon
as the catalog can say so. Ingredient prices come from
the packs (``_prices``): the lowest cost comes first where prices are known,
then the fewest extra items, then the fewest batches; without any price the
objective is the fewest extra items.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from sqlalchemy import select
from sqlalchemy.orm import Session

from src.db import Database
from src.models import BatchDecision
from src.planning.aggregation import IngredientInfo
from src.planning.costs import quantity_cost
from src.planning.optimiser_inputs import IngredientKey, ingredient_amounts
from src.planning.optimiser_model import (
    Evaluation,
    OptimiseInput,
    Plan,
    RecipeSpec,
    Requirement,
    Source,
    evaluate,
    target_items,
)
from src.planning.packs import Pack
from src.planning.types import Good, YieldType
from src.planning.variants import RecipeInfo, effective_recipe_lines, with_ancestors

from .. import policy
from ..errors import ValidationError
from ..plan.catalog_rows import (
    load_plan_catalog,
    load_recipe_lines,
    plain,
)
from ..plan.events import load_event
from ..plan.loading import load_lines, needs_or_conflict
from ..validation import parse_decimal
from .optimiser_dto import (
    Figures,
    OptimiseProposal,
    RecipeProposal,
    ShoppingChange,
    UnitItems,
)

_THOUSANDTH = Decimal("0.001")


@dataclass(frozen=True)
class Loaded:
    inp: OptimiseInput
    units: Mapping[int, YieldType]
    recipes: Mapping[int, RecipeInfo]
    needs: Mapping[int, Mapping[int, int]]  # recipe → unit → items
    decisions: Mapping[int, tuple[int, int | None, bool]]  # recipe → (batches, unit, pinned)
    keys: Mapping[str, IngredientKey]
    ingredients: Mapping[int, IngredientInfo]
    lines: Mapping[int, int]
    goods: Mapping[int, Good]


def parse_margin(value: object) -> Fraction:
    """A safety margin in percent, 0 to 100 ("5", "2.5")."""
    margin = parse_decimal(value, what="Safety margin", field="margin", allow_zero=True)
    if margin > 100:
        raise ValidationError(f"Safety margin must be at most 100 %, not {margin}", field="margin")
    return Fraction(margin)


def _decisions(session: Session, event_id: int) -> dict[int, tuple[int, int | None, bool]]:
    rows = session.execute(
        select(
            BatchDecision.recipe_id,
            BatchDecision.batches,
            BatchDecision.finished_unit_id,
            BatchDecision.pinned,
        ).where(BatchDecision.event_id == event_id)
    ).all()
    return {rid: (n, unit, bool(pinned)) for rid, n, unit, pinned in rows}


def _prices(
    keys: Mapping[str, IngredientKey],
    ingredients: Mapping[int, IngredientInfo],
    packs: Mapping[int, tuple[Pack, ...]],
) -> dict[str, Fraction]:
    """Price per canonical unit of each ingredient key, from the pack costs are
    computed from (src.planning.costs: the preferred pack, else the first priced
    one); an ingredient without a priced pack has no entry (the model reports it
    and counts it as free rather than guessing)."""
    prices: dict[str, Fraction] = {}
    for name, (ingredient_id, unit) in keys.items():
        info = ingredients.get(ingredient_id)
        if info is None:
            continue
        cost = quantity_cost(Decimal(1), unit, info, packs.get(ingredient_id, ()))
        if cost.amount is not None:
            prices[name] = Fraction(cost.amount)
    return prices


def load_inputs(
    session: Session, event_id: int, margin: Fraction, prefer_pantry: bool
) -> Loaded:
    """Plain optimiser inputs for the event's lines (one statement per table)."""
    lines = load_lines(session, event_id)
    goods, units, needs = needs_or_conflict(session, lines)
    if not needs:
        raise ValidationError(
            "The plan has no lines to bake for; set quantities first", field="event"
        )
    decisions = _decisions(session, event_id)
    catalog = load_plan_catalog(session)
    recipes, ingredients = catalog.recipes, catalog.ingredients
    own = load_recipe_lines(session, with_ancestors(recipes, needs))
    effective = {rid: effective_recipe_lines(recipes, own, rid) for rid in needs}
    amounts, on_hand, keys = ingredient_amounts(effective, ingredients, catalog.pantry)
    requirements = tuple(
        Requirement(uid, units[uid].name, n, (Source(rid, uid, units[uid].batches_per_item()),))
        for rid in sorted(needs)
        for uid, n in sorted(needs[rid].items())
    )
    specs = {
        rid: RecipeSpec(
            rid,
            recipes[rid].name,
            amounts.get(rid, {}),
            decisions[rid][0] if rid in decisions else None,
            decisions[rid][2] if rid in decisions else False,
        )
        for rid in needs
    }
    prices = _prices(keys, ingredients, catalog.packs)
    inp = OptimiseInput(requirements, specs, on_hand, prices, margin, prefer_pantry)
    return Loaded(
        inp, units, recipes, needs, decisions, keys, ingredients, lines, goods
    )


def decimal_of(value: Fraction) -> Decimal:
    """``value`` rounded to 3 places, without trailing zeros ("60.19", "32")."""
    return plain((Decimal(value.numerator) / Decimal(value.denominator)).quantize(_THOUSANDTH))


def _figures(ev: Evaluation) -> Figures:
    return Figures(
        extras=sum(ev.extras.values()),
        batches=ev.batches,
        cost=None if ev.cost is None else decimal_of(ev.cost),
        ingredients_to_buy=ev.ingredients_bought,
        short_items=sum(ev.shortfall.values()),
    )


def solve_plan(inp: OptimiseInput) -> Plan:
    """The optimal plan: closed form for the trivial parts (presolve), the
    mixed-integer model through HiGHS for the rest."""
    from src.planning.optimiser_model import build_model, read_plan
    from src.planning.optimiser_presolve import merge_plans, presolve

    easy, rest = presolve(inp)
    if not rest.requirements:
        return easy
    from .solver import solve  # imports highspy: only when the optimiser runs

    built = build_model(rest)
    return merge_plans(easy, read_plan(built, solve(built.model)))


def _current(loaded: Loaded) -> Evaluation | None:
    """The baker's decisions with their best split, or None when some recipe
    with a need is undecided."""
    inp = loaded.inp
    if any(rid not in loaded.decisions for rid in loaded.needs):
        return None
    held = OptimiseInput(
        inp.requirements,
        {
            rid: RecipeSpec(rid, s.name, s.amounts, s.current, True)
            for rid, s in inp.recipes.items()
        },
        inp.pantry, inp.prices, inp.margin_percent, inp.prefer_pantry,
    )
    return evaluate(inp, solve_plan(held))


def ingredient_label(loaded: Loaded, key: str) -> tuple[str, str]:
    ing, unit = loaded.keys[key]
    return loaded.ingredients[ing].name, unit


def _shopping(loaded: Loaded, before: Mapping[str, Fraction], after: Mapping[str, Fraction]):
    rows = []
    for key in set(before) | set(after):
        old, new = before.get(key, Fraction(0)), after.get(key, Fraction(0))
        if decimal_of(old) != decimal_of(new):
            name, unit = ingredient_label(loaded, key)
            rows.append(ShoppingChange(name, unit, decimal_of(old), decimal_of(new)))
    return tuple(sorted(rows, key=lambda r: (r.ingredient_name.casefold(), r.unit)))


def _problems(loaded: Loaded, ev: Evaluation) -> tuple[str, ...]:
    out = []
    inp = loaded.inp
    for q in inp.requirements:
        if q.key not in ev.shortfall:
            continue
        rid = q.sources[0].recipe_id
        spec = inp.recipes[rid]
        why = f" ({spec.name} is pinned at {spec.current} batches)" if spec.pinned else ""
        out.append(
            f"{q.name}: {ev.made[q.key]} can be made, "
            f"{target_items(q.items, inp.margin_percent)} needed with the margin{why}"
        )
    return tuple(out)


def build_proposal(
    event_id: int, loaded: Loaded, plan: Plan, applied: bool = False
) -> OptimiseProposal:
    inp = loaded.inp
    ev = evaluate(inp, plan)
    current = _current(loaded)
    decided = Plan({rid: d[0] for rid, d in loaded.decisions.items() if rid in inp.recipes}, {})
    before = evaluate(inp, decided).to_buy
    recipes = []
    for rid in sorted(loaded.needs, key=lambda r: (loaded.recipes[r].name.casefold(), r)):
        needed = loaded.needs[rid]
        split = tuple(
            UnitItems(loaded.units[uid].name, plan.split.get((uid, 0), 0))
            for uid in sorted(needed, key=lambda u: loaded.units[u].name)
        )
        extras = tuple(
            UnitItems(loaded.units[uid].name, ev.extras[uid])
            for uid in sorted(needed, key=lambda u: loaded.units[u].name)
        )
        decision = loaded.decisions.get(rid)
        recipes.append(
            RecipeProposal(
                rid,
                loaded.recipes[rid].name,
                decision[0] if decision else None,
                plan.batches.get(rid, 0),
                decision[2] if decision else False,
                split,
                extras,
            )
        )
    problems = _problems(loaded, ev)
    missing_prices = sorted(
        {ingredient_label(loaded, k)[0] for k in ev.to_buy if k not in inp.prices}
    ) if inp.prices else []
    return OptimiseProposal(
        event_id=event_id,
        objective="cost" if inp.prices else "extras",
        margin_percent=decimal_of(inp.margin_percent).normalize(),
        prefer_pantry=inp.prefer_pantry,
        recipes=tuple(recipes),
        meets_all_lines=not problems,
        problems=problems,
        extras=tuple(
            sorted(
                (UnitItems(q.name, ev.extras[q.key]) for q in inp.requirements),
                key=lambda u: u.unit_name,
            )
        ),
        proposed=_figures(ev),
        current=None if current is None else _figures(current),
        shopping=_shopping(loaded, before, ev.to_buy),
        missing_prices=tuple(missing_prices),
        applied=applied,
    )


def optimise_batches(
    db: Database, event_id: int, margin: object = 5, prefer_pantry: bool = False
) -> OptimiseProposal:
    """Propose batches for every recipe with a need: every line met with the
    margin, at the lowest cost (prices known) or with the fewest extra items
    then batches; pinned decisions untouched. Changes nothing."""
    margin_f = parse_margin(margin)
    with db.uow() as session:
        load_event(session, event_id)
        loaded = load_inputs(session, event_id, margin_f, prefer_pantry)
    return build_proposal(event_id, loaded, solve_plan(loaded.inp))


def apply_optimisation(
    db: Database, event_id: int, margin: object = 5, prefer_pantry: bool = False
) -> OptimiseProposal:
    """Compute the proposal again and write it as the event's batch decisions,
    in one transaction (draft or locked plans; pinned decisions untouched).
    Returns the proposal that was applied."""
    margin_f = parse_margin(margin)
    with db.uow() as session:
        event = load_event(session, event_id)
        policy.require(event.plan_state, policy.Action.EDIT_DECISIONS)
        loaded = load_inputs(session, event_id, margin_f, prefer_pantry)
        plan = solve_plan(loaded.inp)
        proposal = build_proposal(event_id, loaded, plan, applied=True)
        existing = {d.recipe_id: d for d in event.batch_decisions}
        for rid, needed in loaded.needs.items():
            decision = existing.get(rid)
            if decision is not None and decision.pinned:
                continue
            batches = plan.batches.get(rid, 0)
            if batches == 0:
                if decision is not None:
                    event.batch_decisions.remove(decision)
                continue
            if decision is None:
                decision = BatchDecision(recipe_id=rid)
                event.batch_decisions.append(decision)
            decision.batches = batches
            if len(needed) == 1:
                decision.finished_unit_id = next(iter(needed))
        session.flush()
        return proposal


def set_pinned(db: Database, event_id: int, recipe_id: int, pinned: bool) -> bool:
    """Pin (or unpin) a recipe's batch decision so the optimiser leaves it as it
    is (draft or locked plans; the recipe needs a decision)."""
    with db.uow() as session:
        event = load_event(session, event_id)
        policy.require(event.plan_state, policy.Action.EDIT_DECISIONS)
        decision = next((d for d in event.batch_decisions if d.recipe_id == recipe_id), None)
        if decision is None:
            raise ValidationError(
                "Only a recipe with a batch decision can be pinned; decide its batches first",
                field="recipe",
            )
        decision.pinned = bool(pinned)
        session.flush()
        return decision.pinned


def priority_order(
    lines: Mapping[int, int], names: Mapping[int, str], priority: Sequence[int] | None
) -> list[int]:
    """The lines' good ids: ``priority`` first (in its order), the rest by name."""
    first = [g for g in dict.fromkeys(priority or ()) if g in lines]
    unknown = [g for g in (priority or ()) if g not in lines]
    if unknown:
        raise ValidationError(
            f"Finished good {unknown[0]} is not a line of this event", field="priority"
        )
    rest = sorted((g for g in lines if g not in first), key=lambda g: (names[g].casefold(), g))
    return first + rest
