"""BatchDecision: the baker's chosen number of batches for one recipe of an event."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    ForeignKey,
    Index,
    Integer,
    UniqueConstraint,
    false,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import BaseModel

if TYPE_CHECKING:
    from .event import Event
    from .finished_unit import FinishedUnit
    from .recipe import Recipe


class BatchDecision(BaseModel):
    """Batches chosen for a recipe, optionally naming the yield type (multi-yield recipes)."""

    __tablename__ = "batch_decisions"

    event_id: Mapped[int] = mapped_column(
        ForeignKey("events.id", ondelete="CASCADE"), nullable=False
    )
    recipe_id: Mapped[int] = mapped_column(
        ForeignKey("recipes.id", ondelete="RESTRICT"), nullable=False
    )
    finished_unit_id: Mapped[int | None] = mapped_column(
        ForeignKey("finished_units.id", ondelete="SET NULL"), nullable=True
    )
    batches: Mapped[int] = mapped_column(Integer, nullable=False)
    # Pinned by the baker: the batch optimiser never changes this decision.
    pinned: Mapped[bool] = mapped_column(
        Boolean,
        nullable=False,
        default=False,
        server_default=false(),
    )

    event: Mapped[Event] = relationship(back_populates="batch_decisions")
    recipe: Mapped[Recipe] = relationship()
    finished_unit: Mapped[FinishedUnit | None] = relationship()

    __table_args__ = (
        UniqueConstraint("event_id", "recipe_id", name="uq_batch_decision_event_recipe"),
        CheckConstraint("batches > 0", name="ck_batch_decision_batches_positive"),
        Index("idx_batch_decision_event", "event_id"),
        Index("idx_batch_decision_recipe", "recipe_id"),
        Index("idx_batch_decision_finished_unit", "finished_unit_id"),
    )

    def __repr__(self) -> str:
        return (
            f"BatchDecision(event_id={self.event_id}, "
            f"recipe_id={self.recipe_id}, batches={self.batches})"
        )
