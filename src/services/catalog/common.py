"""Helpers shared by the catalog and pantry services (private to src/services).

Everything here takes an open session or plain values; nothing opens a
transaction.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from typing import overload

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from src.models import BatchDecision, Event, EventRecipe, ProductionRun

from ..errors import ConflictError, ValidationError
from ..validation import name_key

CATEGORY_MAX = 100


@overload
def plain_decimal(value: Decimal) -> Decimal: ...
@overload
def plain_decimal(value: None) -> None: ...
@overload
def plain_decimal(value: Decimal | None) -> Decimal | None: ...
def plain_decimal(value: Decimal | None) -> Decimal | None:
    """``value`` without the storage scale's trailing zeros ("2.750000" → 2.75),
    never in exponent form, so a value reads the same before and after a save."""
    if value is None:
        return None
    if value == value.to_integral_value():
        return value.quantize(Decimal(1))
    return value.normalize()


def clean_category(value: object, *, field: str = "category") -> str:
    text = "" if value is None else str(value).strip()
    if len(text) > CATEGORY_MAX:
        raise ValidationError(
            f"Category must be at most {CATEGORY_MAX} characters (it has {len(text)})",
            field=field,
        )
    return text


def try_field(errors: dict[str, str], key: str, parse, /, *args, **kwargs):
    """Run ``parse(*args, **kwargs)``; on ValidationError record its message
    under ``key`` (so one save reports every bad field) and return None."""
    try:
        return parse(*args, **kwargs)
    except ValidationError as exc:
        errors[key] = exc.message
        return None


def name_taken(existing: Iterable[tuple[int, str]], name: str, own_id: int | None) -> str | None:
    """The existing name that clashes with ``name`` ignoring case and Unicode
    normalisation, other than the row ``own_id`` itself; None when the name is free."""
    wanted = name_key(name)
    for row_id, other in existing:
        if row_id != own_id and name_key(other) == wanted:
            return other
    return None


def event_label(name: str, event_date) -> str:
    """How an event is named in messages: names need not be unique, dates tell them apart."""
    return f"{name} ({event_date.isoformat()})"


def events_using_recipes(session: Session, recipe_ids: Iterable[int]) -> dict[int, list[str]]:
    """recipe id → labels of the events that select it, decided it or baked it
    (three queries however many recipes), each list sorted by date then name."""
    ids = list(recipe_ids)
    found: dict[int, dict[int, tuple]] = {}
    if not ids:
        return {}
    for model in (EventRecipe, BatchDecision, ProductionRun):
        rows = session.execute(
            select(model.recipe_id, Event.id, Event.name, Event.event_date)
            .join(Event, Event.id == model.event_id)
            .where(model.recipe_id.in_(ids))
        ).all()
        for recipe_id, event_id, name, event_date in rows:
            found.setdefault(recipe_id, {})[event_id] = (event_date, name.casefold(), name)
    return {
        rid: [event_label(n, d) for d, _, n in sorted(events.values())]
        for rid, events in found.items()
    }


def flush(session: Session, what: str) -> None:
    """Flush, turning a constraint clash (another window saved the same name a
    moment ago) into a message instead of a crash."""
    try:
        session.flush()
    except IntegrityError as exc:
        raise ConflictError(
            f"{what} could not be saved because it clashes with data saved meanwhile; "
            "reload and try again"
        ) from exc


def joined(names: Iterable[str]) -> str:
    return ", ".join(f'"{n}"' for n in names)


def unique_name(name: str, suffix: str, taken: set[str], limit: int = 200) -> str:
    """``name (suffix)``, or ``name (suffix 2)``, ``(suffix 3)`` … — the first
    whose casefolded form is not in ``taken``; the name is shortened when the
    result would pass ``limit`` characters."""
    n = 1
    while True:
        tail = f" ({suffix})" if n == 1 else f" ({suffix} {n})"
        candidate = name[: limit - len(tail)].rstrip() + tail
        if candidate.casefold() not in taken:
            return candidate
        n += 1


def listing(count: int, singular: str, plural: str, names: Iterable[str]) -> str:
    """'the recipe "A"' / 'the recipes "A", "B"' for messages."""
    return f"the {singular if count == 1 else plural} {joined(names)}"
