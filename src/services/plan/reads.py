"""Reads that see one moment of a shared database."""

from __future__ import annotations

from sqlalchemy.orm import Session


def one_snapshot(session: Session) -> None:
    """Make every read of this (read-only) unit of work see the database as it
    was at its first statement. Call it before any statement.

    SQLite already does: each unit of work holds the write lock (BEGIN
    IMMEDIATE in src/db.py). PostgreSQL's default, READ COMMITTED, lets each
    statement see what other computers committed meanwhile, so a plan or an
    export read in several statements could mix two moments (a decision for a
    recipe already deselected). REPEATABLE READ gives one snapshot; it is
    used for reads only, where it can never fail on a concurrent update."""
    if session.get_bind().dialect.name == "postgresql":
        session.connection(execution_options={"isolation_level": "REPEATABLE READ"})
