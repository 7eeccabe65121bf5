"""ExactDecimal: a decimal column that reads back exactly what was stored.

SQLite has no decimal storage: SQLAlchemy's ``Numeric`` there goes through a
float (REAL), which silently rounds (``123456789012.345678`` reads back as
``…345673``) and turns tiny values into 0. ``ExactDecimal(precision, scale)``
keeps the schema's meaning of ``NUMERIC(precision, scale)`` on both databases:

- on PostgreSQL it *is* ``NUMERIC(precision, scale)``;
- on SQLite it stores a **scaled integer**: the value times ``10**scale`` in a
  ``BIGINT`` column (1.5 g at scale 6 is 1500000).

Why a scaled integer rather than decimal text: SQLite compares, sorts and sums
integers natively and exactly, so check constraints (``quantity > 0``), ``ORDER
BY`` and ``SUM`` keep working in SQL with no CAST (text would compare as text,
and a CAST goes back through REAL); it takes the same limits as PostgreSQL's
NUMERIC, so both databases accept exactly the same values; and precision 18
fits SQLite's 64-bit integer. The cost: a raw ``sqlite3`` look shows the scaled
number, and a literal compared with the column must be typed (see
``exact_literal``) so it is scaled too.

A value the column cannot hold exactly (more decimals than ``scale``, or too
many digits) is refused with ``ValueError`` rather than rounded; the services
check first with a message for the user (``src.services.validation.exact_decimal``),
this is the last guard.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import BigInteger, Numeric, literal
from sqlalchemy.engine import Dialect
from sqlalchemy.sql.elements import BindParameter
from sqlalchemy.types import TypeDecorator, TypeEngine

SQLITE_MAX_PRECISION = 18  # 10**18 - 1 < 2**63: fits SQLite's 64-bit integer


@dataclass(frozen=True)
class Digits:
    """What a NUMERIC(precision, scale) column holds: up to ``scale`` decimal places
    and fewer than ``10**(precision - scale)`` in size."""

    precision: int
    scale: int

    @property
    def step(self) -> Decimal:
        """The smallest positive value: 0.000001 at scale 6."""
        return Decimal(1).scaleb(-self.scale)

    @property
    def bound(self) -> Decimal:
        """Every value is strictly smaller than this in size."""
        return Decimal(10) ** (self.precision - self.scale)

    @property
    def largest(self) -> Decimal:
        return self.bound - self.step

    def problem(self, value: Decimal) -> str | None:
        """Why ``value`` cannot be held exactly, or None when it can."""
        if not value.is_finite():
            return "is not a finite number"
        if abs(value) >= self.bound:
            return f"is too large (at most {self.largest:,f})"
        exponent = value.normalize().as_tuple().exponent  # a finite value's is a number
        if value != 0 and isinstance(exponent, int) and -exponent > self.scale:
            return (
                f"can have at most {self.scale} decimal places "
                f"(the smallest amount is {self.step:f})"
            )
        return None


# The figures the schema keeps (shared by the models and the services' checks).
QUANTITY_DIGITS = Digits(18, 6)  # recipe lines and pantry stock, in any unit
DENSITY_DIGITS = Digits(12, 6)  # grams per millilitre
SHARE_DIGITS = Digits(9, 4)  # percent of a batch
PRICE_DIGITS = Digits(18, 6)  # money: pack prices (read in one union with densities: same scale)
RATE_DIGITS = Digits(12, 4)  # a finished good's items per guest


class ExactDecimal(TypeDecorator[Decimal]):
    """NUMERIC(precision, scale) on PostgreSQL, a scaled BIGINT on SQLite; exact on both."""

    impl = Numeric
    cache_ok = True

    def __init__(self, digits: Digits) -> None:
        if digits.precision > SQLITE_MAX_PRECISION or not 0 <= digits.scale <= digits.precision:
            raise ValueError(f"ExactDecimal cannot keep {digits}")
        super().__init__(precision=digits.precision, scale=digits.scale, asdecimal=True)
        self.digits = digits

    def __repr__(self) -> str:
        return f"ExactDecimal({self.digits!r})"

    def load_dialect_impl(self, dialect: Dialect) -> TypeEngine[Any]:
        if dialect.name == "sqlite":
            return dialect.type_descriptor(BigInteger())
        return dialect.type_descriptor(
            Numeric(self.digits.precision, self.digits.scale, asdecimal=True)
        )

    def _exact(self, value: object) -> Decimal:
        if isinstance(value, bool) or not isinstance(value, Decimal | int | str):
            raise ValueError(f"{value!r} is not an exact decimal (floats are refused)")
        number = Decimal(value)
        problem = self.digits.problem(number)
        if problem is not None:
            raise ValueError(
                f"{number} {problem} (NUMERIC({self.digits.precision}, {self.digits.scale}))"
            )
        return number

    def process_bind_param(self, value: Any, dialect: Dialect) -> Any:
        if value is None:
            return None
        number = self._exact(value)
        if dialect.name == "sqlite":
            return int(number.scaleb(self.digits.scale))
        return number

    def process_literal_param(self, value: Any, dialect: Dialect) -> Any:
        return self.process_bind_param(value, dialect)

    def process_result_value(self, value: Any, dialect: Dialect) -> Decimal | None:
        if value is None:
            return None
        if dialect.name == "sqlite":
            if not isinstance(value, int):
                raise ValueError(f"expected a scaled integer in an exact column, got {value!r}")
            return Decimal(value).scaleb(-self.digits.scale)
        return Decimal(value)

    @property
    def python_type(self) -> type:
        return Decimal


def exact_literal(value: Decimal | int | str, digits: Digits) -> BindParameter[Decimal]:
    """A constant to compare with an ExactDecimal column in SQL (also in a check
    constraint), scaled on SQLite like the column."""
    return literal(Decimal(value), ExactDecimal(digits))
