"""PlanAmendment: an append-only change to a plan in production, with a reason."""

from __future__ import annotations

from enum import Enum
from typing import TYPE_CHECKING, Any

from sqlalchemy import JSON, CheckConstraint, ForeignKey, Index, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import BaseModel, value_enum

if TYPE_CHECKING:
    from .event import Event


class AmendmentType(str, Enum):
    """Kinds of change allowed once production has started."""

    DROP_FG = "drop_fg"
    ADD_FG = "add_fg"
    MODIFY_BATCH = "modify_batch"


class PlanAmendment(BaseModel):
    """One amendment. ``amendment_data`` holds what changed, e.g.
    ``{"finished_good_id": 3, "original_quantity": 20}`` for DROP_FG,
    ``{"finished_good_id": 3, "quantity": 10}`` for ADD_FG,
    ``{"recipe_id": 2, "original_batches": 8, "new_batches": 9}`` for MODIFY_BATCH."""

    __tablename__ = "plan_amendments"

    event_id: Mapped[int] = mapped_column(
        ForeignKey("events.id", ondelete="CASCADE"), nullable=False
    )
    amendment_type: Mapped[AmendmentType] = mapped_column(
        value_enum(AmendmentType, "ck_plan_amendment_type"), nullable=False
    )
    amendment_data: Mapped[dict[str, Any]] = mapped_column(JSON, nullable=False)
    reason: Mapped[str] = mapped_column(Text, nullable=False)

    event: Mapped[Event] = relationship(back_populates="plan_amendments")

    __table_args__ = (
        CheckConstraint("length(trim(reason)) > 0", name="ck_plan_amendment_reason_not_blank"),
        Index("idx_plan_amendment_event", "event_id"),
        Index("idx_plan_amendment_type", "amendment_type"),
    )

    def __repr__(self) -> str:
        return (
            f"PlanAmendment(event_id={self.event_id}, "
            f"type={self.amendment_type.value if self.amendment_type else None})"
        )
