"""PantryItem: how much of an ingredient is on hand, in any supported unit."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from sqlalchemy import CheckConstraint, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import BaseModel
from .types import QUANTITY_DIGITS, ExactDecimal

if TYPE_CHECKING:
    from .ingredient import Ingredient


class PantryItem(BaseModel):
    """Stock of one ingredient (one row per ingredient)."""

    __tablename__ = "pantry_items"

    ingredient_id: Mapped[int] = mapped_column(
        ForeignKey("ingredients.id", ondelete="CASCADE"), nullable=False, unique=True
    )
    quantity: Mapped[Decimal] = mapped_column(ExactDecimal(QUANTITY_DIGITS), nullable=False)
    unit: Mapped[str] = mapped_column(String(20), nullable=False)

    ingredient: Mapped[Ingredient] = relationship()

    __table_args__ = (
        CheckConstraint("quantity >= 0", name="ck_pantry_item_quantity_not_negative"),
    )

    def __repr__(self) -> str:
        return (
            f"PantryItem(ingredient_id={self.ingredient_id}, quantity={self.quantity}, "
            f"unit={self.unit!r})"
        )
