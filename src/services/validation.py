"""Parsing helpers for user text, shared by the window, the CLI and the services.

Each returns the clean value or raises ValidationError with a specific message."""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from decimal import Decimal, InvalidOperation

from src.models.types import QUANTITY_DIGITS, Digits
from src.planning.dates import DateTextError, parse_date_text

from .errors import ValidationError

NAME_MAX = 200
_WHOLE = re.compile(r"^\+?[0-9]+$")


# Control characters (tab, newline, NUL, …) and line/paragraph separators have no
# place in a name: they break lists, CSV and PDF lines, and look like another name.
_FORBIDDEN_CATEGORIES = {"Cc", "Zl", "Zp"}


def normalise_name(value: str) -> str:
    """A name as it is stored and compared: surrounding space trimmed, Unicode
    NFC (so "Crème fraîche" typed with a combining accent is the same name as with
    the precomposed letters). Raises ValueError saying what is wrong (without the
    field's label: each entry point adds its own) for a control character.

    The one rule behind every name entry point: the window's forms and the CLI
    through the services (``clean_name``) and the import (exchange_schema)."""
    text = unicodedata.normalize("NFC", value.strip())
    for char in text:
        if unicodedata.category(char) in _FORBIDDEN_CATEGORIES:
            raise ValueError(
                f"must not contain a control character (U+{ord(char):04X}); "
                "use letters, digits, spaces and punctuation"
            )
    return text


def name_key(value: str) -> str:
    """What two names share when they are "the same name": ignoring surrounding
    space, case and Unicode normalisation."""
    return unicodedata.normalize("NFC", unicodedata.normalize("NFD", value.strip()).casefold())


def clean_name(value: object, *, what: str = "Name", field: str = "name") -> str:
    raw = "" if value is None else str(value)
    try:
        text = normalise_name(raw)
    except ValueError as exc:
        raise ValidationError(f"{what} {exc}", field=field) from None
    if not text:
        raise ValidationError(f"{what} is required", field=field)
    if len(text) > NAME_MAX:
        raise ValidationError(
            f"{what} must be at most {NAME_MAX} characters (it has {len(text)})", field=field
        )
    return text


def parse_date(value: object, *, field: str = "event_date") -> date:
    if isinstance(value, date):
        return value
    try:
        return parse_date_text("" if value is None else str(value))
    except DateTextError as exc:
        raise ValidationError(str(exc), field=field) from None


def parse_whole(value: object, *, what: str, field: str, minimum: int = 1) -> int:
    """A whole number ≥ ``minimum`` from an int or user text ("007" is 7)."""
    if isinstance(value, bool):
        raise ValidationError(f"{what} must be a whole number of at least {minimum}", field=field)
    if isinstance(value, int):
        number = value
    else:
        text = "" if value is None else str(value).strip()
        if not text:
            raise ValidationError(f"{what} is required", field=field)
        if not _WHOLE.match(text):
            if re.match(r"^[+-]?[0-9]*[.,][0-9]+$", text) or re.match(r"^[+-]?[0-9]+[.,]$", text):
                message = f"{what} must be a whole number, not {text}"
            elif re.match(r"^-[0-9]+$", text):
                message = f"{what} must be a whole number of at least {minimum}, not {text}"
            else:
                message = f'{what} must be a whole number; "{text}" is not a number'
            raise ValidationError(message, field=field)
        number = int(text)
    if number < minimum:
        raise ValidationError(
            f"{what} must be a whole number of at least {minimum}, not {number}", field=field
        )
    if number > 10**9:
        raise ValidationError(f"{what} must be at most 1,000,000,000", field=field)
    return number


def parse_optional_whole(value: object, *, what: str, field: str, minimum: int = 1) -> int | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    try:
        return parse_whole(value, what=what, field=field, minimum=minimum)
    except ValidationError:
        raise ValidationError(
            f"{what} must be a whole number of at least {minimum}", field=field
        ) from None


