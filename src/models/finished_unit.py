"""FinishedUnit: a yield type of a recipe (items per batch, or a share of a batch)."""

from __future__ import annotations

from decimal import Decimal
from enum import Enum
from typing import TYPE_CHECKING

from sqlalchemy import CheckConstraint, ForeignKey, Index, Integer, String, and_, column, or_
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import BaseModel, value_enum
from .types import SHARE_DIGITS, ExactDecimal, exact_literal

if TYPE_CHECKING:
    from .recipe import Recipe


class YieldMode(str, Enum):
    """Discrete items per batch, or each item a portion of a batch."""

    DISCRETE_COUNT = "discrete_count"
    BATCH_PORTION = "batch_portion"


class FinishedUnit(BaseModel):
    """"Sugar cookie, 24 per batch" or "9-inch cake, 50 % of a batch"."""

    __tablename__ = "finished_units"

    name: Mapped[str] = mapped_column(String(200), unique=True, nullable=False)
    recipe_id: Mapped[int] = mapped_column(
        ForeignKey("recipes.id", ondelete="CASCADE"), nullable=False
    )
    yield_mode: Mapped[YieldMode] = mapped_column(
        value_enum(YieldMode, "ck_finished_unit_yield_mode"), nullable=False
    )
    items_per_batch: Mapped[int | None] = mapped_column(Integer)
    batch_percentage: Mapped[Decimal | None] = mapped_column(ExactDecimal(SHARE_DIGITS))

    recipe: Mapped[Recipe] = relationship(back_populates="finished_units")

    __table_args__ = (
        CheckConstraint("length(trim(name)) > 0", name="ck_finished_unit_name_not_blank"),
        # An expression, not text: the 100 % bound is scaled like the column on SQLite.
        CheckConstraint(
            or_(
                and_(
                    column("yield_mode") == "discrete_count",
                    column("items_per_batch") >= 1,
                    column("batch_percentage").is_(None),
                ),
                and_(
                    column("yield_mode") == "batch_portion",
                    column("batch_percentage") > 0,
                    column("batch_percentage") <= exact_literal(100, SHARE_DIGITS),
                    column("items_per_batch").is_(None),
                ),
            ),
            name="ck_finished_unit_yield_amount",
        ),
        Index("idx_finished_unit_recipe", "recipe_id"),
    )

    def __repr__(self) -> str:
        return f"FinishedUnit(id={self.id}, name={self.name!r}, recipe_id={self.recipe_id})"
