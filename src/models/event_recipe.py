"""EventRecipe: a recipe the baker selected for an event."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import ForeignKey, Index, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import BaseModel

if TYPE_CHECKING:
    from .event import Event
    from .recipe import Recipe


class EventRecipe(BaseModel):
    """Junction of events and their selected recipes (event CASCADE, recipe RESTRICT)."""

    __tablename__ = "event_recipes"

    event_id: Mapped[int] = mapped_column(
        ForeignKey("events.id", ondelete="CASCADE"), nullable=False
    )
    recipe_id: Mapped[int] = mapped_column(
        ForeignKey("recipes.id", ondelete="RESTRICT"), nullable=False
    )

    event: Mapped[Event] = relationship(back_populates="event_recipes")
    recipe: Mapped[Recipe] = relationship()

    __table_args__ = (
        UniqueConstraint("event_id", "recipe_id", name="uq_event_recipe"),
        Index("idx_event_recipe_event", "event_id"),
        Index("idx_event_recipe_recipe", "recipe_id"),
    )

    def __repr__(self) -> str:
        return f"EventRecipe(event_id={self.event_id}, recipe_id={self.recipe_id})"
