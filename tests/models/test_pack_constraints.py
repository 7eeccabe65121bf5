"""The database itself keeps packs sane: one preferred per ingredient, positive
sizes, no negative price, labels unique per ingredient, deleted with the ingredient."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from src.models import Ingredient, PurchasePack


@pytest.fixture
def flour_id(db) -> int:
    with db.uow() as s:
        flour = Ingredient(name="Flour", category="Dry")
        s.add(flour)
        s.flush()
        s.add(PurchasePack(ingredient_id=flour.id, label="5 lb bag", quantity=Decimal(5),
                           unit="lb", price=Decimal("4.29"), preferred=True))
        return flour.id


@pytest.mark.parametrize(
    "values",
    [
        {"label": "2 lb bag", "quantity": Decimal(2), "preferred": True},  # a second preferred
        {"label": "5 lb bag", "quantity": Decimal(5)},  # the same label
        {"label": "empty", "quantity": Decimal(0)},
        {"label": "refund", "quantity": Decimal(1), "price": Decimal("-1")},
        {"label": "  ", "quantity": Decimal(1)},
    ],
)
def test_the_database_refuses_a_bad_pack(db, flour_id, values):
    with pytest.raises(IntegrityError), db.uow() as s:
        s.add(PurchasePack(ingredient_id=flour_id, unit="lb", **values))


def test_a_second_unpreferred_pack_is_fine_and_packs_go_with_their_ingredient(db, flour_id):
    with db.uow() as s:
        s.add(PurchasePack(ingredient_id=flour_id, label="2 lb bag", quantity=Decimal(2),
                           unit="lb"))
    with db.uow() as s:
        assert s.scalar(select(func.count()).select_from(PurchasePack)) == 2
        s.delete(s.get(Ingredient, flour_id))
    with db.uow() as s:
        assert s.scalar(select(func.count()).select_from(PurchasePack)) == 0
