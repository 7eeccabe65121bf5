"""ProductionRun: batches actually baked for a recipe of an event."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import CheckConstraint, DateTime, ForeignKey, Index, Integer, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from src.utils.datetime_utils import utc_now

from .base import BaseModel

if TYPE_CHECKING:
    from .event import Event
    from .recipe import Recipe


class ProductionRun(BaseModel):
    """A record that ``batches`` batches of a recipe were baked for the event."""

    __tablename__ = "production_runs"

    event_id: Mapped[int] = mapped_column(
        ForeignKey("events.id", ondelete="CASCADE"), nullable=False
    )
    recipe_id: Mapped[int] = mapped_column(
        ForeignKey("recipes.id", ondelete="RESTRICT"), nullable=False
    )
    batches: Mapped[int] = mapped_column(Integer, nullable=False)
    recorded_at: Mapped[datetime] = mapped_column(DateTime, nullable=False, default=utc_now)
    notes: Mapped[str | None] = mapped_column(Text)

    event: Mapped[Event] = relationship(back_populates="production_runs")
    recipe: Mapped[Recipe] = relationship()

    __table_args__ = (
        CheckConstraint("batches >= 1", name="ck_production_run_batches_positive"),
        Index("idx_production_run_event", "event_id"),
        Index("idx_production_run_recipe", "recipe_id"),
    )

    def __repr__(self) -> str:
        return (
            f"ProductionRun(event_id={self.event_id}, recipe_id={self.recipe_id}, "
            f"batches={self.batches})"
        )
