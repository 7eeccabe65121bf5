"""The plan view's sections, built from plain planning data (no session here).

Private to src/services. ``plan_view`` loads the event and the catalog
(``plan_queries``) and hands them here: the goods list, the batch rows, the
shopping list, assembly feasibility and the comparison with the snapshot.
Each builder is pure; the parts that rarely change between two refreshes are
remembered (``LastResult``) and reused while their inputs are the same.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from typing import TypeVar

from src.models.event import PlanState
from src.planning.aggregation import IngredientInfo, IngredientLine, aggregate_ingredients
from src.planning.batches import batch_options, is_stale, is_undecided
from src.planning.decomposition import CycleError, recipes_reached
from src.planning.feasibility import assess_assembly, project_supply, undecided_units
from src.planning.progress import recipe_progress
from src.planning.replay import current_snapshot
from src.planning.shopping import PantryLine, shopping_gap
from src.planning.types import Good, YieldType

from .dto import (
    AssemblyLineRow,
    AssemblyView,
    BatchRow,
    ComparisonView,
    DecisionRow,
    GoodRow,
    OptionRow,
    ProgressRow,
    ShoppingLineRow,
    UnitCount,
)
from .loading import (
    RecipeInfo,
    cycle_message,
    effective_recipe_lines,
    needs_by_recipe,
)
from .memo import on_clear
from .snapshot import compare_with_snapshot, plan_document

__all__ = [
    "LastResult",
    "ShoppingInputs",
    "figure_text",
    "shopping_rows",
    "good_rows",
    "batch_rows",
    "needs_or_cycle",
    "undecided_names",
    "assembly_view",
    "plan_comparison",
]

_T = TypeVar("_T")

# In these states the shopping list covers only the batches still to bake.
_COUNT_REMAINING = (PlanState.IN_PRODUCTION, PlanState.COMPLETED)
_PLACES = Decimal("0.001")


class LastResult:
    """The last result of one pure computation, reused while its inputs are the
    same: ``shared`` inputs by identity (the catalog data that plan_queries hands
    out again while the catalog rows are unchanged), ``key`` by equality (the
    event's own data). The planning tab refreshes after every edit, and most
    parts of the plan do not change with a given edit. One entry, replaced
    whole, so concurrent callers see either the old or the new one."""

    def __init__(self) -> None:
        self._entry: tuple[tuple, object, object] | None = None
        on_clear(self.clear)

    def clear(self) -> None:
        self._entry = None

    def get(self, shared: tuple, key: object, compute: Callable[[], _T]) -> _T:
        entry = self._entry
        if (
            entry is not None
            and len(entry[0]) == len(shared)
            and all(a is b for a, b in zip(entry[0], shared, strict=True))
            and entry[1] == key
        ):
            return entry[2]  # type: ignore[return-value]
        value = compute()
        self._entry = (shared, key, value)
        return value


_goods_static_memo = LastResult()
_batches_static_memo = LastResult()


@dataclass(frozen=True)
class ShoppingInputs:
    state: PlanState
    recipes: Mapping[int, RecipeInfo]
    decisions: Mapping[int, tuple[int, int | None]]
    baked: Mapping[int, int]
    own_lines: Mapping[int, list[IngredientLine]]
    ingredients: Mapping[int, IngredientInfo]
    pantry: list[PantryLine]


def figure_text(value: Decimal | Fraction) -> str:
    """The same text as ``format_decimal(value)`` (3 places, half away from
    zero, no trailing zeros, never "-0"), computed without Fraction arithmetic:
    the view formats thousands of figures and format_decimal costs ~15 µs each.
    tests/services/test_plan_view.py checks the two agree."""
    if isinstance(value, Fraction):
        n, d = value.numerator, value.denominator
        rounded = (2 * abs(n) * 1000 + d) // (2 * d)
        quantized = Decimal(-rounded if n < 0 else rounded).scaleb(-3)
    else:
        quantized = value.quantize(_PLACES, rounding=ROUND_HALF_UP)
    if not quantized:
        return "0"
    text = format(quantized, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


def shopping_rows(data: ShoppingInputs) -> tuple[ShoppingLineRow, ...]:
    """Effective lines × batches to bake (all decided batches; in production
    only the remaining ones), totalled per ingredient, against the pantry."""
    scaled: list[tuple[IngredientLine, Decimal]] = []
    for rid, (batches, _) in sorted(data.decisions.items()):
        count = batches
        if data.state in _COUNT_REMAINING:
            count = recipe_progress(batches, data.baked.get(rid, 0)).remaining
        if count <= 0:
            continue
        multiplier = Decimal(count)
        for line in effective_recipe_lines(data.recipes, data.own_lines, rid):
            scaled.append((line, multiplier))
    totals = aggregate_ingredients(scaled, data.ingredients)
    # Only stock of needed ingredients matters; the gap's cost grows with both.
    needed_ids = {t.ingredient_id for t in totals}
    pantry = [p for p in data.pantry if p.ingredient_id in needed_ids]
    rows = shopping_gap(totals, pantry, data.ingredients)
    out = []
    for row in rows:
        info = data.ingredients[row.ingredient_id]
        out.append(
            ShoppingLineRow(
                ingredient_id=row.ingredient_id,
                ingredient=info.name,
                category=info.category,
                needed=row.needed,
                unit=row.unit,
                on_hand=row.on_hand,
                to_buy=row.to_buy,
                status=row.status,
                note=row.note,
                needed_text=figure_text(row.needed),
                on_hand_text=figure_text(row.on_hand),
                to_buy_text=figure_text(row.to_buy),
            )
        )
    return tuple(out)


def _reached_per_good(
    goods: Mapping[int, Good], units: Mapping[int, YieldType]
) -> tuple[dict[int, frozenset[int] | None], CycleError | None]:
    """good id → recipes it reaches (src.planning.decomposition.recipes_reached;
    None for a good on or reaching a cycle), and the catalog's cycle, if any."""
    try:
        return dict(recipes_reached(goods, units, sorted(goods))), None
    except CycleError as exc:
        # Rare (a cycle is refused when a bundle is saved): good by good.
        reached: dict[int, frozenset[int] | None] = {}
        for gid in goods:
            try:
                reached[gid] = recipes_reached(goods, units, [gid])[gid]
            except CycleError:
                reached[gid] = None
        return reached, exc


@dataclass
class _GoodsStatic:
    """What the goods list takes from the catalog alone: the goods by name, each
    with whether it is a bundle and the index of the recipe set it reaches (None
    on a cycle); each distinct set as (name, recipe id) pairs by name, and its
    names; the catalog cycle's text; and the rows last built (reused when equal)."""

    order: list[tuple[Good, bool, int | None]]
    sets: list[tuple[tuple[tuple[str, int], ...], tuple[str, ...]]]
    cycle: str | None
    last_rows: dict[int, GoodRow]


def _goods_static(goods, units, recipes) -> _GoodsStatic:
    reached, cycle = _reached_per_good(goods, units)
    index: dict[frozenset[int], int] = {}
    sets: list[tuple[tuple[tuple[str, int], ...], tuple[str, ...]]] = []
    order = []
    for good in sorted(goods.values(), key=lambda g: (g.name.casefold(), g.id)):
        mine = reached[good.id]
        at = None
        if mine is not None:
            at = index.get(mine)
            if at is None:
                at = index[mine] = len(sets)
                pairs = tuple(sorted((recipes[r].name, r) for r in mine))
                sets.append((pairs, tuple(name for name, _ in pairs)))
        order.append((good, any(c.good_id is not None for c in good.components), at))
    return _GoodsStatic(order, sets, None if cycle is None else cycle_message(cycle), {})


def good_rows(goods, units, recipes, selected, lines) -> tuple[tuple[GoodRow, ...], str | None]:
    """Every good by name, and the text of a catalog cycle, if any."""
    static = _goods_static_memo.get(
        (goods, units, recipes), None, lambda: _goods_static(goods, units, recipes)
    )
    # Many goods reach the same recipes: name each distinct set's missing ones once.
    missing_of = [
        tuple(name for name, rid in pairs if rid not in selected) for pairs, _ in static.sets
    ]
    last = static.last_rows
    rows = []
    missing: tuple[str, ...]
    names: tuple[str, ...]
    for good, is_bundle, at in static.order:
        if at is None:
            missing, names, available = (), (), False
        else:
            missing, names = missing_of[at], static.sets[at][1]
            available = bool(names) and not missing
        quantity = lines.get(good.id)
        row = last.get(good.id)
        if row is None or row.quantity != quantity or row.missing_recipes != missing:
            row = last[good.id] = GoodRow(
                id=good.id,
                name=good.name,
                is_bundle=is_bundle,
                available=available,
                missing_recipes=missing,
                recipe_names=names,
                quantity=quantity,
            )
        rows.append(row)
    return tuple(rows), static.cycle


def _unit_counts(items: Mapping[int, int], units: Mapping[int, YieldType]) -> tuple[UnitCount, ...]:
    return tuple(
        sorted(
            (UnitCount(u, units[u].name, n) for u, n in items.items()),
            key=lambda c: (c.unit_name, c.unit_id),
        )
    )


def _yield_choices(units) -> dict[int, tuple[UnitCount, ...]]:
    """recipe id → its yield types by name."""
    yields: dict[int, list[YieldType]] = {}
    for unit in units.values():
        yields.setdefault(unit.recipe_id, []).append(unit)
    return {
        rid: tuple(
            UnitCount(u.id, u.name, u.items_per_batch or 0)
            for u in sorted(mine, key=lambda u: (u.name, u.id))
        )
        for rid, mine in yields.items()
    }


def _no_rows() -> dict[int, tuple[tuple[object, ...], BatchRow]]:
    """An empty cache of built batch rows: recipe id → (inputs, row)."""
    return {}


def batch_rows(recipes, units, needs, decisions, baked) -> tuple[BatchRow, ...]:
    """A row per recipe with a need, plus any decided recipe whose need has
    gone (its decision is shown stale so the baker can clear it). A recipe's
    row is rebuilt only when its need, decision or baked count changed."""
    yields, last = _batches_static_memo.get(
        (recipes, units), None, lambda: (_yield_choices(units), _no_rows())
    )
    rows = []
    for rid in sorted(set(needs) | set(decisions), key=lambda r: (recipes[r].name, r)):
        key = (needs.get(rid), decisions.get(rid), baked.get(rid, 0))
        found = last.get(rid)
        if found is not None and found[0] == key:
            rows.append(found[1])
            continue
        row = _batch_row(rid, recipes, units, needs, decisions, baked, yields)
        last[rid] = (key, row)
        rows.append(row)
    return tuple(rows)


def _batch_row(rid, recipes, units, needs, decisions, baked, yields) -> BatchRow:
    rn = batch_options(rid, needs.get(rid, {}), units)
    decision = None
    if rid in decisions:
        batches, unit_id = decisions[rid]
        decision = DecisionRow(
            batches=batches,
            finished_unit_id=unit_id,
            yield_name=units[unit_id].name if unit_id in units else None,
            stale=is_stale(batches, rn.batches_needed, baked.get(rid, 0)),
        )
    progress = recipe_progress(decision.batches if decision else 0, baked.get(rid, 0))
    return BatchRow(
        recipe_id=rid,
        recipe_name=recipes[rid].name,
        needed=_unit_counts(rn.needed, units),
        batches_needed=rn.batches_needed,
        batches_needed_text=figure_text(rn.batches_needed),
        options=tuple(
            OptionRow(
                batches=o.batches,
                kind=o.kind,
                yield_items=None if o.yield_items is None else _unit_counts(o.yield_items, units),
                difference_items=o.difference_items,
                difference_batches=o.difference_batches,
                difference_batches_text=figure_text(o.difference_batches),
            )
            for o in rn.options
        ),
        decision=decision,
        progress=ProgressRow(
            progress.decided, progress.baked, progress.remaining, progress.overage, progress.batches
        ),
        yield_choices=_needed_choices(yields.get(rid, ()), rn.needed),
    )


def _needed_choices(
    choices: tuple[UnitCount, ...], needed: Mapping[int, int]
) -> tuple[UnitCount, ...]:
    """The yield types a decision may name: those the plan needs (every one of
    the recipe's when it needs none)."""
    return tuple(c for c in choices if c.unit_id in needed) or choices


def undecided_names(batches: tuple[BatchRow, ...], baked: Mapping[int, int]) -> tuple[str, ...]:
    """Names of the recipes with a need and no batches counted (no decision,
    nothing baked): their ingredients are not on the shopping list."""
    return tuple(
        r.recipe_name
        for r in batches
        if is_undecided(
            r.batches_needed,
            None if r.decision is None else r.decision.batches,
            baked.get(r.recipe_id, 0),
        )
    )


def needs_or_cycle(lines, goods, units) -> tuple[dict[int, dict[int, int]] | None, str | None]:
    """recipe id → {unit id: items} the lines need, or None and the cycle's text."""
    try:
        return needs_by_recipe(lines, goods, units), None
    except CycleError as exc:
        return None, cycle_message(exc)


def assembly_view(lines, goods, units, needs, decisions, baked) -> AssemblyView:
    batches = {rid: b for rid, (b, _) in decisions.items()}
    supply = project_supply(batches, baked, needs, units)
    undecided = undecided_units(batches, baked, needs)
    result = assess_assembly(lines, goods, units, supply, undecided)
    return AssemblyView(
        overall=result.overall,
        lines=tuple(
            AssemblyLineRow(x.good_id, goods[x.good_id].name, x.quantity, x.can_make, x.status)
            for x in result.lines
        ),
    )


def plan_comparison(snapshot, recipes, goods, units, selected, lines, decisions) -> ComparisonView:
    """The plan as it is now against its snapshot (a ComparisonView)."""
    current = plan_document(
        [recipes[r].name for r in selected],
        {goods[g].name: q for g, q in lines.items()},
        {
            recipes[r].name: (b, units[u].name if u in units else None)
            for r, (b, u) in decisions.items()
        },
    )
    named_now = current_snapshot(
        snapshot,
        {r.id: r.name for r in recipes.values()},
        {g.id: g.name for g in goods.values()},
    )
    return compare_with_snapshot(named_now, current)
