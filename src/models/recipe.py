"""Recipe and its ingredient lines. A variant names its base recipe."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from sqlalchemy import CheckConstraint, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import BaseModel
from .types import QUANTITY_DIGITS, ExactDecimal

if TYPE_CHECKING:
    from .finished_unit import FinishedUnit
    from .ingredient import Ingredient


class Recipe(BaseModel):
    """A batch recipe. With ``base_recipe_id`` it is a variant of that base."""

    __tablename__ = "recipes"

    name: Mapped[str] = mapped_column(String(200), unique=True, nullable=False)
    category: Mapped[str] = mapped_column(String(100), nullable=False, default="")
    notes: Mapped[str | None] = mapped_column(Text)
    base_recipe_id: Mapped[int | None] = mapped_column(
        ForeignKey("recipes.id", ondelete="RESTRICT"), index=True
    )

    base_recipe: Mapped[Recipe | None] = relationship(
        remote_side="Recipe.id", back_populates="variants"
    )
    variants: Mapped[list[Recipe]] = relationship(back_populates="base_recipe")
    ingredient_lines: Mapped[list[RecipeIngredient]] = relationship(
        back_populates="recipe",
        cascade="all, delete-orphan",
        order_by="RecipeIngredient.id",
    )
    finished_units: Mapped[list[FinishedUnit]] = relationship(
        back_populates="recipe", cascade="all, delete-orphan", order_by="FinishedUnit.id"
    )

    __table_args__ = (
        CheckConstraint("length(trim(name)) > 0", name="ck_recipe_name_not_blank"),
        CheckConstraint(
            "base_recipe_id IS NULL OR base_recipe_id <> id", name="ck_recipe_not_own_base"
        ),
    )

    def __repr__(self) -> str:
        return f"Recipe(id={self.id}, name={self.name!r}, base_recipe_id={self.base_recipe_id})"


class RecipeIngredient(BaseModel):
    """One ingredient line of a recipe: quantity (exact decimal) and unit."""

    __tablename__ = "recipe_ingredients"

    recipe_id: Mapped[int] = mapped_column(
        ForeignKey("recipes.id", ondelete="CASCADE"), nullable=False
    )
    ingredient_id: Mapped[int] = mapped_column(
        ForeignKey("ingredients.id", ondelete="RESTRICT"), nullable=False
    )
    quantity: Mapped[Decimal] = mapped_column(ExactDecimal(QUANTITY_DIGITS), nullable=False)
    unit: Mapped[str] = mapped_column(String(20), nullable=False)

    recipe: Mapped[Recipe] = relationship(back_populates="ingredient_lines")
    ingredient: Mapped[Ingredient] = relationship()

    __table_args__ = (
        CheckConstraint("quantity > 0", name="ck_recipe_ingredient_quantity_positive"),
        CheckConstraint("length(trim(unit)) > 0", name="ck_recipe_ingredient_unit_not_blank"),
        Index("idx_recipe_ingredient_recipe", "recipe_id"),
        Index("idx_recipe_ingredient_ingredient", "ingredient_id"),
    )

    def __repr__(self) -> str:
        return (
            f"RecipeIngredient(recipe_id={self.recipe_id}, ingredient_id={self.ingredient_id}, "
            f"quantity={self.quantity}, unit={self.unit!r})"
        )
