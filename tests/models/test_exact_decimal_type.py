"""ExactDecimal (src/models/types.py): NUMERIC on PostgreSQL, a scaled integer on
SQLite, with the same limits and the same check constraints on both."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.schema import CreateTable

import src.models  # noqa: F401
from src.models.base import Base
from src.models.types import QUANTITY_DIGITS, SHARE_DIGITS, ExactDecimal


def _ddl(table: str, dialect) -> str:
    return str(CreateTable(Base.metadata.tables[table]).compile(dialect=dialect))


def test_columns_are_numeric_on_postgresql_and_integers_on_sqlite():
    pg, lite = _ddl("recipe_ingredients", postgresql.dialect()), _ddl(
        "recipe_ingredients", sqlite.dialect())
    assert "quantity NUMERIC(18, 6) NOT NULL" in pg
    assert "quantity BIGINT NOT NULL" in lite


def test_the_share_bound_is_scaled_like_the_column():
    assert "batch_percentage <= 100 AND" in _ddl("finished_units", postgresql.dialect())
    assert "batch_percentage <= 1000000 AND" in _ddl("finished_units", sqlite.dialect())


@pytest.mark.parametrize("dialect", [sqlite.dialect(), postgresql.dialect()])
def test_values_go_in_and_come_out_unchanged(dialect):
    column = ExactDecimal(QUANTITY_DIGITS)
    for text in ("0", "0.000001", "2.75", "999999999999.999999"):
        stored = column.process_bind_param(Decimal(text), dialect)
        assert column.process_result_value(stored, dialect) == Decimal(text)
    assert column.process_bind_param(Decimal("2.75"), sqlite.dialect()) == 2_750_000


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (Decimal("0.00001"), "at most 4 decimal places"),
        (Decimal("100000"), "too large"),
        (0.5, "floats are refused"),
        (Decimal("NaN"), "not a finite number"),
    ],
)
def test_values_the_column_cannot_keep_are_refused_not_rounded(value, message):
    with pytest.raises(ValueError, match=message):
        ExactDecimal(SHARE_DIGITS).process_bind_param(value, sqlite.dialect())


def test_sqlite_precision_is_capped_by_its_64_bit_integers():
    from src.models.types import Digits

    with pytest.raises(ValueError):
        ExactDecimal(Digits(19, 2))
