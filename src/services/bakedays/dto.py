"""Plain data the bake-days services return and accept."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..plan.events import EventView

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


@dataclass(frozen=True)
class RecipeTimingView:
    """A recipe's timing; ``None`` = unknown."""

    recipe_id: int
    recipe: str
    active_minutes: int | None
    rest_minutes: int | None
    oven_minutes: int | None
    loads_per_batch: int | None
    days_fresh: int | None
    freezes: bool
    days_frozen: int | None


@dataclass(frozen=True)
class TimingInput:
    """What the recipe editor sends: text or numbers; blank or None = unknown."""

    active_minutes: object = None
    rest_minutes: object = None
    oven_minutes: object = None
    loads_per_batch: object = None
    days_fresh: object = None
    freezes: bool = False
    days_frozen: object = None


@dataclass(frozen=True)
class HoursRow:
    weekday: int  # 0 = Monday
    start: str  # "18:00"
    end: str  # "22:00"


@dataclass(frozen=True)
class BakerySettingsView:
    ovens: int
    hours: tuple[HoursRow, ...]  # baking weekdays only, Monday first
    days_off: tuple[date, ...]
    is_default: bool  # nothing saved yet: these are the defaults


@dataclass(frozen=True)
class SessionRow:
    start: str  # "18:00"
    end: str
    start_minute: int
    end_minute: int
    oven: int | None  # None for mix and freeze
    recipe: str
    batches: int
    action: str  # "mix" | "bake" | "freeze"
    flagged: bool  # scheduled with default timing


@dataclass(frozen=True)
class DayRow:
    day: date
    start: str  # the day's baking hours
    end: str
    start_minute: int
    end_minute: int
    sessions: tuple[SessionRow, ...]


@dataclass(frozen=True)
class ScheduleView:
    event: EventView
    first_day: date  # the first day baking may start
    first_day_is_default: bool
    ovens: int
    feasible: bool
    days: tuple[DayRow, ...]
    problems: tuple[str, ...]  # what did not fit and why
    notes: tuple[str, ...]  # recipes scheduled with default timing
