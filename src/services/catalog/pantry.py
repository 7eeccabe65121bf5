"""The pantry: what is on hand of each ingredient. One transaction per call."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from src.db import Database
from src.models import Ingredient, PantryItem
from src.planning.batches import format_decimal
from src.utils.datetime_utils import utc_now

from ..errors import ValidationError
from ..validation import parse_decimal
from .common import plain_decimal, try_field
from .dto import PantryRow
from .ingredients import load_ingredient, parse_unit


def _row(ingredient: Ingredient, item: PantryItem | None) -> PantryRow:
    quantity = plain_decimal(item.quantity) if item is not None else None
    return PantryRow(
        ingredient_id=ingredient.id,
        ingredient=ingredient.name,
        category=ingredient.category or "",
        quantity=quantity,
        unit=item.unit if item is not None else None,
        updated_at=item.updated_at if item is not None else None,
        quantity_text=format_decimal(quantity) if quantity is not None else "",
        preferred_unit=ingredient.preferred_unit,
    )


def _item(session: Session, ingredient_id: int) -> PantryItem | None:
    return session.scalars(
        select(PantryItem).where(PantryItem.ingredient_id == ingredient_id)
    ).one_or_none()


def list_pantry(db: Database) -> list[PantryRow]:
    """Every ingredient by name (ignoring case) with its stock, or None where
    nothing is recorded (one query)."""
    with db.uow() as session:
        rows = session.execute(
            select(Ingredient, PantryItem).outerjoin(
                PantryItem, PantryItem.ingredient_id == Ingredient.id
            )
        ).all()
        ordered = sorted(rows, key=lambda r: (r[0].name.casefold(), r[0].id))
        return [_row(ingredient, item) for ingredient, item in ordered]


def set_pantry_quantity(
    db: Database, ingredient_id: int, quantity: str | Decimal | int, unit: str
) -> PantryRow:
    """Record that ``quantity`` (≥ 0, text or number) of an ingredient is on
    hand, in any supported unit, replacing what was recorded. Raises
    ValidationError naming every bad field, NotFoundError for an unknown
    ingredient."""
    errors: dict[str, str] = {}
    amount = try_field(
        errors,
        "quantity",
        lambda: parse_decimal(quantity, what="Quantity on hand", field="quantity", allow_zero=True),
    )
    clean_unit = try_field(errors, "unit", lambda: parse_unit(unit, what="Unit", field="unit"))
    if errors:
        raise ValidationError.from_errors(errors)
    with db.uow() as session:
        ingredient = load_ingredient(session, ingredient_id)
        item = _item(session, ingredient_id)
        if item is None:
            item = PantryItem(ingredient_id=ingredient_id, quantity=amount, unit=clean_unit)
            session.add(item)
        else:
            item.quantity, item.unit = amount, clean_unit
            # Saving the same figure again still counts as "checked just now".
            item.updated_at = utc_now()
        session.flush()
        return _row(ingredient, item)


def remove_pantry_item(db: Database, ingredient_id: int) -> None:
    """Forget the stock of an ingredient (nothing recorded afterwards; a no-op
    when nothing was). NotFoundError for an unknown ingredient."""
    with db.uow() as session:
        load_ingredient(session, ingredient_id)
        session.execute(delete(PantryItem).where(PantryItem.ingredient_id == ingredient_id))
