"""Amendments: append-only, reasoned changes to a plan in production.

Each amendment is applied to the live plan in the same transaction that
records it, and is never edited or deleted (no function here does either).
``amendment_data`` per kind (names are kept beside ids so that a summary
still reads well after the catalog changes or the data moves to another
database)::

    drop_fg:      {"finished_good_id", "finished_good_name", "original_quantity"}
    add_fg:       {"finished_good_id", "finished_good_name", "quantity",
                   "selected_recipe_ids", "selected_recipe_names"}
    modify_batch: {"recipe_id", "recipe_name", "original_batches" (null if none),
                   "new_batches"}
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from src.db import Database
from src.models import (
    AmendmentType,
    BatchDecision,
    Event,
    EventFinishedGood,
    EventRecipe,
    FinishedGood,
    PlanAmendment,
    ProductionRun,
    Recipe,
)

from . import policy
from .decisions import decision_of, recipe_name, recipe_need_or_error, require_selected
from .errors import ConflictError, NotFoundError, ValidationError
from .events import load_event
from .plan_dto import AmendmentRow
from .plan_loading import load_goods, load_units, names_listed, reached_recipes
from .validation import parse_quantity, parse_whole

REASON_MAX = 2000


def _reason(value: object) -> str:
    text = "" if value is None else str(value).strip()
    if not text:
        raise ValidationError("A reason is required for an amendment", field="reason")
    if len(text) > REASON_MAX:
        raise ValidationError(
            f"The reason must be at most {REASON_MAX} characters (it has {len(text)})",
            field="reason",
        )
    return text


def _good_name(session: Session, good_id: int) -> str:
    name = session.scalar(select(FinishedGood.name).where(FinishedGood.id == good_id))
    if name is None:
        raise NotFoundError(f"Finished good {good_id} does not exist (it may have been deleted)")
    return name


def _baked_recipes(session: Session, event_id: int) -> set[int]:
    return set(
        session.scalars(select(ProductionRun.recipe_id).where(ProductionRun.event_id == event_id))
    )


def _recipe_names(session: Session, ids: Iterable[int]) -> dict[int, str]:
    wanted = list(set(ids))
    if not wanted:
        return {}
    return dict(session.execute(select(Recipe.id, Recipe.name).where(Recipe.id.in_(wanted))).all())


def _line(event: Event, good_id: int) -> EventFinishedGood | None:
    return next((x for x in event.event_finished_goods if x.finished_good_id == good_id), None)


def summarize(
    kind: str,
    data: Mapping[str, Any],
    good_names: Mapping[int, str],
    recipe_names: Mapping[int, str],
) -> str:
    """One line saying what an amendment changed, e.g. "Dropped Cookie tin (was 20)".
    Current catalog names win; the names stored in the data are the fallback."""

    def good() -> str:
        gid = data.get("finished_good_id")
        return good_names.get(gid) or data.get("finished_good_name") or f"finished good {gid}"

    if kind == AmendmentType.DROP_FG.value:
        return f"Dropped {good()} (was {data.get('original_quantity')})"
    if kind == AmendmentType.ADD_FG.value:
        text = f"Added {good()}: {data.get('quantity')}"
        ids = data.get("selected_recipe_ids") or []
        stored = data.get("selected_recipe_names") or []
        if ids:
            names = [
                recipe_names.get(rid) or (stored[i] if i < len(stored) else f"recipe {rid}")
                for i, rid in enumerate(ids)
            ]
            text += f"; selected {names_listed(sorted(names))}"
        return text
    rid = data.get("recipe_id")
    name = recipe_names.get(rid) or data.get("recipe_name") or f"recipe {rid}"
    new = data.get("new_batches")
    old = data.get("original_batches")
    if old is None:
        return f"{name}: {new} batches (no decision before)"
    return f"{name}: {old} → {new} batches"


def amendment_rows(
    raw: Iterable[tuple[int, AmendmentType, dict, str, datetime]],
    good_names: Mapping[int, str],
    recipe_names: Mapping[int, str],
) -> tuple[AmendmentRow, ...]:
    return tuple(
        AmendmentRow(
            aid, kind.value, summarize(kind.value, data, good_names, recipe_names), reason, created
        )
        for aid, kind, data, reason, created in raw
    )


def load_amendments(session: Session, event_id: int) -> list[tuple]:
    """(id, type, data, reason, created_at) of the event's amendments, oldest first."""
    return [
        tuple(r)
        for r in session.execute(
            select(
                PlanAmendment.id,
                PlanAmendment.amendment_type,
                PlanAmendment.amendment_data,
                PlanAmendment.reason,
                PlanAmendment.created_at,
            )
            .where(PlanAmendment.event_id == event_id)
            .order_by(PlanAmendment.created_at, PlanAmendment.id)
        ).all()
    ]


def _record(
    session: Session,
    event: Event,
    kind: AmendmentType,
    data: dict[str, Any],
    reason: str,
    good_names: Mapping[int, str],
    recipe_names: Mapping[int, str],
) -> AmendmentRow:
    amendment = PlanAmendment(amendment_type=kind, amendment_data=data, reason=reason)
    event.plan_amendments.append(amendment)
    session.flush()
    return amendment_rows(
        [(amendment.id, kind, data, reason, amendment.created_at)], good_names, recipe_names
    )[0]


