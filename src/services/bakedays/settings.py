"""Bakery settings (ovens, baking hours per weekday, days off), recipe timing and
an event's first baking day: reading and validated editing.

Without saved settings the bakery has one oven and bakes weekday evenings
18:00-22:00 and weekends 09:00-17:00 (:data:`DEFAULT_HOURS`)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from datetime import date

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from src.db import Database
from src.models import BakeryDayOff, BakerySettings, BakingHours, EventBakingStart, Recipe
from src.models import RecipeTiming as TimingRow

from .. import policy
from ..errors import NotFoundError, UserInputError, ValidationError
from ..plan.events import load_event
from ..validation import parse_date, parse_optional_whole
from .dto import (
    WEEKDAYS,
    BakerySettingsView,
    HoursRow,
    RecipeTimingView,
    TimingInput,
)

__all__ = [
    "DEFAULT_OVENS",
    "DEFAULT_HOURS",
    "MAX_OVENS",
    "get_bakery_settings",
    "set_bakery_settings",
    "get_recipe_timing",
    "set_recipe_timing",
    "set_first_baking_day",
    "find_recipe_id",
    "clock",
    "minutes_of",
]

DEFAULT_OVENS = 1
DEFAULT_HOURS: dict[int, tuple[int, int]] = {
    **{d: (18 * 60, 22 * 60) for d in range(5)},
    5: (9 * 60, 17 * 60),
    6: (9 * 60, 17 * 60),
}
MAX_OVENS = 20
_CLOCK = re.compile(r"^([01]?[0-9]|2[0-4])[:.h]([0-5][0-9])$")


def clock(minutes: int) -> str:
    """570 → "09:30"."""
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def minutes_of(text: object, *, field: str) -> int:
    """ "18:00" → 1080; a clear ValidationError otherwise."""
    value = "" if text is None else str(text).strip()
    found = _CLOCK.match(value)
    if not found or int(found[1]) * 60 + int(found[2]) > 1440:
        raise ValidationError(f'"{value}" is not a time of day; use HH:MM, e.g. 18:00',
                              field=field)
    return int(found[1]) * 60 + int(found[2])


# -- reading (private helpers take the session) -------------------------------------------


def load_bakery(session: Session) -> tuple[int, dict[int, tuple[int, int]], frozenset[date],
                                           bool]:
    """(ovens, hours per weekday, days off, is_default) in three statements."""
    ovens = session.scalar(select(BakerySettings.ovens).order_by(BakerySettings.id).limit(1))
    off = frozenset(session.scalars(select(BakeryDayOff.day)))
    if ovens is None:
        return DEFAULT_OVENS, dict(DEFAULT_HOURS), off, True
    hours = {w: (s, e) for w, s, e in session.execute(
        select(BakingHours.weekday, BakingHours.start_minute, BakingHours.end_minute))}
    return ovens, hours, off, False


def _settings_view(ovens: int, hours: Mapping[int, tuple[int, int]], off: Iterable[date],
                   is_default: bool) -> BakerySettingsView:
    return BakerySettingsView(
        ovens,
        tuple(HoursRow(w, clock(s), clock(e)) for w, (s, e) in sorted(hours.items())),
        tuple(sorted(off)), is_default)


def get_bakery_settings(db: Database) -> BakerySettingsView:
    """The bakery's ovens, baking hours and days off (the defaults until saved)."""
    with db.uow() as session:
        return _settings_view(*load_bakery(session))


def _validated_settings(ovens: object, hours: Mapping[int, tuple[object, object] | None],
                        days_off: Iterable[object]
                        ) -> tuple[int, dict[int, tuple[int, int]], set[date]]:
    errors: dict[str, str] = {}
    count = 0
    try:
        count = parse_optional_whole(ovens, what="Ovens", field="ovens") or 0
        if not count:
            raise ValidationError("Ovens is required: how many ovens can bake at once",
                                  field="ovens")
        if count > MAX_OVENS:
            raise ValidationError(f"Ovens must be at most {MAX_OVENS}, not {count}",
                                  field="ovens")
    except ValidationError as exc:
        errors["ovens"] = exc.message
    clean: dict[int, tuple[int, int]] = {}
    for weekday, span in sorted(hours.items()):
        if weekday not in range(7):
            errors[f"hours.{weekday}"] = f"Weekday {weekday} does not exist (0 = Monday)"
            continue
        if span is None or all(str(v or "").strip() == "" for v in span):
            continue
        field = f"hours.{weekday}"
        try:
            start = minutes_of(span[0], field=field)
            end = minutes_of(span[1], field=field)
        except ValidationError as exc:
            errors[field] = f"{WEEKDAYS[weekday]}: {exc.message}"
            continue
        if start >= end:
            errors[field] = (f"{WEEKDAYS[weekday]}: baking must end after it starts "
                             f"({clock(start)} to {clock(end)})")
            continue
        clean[weekday] = (start, end)
    off: set[date] = set()
    for i, value in enumerate(days_off):
        try:
            off.add(parse_date(value, field=f"days_off.{i}"))
        except ValidationError as exc:
            errors[f"days_off.{i}"] = f"Day off {i + 1}: {exc.message}"
    if errors:
        raise ValidationError.from_errors(errors)
    return count, clean, off


