"""EventFinishedGood: a finished good wanted for an event, with a positive quantity."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import CheckConstraint, ForeignKey, Index, Integer, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import BaseModel

if TYPE_CHECKING:
    from .event import Event
    from .finished_good import FinishedGood


class EventFinishedGood(BaseModel):
    """A line of the event: how many of a finished good are needed."""

    __tablename__ = "event_finished_goods"

    event_id: Mapped[int] = mapped_column(
        ForeignKey("events.id", ondelete="CASCADE"), nullable=False
    )
    finished_good_id: Mapped[int] = mapped_column(
        ForeignKey("finished_goods.id", ondelete="RESTRICT"), nullable=False
    )
    quantity: Mapped[int] = mapped_column(Integer, nullable=False)
    # How many were left over when the event was completed (optional).
    leftover: Mapped[int | None] = mapped_column(Integer, nullable=True)

    event: Mapped[Event] = relationship(back_populates="event_finished_goods")
    finished_good: Mapped[FinishedGood] = relationship()

    __table_args__ = (
        UniqueConstraint("event_id", "finished_good_id", name="uq_event_finished_good"),
        CheckConstraint("quantity > 0", name="ck_event_fg_quantity_positive"),
        Index("idx_event_fg_event", "event_id"),
        Index("idx_event_fg_fg", "finished_good_id"),
    )

    def __repr__(self) -> str:
        return (
            f"EventFinishedGood(event_id={self.event_id}, "
            f"finished_good_id={self.finished_good_id}, quantity={self.quantity})"
        )
