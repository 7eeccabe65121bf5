"""PlanSnapshot: the plan as it was when production started (one per event)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sqlalchemy import JSON, ForeignKey
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import BaseModel

if TYPE_CHECKING:
    from .event import Event


class PlanSnapshot(BaseModel):
    """Written once when production starts; never rewritten."""

    __tablename__ = "plan_snapshots"

    event_id: Mapped[int] = mapped_column(
        ForeignKey("events.id", ondelete="CASCADE"), nullable=False, unique=True
    )
    snapshot_data: Mapped[dict[str, Any]] = mapped_column(JSON, nullable=False)

    event: Mapped[Event] = relationship(back_populates="plan_snapshot")

    def __repr__(self) -> str:
        return f"PlanSnapshot(event_id={self.event_id})"