def set_bakery_settings(db: Database, ovens: object,
                        hours: Mapping[int, tuple[object, object] | None],
                        days_off: Iterable[object] = ()) -> BakerySettingsView:
    """Saves the ovens, the hours per weekday (0 = Monday: ("18:00", "22:00");
    None or blanks = no baking that day) and the days off, replacing what was
    saved. Bad input changes nothing and names every bad field."""
    count, clean, off = _validated_settings(ovens, hours, list(days_off))
    with db.uow() as session:
        row = session.scalar(select(BakerySettings).order_by(BakerySettings.id).limit(1))
        if row is None:
            session.add(BakerySettings(ovens=count))
        else:
            row.ovens = count
        session.execute(delete(BakingHours))
        session.execute(delete(BakeryDayOff))
        session.add_all(BakingHours(weekday=w, start_minute=s, end_minute=e)
                        for w, (s, e) in clean.items())
        session.add_all(BakeryDayOff(day=d) for d in sorted(off))
        session.flush()
        return _settings_view(count, clean, off, False)


# -- recipe timing --------------------------------------------------------------------------

_TIMING_FIELDS = (
    ("active_minutes", "Mixing minutes", 0),
    ("rest_minutes", "Rest minutes", 0),
    ("oven_minutes", "Oven minutes per load", 1),
    ("loads_per_batch", "Loads per batch", 1),
    ("days_fresh", "Days fresh", 0),
    ("days_frozen", "Days frozen", 0),
)


def _timing_view(recipe: Recipe, row: TimingRow | None) -> RecipeTimingView:
    if row is None:
        return RecipeTimingView(recipe.id, recipe.name, None, None, None, None, None, False, None)
    return RecipeTimingView(recipe.id, recipe.name, row.active_minutes, row.rest_minutes,
                            row.oven_minutes, row.loads_per_batch, row.days_fresh,
                            row.freezes, row.days_frozen)


def validated_timing(values: TimingInput) -> dict[str, object]:
    """Column values from the editor's input; ValidationError naming every bad field."""
    errors: dict[str, str] = {}
    clean: dict[str, object] = {"freezes": bool(values.freezes)}
    for field, what, minimum in _TIMING_FIELDS:
        try:
            clean[field] = parse_optional_whole(getattr(values, field), what=what, field=field,
                                                minimum=minimum)
        except ValidationError as exc:
            errors[field] = exc.message
    if not clean["freezes"] and clean.get("days_frozen") is not None:
        errors["days_frozen"] = "Days frozen applies only to a recipe that freezes"
    if errors:
        raise ValidationError.from_errors(errors)
    return clean


def _recipe(session: Session, recipe_id: int) -> Recipe:
    recipe = session.get(Recipe, recipe_id)
    if recipe is None:
        raise NotFoundError(f"Recipe {recipe_id} does not exist (it may have been deleted)")
    return recipe


def get_recipe_timing(db: Database, recipe_id: int) -> RecipeTimingView:
    with db.uow() as session:
        recipe = _recipe(session, recipe_id)
        row = session.scalar(select(TimingRow).where(TimingRow.recipe_id == recipe_id))
        return _timing_view(recipe, row)


def set_recipe_timing(db: Database, recipe_id: int, values: TimingInput) -> RecipeTimingView:
    """Saves a recipe's timing (blank = unknown); bad input changes nothing."""
    clean = validated_timing(values)
    with db.uow() as session:
        recipe = _recipe(session, recipe_id)
        row = session.scalar(select(TimingRow).where(TimingRow.recipe_id == recipe_id))
        if row is None:
            row = TimingRow(recipe_id=recipe_id)
            session.add(row)
        for field, value in clean.items():
            setattr(row, field, value)
        session.flush()
        return _timing_view(recipe, row)


def find_recipe_id(db: Database, name: str) -> int:
    """The id of the recipe called ``name`` (ignoring case and surrounding spaces);
    UserInputError naming it when there is none."""
    wanted = (name or "").strip()
    with db.uow() as session:
        rows = session.execute(select(Recipe.id, Recipe.name)).all()
    found = [rid for rid, n in rows if n.casefold() == wanted.casefold()]
    if not found:
        raise UserInputError(f'No recipe named "{wanted}"')
    return found[0]


def set_first_baking_day(db: Database, event_id: int, day: object) -> date | None:
    """Sets (or with None / blank clears) the first day baking for the event may
    start; it must be before the event. Refused for a completed plan."""
    with db.uow() as session:
        event = load_event(session, event_id)
        policy.require(event.plan_state, policy.Action.EDIT_DETAILS)
        row = session.scalar(select(EventBakingStart)
                             .where(EventBakingStart.event_id == event_id))
        if day is None or (isinstance(day, str) and not day.strip()):
            if row is not None:
                session.delete(row)
            return None
        first = parse_date(day, field="first_day")
        if first >= event.event_date:
            raise ValidationError(
                f"The first baking day ({first}) must be before the event "
                f"({event.event_date})", field="first_day")
        if row is None:
            session.add(EventBakingStart(event_id=event_id, first_day=first))
        else:
            row.first_day = first
        return first
