"""Plain data in and out of the bake-day scheduler (:mod:`src.planning.schedule`)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

__all__ = [
    "DEFAULT_TIMING",
    "RecipeTiming",
    "BakeJob",
    "BakeryHours",
    "ScheduleRequest",
    "ScheduledSession",
    "ScheduleDay",
    "Schedule",
]


@dataclass(frozen=True)
class RecipeTiming:
    """Per-batch timing of a recipe; ``None`` means unknown (a default is used and
    the recipe is flagged)."""

    active_minutes: int | None = None  # mixing and shaping, per batch
    rest_minutes: int | None = None  # rest / chill between mixing and baking
    oven_minutes: int | None = None  # one oven load
    loads_per_batch: int | None = None  # oven loads one batch needs
    days_fresh: int | None = None  # keeps this many days at room temperature
    freezes: bool = False
    days_frozen: int | None = None  # keeps this many days frozen (None: no limit)

    @property
    def is_unknown(self) -> bool:
        return self.oven_minutes is None and self.loads_per_batch is None \
            and self.active_minutes is None


# What a recipe without timing is scheduled with (each figure also fills a
# single missing field): a 30-minute mix, no rest, one 60-minute oven load per
# batch, keeps 3 days.
DEFAULT_TIMING = RecipeTiming(
    active_minutes=30, rest_minutes=0, oven_minutes=60, loads_per_batch=1, days_fresh=3,
    freezes=False, days_frozen=None,
)


@dataclass(frozen=True)
class BakeJob:
    """``batches`` batches of one recipe still to bake."""

    recipe_id: int
    name: str
    batches: int
    timing: RecipeTiming = field(default_factory=RecipeTiming)


@dataclass(frozen=True)
class BakeryHours:
    """Ovens, the baking window per weekday (0 = Monday; minutes after midnight,
    start < end) and dates with no baking."""

    ovens: int
    hours: Mapping[int, tuple[int, int]]
    days_off: frozenset[date] = frozenset()


@dataclass(frozen=True)
class ScheduleRequest:
    event_date: date
    first_day: date  # the first day baking may start
    jobs: tuple[BakeJob, ...]
    bakery: BakeryHours


@dataclass(frozen=True)
class ScheduledSession:
    """One block on one day: mixing (no oven), baking on an oven, or freezing what
    was baked that day. Times are minutes after midnight."""

    day: date
    start: int
    end: int
    oven: int | None  # 1-based; None for mix and freeze
    recipe_id: int
    recipe: str
    batches: int
    action: str  # "mix" | "bake" | "freeze"
    flagged: bool = False  # the recipe has no (complete) timing: defaults used


@dataclass(frozen=True)
class ScheduleDay:
    day: date
    start: int  # the day's baking window
    end: int
    sessions: tuple[ScheduledSession, ...]  # by start, then oven


@dataclass(frozen=True)
class Schedule:
    """The bake days, whether every batch was placed, and why not (plus notes on
    recipes scheduled with default timing)."""

    feasible: bool
    days: tuple[ScheduleDay, ...]
    problems: tuple[str, ...]
    notes: tuple[str, ...]
    unplaced: Mapping[int, int]  # recipe id → batches that did not fit
