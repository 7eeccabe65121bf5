"""Typed dates: the forms a baker types, read by one pure function."""

from __future__ import annotations

from datetime import date

import pytest

from src.planning.dates import DateTextError, describe_date, parse_date_text

TODAY = date(2026, 11, 29)
DEC_19 = date(2026, 12, 19)


@pytest.mark.parametrize("text", [
    "2026-12-19", "2026/12/19", "12/19/2026", "12/19/26", "19/12/2026", "19.12.2026",
    "Dec 19 2026", "Dec 19, 2026", "19 Dec 2026", "December 19, 2026", "19 December 2026",
    "december 19 2026", "Saturday, December 19, 2026", "Dec 19th 2026", "  Dec   19  2026 ",
    "Dec 19", "12/19",
])
def test_common_forms_read_as_the_same_day(text: str) -> None:
    assert parse_date_text(text, TODAY) == DEC_19


def test_a_date_without_a_year_is_the_next_one() -> None:
    assert parse_date_text("Jan 5", TODAY) == date(2027, 1, 5)
    assert parse_date_text("Nov 29", TODAY) == TODAY


def test_month_first_when_both_numbers_could_be_months() -> None:
    assert parse_date_text("3/4/2027", TODAY) == date(2027, 3, 4)


@pytest.mark.parametrize(("text", "message"), [
    ("Feb 30 2026", '"Feb 30 2026" is not a date: February 2026 has 28 days'),
    ("2026-02-30", '"2026-02-30" is not a date: February 2026 has 28 days'),
    ("soon", '"soon" is not a date; type e.g. 2026-12-19, 12/19/2026, Dec 19 2026 or 19 Dec 2026'),
    ("13/13/2026", '"13/13/2026" is not a date; type e.g. 2026-12-19, 12/19/2026, '
                   "Dec 19 2026 or 19 Dec 2026"),
    ("Dec 2026", '"Dec 2026" is not a date; type e.g. 2026-12-19, 12/19/2026, '
                 "Dec 19 2026 or 19 Dec 2026"),
    ("", "Date is required"),
])
def test_bad_dates_say_why(text: str, message: str) -> None:
    with pytest.raises(DateTextError) as err:
        parse_date_text(text, TODAY)
    assert str(err.value) == message


def test_reading_shown_back() -> None:
    assert describe_date(DEC_19) == "Saturday 19 December 2026"
