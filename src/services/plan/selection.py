"""Recipe selection and finished-good quantities of an event's plan.

Selecting a recipe never selects another (no bases or variants pulled in).
Saving a selection replaces the previous one; what the deselection makes
impossible — lines whose goods need a recipe no longer selected, and the batch
decisions of deselected recipes — is removed in the same transaction and
reported. Only available goods (every recipe they reach is selected) can get
a quantity.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from src.db import Database
from src.models import Event, EventFinishedGood, EventRecipe, FinishedGood, Recipe

from .. import policy
from ..errors import NotFoundError, ValidationError
from ..validation import parse_quantity
from .catalog_rows import load_goods, load_units
from .events import load_event
from .loading import names_listed, reached_recipes


@dataclass(frozen=True)
class RemovedLine:
    good_id: int
    good_name: str
    quantity: int
    reason: str  # e.g. "needs Sugar Cookie Dough, which is no longer selected"


@dataclass(frozen=True)
class RemovedDecision:
    recipe_id: int
    recipe_name: str
    batches: int
    reason: str


@dataclass(frozen=True)
class SelectionResult:
    selected_ids: tuple[int, ...]  # ascending
    removed_lines: tuple[RemovedLine, ...]  # by good name
    removed_decisions: tuple[RemovedDecision, ...]  # by recipe name


def _clean_ids(recipe_ids: Iterable[object]) -> set[int]:
    if recipe_ids is None or isinstance(recipe_ids, str | bytes):
        raise ValidationError("Recipes must be given as a list of recipe ids", field="recipes")
    ids: set[int] = set()
    for value in recipe_ids:
        if isinstance(value, bool) or not isinstance(value, int):
            raise ValidationError(
                f"Recipe ids must be whole numbers, not {value!r}", field="recipes"
            )
        ids.add(value)
    return ids


def _recipe_names(session: Session, ids: Iterable[int]) -> dict[int, str]:
    wanted = list(ids)
    if not wanted:
        return {}
    rows = session.execute(select(Recipe.id, Recipe.name).where(Recipe.id.in_(wanted))).all()
    return {rid: name for rid, name in rows}


def _good_name(session: Session, good_id: int) -> str:
    name = session.scalar(select(FinishedGood.name).where(FinishedGood.id == good_id))
    if name is None:
        raise NotFoundError(f"Finished good {good_id} does not exist (it may have been deleted)")
    return name


def _line(event: Event, good_id: int) -> EventFinishedGood | None:
    return next((x for x in event.event_finished_goods if x.finished_good_id == good_id), None)


def _which_are(count: int) -> str:
    return "which is" if count == 1 else "which are"


def set_selected_recipes(db: Database, event_id: int, recipe_ids: Iterable[int]) -> SelectionResult:
    """Make ``recipe_ids`` the event's whole selection (draft plans only).

    Lines whose goods need a recipe that is not selected any more are removed,
    and so are the batch decisions of deselected recipes; the result lists
    both with the reason. Unknown recipe ids are refused and change nothing."""
    wanted = _clean_ids(recipe_ids)
    with db.uow() as session:
        event = load_event(session, event_id)
        policy.require(event.plan_state, policy.Action.EDIT_SELECTION)
        current = {er.recipe_id for er in event.event_recipes}
        names = _recipe_names(session, wanted | current)
        unknown = sorted(wanted - names.keys())
        if unknown:
            listed = ", ".join(str(r) for r in unknown)
            raise NotFoundError(
                f"Recipe {listed} does not exist (it may have been deleted); "
                "the selection was not changed"
            )

        removed_lines: list[RemovedLine] = []
        if event.event_finished_goods:
            goods, units = load_goods(session), load_units(session)
            line_goods = [x.finished_good_id for x in event.event_finished_goods]
            reached = reached_recipes(goods, units, line_goods)
            all_recipe_names = _recipe_names(session, {r for rs in reached.values() for r in rs})
            for line in list(event.event_finished_goods):
                missing = reached[line.finished_good_id] - wanted
                if not missing:
                    continue
                missing_names = sorted(all_recipe_names[r] for r in missing)
                removed_lines.append(
                    RemovedLine(
                        good_id=line.finished_good_id,
                        good_name=goods[line.finished_good_id].name,
                        quantity=line.quantity,
                        reason=f"needs {names_listed(missing_names)}, "
                        f"{_which_are(len(missing_names))} no longer selected",
                    )
                )
                event.event_finished_goods.remove(line)

        removed_decisions: list[RemovedDecision] = []
        for decision in list(event.batch_decisions):
            if decision.recipe_id in wanted:
                continue
            name = names.get(decision.recipe_id, f"Recipe {decision.recipe_id}")
            removed_decisions.append(
                RemovedDecision(
                    recipe_id=decision.recipe_id,
                    recipe_name=name,
                    batches=decision.batches,
                    reason=f"{name} is no longer selected",
                )
            )
            event.batch_decisions.remove(decision)

        for er in list(event.event_recipes):
            if er.recipe_id not in wanted:
                event.event_recipes.remove(er)
        for rid in sorted(wanted - current):
            event.event_recipes.append(EventRecipe(recipe_id=rid))
        session.flush()
        return SelectionResult(
            selected_ids=tuple(sorted(wanted)),
            removed_lines=tuple(sorted(removed_lines, key=lambda x: (x.good_name, x.good_id))),
            removed_decisions=tuple(
                sorted(removed_decisions, key=lambda x: (x.recipe_name, x.recipe_id))
            ),
        )


def set_quantity(db: Database, event_id: int, good_id: int, value: object) -> int | None:
    """Set how many of a finished good the event needs (draft plans only).

    ``value`` is user text or an int: a whole number ≥ 1 ("007" is 7). Empty
    text or None clears the line and returns None. Only an available good
    (every recipe it reaches is selected) can get a quantity; the message
    names the recipes to select. Returns the saved quantity."""
    quantity = parse_quantity(value)
    with db.uow() as session:
        event = load_event(session, event_id)
        policy.require(event.plan_state, policy.Action.EDIT_SELECTION)
        name = _good_name(session, good_id)
        line = _line(event, good_id)
        if quantity is None:
            if line is not None:
                event.event_finished_goods.remove(line)
            return None
        goods, units = load_goods(session), load_units(session)
        reached = reached_recipes(goods, units, [good_id])[good_id]
        if not reached:
            raise ValidationError(
                f"{name} cannot be planned: it contains no baked items", field="quantity"
            )
        missing = reached - {er.recipe_id for er in event.event_recipes}
        if missing:
            missing_names = sorted(_recipe_names(session, missing).values())
            raise ValidationError(
                f"{name} is not available for this event: select "
                f"{names_listed(missing_names)} first",
                field="quantity",
            )
        if line is None:
            event.event_finished_goods.append(
                EventFinishedGood(finished_good_id=good_id, quantity=quantity)
            )
        else:
            line.quantity = quantity
        session.flush()
        return quantity


def clear_quantity(db: Database, event_id: int, good_id: int) -> None:
    """Remove the event's line for a finished good (draft plans only); no-op
    when there is no such line."""
    with db.uow() as session:
        event = load_event(session, event_id)
        policy.require(event.plan_state, policy.Action.EDIT_SELECTION)
        _good_name(session, good_id)
        line = _line(event, good_id)
        if line is not None:
            event.event_finished_goods.remove(line)
