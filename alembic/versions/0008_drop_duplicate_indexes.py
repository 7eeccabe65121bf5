"""Drop the indexes that repeat the seed's named idx_* indexes.

Each of these columns had both ``index=True`` (an ``ix_*`` index) and an
explicit ``Index("idx_*")`` on the same column: two B-trees to update on every
write and no query served better. The seed's named indexes stay.

Revision ID: 0008
Revises: 0001
"""

from __future__ import annotations

from alembic import op

revision: str = "0008"
down_revision: str | None = "0001"
branch_labels = None
depends_on = None

DUPLICATES = {
    "events": [("ix_events_plan_state", "plan_state")],
    "event_finished_goods": [
        ("ix_event_finished_goods_event_id", "event_id"),
        ("ix_event_finished_goods_finished_good_id", "finished_good_id"),
    ],
    "event_recipes": [
        ("ix_event_recipes_event_id", "event_id"),
        ("ix_event_recipes_recipe_id", "recipe_id"),
    ],
    "plan_amendments": [("ix_plan_amendments_event_id", "event_id")],
    "batch_decisions": [
        ("ix_batch_decisions_event_id", "event_id"),
        ("ix_batch_decisions_finished_unit_id", "finished_unit_id"),
        ("ix_batch_decisions_recipe_id", "recipe_id"),
    ],
}


def upgrade() -> None:
    for table, indexes in DUPLICATES.items():
        for name, _column in indexes:
            op.drop_index(name, table_name=table)


def downgrade() -> None:
    for table, indexes in DUPLICATES.items():
        for name, column in indexes:
            op.create_index(name, table, [column], unique=False)
