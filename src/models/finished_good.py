"""FinishedGood and its components (finished units or other finished goods)."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from sqlalchemy import (
    CheckConstraint,
    ForeignKey,
    Index,
    Integer,
    Numeric,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import BaseModel

if TYPE_CHECKING:
    from .finished_unit import FinishedUnit


class FinishedGood(BaseModel):
    """What an event asks for: a single item, or a bundle of components."""

    __tablename__ = "finished_goods"

    name: Mapped[str] = mapped_column(String(200), unique=True, nullable=False)
    notes: Mapped[str | None] = mapped_column(Text)
    # How many of this good one guest takes (3 cookies, 0.1 gift tins); optional.
    per_guest: Mapped[Decimal | None] = mapped_column(Numeric(12, 4), nullable=True)

    components: Mapped[list[FinishedGoodComponent]] = relationship(
        back_populates="finished_good",
        cascade="all, delete-orphan",
        foreign_keys="FinishedGoodComponent.finished_good_id",
        order_by="FinishedGoodComponent.id",
    )

    __table_args__ = (
        CheckConstraint("length(trim(name)) > 0", name="ck_finished_good_name_not_blank"),
    )

    def __repr__(self) -> str:
        return f"FinishedGood(id={self.id}, name={self.name!r})"


class FinishedGoodComponent(BaseModel):
    """One component of a finished good: exactly one of a unit or a good, quantity ≥ 1."""

    __tablename__ = "finished_good_components"

    finished_good_id: Mapped[int] = mapped_column(
        ForeignKey("finished_goods.id", ondelete="CASCADE"), nullable=False
    )
    finished_unit_id: Mapped[int | None] = mapped_column(
        ForeignKey("finished_units.id", ondelete="RESTRICT")
    )
    component_good_id: Mapped[int | None] = mapped_column(
        ForeignKey("finished_goods.id", ondelete="RESTRICT")
    )
    quantity: Mapped[int] = mapped_column(Integer, nullable=False)

    finished_good: Mapped[FinishedGood] = relationship(
        back_populates="components", foreign_keys=[finished_good_id]
    )
    finished_unit: Mapped[FinishedUnit | None] = relationship()
    component_good: Mapped[FinishedGood | None] = relationship(foreign_keys=[component_good_id])

    __table_args__ = (
        CheckConstraint("quantity >= 1", name="ck_fg_component_quantity_positive"),
        CheckConstraint(
            "(finished_unit_id IS NULL) <> (component_good_id IS NULL)",
            name="ck_fg_component_exactly_one",
        ),
        CheckConstraint(
            "component_good_id IS NULL OR component_good_id <> finished_good_id",
            name="ck_fg_component_not_self",
        ),
        UniqueConstraint("finished_good_id", "finished_unit_id", name="uq_fg_component_unit"),
        UniqueConstraint("finished_good_id", "component_good_id", name="uq_fg_component_good"),
        Index("idx_fg_component_good", "finished_good_id"),
        Index("idx_fg_component_unit", "finished_unit_id"),
        Index("idx_fg_component_child", "component_good_id"),
    )

    def __repr__(self) -> str:
        return (
            f"FinishedGoodComponent(finished_good_id={self.finished_good_id}, "
            f"finished_unit_id={self.finished_unit_id}, "
            f"component_good_id={self.component_good_id}, quantity={self.quantity})"
        )
