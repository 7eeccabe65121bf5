"""every yield type gets its single-item finished good

Revision ID: 0007
Revises: 0004
Create Date: 2026-11-29 16:30:00

A data migration: for each yield type that no finished good holds as exactly
"that yield type × 1", add such a good named like the yield type (or
"<name> (single)", "<name> (single 2)", … when a good already has that name).
Existing rows are not changed. Downgrade leaves the goods (they are ordinary
finished goods the baker may since have used).
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_LIMIT = 200


def _free_name(name: str, taken: set[str]) -> str:
    if name.casefold() not in taken:
        return name
    n = 1
    while True:
        tail = " (single)" if n == 1 else f" (single {n})"
        candidate = name[: _LIMIT - len(tail)].rstrip() + tail
        if candidate.casefold() not in taken:
            return candidate
        n += 1


def upgrade() -> None:
    conn = op.get_bind()
    units = conn.execute(sa.text("SELECT id, name FROM finished_units ORDER BY id")).all()
    covered = {
        row[0]
        for row in conn.execute(sa.text(
            "SELECT c.finished_unit_id FROM finished_good_components c "
            "WHERE c.finished_unit_id IS NOT NULL AND c.quantity = 1 AND "
            "(SELECT count(*) FROM finished_good_components o "
            " WHERE o.finished_good_id = c.finished_good_id) = 1"
        ))
    }
    taken = {row[0].casefold() for row in conn.execute(sa.text("SELECT name FROM finished_goods"))}
    now = datetime.now(UTC).replace(tzinfo=None)
    for unit_id, unit_name in sorted(units, key=lambda u: (u[1].casefold(), u[0])):
        if unit_id in covered:
            continue
        name = _free_name(unit_name, taken)
        taken.add(name.casefold())
        good_id = conn.execute(
            sa.text("INSERT INTO finished_goods (name, notes, uuid, created_at, updated_at) "
                    "VALUES (:name, '', :uuid, :now, :now) RETURNING id"),
            {"name": name, "uuid": str(uuid.uuid4()), "now": now},
        ).scalar_one()
        conn.execute(
            sa.text("INSERT INTO finished_good_components (finished_good_id, finished_unit_id, "
                    "component_good_id, quantity, uuid, created_at, updated_at) "
                    "VALUES (:good, :unit, NULL, 1, :uuid, :now, :now)"),
            {"good": good_id, "unit": unit_id, "uuid": str(uuid.uuid4()), "now": now},
        )


def downgrade() -> None:
    """Nothing to undo: the added goods are ordinary finished goods."""
