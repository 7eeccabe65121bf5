"""Application settings stored in the database (shared by every computer using it).

Today one setting: the currency symbol shown with costs (default "$").
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from src.db import Database
from src.models import AppSetting
from src.planning.costs import DEFAULT_CURRENCY

from .errors import ValidationError

__all__ = ["CURRENCY_KEY", "get_currency_symbol", "set_currency_symbol", "currency_symbol"]

CURRENCY_KEY = "currency_symbol"
SYMBOL_MAX = 5


def currency_symbol(session: Session) -> str:
    """The currency symbol within an open unit of work."""
    row = session.get(AppSetting, CURRENCY_KEY)
    return DEFAULT_CURRENCY if row is None else row.value


def get_currency_symbol(db: Database) -> str:
    """The symbol costs are shown with ("$" until set)."""
    with db.uow() as session:
        return currency_symbol(session)


def set_currency_symbol(db: Database, symbol: str) -> str:
    """Set the currency symbol (1–5 characters, e.g. "€", "CHF ")."""
    text = "" if symbol is None else str(symbol)
    if not text.strip():
        raise ValidationError("Currency symbol is required", field="currency_symbol")
    if len(text) > SYMBOL_MAX:
        raise ValidationError(
            f"Currency symbol must be at most {SYMBOL_MAX} characters (it has {len(text)})",
            field="currency_symbol",
        )
    with db.uow() as session:
        row = session.get(AppSetting, CURRENCY_KEY)
        if row is None:
            session.add(AppSetting(key=CURRENCY_KEY, value=text))
        else:
            row.value = text
    return text
