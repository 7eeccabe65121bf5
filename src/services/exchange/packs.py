"""Version 2 of the exchange document: ingredient display units and purchase packs.

Checks (labels unique per ingredient ignoring case, at most one preferred),
writing (an ingredient listed with ``packs`` gets exactly those packs; without
the key its packs are kept, so a version 1 document never removes any) and
export (packs in the order entered; optional fields written only when set).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import Any

from sqlalchemy import Table, delete, insert
from sqlalchemy.orm import Session

from src.models import Ingredient, PurchasePack
from src.utils.datetime_utils import utc_now

from .schema import DocumentDoc, IngredientDoc

__all__ = ["pack_problems", "display_unit_of", "write_packs", "ingredient_v2_fields"]


def display_unit_of(d: IngredientDoc) -> str | None:
    """The display unit: version 2's ``display_unit``, else version 1's ``preferred_unit``."""
    return d.display_unit or d.preferred_unit


def pack_problems(doc: DocumentDoc) -> list[str]:
    """``ingredients[i].packs[j].label: …`` problems the shapes alone cannot see."""
    problems: list[str] = []
    for i, ing in enumerate(doc.ingredients):
        seen: dict[str, int] = {}
        preferred: int | None = None
        for j, pack in enumerate(ing.packs or ()):
            where = f"ingredients[{i}].packs[{j}]"
            k = pack.label.casefold()
            if k in seen:
                problems.append(f'{where}.label: "{pack.label}" is listed twice '
                                f"(also packs[{seen[k]}])")
            seen.setdefault(k, j)
            if pack.preferred:
                if preferred is not None:
                    problems.append(f"{where}.preferred: only one pack may be preferred "
                                    f"(packs[{preferred}] already is)")
                else:
                    preferred = j
    return problems


def write_packs(session: Session, doc: DocumentDoc, ingredients: Mapping[str, Ingredient],
                key: Callable[[str], str]) -> None:
    """Give every ingredient listed with ``packs`` exactly those packs (ids known:
    call after the ingredients are flushed)."""
    listed = [(ingredients[key(d.name)].id, d.packs) for d in doc.ingredients
              if d.packs is not None]
    if not listed:
        return
    ids = [iid for iid, _ in listed]
    for start in range(0, len(ids), 500):
        session.execute(delete(PurchasePack).where(
            PurchasePack.ingredient_id.in_(ids[start:start + 500])))
    now = utc_now()
    rows: list[dict[str, Any]] = [
        {"ingredient_id": iid, "label": p.label, "quantity": p.quantity, "unit": p.unit,
         "price": p.price, "store": p.store, "preferred": p.preferred, "position": n,
         "uuid": str(uuid.uuid4()), "created_at": now, "updated_at": now}
        for iid, packs in listed for n, p in enumerate(packs or ())
    ]
    if rows:
        table = PurchasePack.__table__
        assert isinstance(table, Table), "purchase packs map a plain table"
        session.execute(insert(table), rows)


def ingredient_v2_fields(
    ing: Ingredient, decimal_text: Callable[[Decimal], str]
) -> dict[str, Any]:
    """``display_unit`` and ``packs`` of an exported ingredient (each only when set)."""
    out: dict[str, Any] = {}
    if ing.preferred_unit:
        out["display_unit"] = ing.preferred_unit
    packs = []
    for p in sorted(ing.packs, key=lambda p: (p.position, p.id)):
        pack: dict[str, Any] = {"label": p.label, "quantity": decimal_text(p.quantity),
                                "unit": p.unit}
        if p.price is not None:
            pack["price"] = decimal_text(p.price)
        if p.store:
            pack["store"] = p.store
        if p.preferred:
            pack["preferred"] = True
        packs.append(pack)
    if packs:
        out["packs"] = packs
    return out
