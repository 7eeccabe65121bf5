"""The import's set-based path (SQLite and PostgreSQL): a synthetic bakery
round-trips exactly, also across the two kinds of database, and the ids it
takes leave the database ready for ordinary edits and further imports."""

from __future__ import annotations

from bench.generate import bakery
from src.db import open_database
from src.services import catalog
from src.services.exchange import document_text, export_document, import_document
from src.services.plan.events import create_event, list_events
from src.services.plan.view import get_plan_view


def test_synthetic_bakery_round_trips_through_sqlite(db, tmp_path):
    import_document(db, bakery("small"))
    first = export_document(db)
    other = open_database(tmp_path / "other.db")
    try:
        import_document(other, first)
        assert document_text(export_document(other)) == document_text(first)
    finally:
        other.dispose()


def test_sqlite_export_round_trips_into_this_database(db, tmp_path):
    source = open_database(tmp_path / "source.db")
    try:
        import_document(source, bakery("small", seed=7))
        exported = export_document(source)
    finally:
        source.dispose()
    import_document(db, exported)
    assert document_text(export_document(db)) == document_text(exported)


def test_edits_after_an_import_get_fresh_ids(db):
    import_document(db, bakery("small"))
    before = {e.id for e in list_events(db)}
    ingredient = catalog.create_ingredient(db, name="Cardamom after import")
    event = create_event(db, name="After import", event_date="2027-01-05")
    assert event.id not in before
    assert ingredient.name in {i.name for i in catalog.list_ingredients(db)}
    assert get_plan_view(db, event.id).event.name == "After import"


def test_importing_again_with_replace_keeps_the_same_bakery(db):
    import_document(db, bakery("small"))
    first = export_document(db)
    import_document(db, bakery("small"), replace=True)
    import_document(db, bakery("small"), replace=True)
    assert document_text(export_document(db)) == document_text(first)
