"""Loading for buying and costs: every purchase pack and the currency symbol
in one statement. Private to src/services (takes an open session, never commits)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import literal, select, union_all
from sqlalchemy.orm import Session

from src.models import AppSetting, PurchasePack
from src.planning.costs import DEFAULT_CURRENCY
from src.planning.packs import Pack

from .catalog_common import plain_decimal
from .settings import CURRENCY_KEY

__all__ = ["PackCatalog", "load_packs"]

PackCatalog = tuple[dict[int, tuple[Pack, ...]], str]

_last: tuple[list[tuple], PackCatalog] | None = None


def _build(rows: list[tuple]) -> PackCatalog:
    packs: dict[int, list[tuple[int, int, Pack]]] = {}
    currency = DEFAULT_CURRENCY
    for kind, iid, label, qty, unit, price, store, preferred, position, pid in rows:
        if kind == 2:
            currency = label
            continue
        pack = Pack(
            label, plain_decimal(qty), unit, plain_decimal(price), store,  # type: ignore[arg-type]
            bool(preferred),
        )  # fmt: skip
        packs.setdefault(iid, []).append((position, pid, pack))
    return (
        {iid: tuple(p for _, _, p in sorted(found, key=lambda x: x[:2]))
         for iid, found in packs.items()},
        currency,
    )  # fmt: skip


def load_packs(session: Session) -> PackCatalog:
    """ingredient id → its packs (in the order entered), and the currency
    symbol (one statement). The result is reused while the rows are equal
    (shared between refreshes: read-only)."""
    global _last
    p, s = PurchasePack.__table__.c, AppSetting.__table__.c
    t = p  # typed NULLs so PostgreSQL accepts the union
    rows: list[Any] = session.execute(
        union_all(
            select(literal(1), p.ingredient_id, p.label, p.quantity, p.unit, p.price, p.store,
                   p.preferred, p.position, p.id),
            select(literal(2), literal(None, type_=t.ingredient_id.type), s.value,
                   literal(None, type_=t.quantity.type), literal(None, type_=t.unit.type),
                   literal(None, type_=t.price.type), literal(None, type_=t.store.type),
                   literal(None, type_=t.preferred.type), literal(None, type_=t.position.type),
                   literal(None, type_=t.id.type)).where(s.key == CURRENCY_KEY),
        )
    ).all()
    plain_rows = [tuple(r) for r in rows]
    last = _last
    if last is not None and last[0] == plain_rows:
        return last[1]
    value = _build(plain_rows)
    _last = (plain_rows, value)
    return value
