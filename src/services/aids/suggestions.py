"""Suggested quantities from the expected attendees and each good's per-guest rate.

``suggest_quantities`` is a preview (it changes nothing); ``apply_suggestions``
writes the chosen rows as ordinary quantity edits (draft plans only, the same
policy as ``selection.set_quantity``), all in one transaction.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from src.db import Database
from src.models import Event, EventFinishedGood, FinishedGood
from src.planning.availability import available_goods
from src.planning.decomposition import CycleError
from src.planning.plan_view.catalog import cycle_message
from src.planning.suggestions import per_guest_quantity

from .. import policy
from ..errors import ConflictError, NotFoundError, ValidationError
from ..plan.catalog_rows import load_goods, load_units, plain
from ..plan.events import load_event
from ..plan.loading import load_selected
from ..validation import parse_decimal
from .dto import SuggestionPreview, SuggestionRow, UnratedGood


def _preview(session: Session, event: Event) -> SuggestionPreview:
    if not event.expected_attendees:
        raise ValidationError(
            f"{event.name} has no expected attendees; enter them first", field="attendees"
        )
    every = session.execute(
        select(FinishedGood.id, FinishedGood.name, FinishedGood.per_guest).order_by(
            FinishedGood.name
        )
    ).all()
    rated = [r for r in every if r.per_guest is not None]
    goods, units = load_goods(session), load_units(session)
    try:
        available = available_goods(goods, units, load_selected(session, event.id))
    except CycleError as exc:
        raise ConflictError(cycle_message(exc)) from exc
    current = {x.finished_good_id: x.quantity for x in event.event_finished_goods}
    rows: list[SuggestionRow] = []
    not_available: list[str] = []
    for gid, name, rate in rated:
        assert rate is not None  # rated rows only
        if gid not in available:
            not_available.append(name)
            continue
        rows.append(
            SuggestionRow(
                gid, name, plain(rate), current.get(gid),
                per_guest_quantity(event.expected_attendees, rate),
            )
        )
    unrated = tuple(
        UnratedGood(gid, name, current.get(gid))
        for gid, name, rate in every
        if rate is None and gid in available
    )
    return SuggestionPreview(
        event.id, event.expected_attendees, tuple(rows), tuple(not_available), unrated
    )


def suggest_quantities(db: Database, event_id: int) -> SuggestionPreview:
    """Per good with a per-guest rate whose recipes are selected: the line's
    current quantity and attendees × rate rounded up. Changes nothing."""
    with db.uow() as session:
        return _preview(session, load_event(session, event_id))


def apply_suggestions(
    db: Database, event_id: int, good_ids: Iterable[int] | None = None
) -> SuggestionPreview:
    """Set the suggested quantity of ``good_ids`` (every suggested good when
    None), in one transaction, in a draft plan. A good without a suggestion
    is refused and nothing changes. Returns the preview after the change."""
    with db.uow() as session:
        event = load_event(session, event_id)
        policy.require(event.plan_state, policy.Action.EDIT_SELECTION)
        preview = _preview(session, event)
        by_id = {r.good_id: r for r in preview.rows}
        wanted = list(by_id) if good_ids is None else list(dict.fromkeys(good_ids))
        missing = [g for g in wanted if g not in by_id]
        if missing:
            raise ValidationError(
                f"No suggestion for finished good {missing[0]}: it has no per-guest rate "
                "or its recipes are not selected; nothing was changed",
                field="good",
            )
        lines = {x.finished_good_id: x for x in event.event_finished_goods}
        for gid in wanted:
            row = by_id[gid]
            if gid in lines:
                lines[gid].quantity = row.suggested
            else:
                event.event_finished_goods.append(
                    EventFinishedGood(finished_good_id=gid, quantity=row.suggested)
                )
        session.flush()
        return _preview(session, event)


def set_per_guest(db: Database, good_id: int, rate: object) -> Decimal | None:
    """Set (or, with None or empty text, clear) how many of a finished good one
    guest takes: a number more than zero ("3", "0.1")."""
    text = "" if rate is None else str(rate).strip()
    value = None if text == "" else parse_decimal(rate, what="Per-guest rate", field="per_guest")
    exponent = value.as_tuple().exponent if value is not None else 0
    if isinstance(exponent, int) and exponent < -4:
        raise ValidationError(
            f"Per-guest rate has at most 4 decimal places, not {text}", field="per_guest"
        )
    with db.uow() as session:
        good = session.get(FinishedGood, good_id)
        if good is None:
            raise NotFoundError(
                f"Finished good {good_id} does not exist (it may have been deleted)"
            )
        good.per_guest = value
        session.flush()
        return None if value is None else plain(value)
