"""production day: modify_fg amendments and plan completion records

Revision ID: 0002
Revises: 0001
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_OLD = ("drop_fg", "add_fg", "modify_batch")
_NEW = (*_OLD, "modify_fg")


def _kind(values: tuple[str, ...]) -> sa.Enum:
    return sa.Enum(
        *values,
        name="ck_plan_amendment_type",
        native_enum=False,
        create_constraint=True,
        length=12,
    )


def upgrade() -> None:
    # Every existing row is kept: the batch mode copies the table with the wider check.
    with op.batch_alter_table("plan_amendments", schema=None) as batch_op:
        batch_op.alter_column(
            "amendment_type", existing_type=_kind(_OLD), type_=_kind(_NEW), existing_nullable=False
        )
    op.create_table(
        "plan_completions",
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("completion_data", sa.JSON(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["event_id"],
            ["events.id"],
            name=op.f("fk_plan_completions_event_id_events"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_plan_completions")),
        sa.UniqueConstraint("event_id", name=op.f("uq_plan_completions_event_id")),
        sa.UniqueConstraint("uuid", name=op.f("uq_plan_completions_uuid")),
    )


def downgrade() -> None:
    op.drop_table("plan_completions")
    op.execute("DELETE FROM plan_amendments WHERE amendment_type = 'modify_fg'")
    with op.batch_alter_table("plan_amendments", schema=None) as batch_op:
        batch_op.alter_column(
            "amendment_type", existing_type=_kind(_NEW), type_=_kind(_OLD), existing_nullable=False
        )
