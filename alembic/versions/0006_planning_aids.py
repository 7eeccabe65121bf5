"""planning aids: per-guest rate, leftovers, pinned decisions

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-29 16:30:00

Adds three optional columns and keeps every row: a finished good's
``per_guest`` rate (NULL), an event line's recorded ``leftover`` (NULL) and a
batch decision's ``pinned`` flag (false for every existing decision).

Plain ADD COLUMN / DROP COLUMN (no batch table copy): SQLite does both in
place, so the tables that reference these ones are never rebuilt under
``PRAGMA foreign_keys=ON``. The value rules (rate > 0, leftover ≥ 0) are
checked by the services.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column(
        "finished_goods", sa.Column("per_guest", sa.Numeric(precision=12, scale=4), nullable=True)
    )
    op.add_column("event_finished_goods", sa.Column("leftover", sa.Integer(), nullable=True))
    op.add_column(
        "batch_decisions",
        sa.Column("pinned", sa.Boolean(), nullable=False, server_default=sa.false()),
    )


def downgrade() -> None:
    op.drop_column("batch_decisions", "pinned")
    op.drop_column("event_finished_goods", "leftover")
    op.drop_column("finished_goods", "per_guest")
