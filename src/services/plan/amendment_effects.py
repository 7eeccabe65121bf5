"""What an amendment does to the live plan: one computation shared by the
preview (nothing written) and the amendment itself (applied and recorded).

Private to src/services; every function takes an open session.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from src.models import (
    AmendmentType,
    BatchDecision,
    Event,
    EventFinishedGood,
    EventRecipe,
    FinishedGood,
    Recipe,
)
from src.planning.batches import BatchOption, batch_options, format_decimal, is_stale, is_undecided
from src.planning.decomposition import CycleError
from src.planning.plan_view.batches import needs_by_recipe
from src.planning.plan_view.catalog import cycle_message
from src.planning.progress import effective_batches
from src.planning.types import YieldType

from ..errors import ConflictError, NotFoundError, ValidationError
from ..validation import parse_quantity, parse_whole
from .amendment_dto import AmendmentPreview, RecipeEffect
from .catalog_rows import load_goods, load_units
from .dto import OptionRow, UnitCount
from .loading import load_baked, reached_recipes

K = AmendmentType


@dataclass
class Change:
    """A proposed amendment, worked out against the live plan."""

    kind: AmendmentType
    data: dict[str, Any]
    lines: dict[int, int]  # good id → quantity after
    select_ids: list[int] = field(default_factory=list)
    deselect_ids: list[int] = field(default_factory=list)
    decisions: dict[int, int] = field(default_factory=dict)  # recipe id → new batches
    preview: AmendmentPreview | None = None


def _good_name(session: Session, good_id: int) -> str:
    name = session.scalar(select(FinishedGood.name).where(FinishedGood.id == good_id))
    if name is None:
        raise NotFoundError(f"Finished good {good_id} does not exist (it may have been deleted)")
    return name


def recipe_names(session: Session, ids: set[int]) -> dict[int, str]:
    if not ids:
        return {}
    rows = session.execute(select(Recipe.id, Recipe.name).where(Recipe.id.in_(sorted(ids))))
    return dict(rows.all())


def _needs(lines, goods, units) -> dict[int, dict[int, int]]:
    try:
        return needs_by_recipe(lines, goods, units)
    except CycleError as exc:
        raise ConflictError(cycle_message(exc)) from exc


def check_batches(name: str, count: int, baked: int) -> None:
    """A new batch count must be at least max(1, baked)."""
    if count < max(1, baked):
        raise ValidationError(
            f"{name}: {baked} batches are already baked; choose {baked} or more batches",
            field="batches",
        )


def _quantity(value: object) -> int:
    count = parse_quantity(value)
    if count is None:
        raise ValidationError("Quantity is required", field="quantity")
    return count


def work_out(
    session: Session,
    event: Event,
    kind: AmendmentType,
    *,
    good_id: int | None = None,
    recipe_id: int | None = None,
    quantity: object = None,
    batches: object = None,
    batch_counts: Mapping[int, object] | None = None,
) -> Change:
    """The change ``kind`` would make, refused (ValidationError/ConflictError,
    nothing changed) when it is not allowed."""
    goods, units = load_goods(session), load_units(session)
    baked = load_baked(session, event.id)
    lines = {x.finished_good_id: x.quantity for x in event.event_finished_goods}
    selected = {er.recipe_id for er in event.event_recipes}
    decided = {d.recipe_id: d.batches for d in event.batch_decisions}
    new_lines = dict(lines)
    change = Change(kind, {}, new_lines)
    affected: set[int] = set()
    if kind == K.MODIFY_BATCH:
        if recipe_id is None:
            raise ValidationError("Choose a recipe", field="recipe")
        count = parse_whole(batches, what="Batches", field="batches")
        name = recipe_names(session, {recipe_id}).get(recipe_id)
        if name is None:
            raise NotFoundError(f"Recipe {recipe_id} does not exist (it may have been deleted)")
        if recipe_id not in selected:
            raise ValidationError(f"{name} is not selected for this event", field="recipe")
        if recipe_id not in _needs(lines, goods, units) and recipe_id not in decided:
            raise ValidationError(
                f"No finished good of this plan needs {name}; set quantities first",
                field="recipe",
            )
        check_batches(name, count, baked.get(recipe_id, 0))
        if decided.get(recipe_id) == count:
            raise ValidationError(
                f"{name} is already planned at {count} batches; nothing to amend", field="batches"
            )
        change.decisions[recipe_id] = count
        change.data = {
            "recipe_id": recipe_id,
            "recipe_name": name,
            "original_batches": decided.get(recipe_id),
            "new_batches": count,
        }
        affected = {recipe_id}
    else:
        if good_id is None:
            raise ValidationError("Choose a finished good", field="good")
        gname = _good_name(session, good_id)
        reached = reached_recipes(goods, units, [good_id])[good_id]
        affected = set(reached)
        change.data = {"finished_good_id": good_id, "finished_good_name": gname}
        if kind == K.ADD_FG:
            count = _quantity(quantity)
            if good_id in lines:
                raise ConflictError(
                    f"{gname} is already in this plan ({lines[good_id]}); "
                    "change its quantity instead"
                )
            if not reached:
                raise ValidationError(
                    f"{gname} cannot be planned: it contains no baked items", field="good"
                )
            new_lines[good_id] = count
            change.select_ids = sorted(reached - selected)
            change.data["quantity"] = count
        elif good_id not in lines:
            what = "to change" if kind == K.MODIFY_FG else "to drop"
            raise ValidationError(f"{gname} is not in this plan; nothing {what}", field="good")
        elif kind == K.MODIFY_FG:
            count = _quantity(quantity)
            if count == lines[good_id]:
                raise ValidationError(
                    f"{gname} is already {count} in this plan; nothing to amend", field="quantity"
                )
            new_lines[good_id] = count
            change.select_ids = sorted(reached - selected)  # in case the good changed since
            change.data.update(original_quantity=lines[good_id], quantity=count)
        else:
            del new_lines[good_id]
            change.data["original_quantity"] = lines[good_id]
    after = _needs(new_lines, goods, units)
    names = recipe_names(session, affected | set(decided))
    if kind == K.DROP_FG:
        for rid in sorted(affected - set(after)):
            if baked.get(rid, 0) == 0:
                change.deselect_ids.append(rid)
            elif decided.get(rid) != baked[rid]:
                change.decisions[rid] = baked[rid]
    for rid, value in (batch_counts or {}).items():
        name = names.get(rid) or recipe_names(session, {rid}).get(rid, f"Recipe {rid}")
        if kind == K.MODIFY_BATCH or rid not in affected or rid not in after:
            raise ValidationError(
                f"{name} is not a recipe this change affects; amend its batches separately",
                field="batches",
            )
        count = parse_whole(value, what=f"Batches of {name}", field="batches")
        check_batches(name, count, baked.get(rid, 0))
        if decided.get(rid) != count:
            change.decisions[rid] = count
        else:
            change.decisions.pop(rid, None)
    if kind != K.MODIFY_BATCH:
        change.data["selected_recipe_ids"] = list(change.select_ids)
        change.data["selected_recipe_names"] = [names[r] for r in change.select_ids]
        change.data["deselected_recipe_ids"] = list(change.deselect_ids)
        change.data["deselected_recipe_names"] = [names[r] for r in change.deselect_ids]
        change.data["batch_changes"] = [
            {
                "recipe_id": rid,
                "recipe_name": names[rid],
                "original_batches": decided.get(rid),
                "new_batches": n,
            }
            for rid, n in sorted(change.decisions.items())
        ]
    before = _needs(lines, goods, units)
    change.preview = _preview(change, affected, before, after, decided, baked, names, units)
    return change


def _preview(
    change: Change,
    affected: set[int],
    before: Mapping[int, Mapping[int, int]],
    after: Mapping[int, Mapping[int, int]],
    decided: Mapping[int, int],
    baked: Mapping[int, int],
    names: Mapping[int, str],
    units: Mapping[int, YieldType],
) -> AmendmentPreview:
    from .amendments import summarize  # the one wording of an amendment

    effects = []
    for rid in sorted(affected, key=lambda r: (names[r], r)):
        rn = batch_options(rid, after.get(rid, {}), units)
        old = batch_options(rid, before.get(rid, {}), units).batches_needed
        made = baked.get(rid, 0)
        deselected = rid in change.deselect_ids
        new = None if deselected else change.decisions.get(rid, decided.get(rid))
        counted = effective_batches(new, made)
        diff = Fraction(counted) - rn.batches_needed
        items = _item_difference(rn.needed, counted, units)
        if deselected:
            outcome = "deselected"
        elif is_undecided(rn.batches_needed, new, made):
            outcome = "undecided"
        else:
            outcome = "short" if diff < 0 else "extra" if diff > 0 else "exact"
        effects.append(
            RecipeEffect(
                recipe_id=rid,
                recipe_name=names[rid],
                old_need=old,
                new_need=rn.batches_needed,
                old_need_text=format_decimal(old),
                new_need_text=format_decimal(rn.batches_needed),
                options=tuple(_option_row(o, units) for o in rn.options),
                decided=decided.get(rid),
                baked=made,
                new_batches=new,
                difference_batches=diff,
                difference_batches_text=format_decimal(diff),
                difference_items=items,
                outcome=outcome,
                stale=new is not None and is_stale(new, rn.batches_needed, made),
            )
        )
    return AmendmentPreview(
        kind=change.kind.value,
        summary=summarize(change.kind.value, change.data, {}, {}),
        recipes=tuple(effects),
        selected=tuple(sorted(names[r] for r in change.select_ids)),
        deselected=tuple(sorted(names[r] for r in change.deselect_ids)),
    )


def _item_difference(
    needed: Mapping[int, int], batches: int, units: Mapping[int, YieldType]
) -> int | None:
    if len(needed) != 1:
        return None
    ((uid, n),) = needed.items()
    a, b = units[uid].batches_per_item_ratio()
    return (batches * b) // a - n


def _option_row(option: BatchOption, units: Mapping[int, YieldType]) -> OptionRow:
    items = None
    if option.yield_items is not None:
        items = tuple(UnitCount(u, units[u].name, n) for u, n in option.yield_items.items())
    return OptionRow(
        option.batches,
        option.kind,
        items,
        option.difference_items,
        option.difference_batches,
        format_decimal(option.difference_batches),
    )


def apply(session: Session, event: Event, change: Change) -> None:
    """Make ``change`` on the live plan (the caller records the amendment)."""
    lines = {x.finished_good_id: x for x in event.event_finished_goods}
    for gid, line in lines.items():
        if gid not in change.lines:
            event.event_finished_goods.remove(line)
        elif line.quantity != change.lines[gid]:
            line.quantity = change.lines[gid]
    for gid, qty in change.lines.items():
        if gid not in lines:
            event.event_finished_goods.append(EventFinishedGood(finished_good_id=gid, quantity=qty))
    for rid in change.select_ids:
        event.event_recipes.append(EventRecipe(recipe_id=rid))
    gone = set(change.deselect_ids)
    for decision in list(event.batch_decisions):
        if decision.recipe_id in gone:
            event.batch_decisions.remove(decision)
    for er in list(event.event_recipes):
        if er.recipe_id in gone:
            event.event_recipes.remove(er)
    current = {d.recipe_id: d for d in event.batch_decisions}
    for rid, count in change.decisions.items():
        if rid in current:
            current[rid].batches = count
        else:
            event.batch_decisions.append(BatchDecision(recipe_id=rid, batches=count))
