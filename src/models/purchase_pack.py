"""PurchasePack: a pack of an ingredient as a shop sells it ("5 lb bag", $4.29).

The decimal column types of this feature are defined once here
(``PACK_QUANTITY_TYPE``, ``PRICE_TYPE``) and used by the model and by
migration 0004, so switching them to another exact type is a one-line change.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    ForeignKey,
    Index,
    Integer,
    String,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import BaseModel
from .types import PRICE_DIGITS, QUANTITY_DIGITS, ExactDecimal

if TYPE_CHECKING:
    from .ingredient import Ingredient

# The one place the new decimal columns' types are written.
PACK_QUANTITY_TYPE = ExactDecimal(QUANTITY_DIGITS)
PRICE_TYPE = ExactDecimal(PRICE_DIGITS)

# At most one preferred pack per ingredient: a partial unique index (SQLite and
# PostgreSQL both support the WHERE clause).
PREFERRED_WHERE = text("preferred")


class PurchasePack(BaseModel):
    """One way to buy an ingredient: a labelled pack size, optionally priced and
    tied to a store; ``preferred`` marks the pack costs are computed from."""

    __tablename__ = "purchase_packs"

    ingredient_id: Mapped[int] = mapped_column(
        ForeignKey("ingredients.id", ondelete="CASCADE"), nullable=False, index=True
    )
    label: Mapped[str] = mapped_column(String(100), nullable=False)
    quantity: Mapped[Decimal] = mapped_column(PACK_QUANTITY_TYPE, nullable=False)
    unit: Mapped[str] = mapped_column(String(20), nullable=False)
    price: Mapped[Decimal | None] = mapped_column(PRICE_TYPE)
    store: Mapped[str | None] = mapped_column(String(100))
    preferred: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    position: Mapped[int] = mapped_column(Integer, nullable=False, default=0)

    ingredient: Mapped[Ingredient] = relationship(back_populates="packs")

    __table_args__ = (
        UniqueConstraint("ingredient_id", "label", name="uq_purchase_pack_label"),
        CheckConstraint("length(trim(label)) > 0", name="ck_purchase_pack_label_not_blank"),
        CheckConstraint("quantity > 0", name="ck_purchase_pack_quantity_positive"),
        CheckConstraint("price IS NULL OR price >= 0", name="ck_purchase_pack_price_not_negative"),
        Index(
            "uq_purchase_pack_one_preferred",
            "ingredient_id",
            unique=True,
            sqlite_where=PREFERRED_WHERE,
            postgresql_where=PREFERRED_WHERE,
        ),
    )

    def __repr__(self) -> str:
        return (
            f"PurchasePack(ingredient_id={self.ingredient_id}, label={self.label!r}, "
            f"quantity={self.quantity}, unit={self.unit!r}, price={self.price})"
        )
