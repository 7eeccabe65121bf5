"""Purchase packs in the catalog: rules, messages, one preferred, and the currency setting."""

from __future__ import annotations

from decimal import Decimal

import pytest

from src.services import catalog, settings
from src.services.catalog import packs as catalog_packs
from src.services.errors import NotFoundError, ValidationError


@pytest.fixture
def flour(db):
    return catalog.create_ingredient(db, name="All-purpose flour", density_g_per_ml="0.53").id


def test_create_and_list_packs_in_entry_order(db, flour):
    catalog_packs.create_pack(db, flour, "5 lb bag", "5", "lb", price="4.29", store="Grocer")
    catalog_packs.create_pack(db, flour, "2 lb bag", "2", "pounds")
    packs = catalog_packs.list_packs(db, flour)
    assert [(p.label, p.quantity, p.unit, p.price, p.store) for p in packs] == [
        ("5 lb bag", Decimal(5), "lb", Decimal("4.29"), "Grocer"),
        ("2 lb bag", Decimal(2), "lb", None, None),
    ]


def test_marking_a_pack_preferred_unmarks_the_other(db, flour):
    a = catalog_packs.create_pack(db, flour, "5 lb bag", "5", "lb", preferred=True)
    b = catalog_packs.create_pack(db, flour, "2 lb bag", "2", "lb", preferred=True)
    prefs = {p.id: p.preferred for p in catalog_packs.list_packs(db, flour)}
    assert prefs == {a.id: False, b.id: True}
    catalog_packs.update_pack(db, a.id, label="5 lb bag", quantity="5", unit="lb", price=None,
                              store=None, preferred=True)
    prefs = {p.id: p.preferred for p in catalog_packs.list_packs(db, flour)}
    assert prefs == {a.id: True, b.id: False}


def test_bad_input_names_every_bad_field_and_saves_nothing(db, flour):
    with pytest.raises(ValidationError) as err:
        catalog_packs.create_pack(db, flour, " ", "-2", "cupz", price="abc")
    assert set(err.value.errors) == {"label", "quantity", "unit", "price"}
    assert 'unknown unit "cupz"' in err.value.errors["unit"]
    assert catalog_packs.list_packs(db, flour) == ()


def test_label_is_unique_per_ingredient_ignoring_case(db, flour):
    catalog_packs.create_pack(db, flour, "5 lb bag", "5", "lb")
    with pytest.raises(ValidationError, match='already has a pack labelled "5 lb bag"'):
        catalog_packs.create_pack(db, flour, "5 LB BAG", "5", "lb")
    sugar = catalog.create_ingredient(db, name="Sugar").id
    catalog_packs.create_pack(db, sugar, "5 lb bag", "5", "lb")  # another ingredient may


def test_price_accepts_a_symbol_and_zero_but_not_negative(db, flour):
    assert catalog_packs.create_pack(db, flour, "a", "1", "lb", price="$2.50").price == Decimal(
        "2.5"
    )
    assert catalog_packs.create_pack(db, flour, "b", "1", "lb", price="0").price == 0
    with pytest.raises(ValidationError, match="Price must be zero or more"):
        catalog_packs.create_pack(db, flour, "c", "1", "lb", price="-1")


def test_delete_pack_and_deleting_the_ingredient_removes_its_packs(db, flour):
    pack = catalog_packs.create_pack(db, flour, "5 lb bag", "5", "lb")
    catalog_packs.delete_pack(db, pack.id)
    assert catalog_packs.list_packs(db, flour) == ()
    with pytest.raises(NotFoundError):
        catalog_packs.delete_pack(db, pack.id)
    catalog_packs.create_pack(db, flour, "2 lb bag", "2", "lb")
    catalog.delete_ingredient(db, flour)
    with pytest.raises(NotFoundError):
        catalog_packs.list_packs(db, flour)


def test_currency_symbol_defaults_to_dollar_and_can_be_set(db):
    assert settings.get_currency_symbol(db) == "$"
    settings.set_currency_symbol(db, "€")
    assert settings.get_currency_symbol(db) == "€"
    with pytest.raises(ValidationError, match="at most 5"):
        settings.set_currency_symbol(db, "dollars")
    assert settings.get_currency_symbol(db) == "€"
