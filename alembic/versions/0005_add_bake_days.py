"""add bake days: recipe timing, bakery settings, event baking start

Revision ID: 0005
Revises: 0008
Create Date: 2026-11-29 16:30:00

Only new tables: every existing row stays as it is.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _base_columns() -> list[sa.Column]:
    return [
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
    ]


def upgrade() -> None:
    op.create_table(
        "recipe_timings",
        sa.Column("recipe_id", sa.Integer(), nullable=False),
        sa.Column("active_minutes", sa.Integer(), nullable=True),
        sa.Column("rest_minutes", sa.Integer(), nullable=True),
        sa.Column("oven_minutes", sa.Integer(), nullable=True),
        sa.Column("loads_per_batch", sa.Integer(), nullable=True),
        sa.Column("days_fresh", sa.Integer(), nullable=True),
        sa.Column("freezes", sa.Boolean(), nullable=False),
        sa.Column("days_frozen", sa.Integer(), nullable=True),
        *_base_columns(),
        sa.CheckConstraint("active_minutes IS NULL OR active_minutes >= 0",
                           name="ck_recipe_timing_active_not_negative"),
        sa.CheckConstraint("rest_minutes IS NULL OR rest_minutes >= 0",
                           name="ck_recipe_timing_rest_not_negative"),
        sa.CheckConstraint("oven_minutes IS NULL OR oven_minutes >= 1",
                           name="ck_recipe_timing_oven_positive"),
        sa.CheckConstraint("loads_per_batch IS NULL OR loads_per_batch >= 1",
                           name="ck_recipe_timing_loads_positive"),
        sa.CheckConstraint("days_fresh IS NULL OR days_fresh >= 0",
                           name="ck_recipe_timing_fresh_not_negative"),
        sa.CheckConstraint("days_frozen IS NULL OR days_frozen >= 0",
                           name="ck_recipe_timing_frozen_not_negative"),
        sa.ForeignKeyConstraint(["recipe_id"], ["recipes.id"],
                                name=op.f("fk_recipe_timings_recipe_id_recipes"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_recipe_timings")),
        sa.UniqueConstraint("recipe_id", name=op.f("uq_recipe_timings_recipe_id")),
        sa.UniqueConstraint("uuid", name=op.f("uq_recipe_timings_uuid")),
    )
    op.create_table(
        "bakery_settings",
        sa.Column("ovens", sa.Integer(), nullable=False),
        *_base_columns(),
        sa.CheckConstraint("ovens >= 1", name="ck_bakery_settings_ovens_positive"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_bakery_settings")),
        sa.UniqueConstraint("uuid", name=op.f("uq_bakery_settings_uuid")),
    )
    op.create_table(
        "baking_hours",
        sa.Column("weekday", sa.Integer(), nullable=False),
        sa.Column("start_minute", sa.Integer(), nullable=False),
        sa.Column("end_minute", sa.Integer(), nullable=False),
        *_base_columns(),
        sa.CheckConstraint("weekday BETWEEN 0 AND 6", name="ck_baking_hours_weekday"),
        sa.CheckConstraint(
            "start_minute >= 0 AND end_minute <= 1440 AND start_minute < end_minute",
            name="ck_baking_hours_span"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_baking_hours")),
        sa.UniqueConstraint("uuid", name=op.f("uq_baking_hours_uuid")),
        sa.UniqueConstraint("weekday", name=op.f("uq_baking_hours_weekday")),
    )
    op.create_table(
        "bakery_days_off",
        sa.Column("day", sa.Date(), nullable=False),
        *_base_columns(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_bakery_days_off")),
        sa.UniqueConstraint("day", name=op.f("uq_bakery_days_off_day")),
        sa.UniqueConstraint("uuid", name=op.f("uq_bakery_days_off_uuid")),
    )
    op.create_table(
        "event_baking_starts",
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("first_day", sa.Date(), nullable=False),
        *_base_columns(),
        sa.ForeignKeyConstraint(["event_id"], ["events.id"],
                                name=op.f("fk_event_baking_starts_event_id_events"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_event_baking_starts")),
        sa.UniqueConstraint("event_id", name=op.f("uq_event_baking_starts_event_id")),
        sa.UniqueConstraint("uuid", name=op.f("uq_event_baking_starts_uuid")),
    )


def downgrade() -> None:
    op.drop_table("event_baking_starts")
    op.drop_table("bakery_days_off")
    op.drop_table("baking_hours")
    op.drop_table("bakery_settings")
    op.drop_table("recipe_timings")
