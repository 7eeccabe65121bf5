"""exact decimals: quantities, densities and shares as scaled integers on SQLite

Revision ID: 0003
Revises: 0008
Create Date: 2026-11-29 16:30:00

SQLite stored the NUMERIC columns as floating point (REAL): large values lost
digits and tiny ones became 0. From this revision they hold the value times
10**scale as an integer (src/models/types.py, ExactDecimal). Each existing
value is converted to what the application showed for it before (the REAL
rounded to the column's decimal places), so nothing a baker saw changes;
values that could never be used are mended: a share, density or recipe
quantity that had rounded to 0 (every plan using it crashed) becomes the
smallest step the column keeps (0.0001 %, 0.000001 g/ml, 0.000001), and a
value beyond the column's size becomes its largest. The database is backed
up before this runs (src/db.py).

PostgreSQL has stored these columns as exact NUMERIC(p, s) since 0001: there
is nothing to convert.

SQLite rebuilds the tables; with foreign keys enforced, dropping the old
``ingredients`` / ``finished_units`` would cascade into pantry items and batch
decisions, so src/db.py runs migrations with foreign keys off and checks them
(PRAGMA foreign_key_check) before committing. This revision refuses to run
otherwise when those tables hold rows.
"""

from collections.abc import Sequence
from decimal import ROUND_HALF_EVEN, Decimal

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# table, column, precision, scale, smallest allowed ("positive" or "zero"), nullable
COLUMNS = (
    ("ingredients", "density_g_per_ml", 12, 6, "positive", True),
    ("finished_units", "batch_percentage", 9, 4, "positive", True),
    ("pantry_items", "quantity", 18, 6, "zero", False),
    ("recipe_ingredients", "quantity", 18, 6, "positive", False),
)
_YIELD_CHECK = "ck_finished_unit_yield_amount"
_YIELD_TEXT = (
    "(yield_mode = 'discrete_count' AND items_per_batch >= 1 AND batch_percentage IS NULL)"
    " OR (yield_mode = 'batch_portion' AND batch_percentage > 0"
    " AND batch_percentage <= {hundred} AND items_per_batch IS NULL)"
)


def _exact(value: object, precision: int, scale: int, smallest: str) -> Decimal:
    """The decimal the application showed for a stored value, mended when unusable."""
    step = Decimal(1).scaleb(-scale)
    if isinstance(value, float):
        number = Decimal(f"{value:.{scale}f}")  # how SQLAlchemy's Numeric read it
    else:
        number = Decimal(str(value)).quantize(step, rounding=ROUND_HALF_EVEN)
    largest = Decimal(10) ** (precision - scale) - step
    if number > largest:
        number = largest
    if smallest == "positive" and number <= 0:
        number = step
    if smallest == "zero" and number < 0:
        number = Decimal(0)
    return number


def _require_foreign_keys_off(bind) -> None:
    if bind.exec_driver_sql("PRAGMA foreign_keys").scalar() != 1:
        return
    for table in ("ingredients", "finished_units"):
        if bind.exec_driver_sql(f"SELECT 1 FROM {table} LIMIT 1").first() is not None:
            raise RuntimeError(
                "revision 0003 rebuilds tables: run it with PRAGMA foreign_keys=OFF "
                "(src.db.open_database does) so no dependent row is cascaded away"
            )


def _convert(bind, table: str, column: str, convert) -> None:
    rows = bind.exec_driver_sql(
        f"SELECT id, {column} FROM {table} WHERE {column} IS NOT NULL"
    ).fetchall()
    for row_id, value in rows:
        bind.exec_driver_sql(
            f"UPDATE {table} SET {column} = ? WHERE id = ?", (convert(value), row_id)
        )


def _retype(table: str, column: str, old: sa.types.TypeEngine, new: sa.types.TypeEngine,
            nullable: bool, hundred: str) -> None:
    with op.batch_alter_table(table, schema=None) as batch_op:
        batch_op.alter_column(column, existing_type=old, type_=new, existing_nullable=nullable)
        if table == "finished_units":
            batch_op.drop_constraint(_YIELD_CHECK, type_="check")
            batch_op.create_check_constraint(_YIELD_CHECK, _YIELD_TEXT.format(hundred=hundred))


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "sqlite":
        return
    _require_foreign_keys_off(bind)
    # The old checks (batch_percentage <= 100) do not hold for scaled values
    # until the table is rebuilt with the new ones.
    bind.exec_driver_sql("PRAGMA ignore_check_constraints=ON")
    try:
        for table, column, precision, scale, smallest, nullable in COLUMNS:
            _convert(bind, table, column, lambda v, p=precision, s=scale, m=smallest:
                     int(_exact(v, p, s, m).scaleb(s)))
            _retype(table, column, sa.Numeric(precision, scale), sa.BigInteger(), nullable,
                    hundred=str(100 * 10**scale))
    finally:
        bind.exec_driver_sql("PRAGMA ignore_check_constraints=OFF")


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "sqlite":
        return
    _require_foreign_keys_off(bind)
    bind.exec_driver_sql("PRAGMA ignore_check_constraints=ON")
    try:
        for table, column, precision, scale, _smallest, nullable in COLUMNS:
            # Back to the 0001 storage (REAL): as exact as a float allows.
            _convert(bind, table, column, lambda v, s=scale: float(Decimal(v).scaleb(-s)))
            _retype(table, column, sa.BigInteger(), sa.Numeric(precision, scale), nullable,
                    hundred="100")
    finally:
        bind.exec_driver_sql("PRAGMA ignore_check_constraints=OFF")
