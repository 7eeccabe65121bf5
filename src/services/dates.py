"""Typed dates for the window: what the text means, or why it is not a date.

The one reading of typed dates is src.planning.dates.parse_date_text; services
(events, the CLI's --date) use it through validation.parse_date, and the window
asks :func:`read_typed_date` while the baker types, to show the reading back
("Saturday 19 December 2026") before anything is saved.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from src.planning.dates import DATE_EXAMPLES, DateTextError, describe_date, parse_date_text

__all__ = ["TypedDate", "read_typed_date", "describe_date", "DATE_EXAMPLES"]


@dataclass(frozen=True)
class TypedDate:
    """``value`` and its ``reading`` when the text is a date, else ``message``."""

    value: date | None
    reading: str
    message: str


def read_typed_date(text: str, today: date | None = None) -> TypedDate:
    """The date ``text`` means, in words, or the message saying why it is not one."""
    try:
        value = parse_date_text(text, today)
    except DateTextError as exc:
        return TypedDate(None, "", str(exc))
    return TypedDate(value, describe_date(value), "")
