"""PlanCompletion: the plan's figures as they were when it was completed (one per event)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import JSON, ForeignKey
from sqlalchemy.orm import Mapped, mapped_column

from .base import BaseModel


class PlanCompletion(BaseModel):
    """Written once when the plan is completed; never rewritten. A completed
    plan is history: the window, the CLI and the reports show these figures
    from then on, whatever happens to the catalog later."""

    __tablename__ = "plan_completions"

    event_id: Mapped[int] = mapped_column(
        ForeignKey("events.id", ondelete="CASCADE"), nullable=False, unique=True
    )
    completion_data: Mapped[dict[str, Any]] = mapped_column(JSON, nullable=False)

    def __repr__(self) -> str:
        return f"PlanCompletion(event_id={self.event_id})"
