"""Amendments: append-only, reasoned changes to a plan in production.

Each amendment is applied to the live plan in the same transaction that
records it, and is never edited or deleted (no function here does either).
``amendment_data`` per kind (names are kept beside ids so that a summary
still reads well after the catalog changes or the data moves to another
database)::

    drop_fg:      {"finished_good_id", "finished_good_name", "original_quantity", *}
    add_fg:       {"finished_good_id", "finished_good_name", "quantity", *}
    modify_fg:    {"finished_good_id", "finished_good_name", "original_quantity",
                   "quantity", *}
    modify_batch: {"recipe_id", "recipe_name", "original_batches" (null if none),
                   "new_batches"}

    * "selected_recipe_ids"/"_names" (selected by the amendment),
      "deselected_recipe_ids"/"_names" (deselected, their decisions removed),
      "batch_changes": [{"recipe_id", "recipe_name", "original_batches",
      "new_batches"}] (new decisions made in the same amendment). Older
      records may lack these keys. src.planning.replay applies them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime
from functools import cache
from typing import Any

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session

from src.db import Database
from src.models import (
    AmendmentType,
    Event,
    FinishedGood,
    PlanAmendment,
)
from src.planning.replay import current_amendment

from .. import policy
from ..errors import ValidationError
from . import amendment_effects as effects
from .amendment_dto import AmendmentPreview
from .dto import AmendmentRow
from .events import load_event
from .loading import names_listed

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
        known = good_names.get(gid) if isinstance(gid, int) else None
        return known or data.get("finished_good_name") or f"finished good {gid}"

    def recipes(key: str) -> list[str]:
        ids = data.get(key + "_ids") or []
        stored = data.get(key + "_names") or []
        return sorted(
            recipe_names.get(rid) or (stored[i] if i < len(stored) else f"recipe {rid}")
            for i, rid in enumerate(ids)
        )

    def extras() -> str:
        text = ""
        if recipes("selected_recipe"):
            text += f"; selected {names_listed(recipes('selected_recipe'))}"
        if recipes("deselected_recipe"):
            text += f"; deselected {names_listed(recipes('deselected_recipe'))}"
        for c in data.get("batch_changes") or ():
            name = recipe_names.get(c.get("recipe_id")) or c.get("recipe_name")
            text += f"; {_batches_text(name, c.get('original_batches'), c.get('new_batches'))}"
        return text

    if kind == AmendmentType.DROP_FG.value:
        return f"Dropped {good()} (was {data.get('original_quantity')})" + extras()
    if kind == AmendmentType.ADD_FG.value:
        return f"Added {good()}: {data.get('quantity')}" + extras()
    if kind == AmendmentType.MODIFY_FG.value:
        return f"{good()}: {data.get('original_quantity')} → {data.get('quantity')}" + extras()
    rid = data.get("recipe_id")
    known = recipe_names.get(rid) if isinstance(rid, int) else None
    name = known or data.get("recipe_name") or f"recipe {rid}"
    return _batches_text(name, data.get("original_batches"), data.get("new_batches"))


def _batches_text(name: object, old: object, new: object) -> str:
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
            aid,
            kind.value,
            summarize(kind.value, data, good_names, recipe_names),
            reason,
            created,
            details(data, good_names, recipe_names),
        )
        for aid, kind, data, reason, created in raw
    )


_DETAIL_KEYS = {
    "finished_good_name": "good",
    "recipe_name": "recipe",
    "selected_recipe_names": "selected_recipes",
    "deselected_recipe_names": "deselected_recipes",
}


def details(
    data: Mapping[str, Any], good_names: Mapping[int, str], recipe_names: Mapping[int, str]
) -> dict[str, Any]:
    """What an amendment changed, by today's names and without ids (the shape
    of the exchange document's amendment data), e.g. {"recipe": "Pumpkin Bread",
    "original_batches": 3, "new_batches": 4}."""
    named = current_amendment(data, recipe_names, good_names)
    out: dict[str, Any] = {}
    for key, value in named.items():
        if key.endswith("_id") or key.endswith("_ids"):
            continue
        if key == "batch_changes":
            value = [details(c, good_names, recipe_names) for c in value or ()]
        out[_DETAIL_KEYS.get(key, key)] = value
    return out


@cache
def _amendments_statement() -> Any:
    return (
        select(
            PlanAmendment.id,
            PlanAmendment.amendment_type,
            PlanAmendment.amendment_data,
            PlanAmendment.reason,
            PlanAmendment.created_at,
        )
        .where(PlanAmendment.event_id == bindparam("event_id"))
        .order_by(PlanAmendment.created_at, PlanAmendment.id)
    )


def load_amendments(session: Session, event_id: int) -> list[tuple]:
    """(id, type, data, reason, created_at) of the event's amendments, oldest first."""
    return [
        tuple(r) for r in session.execute(_amendments_statement(), {"event_id": event_id}).all()
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


def _amend(
    db: Database, event_id: int, kind: AmendmentType, reason: object, **what: Any
) -> AmendmentRow:
    with db.uow() as session:
        event, why = _start(session, event_id, reason)
        change = effects.work_out(session, event, kind, **what)
        effects.apply(session, event, change)
        return _record(session, event, kind, change.data, why, {}, {})


def _kind(kind: str) -> AmendmentType:
    """``kind`` ("drop_fg", "add_fg", "modify_fg", "modify_batch") as the stored type."""
    try:
        return AmendmentType(kind)
    except ValueError:
        raise ValidationError(f'Unknown kind of amendment "{kind}"', field="kind") from None


def preview_amendment(
    db: Database,
    event_id: int,
    kind: str,
    *,
    good_id: int | None = None,
    recipe_id: int | None = None,
    quantity: int | str | None = None,
    batches: int | str | None = None,
    batch_counts: Mapping[int, int | str] | None = None,
) -> AmendmentPreview:
    """What an amendment of ``kind`` ("drop_fg", "add_fg", "modify_fg",
    "modify_batch") would do, without doing it: per affected recipe the old
    and new need, the new batch options, the decision now and after, baked
    batches and the resulting shortfall or extras; the recipes it selects or
    deselects. Refused with the same message the amendment would give."""
    amendment_kind = _kind(kind)
    with db.uow() as session:
        event = load_event(session, event_id)
        policy.require(event.plan_state, policy.Action.AMEND)
        change = effects.work_out(
            session,
            event,
            amendment_kind,
            good_id=good_id,
            recipe_id=recipe_id,
            quantity=quantity,
            batches=batches,
            batch_counts=batch_counts,
        )
        assert change.preview is not None
        return change.preview


def make_amendment(
    db: Database,
    event_id: int,
    kind: str,
    reason: str,
    *,
    good_id: int | None = None,
    recipe_id: int | None = None,
    quantity: int | str | None = None,
    batches: int | str | None = None,
    batch_counts: Mapping[int, int | str] | None = None,
) -> AmendmentRow:
    """Record an amendment of ``kind`` ("drop_fg", "add_fg", "modify_fg",
    "modify_batch") with the same arguments as :func:`preview_amendment`."""
    amendment_kind = _kind(kind)
    return _amend(
        db,
        event_id,
        amendment_kind,
        reason,
        good_id=good_id,
        recipe_id=recipe_id,
        quantity=quantity,
        batches=batches,
        batch_counts=batch_counts,
    )


def amend_drop_good(
    db: Database,
    event_id: int,
    good_id: int,
    reason: str,
    batch_counts: Mapping[int, int | str] | None = None,
) -> AmendmentRow:
    """Remove a finished-good line from a plan in production (baked or not).
    Batches already baked stay (as extras); a recipe no remaining line needs
    is deselected with its decision when nothing of it is baked, else keeps a
    decision equal to its baked count. ``batch_counts`` (recipe id → batches)
    sets new decisions for the recipes whose need changes, in the same record."""
    return _amend(
        db, event_id, AmendmentType.DROP_FG, reason, good_id=good_id, batch_counts=batch_counts
    )


def amend_add_good(
    db: Database,
    event_id: int,
    good_id: int,
    quantity: int | str,
    reason: str,
    batch_counts: Mapping[int, int | str] | None = None,
) -> AmendmentRow:
    """Add a finished-good line to a plan in production. The recipes it needs
    that are not selected yet are selected by the same amendment, and
    ``batch_counts`` may set their (or other affected recipes') batches.
    Refused when the good is already a line of the plan."""
    return _amend(
        db,
        event_id,
        AmendmentType.ADD_FG,
        reason,
        good_id=good_id,
        quantity=quantity,
        batch_counts=batch_counts,
    )


def amend_quantity(
    db: Database,
    event_id: int,
    good_id: int,
    quantity: int | str,
    reason: str,
    batch_counts: Mapping[int, int | str] | None = None,
) -> AmendmentRow:
    """MODIFY_FG: change the quantity of an existing line of a plan in
    production, optionally with new batch counts for the affected recipes."""
    return _amend(
        db,
        event_id,
        AmendmentType.MODIFY_FG,
        reason,
        good_id=good_id,
        quantity=quantity,
        batch_counts=batch_counts,
    )


def amend_batches(
    db: Database, event_id: int, recipe_id: int, new_batches: int | str, reason: str
) -> AmendmentRow:
    """MODIFY_BATCH: change (or create) the batch decision of a selected
    recipe in production, to any count ≥ max(1, batches already baked)."""
    return _amend(
        db, event_id, AmendmentType.MODIFY_BATCH, reason, recipe_id=recipe_id, batches=new_batches
    )


def list_amendments(db: Database, event_id: int) -> tuple[AmendmentRow, ...]:
    """The event's amendments, oldest first."""
    with db.uow() as session:
        load_event(session, event_id)
        raw = load_amendments(session, event_id)
        good_ids = [d.get("finished_good_id") for _, _, d, _, _ in raw]
        recipe_ids = [d.get("recipe_id") for _, _, d, _, _ in raw]
        for _, _, d, _, _ in raw:
            recipe_ids += d.get("selected_recipe_ids") or []
            recipe_ids += d.get("deselected_recipe_ids") or []
            recipe_ids += [c.get("recipe_id") for c in d.get("batch_changes") or ()]
        good_ids = [g for g in good_ids if isinstance(g, int)]
        goods = {}
        if good_ids:
            goods = dict(
                session.execute(
                    select(FinishedGood.id, FinishedGood.name).where(FinishedGood.id.in_(good_ids))
                ).all()
            )
        recipes = effects.recipe_names(session, {r for r in recipe_ids if isinstance(r, int)})
        return amendment_rows(raw, goods, recipes)