def parse_decimal(
    value: object,
    *,
    what: str,
    field: str,
    allow_zero: bool = False,
    digits: Digits = QUANTITY_DIGITS,
) -> Decimal:
    """A positive (or, with allow_zero, non-negative) decimal from a number or text,
    that the database keeps exactly: at most ``digits.scale`` decimal places and
    below ``digits.bound`` (the column's NUMERIC(precision, scale)). Anything else
    is refused, never rounded: a tiny share or density would otherwise become 0."""
    if isinstance(value, bool):
        raise ValidationError(f"{what} must be a number", field=field)
    if isinstance(value, Decimal):
        number = value
    elif isinstance(value, int):
        number = Decimal(value)
    elif isinstance(value, float):
        number = Decimal(str(value))
    else:
        text = "" if value is None else str(value).strip().replace(",", ".")
        if not text:
            raise ValidationError(f"{what} is required", field=field)
        try:
            number = Decimal(text)
        except InvalidOperation:
            raise ValidationError(
                f'{what} must be a number; "{text}" is not', field=field
            ) from None
    return exact_decimal(number, what=what, field=field, allow_zero=allow_zero, digits=digits)


def exact_decimal(
    number: Decimal,
    *,
    what: str,
    field: str,
    allow_zero: bool = False,
    digits: Digits = QUANTITY_DIGITS,
) -> Decimal:
    """``number`` when it is finite, positive (or zero with ``allow_zero``) and the
    database keeps it exactly (see parse_decimal); otherwise ValidationError naming
    ``what`` and the limit. The one check behind every decimal a baker enters."""
    if not number.is_finite():
        raise ValidationError(f"{what} must be a finite number", field=field)
    if number < 0 or (number == 0 and not allow_zero):
        bound = "zero or more" if allow_zero else "more than zero"
        raise ValidationError(f"{what} must be {bound}, not {number}", field=field)
    problem = digits.problem(number)
    if problem is not None:
        raise ValidationError(f"{what} {problem}, not {number:f}", field=field)
    return number


_DECIMAL_TEXT = re.compile(r"^[+-]?([0-9]+[.,][0-9]*|[.,][0-9]+)$")
_EXPONENT_TEXT = re.compile(r"^[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)[eE][+-]?[0-9]+$")
_SIGNED_WHOLE = re.compile(r"^[+-]?[0-9]+$")


def parse_quantity(value: object, *, field: str = "quantity") -> int | None:
    """A finished-good quantity: a whole number ≥ 1 from an int or user text.

    "24" and "007" (7) are accepted; "" and None mean "no quantity" and give
    None (the caller clears the line). Anything else raises ValidationError
    with a message saying what is wrong with the text."""
    what = "Quantity"
    if value is None:
        return None
    if isinstance(value, bool):
        raise ValidationError(f"{what} must be a whole number of at least 1", field=field)
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            raise ValidationError(f"{what} must be a whole number of at least 1", field=field)
        value = int(value) if value.is_integer() else repr(value)
    if isinstance(value, int):
        number = value
    else:
        text = str(value).strip()
        if not text:
            return None
        if _SIGNED_WHOLE.match(text):
            number = int(text)
        elif _DECIMAL_TEXT.match(text):
            raise ValidationError(
                f"{what} must be a whole number, not a decimal: {text}", field=field
            )
        elif _EXPONENT_TEXT.match(text):
            raise ValidationError(
                f"{what} must be a whole number written in plain digits, not {text}", field=field
            )
        else:
            raise ValidationError(
                f'{what} must be a whole number; "{text}" is not a number', field=field
            )
    if number < 1:
        raise ValidationError(
            f"{what} must be a whole number of at least 1, not {number}", field=field
        )
    if number > 10**9:
        raise ValidationError(f"{what} must be at most 1,000,000,000, not {number}", field=field)
    return number
