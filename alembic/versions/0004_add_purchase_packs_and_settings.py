"""add purchase packs and app settings

Revision ID: 0004
Revises: 0002
Create Date: 2026-11-29 16:30:00

Adds two tables and changes no existing row: ``purchase_packs`` (how an
ingredient is bought, with optional price and store) and ``app_settings``
(key/value, e.g. the currency symbol). The ingredient's existing
``preferred_unit`` column is its display unit.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from src.models.purchase_pack import PREFERRED_WHERE

# Exact decimals (see 0003): scaled integers on SQLite, NUMERIC on PostgreSQL.
PACK_QUANTITY_TYPE = sa.BigInteger().with_variant(sa.Numeric(18, 6), "postgresql")
PRICE_TYPE = sa.BigInteger().with_variant(sa.Numeric(18, 6), "postgresql")

revision: str = "0004"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "purchase_packs",
        sa.Column("ingredient_id", sa.Integer(), nullable=False),
        sa.Column("label", sa.String(length=100), nullable=False),
        sa.Column("quantity", PACK_QUANTITY_TYPE, nullable=False),
        sa.Column("unit", sa.String(length=20), nullable=False),
        sa.Column("price", PRICE_TYPE, nullable=True),
        sa.Column("store", sa.String(length=100), nullable=True),
        sa.Column("preferred", sa.Boolean(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("length(trim(label)) > 0", name="ck_purchase_pack_label_not_blank"),
        sa.CheckConstraint("quantity > 0", name="ck_purchase_pack_quantity_positive"),
        sa.CheckConstraint(
            "price IS NULL OR price >= 0", name="ck_purchase_pack_price_not_negative"
        ),
        sa.ForeignKeyConstraint(
            ["ingredient_id"],
            ["ingredients.id"],
            name=op.f("fk_purchase_packs_ingredient_id_ingredients"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_purchase_packs")),
        sa.UniqueConstraint("ingredient_id", "label", name="uq_purchase_pack_label"),
        sa.UniqueConstraint("uuid", name=op.f("uq_purchase_packs_uuid")),
    )
    with op.batch_alter_table("purchase_packs", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_purchase_packs_ingredient_id"), ["ingredient_id"], unique=False
        )
        batch_op.create_index(
            "uq_purchase_pack_one_preferred",
            ["ingredient_id"],
            unique=True,
            sqlite_where=PREFERRED_WHERE,
            postgresql_where=PREFERRED_WHERE,
        )
    op.create_table(
        "app_settings",
        sa.Column("key", sa.String(length=50), nullable=False),
        sa.Column("value", sa.String(length=200), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_app_settings")),
    )


def downgrade() -> None:
    op.drop_table("app_settings")
    with op.batch_alter_table("purchase_packs", schema=None) as batch_op:
        batch_op.drop_index("uq_purchase_pack_one_preferred")
        batch_op.drop_index(batch_op.f("ix_purchase_packs_ingredient_id"))
    op.drop_table("purchase_packs")