def _start(session: Session, event_id: int, reason: object) -> tuple[Event, str]:
    event = load_event(session, event_id)
    policy.require(event.plan_state, policy.Action.AMEND)
    return event, _reason(reason)


def amend_drop_good(db: Database, event_id: int, good_id: int, reason: str) -> AmendmentRow:
    """Remove a finished-good line from a plan in production. Refused when the
    line does not exist or production is recorded for a recipe the good needs."""
    with db.uow() as session:
        event, why = _start(session, event_id, reason)
        name = _good_name(session, good_id)
        line = _line(event, good_id)
        if line is None:
            raise ValidationError(f"{name} is not in this plan; nothing to drop", field="good")
        reached = reached_recipes(load_goods(session), load_units(session), [good_id])[good_id]
        baked = sorted(_recipe_names(session, reached & _baked_recipes(session, event_id)).values())
        if baked:
            raise ConflictError(
                f"Cannot drop {name}: production is already recorded for {names_listed(baked)}"
            )
        data = {
            "finished_good_id": good_id,
            "finished_good_name": name,
            "original_quantity": line.quantity,
        }
        event.event_finished_goods.remove(line)
        return _record(session, event, AmendmentType.DROP_FG, data, why, {good_id: name}, {})


def amend_add_good(
    db: Database, event_id: int, good_id: int, quantity: int | str, reason: str
) -> AmendmentRow:
    """Add a finished-good line to a plan in production. The recipes it needs
    that are not selected yet are selected by the same amendment (listed in
    its data). Refused when the good is already a line of the plan."""
    with db.uow() as session:
        event, why = _start(session, event_id, reason)
        count = parse_quantity(quantity)
        if count is None:
            raise ValidationError("Quantity is required", field="quantity")
        name = _good_name(session, good_id)
        line = _line(event, good_id)
        if line is not None:
            raise ConflictError(
                f"{name} is already in this plan ({line.quantity}); drop it first to change it"
            )
        reached = reached_recipes(load_goods(session), load_units(session), [good_id])[good_id]
        if not reached:
            raise ValidationError(
                f"{name} cannot be planned: it contains no baked items", field="good"
            )
        newly = sorted(reached - {er.recipe_id for er in event.event_recipes})
        names = _recipe_names(session, newly)
        for rid in newly:
            event.event_recipes.append(EventRecipe(recipe_id=rid))
        event.event_finished_goods.append(
            EventFinishedGood(finished_good_id=good_id, quantity=count)
        )
        data = {
            "finished_good_id": good_id,
            "finished_good_name": name,
            "quantity": count,
            "selected_recipe_ids": newly,
            "selected_recipe_names": [names[r] for r in newly],
        }
        return _record(session, event, AmendmentType.ADD_FG, data, why, {good_id: name}, names)


def amend_batches(
    db: Database, event_id: int, recipe_id: int, new_batches: int | str, reason: str
) -> AmendmentRow:
    """Change (or create) the batch decision of a selected recipe the plan
    needs, in production. Refused once production is recorded for the recipe."""
    with db.uow() as session:
        event, why = _start(session, event_id, reason)
        count = parse_whole(new_batches, what="Batches", field="batches")
        name = recipe_name(session, recipe_id)
        require_selected(event, recipe_id, name)
        if recipe_id in _baked_recipes(session, event_id):
            raise ConflictError(
                f"Cannot change the batches of {name}: production is already recorded for it"
            )
        recipe_need_or_error(session, event, recipe_id, name)
        decision = decision_of(event, recipe_id)
        original = decision.batches if decision is not None else None
        if original == count:
            raise ValidationError(
                f"{name} is already planned at {count} batches; nothing to amend",
                field="batches",
            )
        if decision is None:
            event.batch_decisions.append(BatchDecision(recipe_id=recipe_id, batches=count))
        else:
            decision.batches = count
        data = {
            "recipe_id": recipe_id,
            "recipe_name": name,
            "original_batches": original,
            "new_batches": count,
        }
        return _record(session, event, AmendmentType.MODIFY_BATCH, data, why, {}, {recipe_id: name})


def list_amendments(db: Database, event_id: int) -> tuple[AmendmentRow, ...]:
    """The event's amendments, oldest first."""
    with db.uow() as session:
        load_event(session, event_id)
        raw = load_amendments(session, event_id)
        good_ids = [d.get("finished_good_id") for _, _, d, _, _ in raw]
        recipe_ids = [d.get("recipe_id") for _, _, d, _, _ in raw]
        recipe_ids += [r for _, _, d, _, _ in raw for r in d.get("selected_recipe_ids") or ()]
        good_ids = [g for g in good_ids if isinstance(g, int)]
        goods = {}
        if good_ids:
            goods = dict(
                session.execute(
                    select(FinishedGood.id, FinishedGood.name).where(FinishedGood.id.in_(good_ids))
                ).all()
            )
        recipes = _recipe_names(session, [r for r in recipe_ids if isinstance(r, int)])
        return amendment_rows(raw, goods, recipes)
