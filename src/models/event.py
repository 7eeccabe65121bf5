"""Event: a dated baking event and its plan (selections, lines, decisions, amendments)."""

from __future__ import annotations

from datetime import date
from enum import Enum
from typing import TYPE_CHECKING

from sqlalchemy import CheckConstraint, Date, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import BaseModel, value_enum

if TYPE_CHECKING:
    from .batch_decision import BatchDecision
    from .event_finished_good import EventFinishedGood
    from .event_recipe import EventRecipe
    from .plan_amendment import PlanAmendment
    from .plan_snapshot import PlanSnapshot
    from .production_run import ProductionRun


class OutputMode(str, Enum):
    """How the event's output is delivered: loose items or assembled bundles."""

    BULK_COUNT = "bulk_count"
    BUNDLED = "bundled"


class PlanState(str, Enum):
    """Planning workflow states: DRAFT → LOCKED → IN_PRODUCTION → COMPLETED."""

    DRAFT = "draft"
    LOCKED = "locked"
    IN_PRODUCTION = "in_production"
    COMPLETED = "completed"


class Event(BaseModel):
    """A dated baking event with optional expected attendees and a plan state."""

    __tablename__ = "events"

    name: Mapped[str] = mapped_column(String(200), nullable=False)
    event_date: Mapped[date] = mapped_column(Date, nullable=False, index=True)
    notes: Mapped[str | None] = mapped_column(Text)
    output_mode: Mapped[OutputMode] = mapped_column(
        value_enum(OutputMode, "ck_event_output_mode"),
        nullable=False,
        default=OutputMode.BUNDLED,
    )
    expected_attendees: Mapped[int | None] = mapped_column(Integer, nullable=True, index=True)
    plan_state: Mapped[PlanState] = mapped_column(
        value_enum(PlanState, "ck_event_plan_state_value"),
        nullable=False,
        default=PlanState.DRAFT,
    )

    event_recipes: Mapped[list[EventRecipe]] = relationship(
        back_populates="event", cascade="all, delete-orphan", lazy="selectin"
    )
    event_finished_goods: Mapped[list[EventFinishedGood]] = relationship(
        back_populates="event", cascade="all, delete-orphan", lazy="selectin"
    )
    batch_decisions: Mapped[list[BatchDecision]] = relationship(
        back_populates="event", cascade="all, delete-orphan", lazy="selectin"
    )
    plan_amendments: Mapped[list[PlanAmendment]] = relationship(
        back_populates="event", cascade="all, delete-orphan", lazy="selectin"
    )
    plan_snapshot: Mapped[PlanSnapshot | None] = relationship(
        back_populates="event", cascade="all, delete-orphan", lazy="select"
    )
    production_runs: Mapped[list[ProductionRun]] = relationship(
        back_populates="event", cascade="all, delete-orphan", lazy="select"
    )

    __table_args__ = (
        Index("idx_event_plan_state", "plan_state"),
        CheckConstraint("length(trim(name)) > 0", name="ck_event_name_not_blank"),
        CheckConstraint(
            "expected_attendees IS NULL OR expected_attendees >= 1",
            name="ck_event_expected_attendees_positive",
        ),
    )

    def __repr__(self) -> str:
        return (
            f"Event(id={self.id}, name={self.name!r}, event_date={self.event_date}, "
            f"plan_state={self.plan_state.value if self.plan_state else None})"
        )
