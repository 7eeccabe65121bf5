"""The bake sheet: what to bake for an event and how to assemble it.

Per decided recipe, the batches and every effective ingredient line (variant
inheritance applied) multiplied by the decided batches; then, per bundle the
event needs (nested bundles first, since they go inside the others), how
many to assemble and what goes into each.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from src.db import Database
from src.planning.batches import format_decimal
from src.planning.progress import recipe_progress
from src.planning.types import Component, Good, YieldType
from src.planning.variants import effective_recipe_lines, with_ancestors

from ..errors import ConflictError
from .catalog_rows import load_plan_catalog, load_recipe_lines
from .events import EventView
from .loading import load_baked, load_decisions, load_event_row, load_lines


@dataclass(frozen=True)
class BakeLineRow:
    ingredient: str
    quantity: Decimal  # per-batch quantity × decided batches
    unit: str
    quantity_text: str


@dataclass(frozen=True)
class BakeRecipeRow:
    recipe: str
    batches: int
    baked: int
    remaining: int
    yields: tuple[str, ...]  # "Sugar cookie: 24 per batch"
    lines: tuple[BakeLineRow, ...]
    recipe_id: int = 0


@dataclass(frozen=True)
class PartRow:
    name: str
    kind: str  # "unit" (a baked item) | "good" (a smaller bundle)
    per_good: int
    total: int


@dataclass(frozen=True)
class AssemblyRow:
    good: str
    quantity: int  # how many to assemble, through nesting
    parts: tuple[PartRow, ...]


@dataclass(frozen=True)
class BakeSheetView:
    event: EventView
    recipes: tuple[BakeRecipeRow, ...]  # decided recipes, by name
    assembly: tuple[AssemblyRow, ...]  # innermost bundles first


def _part_name(c: Component, goods: Mapping[int, Good], units: Mapping[int, YieldType]) -> str:
    """The name of what a bundle's part holds: a yield type or another good."""
    if c.unit_id is not None:
        return units[c.unit_id].name
    assert c.good_id is not None  # a component holds exactly one of the two
    return goods[c.good_id].name


def _yield_text(unit: YieldType) -> str:
    if unit.mode == "discrete_count":
        return f"{unit.name}: {unit.items_per_batch} per batch"
    percentage = unit.batch_percentage
    assert percentage is not None  # a batch-portion yield type always has one
    return f"{unit.name}: {format_decimal(percentage)} % of a batch each"


def _is_bundle(good: Good) -> bool:
    comps = good.components
    return not (len(comps) == 1 and comps[0].unit_id is not None and comps[0].quantity == 1)


def _assembly(lines: Mapping[int, int], goods: Mapping[int, Good],
              units: Mapping[int, YieldType]) -> tuple[AssemblyRow, ...]:
    # Children before parents (post-order), iteratively; a cycle is a conflict.
    order: list[int] = []
    state: dict[int, int] = {}  # 1 = on the path, 2 = done
    for root in sorted(lines, key=lambda g: goods[g].name.casefold()):
        stack = [(root, iter(goods[root].components))]
        state[root] = state.get(root, 0) or 1
        if state[root] == 2:
            continue
        while stack:
            gid, children = stack[-1]
            child = next((c.good_id for c in children if c.good_id is not None), None)
            if child is None:
                stack.pop()
                state[gid] = 2
                order.append(gid)
            elif state.get(child) == 1:
                raise ConflictError(f"The finished goods contain a cycle through "
                                    f"{goods[child].name}")
            elif state.get(child) != 2:
                state[child] = 1
                stack.append((child, iter(goods[child].components)))
    count: dict[int, int] = dict(lines)
    for gid in reversed(order):  # parents first: pass their counts down
        for c in goods[gid].components:
            if c.good_id is not None:
                count[c.good_id] = count.get(c.good_id, 0) + count.get(gid, 0) * c.quantity
    rows = []
    for gid in order:
        good = goods[gid]
        if not _is_bundle(good):
            continue
        parts = tuple(
            PartRow(_part_name(c, goods, units),
                    "unit" if c.unit_id is not None else "good", c.quantity,
                    c.quantity * count[gid])
            for c in good.components
        )
        rows.append(AssemblyRow(good.name, count[gid], parts))
    return tuple(rows)


def get_bake_sheet(db: Database, event_id: int) -> BakeSheetView:
    """The event's bake sheet (see the module docstring); NotFoundError for an
    unknown event, ConflictError when its bundles contain a cycle."""
    with db.uow() as session:
        ev = load_event_row(session, event_id)
        catalog = load_plan_catalog(session)
        decisions = load_decisions(session, event_id)
        baked = load_baked(session, event_id)
        lines = load_lines(session, event_id)
        recipes, units, goods = catalog.recipes, catalog.units, catalog.goods
        ingredients = catalog.ingredients
        own = load_recipe_lines(session, with_ancestors(recipes, decisions))
    rows = []
    for rid in sorted(decisions, key=lambda r: recipes[r].name.casefold()):
        batches = decisions[rid][0]
        scaled = tuple(
            BakeLineRow(ingredients[line.ingredient_id].name, line.quantity * batches, line.unit,
                        format_decimal(line.quantity * batches))
            for line in effective_recipe_lines(recipes, own, rid)
        )
        done = baked.get(rid, 0)
        yields = tuple(_yield_text(u) for u in sorted(units.values(), key=lambda u: u.id)
                       if u.recipe_id == rid)
        rows.append(BakeRecipeRow(recipes[rid].name, batches, done,
                                  recipe_progress(batches, done).remaining, yields, scaled,
                                  recipe_id=rid))
    event = EventView(ev.id, ev.name, ev.event_date, ev.expected_attendees, ev.notes,
                      ev.plan_state.value, ev.output_mode)
    return BakeSheetView(event, tuple(rows), _assembly(lines, goods, units))
