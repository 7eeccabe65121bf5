"""Plain, frozen results of the planning aids: suggestions, clones, leftovers."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from ..plan.events import EventView


@dataclass(frozen=True)
class SuggestionRow:
    """One good with a per-guest rate that the event can plan."""

    good_id: int
    good_name: str
    per_guest: Decimal
    current: int | None  # the line's quantity now; None: not a line yet
    suggested: int  # attendees × per_guest, rounded up

    @property
    def changes(self) -> bool:
        return self.current != self.suggested


@dataclass(frozen=True)
class UnratedGood:
    """A good the event can plan that has no per-guest rate yet."""

    good_id: int
    good_name: str
    current: int | None


@dataclass(frozen=True)
class SuggestionPreview:
    event_id: int
    attendees: int
    rows: tuple[SuggestionRow, ...]  # by good name
    not_available: tuple[str, ...]  # goods with a rate whose recipes are not selected
    unrated: tuple[UnratedGood, ...] = ()  # available goods without a rate, by name


@dataclass(frozen=True)
class ClonedLine:
    good_id: int
    good_name: str
    source_quantity: int
    source_leftover: int | None
    quantity: int  # the new event's quantity


@dataclass(frozen=True)
class CloneResult:
    event: EventView
    source: EventView
    lines: tuple[ClonedLine, ...]  # by good name
    decisions: int  # decisions copied
    stale_recipes: tuple[str, ...]  # decisions that no longer fit the new quantities
    notes: tuple[str, ...]  # e.g. "last year 30 of 120 Brownie square were left: …"


@dataclass(frozen=True)
class LeftoverRow:
    good_id: int
    good_name: str
    quantity: int
    leftover: int | None
