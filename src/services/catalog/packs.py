"""Purchase packs of an ingredient: list, create, update, delete. One transaction per call.

A pack is how a shop sells an ingredient: a label ("5 lb bag"), a size
(quantity + unit), an optional price and store. At most one pack of an
ingredient is preferred: marking one preferred unmarks the others.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from src.db import Database
from src.models import PurchasePack
from src.planning.costs import money_text

from ..errors import NotFoundError, ValidationError
from ..validation import parse_decimal
from .common import flush, plain_decimal, try_field
from .ingredients import load_ingredient, parse_unit

__all__ = ["PackView", "list_packs", "create_pack", "update_pack", "delete_pack"]

LABEL_MAX = 100
STORE_MAX = 100


@dataclass(frozen=True)
class PackView:
    """A purchase pack as the catalog shows it."""

    id: int
    ingredient_id: int
    label: str
    quantity: Decimal
    unit: str
    price: Decimal | None
    store: str | None
    preferred: bool

    @property
    def size_text(self) -> str:
        return f"{self.quantity} {self.unit}"

    def price_text(self, symbol: str = "$") -> str:
        return "no price" if self.price is None else money_text(self.price, symbol)


def _view(p: PurchasePack) -> PackView:
    return PackView(
        id=p.id,
        ingredient_id=p.ingredient_id,
        label=p.label,
        quantity=plain_decimal(p.quantity),
        unit=p.unit,
        price=plain_decimal(p.price),
        store=p.store,
        preferred=bool(p.preferred),
    )


def _clean_text(value: object, *, what: str, field: str, limit: int, required: bool) -> str | None:
    text = "" if value is None else " ".join(str(value).split())
    if not text:
        if required:
            raise ValidationError(f"{what} is required", field=field)
        return None
    if len(text) > limit:
        raise ValidationError(
            f"{what} must be at most {limit} characters (it has {len(text)})", field=field
        )
    return text


def _parse_price(value: object) -> Decimal | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, str):
        value = value.strip().lstrip("$€£¥").strip()
    return parse_decimal(value, what="Price", field="price", allow_zero=True)


def _validated(label: object, quantity: object, unit: object, price: object,
               store: object) -> tuple:
    errors: dict[str, str] = {}
    values = (
        try_field(errors, "label", lambda: _clean_text(
            label, what="Pack label", field="label", limit=LABEL_MAX, required=True)),
        try_field(errors, "quantity", lambda: parse_decimal(
            quantity, what="Pack size", field="quantity")),
        try_field(errors, "unit", lambda: parse_unit(unit, what="Pack unit", field="unit")),
        try_field(errors, "price", lambda: _parse_price(price)),
        try_field(errors, "store", lambda: _clean_text(
            store, what="Store", field="store", limit=STORE_MAX, required=False)),
    )  # fmt: skip
    if errors:
        raise ValidationError.from_errors(errors)
    return values


def _load_pack(session: Session, pack_id: int) -> PurchasePack:
    pack = session.get(PurchasePack, pack_id)
    if pack is None:
        raise NotFoundError(f"Pack {pack_id} does not exist (it may have been deleted)")
    return pack


def _check_label_free(
    session: Session, ingredient_id: int, label: str, own_id: int | None
) -> None:
    rows = session.execute(
        select(PurchasePack.id, PurchasePack.label).where(
            PurchasePack.ingredient_id == ingredient_id
        )
    ).all()
    for pid, existing in rows:
        if pid != own_id and existing.casefold() == label.casefold():
            raise ValidationError(
                f'This ingredient already has a pack labelled "{existing}"', field="label"
            )


def _clear_preferred(session: Session, ingredient_id: int, own_id: int | None) -> None:
    query = update(PurchasePack).where(
        PurchasePack.ingredient_id == ingredient_id, PurchasePack.preferred.is_(True)
    )
    if own_id is not None:
        query = query.where(PurchasePack.id != own_id)
    session.execute(query.values(preferred=False))


def list_packs(db: Database, ingredient_id: int) -> tuple[PackView, ...]:
    """The ingredient's packs in the order entered."""
    with db.uow() as session:
        load_ingredient(session, ingredient_id)
        packs = session.scalars(
            select(PurchasePack)
            .where(PurchasePack.ingredient_id == ingredient_id)
            .order_by(PurchasePack.position, PurchasePack.id)
        ).all()
        return tuple(_view(p) for p in packs)


def create_pack(
    db: Database,
    ingredient_id: int,
    label: str,
    quantity: str | Decimal,
    unit: str,
    *,
    price: str | Decimal | None = None,
    store: str | None = None,
    preferred: bool = False,
) -> PackView:
    """Add a pack to an ingredient. The label is required and unique for the
    ingredient (ignoring case); the size positive in a supported unit; the
    price, when given, zero or more. ``preferred`` unmarks the other packs."""
    label_, qty, unit_, price_, store_ = _validated(label, quantity, unit, price, store)
    with db.uow() as session:
        load_ingredient(session, ingredient_id)
        _check_label_free(session, ingredient_id, label_, None)
        if preferred:
            _clear_preferred(session, ingredient_id, None)
        last = session.scalar(
            select(PurchasePack.position)
            .where(PurchasePack.ingredient_id == ingredient_id)
            .order_by(PurchasePack.position.desc())
            .limit(1)
        )
        pack = PurchasePack(
            ingredient_id=ingredient_id, label=label_, quantity=qty, unit=unit_, price=price_,
            store=store_, preferred=bool(preferred), position=0 if last is None else last + 1,
        )  # fmt: skip
        session.add(pack)
        flush(session, f'Pack "{label_}"')
        return _view(pack)


def update_pack(
    db: Database,
    pack_id: int,
    *,
    label: str,
    quantity: str | Decimal,
    unit: str,
    price: str | Decimal | None,
    store: str | None,
    preferred: bool,
) -> PackView:
    """Change every field of a pack, with the rules of create_pack."""
    label_, qty, unit_, price_, store_ = _validated(label, quantity, unit, price, store)
    with db.uow() as session:
        pack = _load_pack(session, pack_id)
        _check_label_free(session, pack.ingredient_id, label_, pack_id)
        if preferred:
            _clear_preferred(session, pack.ingredient_id, pack_id)
        pack.label, pack.quantity, pack.unit = label_, qty, unit_
        pack.price, pack.store, pack.preferred = price_, store_, bool(preferred)
        flush(session, f'Pack "{label_}"')
        return _view(pack)


def delete_pack(db: Database, pack_id: int) -> None:
    """Remove a pack."""
    with db.uow() as session:
        session.delete(_load_pack(session, pack_id))
