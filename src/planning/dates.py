"""Dates as a baker types them, read by one pure function (standard library only).

Accepted forms (case-insensitive, extra spaces and commas ignored, a leading
weekday name ignored):

- ISO ``2026-12-19`` (also ``2026/12/19``, ``2026.12.19``);
- numeric with the year last: ``12/19/2026`` (US month first); when the first
  number cannot be a month (``19/12/2026``) it is read as day first; a dotted
  date ``19.12.2026`` is day first; two-digit years mean 20YY;
- month names, full or short: ``Dec 19 2026``, ``Dec 19, 2026``,
  ``19 Dec 2026``, ``December 19, 2026``, ``19 December 2026``;
- without a year (``Dec 19``, ``12/19``): the next such day on or after ``today``.

:func:`describe_date` gives the reading shown back before saving
("Saturday 19 December 2026").
"""

from __future__ import annotations

import calendar
import re
from datetime import date

__all__ = ["DateTextError", "parse_date_text", "describe_date", "DATE_EXAMPLES"]

DATE_EXAMPLES = "2026-12-19, 12/19/2026, Dec 19 2026 or 19 Dec 2026"

_MONTHS: dict[str, int] = {}
for _number in range(1, 13):
    _full = calendar.month_name[_number].lower()
    _MONTHS[_full] = _number
    _MONTHS[_full[:3]] = _number
_MONTHS["sept"] = 9
_WEEKDAYS = {d.lower() for d in calendar.day_name} | {d.lower() for d in calendar.day_abbr}

_ISO = re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$")
_NUMERIC = re.compile(r"^(\d{1,2})([/.-])(\d{1,2})(?:\2(\d{2}|\d{4}))?$")
_TOKEN = re.compile(r"[a-z]+|\d+")
_ORDINAL = re.compile(r"(\d)(?:st|nd|rd|th)\b")


class DateTextError(ValueError):
    """Text that is not a date; the message says what was typed and what works."""


def _refuse(text: str) -> DateTextError:
    return DateTextError(f'"{text}" is not a date; type e.g. {DATE_EXAMPLES}')


def _build(text: str, year: int | None, month: int, day: int, today: date | None) -> date:
    if not 1 <= month <= 12:
        raise _refuse(text)
    if year is None:
        base = today or date.today()
        for candidate_year in (base.year, base.year + 1):
            try:
                found = date(candidate_year, month, day)
            except ValueError:
                continue
            if found >= base:
                return found
        raise _refuse(text)
    if year < 100:
        year += 2000
    last = calendar.monthrange(year, month)[1] if 1 <= year <= 9999 else 0
    if not 1 <= day <= last:
        if last and day > last:
            raise DateTextError(
                f'"{text}" is not a date: {calendar.month_name[month]} {year} has {last} days'
            )
        raise _refuse(text)
    return date(year, month, day)


def _numeric(text: str, key: str, today: date | None) -> date | None:
    iso = _ISO.match(key)
    if iso:
        return _build(text, int(iso.group(1)), int(iso.group(2)), int(iso.group(3)), today)
    found = _NUMERIC.match(key)
    if not found:
        return None
    first, sep, second = int(found.group(1)), found.group(2), int(found.group(3))
    year = int(found.group(4)) if found.group(4) else None
    day_first = sep == "." or (first > 12 and second <= 12)
    month, day = (second, first) if day_first else (first, second)
    return _build(text, year, month, day, today)


def _worded(text: str, key: str, today: date | None) -> date | None:
    tokens = _TOKEN.findall(key)
    if tokens and tokens[0] in _WEEKDAYS:
        tokens = tokens[1:]
    words = [t for t in tokens if not t.isdigit()]
    numbers = [t for t in tokens if t.isdigit()]
    if len(words) != 1 or words[0] not in _MONTHS or not 1 <= len(numbers) <= 2:
        return None
    if re.sub(r"[a-z]+|\d+|[\s,./-]", "", key):
        return None  # stray characters
    month = _MONTHS[words[0]]
    day_text = numbers[0]
    year = int(numbers[1]) if len(numbers) == 2 else None
    if len(day_text) == 4 and len(numbers) == 2:  # "2026 Dec 19"
        year, day_text = int(day_text), numbers[1]
    return _build(text, year, month, int(day_text), today)


def parse_date_text(text: str, today: date | None = None) -> date:
    """The date ``text`` means (see the module text for the forms); ``today``
    (default: the real today) resolves a date typed without a year. Raises
    DateTextError with a message naming the text and showing forms that work."""
    if not isinstance(text, str):
        raise DateTextError(f'"{text}" is not a date; type e.g. {DATE_EXAMPLES}')
    shown = " ".join(text.split())
    if not shown:
        raise DateTextError("Date is required")
    key = _ORDINAL.sub(r"\1", shown.lower().rstrip("."))
    for reader in (_numeric, _worded):
        found = reader(shown, key, today)
        if found is not None:
            return found
    raise _refuse(shown)


def describe_date(value: date) -> str:
    """A date as a baker reads it: "Saturday 19 December 2026"."""
    weekday, month = calendar.day_name[value.weekday()], calendar.month_name[value.month]
    return f"{weekday} {value.day} {month} {value.year}"
