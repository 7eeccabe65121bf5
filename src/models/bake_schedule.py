"""Bake-day settings: per-recipe timing, the bakery's ovens and hours, and per
event the first day baking may start. Every timing figure is optional: a
missing figure means "unknown" and the scheduler uses a flagged default."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Boolean, CheckConstraint, Date, ForeignKey, Integer
from sqlalchemy.orm import Mapped, mapped_column

from .base import BaseModel


class RecipeTiming(BaseModel):
    """How long one batch of a recipe takes and how long the result keeps."""

    __tablename__ = "recipe_timings"

    recipe_id: Mapped[int] = mapped_column(
        ForeignKey("recipes.id", ondelete="CASCADE"), nullable=False, unique=True
    )
    active_minutes: Mapped[int | None] = mapped_column(Integer)  # mixing, shaping per batch
    rest_minutes: Mapped[int | None] = mapped_column(Integer)  # rest / chill before baking
    oven_minutes: Mapped[int | None] = mapped_column(Integer)  # per oven load
    loads_per_batch: Mapped[int | None] = mapped_column(Integer)
    days_fresh: Mapped[int | None] = mapped_column(Integer)  # at room temperature
    freezes: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    days_frozen: Mapped[int | None] = mapped_column(Integer)

    __table_args__ = (
        CheckConstraint("active_minutes IS NULL OR active_minutes >= 0",
                        name="ck_recipe_timing_active_not_negative"),
        CheckConstraint("rest_minutes IS NULL OR rest_minutes >= 0",
                        name="ck_recipe_timing_rest_not_negative"),
        CheckConstraint("oven_minutes IS NULL OR oven_minutes >= 1",
                        name="ck_recipe_timing_oven_positive"),
        CheckConstraint("loads_per_batch IS NULL OR loads_per_batch >= 1",
                        name="ck_recipe_timing_loads_positive"),
        CheckConstraint("days_fresh IS NULL OR days_fresh >= 0",
                        name="ck_recipe_timing_fresh_not_negative"),
        CheckConstraint("days_frozen IS NULL OR days_frozen >= 0",
                        name="ck_recipe_timing_frozen_not_negative"),
    )

    def __repr__(self) -> str:
        return (
            f"RecipeTiming(recipe_id={self.recipe_id}, oven_minutes={self.oven_minutes}, "
            f"loads_per_batch={self.loads_per_batch})"
        )


class BakerySettings(BaseModel):
    """The bakery's equipment; one row (absent means the defaults)."""

    __tablename__ = "bakery_settings"

    ovens: Mapped[int] = mapped_column(Integer, nullable=False, default=1)

    __table_args__ = (CheckConstraint("ovens >= 1", name="ck_bakery_settings_ovens_positive"),)

    def __repr__(self) -> str:
        return f"BakerySettings(ovens={self.ovens})"


class BakingHours(BaseModel):
    """The hours available for baking on one weekday (0 = Monday), in minutes
    after midnight. A weekday without a row is not a baking day."""

    __tablename__ = "baking_hours"

    weekday: Mapped[int] = mapped_column(Integer, nullable=False, unique=True)
    start_minute: Mapped[int] = mapped_column(Integer, nullable=False)
    end_minute: Mapped[int] = mapped_column(Integer, nullable=False)

    __table_args__ = (
        CheckConstraint("weekday BETWEEN 0 AND 6", name="ck_baking_hours_weekday"),
        CheckConstraint("start_minute >= 0 AND end_minute <= 1440 AND start_minute < end_minute",
                        name="ck_baking_hours_span"),
    )

    def __repr__(self) -> str:
        return (
            f"BakingHours(weekday={self.weekday}, start_minute={self.start_minute}, "
            f"end_minute={self.end_minute})"
        )


class BakeryDayOff(BaseModel):
    """A date with no baking, whatever the weekday's hours say."""

    __tablename__ = "bakery_days_off"

    day: Mapped[date] = mapped_column(Date, nullable=False, unique=True)

    def __repr__(self) -> str:
        return f"BakeryDayOff(day={self.day})"


class EventBakingStart(BaseModel):
    """The first day baking for an event may start (absent: the scheduler's default)."""

    __tablename__ = "event_baking_starts"

    event_id: Mapped[int] = mapped_column(
        ForeignKey("events.id", ondelete="CASCADE"), nullable=False, unique=True
    )
    first_day: Mapped[date] = mapped_column(Date, nullable=False)

    def __repr__(self) -> str:
        return f"EventBakingStart(event_id={self.event_id}, first_day={self.first_day})"
