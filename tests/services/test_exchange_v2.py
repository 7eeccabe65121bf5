"""Exchange document version 2: display units and purchase packs; version 1 still imports."""

from __future__ import annotations

from decimal import Decimal

import pytest

from src.db import open_database
from src.services import catalog
from src.services.catalog import packs as catalog_packs
from src.services.exchange import ExchangeError, document_text, export_document, import_document

from .test_exchange import small_doc

FLOUR_PACKS = [
    {"label": "5 lb bag", "quantity": "5", "unit": "lb", "price": "4.29", "store": "Grocer",
     "preferred": True},
    {"label": "2 lb bag", "quantity": "2", "unit": "lb", "price": "2.19"},
    {"label": "sample", "quantity": "100", "unit": "g"},
]


def v2_doc() -> dict:
    doc = small_doc()
    doc["version"] = 2
    flour = doc["ingredients"][0]
    flour["display_unit"] = "lb"
    flour["packs"] = FLOUR_PACKS
    return doc


def _flour(db):
    return next(i for i in catalog.list_ingredients(db) if i.name == "All-purpose flour")


def test_version_2_imports_packs_and_display_unit_and_round_trips_byte_stable(db, tmp_path):
    import_document(db, v2_doc())
    flour = _flour(db)
    assert flour.preferred_unit == "lb"
    packs = catalog_packs.list_packs(db, flour.id)
    assert [(p.label, p.quantity, p.price, p.store, p.preferred) for p in packs] == [
        ("5 lb bag", Decimal(5), Decimal("4.29"), "Grocer", True),
        ("2 lb bag", Decimal(2), Decimal("2.19"), None, False),
        ("sample", Decimal(100), None, None, False),
    ]
    first = export_document(db)
    assert first["version"] == 2
    assert first["ingredients"][0]["display_unit"] == "lb"
    assert first["ingredients"][0]["packs"] == FLOUR_PACKS
    again = open_database(tmp_path / "again.db")
    try:
        import_document(again, first)
        assert document_text(export_document(again)) == document_text(first)
    finally:
        again.dispose()


def test_version_1_document_still_imports_its_preferred_unit_as_the_display_unit(db):
    doc = small_doc()
    doc["ingredients"][0]["preferred_unit"] = "cup"
    import_document(db, doc)
    flour = _flour(db)
    assert flour.preferred_unit == "cup"
    assert catalog_packs.list_packs(db, flour.id) == ()
    exported = export_document(db)
    assert exported["version"] == 2 and exported["ingredients"][0]["display_unit"] == "cup"
    assert "packs" not in exported["ingredients"][0]


def test_replacing_with_a_version_1_document_keeps_packs_a_version_2_list_replaces_them(db):
    import_document(db, v2_doc())
    flour_id = _flour(db).id
    import_document(db, small_doc(), replace=True)  # v1: no packs key
    assert len(catalog_packs.list_packs(db, flour_id)) == 3
    doc = v2_doc()
    doc["ingredients"][0]["packs"] = [{"label": "10 kg sack", "quantity": "10", "unit": "kg"}]
    import_document(db, doc, replace=True)
    assert [p.label for p in catalog_packs.list_packs(db, flour_id)] == ["10 kg sack"]


def test_pack_problems_are_located_and_nothing_is_written(db):
    doc = v2_doc()
    doc["ingredients"][0]["packs"] = [
        {"label": "bag", "quantity": "5", "unit": "lbz", "preferred": True},
        {"label": "BAG", "quantity": "0", "unit": "lb", "price": "-1", "preferred": True},
    ]
    with pytest.raises(ExchangeError) as err:
        import_document(db, doc)
    problems = err.value.problems
    assert 'ingredients[0].packs[0].unit: unknown unit "lbz"' in problems
    assert any(p.startswith("ingredients[0].packs[1].quantity:") for p in problems)
    assert any(p.startswith("ingredients[0].packs[1].price:") for p in problems)
    assert catalog.list_ingredients(db) == []


def test_two_preferred_packs_and_a_repeated_label_are_refused(db):
    doc = v2_doc()
    doc["ingredients"][0]["packs"] = [
        {"label": "bag", "quantity": "5", "unit": "lb", "preferred": True},
        {"label": "Bag", "quantity": "2", "unit": "lb", "preferred": True},
    ]
    with pytest.raises(ExchangeError) as err:
        import_document(db, doc)
    assert err.value.problems == [
        'ingredients[0].packs[1].label: "Bag" is listed twice (also packs[0])',
        "ingredients[0].packs[1].preferred: only one pack may be preferred "
        "(packs[0] already is)",
    ]
