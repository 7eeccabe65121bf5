"""Undo and redo of plan edits: the editable parts of a plan, captured and put back.

Design (the simplest that stays correct with every edit saved at once): the
window captures the plan's editable values before and after each edit
(:func:`capture_plan_edits`, a frozen :class:`PlanEdits`). Undo is an ordinary
new saved edit, :func:`restore_plan_edits`, that puts back the *previous* values
of exactly the items that edit changed (an event field, a recipe's selection, a
finished-good line, a batch decision); redo is the same call with the two
captures swapped. One unit of work, so a refused undo changes nothing.

It is refused (PlanStateError / ConflictError, saying why) when:
- the plan's state no longer allows that kind of edit (the edit-policy table in
  policy.py: e.g. quantities once the plan is locked, anything but the event's
  details in production, nothing when completed) — so amendments, which only
  exist in production, are never undone;
- an item it would put back was changed since by another edit (another window,
  an amendment): the message names it and nothing is overwritten.
The undo stacks themselves live in the window (src/ui/planning/undo.py).
"""

from __future__ import annotations

from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from src.db import Database
from src.models import BatchDecision, Event, EventFinishedGood, EventRecipe, FinishedGood, Recipe

from .. import policy
from ..errors import ConflictError
from .events import load_event

DETAILS, SELECTION, QUANTITIES, DECISIONS = "details", "selection", "quantities", "decisions"
_POLICY = {
    DETAILS: policy.Action.EDIT_DETAILS,
    SELECTION: policy.Action.EDIT_SELECTION,
    QUANTITIES: policy.Action.EDIT_SELECTION,
    DECISIONS: policy.Action.EDIT_DECISIONS,
}


@dataclass(frozen=True)
class PlanEdits:
    """The values of a plan that the baker edits directly (not production, not amendments)."""

    event_id: int
    plan_state: str
    details: tuple[str, date, int | None, str]  # name, date, attendees, notes
    recipes: frozenset[int]
    lines: tuple[tuple[int, int], ...]  # (finished good id, quantity), by id
    decisions: tuple[tuple[int, int, int | None], ...]  # (recipe id, batches, yield type id)

    def line_map(self) -> dict[int, int]:
        return dict(self.lines)

    def decision_map(self) -> dict[int, tuple[int, int | None]]:
        return {rid: (n, unit) for rid, n, unit in self.decisions}


def _capture(event: Event) -> PlanEdits:
    return PlanEdits(
        event_id=event.id,
        plan_state=event.plan_state.value,
        details=(event.name, event.event_date, event.expected_attendees, event.notes or ""),
        recipes=frozenset(er.recipe_id for er in event.event_recipes),
        lines=tuple(sorted((x.finished_good_id, x.quantity) for x in event.event_finished_goods)),
        decisions=tuple(sorted(
            (d.recipe_id, d.batches, d.finished_unit_id) for d in event.batch_decisions)),
    )


def capture_plan_edits(db: Database, event_id: int) -> PlanEdits:
    """The event's editable plan values now (NotFoundError when it is gone)."""
    with db.uow() as session:
        return _capture(load_event(session, event_id))


def changed_parts(before: PlanEdits, after: PlanEdits) -> tuple[str, ...]:
    """Which kinds of edit separate two captures: "details", "selection",
    "quantities", "decisions" (in that order; empty when nothing changed)."""
    parts = []
    if before.details != after.details:
        parts.append(DETAILS)
    if before.recipes != after.recipes:
        parts.append(SELECTION)
    if before.lines != after.lines:
        parts.append(QUANTITIES)
    if before.decisions != after.decisions:
        parts.append(DECISIONS)
    return tuple(parts)


def _names(
    session: Session, model: type[Recipe] | type[FinishedGood], ids: AbstractSet[int]
) -> dict[int, str]:
    if not ids:
        return {}
    return dict(session.execute(select(model.id, model.name).where(model.id.in_(ids))).all())


