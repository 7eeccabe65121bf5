"""Time helpers: every timestamp the application stores is UTC."""

from datetime import UTC, datetime


def utc_now() -> datetime:
    """The current time in UTC, as a naive datetime (how SQLite stores it)."""
    return datetime.now(UTC).replace(tzinfo=None)
