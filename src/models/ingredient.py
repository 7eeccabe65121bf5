"""Ingredient: a generic ingredient, with an optional density so volume and mass convert."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from sqlalchemy import CheckConstraint, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import BaseModel
from .types import DENSITY_DIGITS, ExactDecimal

if TYPE_CHECKING:
    from .purchase_pack import PurchasePack


class Ingredient(BaseModel):
    """A generic ingredient ("All-purpose flour")."""

    __tablename__ = "ingredients"

    name: Mapped[str] = mapped_column(String(200), unique=True, nullable=False)
    category: Mapped[str] = mapped_column(String(100), nullable=False, default="")
    density_g_per_ml: Mapped[Decimal | None] = mapped_column(ExactDecimal(DENSITY_DIGITS))
    # The display unit for needs and the shopping list (None: the default rule).
    preferred_unit: Mapped[str | None] = mapped_column(String(20))

    packs: Mapped[list[PurchasePack]] = relationship(
        back_populates="ingredient",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="PurchasePack.position, PurchasePack.id",
    )

    __table_args__ = (
        CheckConstraint("length(trim(name)) > 0", name="ck_ingredient_name_not_blank"),
        CheckConstraint(
            "density_g_per_ml IS NULL OR density_g_per_ml > 0",
            name="ck_ingredient_density_positive",
        ),
    )

    def __repr__(self) -> str:
        return f"Ingredient(id={self.id}, name={self.name!r})"
