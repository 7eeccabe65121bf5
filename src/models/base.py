"""Declarative base with a naming convention, and the common BaseModel columns."""

import uuid as uuid_module
from datetime import datetime

from sqlalchemy import DateTime, MetaData, String
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from src.utils.datetime_utils import utc_now

# Stable constraint names, so Alembic batch migrations can find them again.
# Check constraints are always named explicitly in the models.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


def _new_uuid() -> str:
    return str(uuid_module.uuid4())


class BaseModel(Base):
    """Abstract base: integer id, a uuid, and creation / update times (UTC)."""

    __abstract__ = True

    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True, nullable=False, default=_new_uuid)
    created_at: Mapped[datetime] = mapped_column(DateTime, nullable=False, default=utc_now)
    updated_at: Mapped[datetime] = mapped_column(
        DateTime, nullable=False, default=utc_now, onupdate=utc_now
    )


def value_enum(enum_class, name: str):
    """A portable enum column type that stores the members' values ("draft"),
    guarded by a named check constraint so the database refuses anything else."""
    from sqlalchemy import Enum as SQLEnum

    return SQLEnum(
        enum_class,
        name=name,
        values_callable=lambda members: [m.value for m in members],
        native_enum=False,
        create_constraint=True,
        validate_strings=True,
        length=max(len(m.value) for m in enum_class),
    )
