"""Ingredient: a generic ingredient, with an optional density so volume and mass convert."""

from decimal import Decimal

from sqlalchemy import CheckConstraint, String
from sqlalchemy.orm import Mapped, mapped_column

from .base import BaseModel
from .types import DENSITY_DIGITS, ExactDecimal


class Ingredient(BaseModel):
    """A generic ingredient ("All-purpose flour")."""

    __tablename__ = "ingredients"

    name: Mapped[str] = mapped_column(String(200), unique=True, nullable=False)
    category: Mapped[str] = mapped_column(String(100), nullable=False, default="")
    density_g_per_ml: Mapped[Decimal | None] = mapped_column(ExactDecimal(DENSITY_DIGITS))
    preferred_unit: Mapped[str | None] = mapped_column(String(20))

    __table_args__ = (
        CheckConstraint("length(trim(name)) > 0", name="ck_ingredient_name_not_blank"),
        CheckConstraint(
            "density_g_per_ml IS NULL OR density_g_per_ml > 0",
            name="ck_ingredient_density_positive",
        ),
    )

    def __repr__(self) -> str:
        return f"Ingredient(id={self.id}, name={self.name!r})"