def _check_unchanged(session: Session, now: PlanEdits, expected: PlanEdits,
                     target: PlanEdits) -> None:
    """Refuse when an item about to be put back is not as ``expected`` any more."""
    changed: list[str] = []
    if now.details != expected.details and target.details != expected.details:
        changed.append("the event's details")
    recipes = (expected.recipes ^ target.recipes) & (now.recipes ^ expected.recipes)
    goods = {g for g in set(expected.line_map()) | set(target.line_map())
             if expected.line_map().get(g) != target.line_map().get(g)
             and now.line_map().get(g) != expected.line_map().get(g)}
    decided = {r for r in set(expected.decision_map()) | set(target.decision_map())
               if expected.decision_map().get(r) != target.decision_map().get(r)
               and now.decision_map().get(r) != expected.decision_map().get(r)}
    recipe_names = _names(session, Recipe, recipes | decided)
    changed += [f"the selection of {recipe_names.get(r, f'recipe {r}')}" for r in sorted(recipes)]
    good_names = _names(session, FinishedGood, goods)
    changed += [f"the quantity of {good_names.get(g, f'good {g}')}" for g in sorted(goods)]
    changed += [f"the batch decision for {recipe_names.get(r, f'recipe {r}')}"
                for r in sorted(decided)]
    if changed:
        raise ConflictError(
            "Cannot undo: " + ", ".join(changed) + " changed since (in another window or by "
            "an amendment); nothing was changed"
        )


def _apply(event: Event, expected: PlanEdits, target: PlanEdits) -> None:
    if expected.details != target.details:
        event.name, event.event_date, event.expected_attendees, event.notes = target.details
    for rid in expected.recipes - target.recipes:
        for er in [x for x in event.event_recipes if x.recipe_id == rid]:
            event.event_recipes.remove(er)
    for rid in sorted(target.recipes - expected.recipes):
        event.event_recipes.append(EventRecipe(recipe_id=rid))
    old_lines, new_lines = expected.line_map(), target.line_map()
    for gid in set(old_lines) | set(new_lines):
        if old_lines.get(gid) == new_lines.get(gid):
            continue
        line = next((x for x in event.event_finished_goods if x.finished_good_id == gid), None)
        if new_lines.get(gid) is None:
            if line is not None:
                event.event_finished_goods.remove(line)
        elif line is None:
            event.event_finished_goods.append(
                EventFinishedGood(finished_good_id=gid, quantity=new_lines[gid]))
        else:
            line.quantity = new_lines[gid]
    old_dec, new_dec = expected.decision_map(), target.decision_map()
    for rid in set(old_dec) | set(new_dec):
        if old_dec.get(rid) == new_dec.get(rid):
            continue
        decision = next((d for d in event.batch_decisions if d.recipe_id == rid), None)
        if rid not in new_dec:
            if decision is not None:
                event.batch_decisions.remove(decision)
            continue
        if decision is None:
            decision = BatchDecision(recipe_id=rid)
            event.batch_decisions.append(decision)
        decision.batches, decision.finished_unit_id = new_dec[rid]


def restore_plan_edits(db: Database, event_id: int, current: PlanEdits,
                       target: PlanEdits) -> PlanEdits:
    """Put back ``target``'s values of every item that differs between ``current``
    (the plan right after the edit being undone) and ``target`` (right before it).

    Refused, changing nothing, when the plan's state does not allow one of those
    kinds of edit now, or when such an item no longer has its ``current`` value.
    Returns the plan's values after the restore."""
    parts = changed_parts(target, current)
    with db.uow() as session:
        event = load_event(session, event_id)
        for part in parts:
            policy.require(event.plan_state, _POLICY[part])
        now = _capture(event)
        _check_unchanged(session, now, current, target)
        _apply(event, current, target)
        try:
            session.flush()
        except IntegrityError as exc:
            raise ConflictError(
                "Cannot undo: a recipe, finished good or yield type it would put back was "
                "deleted from the catalog; nothing was changed"
            ) from exc
        session.expire(event)
        return _capture(load_event(session, event_id))

