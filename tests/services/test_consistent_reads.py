"""On a shared PostgreSQL server, a plan or an export read in several statements
shows one moment, even when another computer commits an edit halfway through."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from src.db import open_database
from src.services.exchange import export as exchange_export
from src.services.exchange import export_document
from src.services.plan import selection
from src.services.plan import view as plan_view
from src.services.plan.view import get_plan_view

from .builders import build_bakery, planned_event

pytestmark = pytest.mark.postgres


@pytest.fixture
def other(pg_db):
    handle = open_database(pg_db.url)
    yield handle
    handle.dispose()


def test_a_plan_read_during_another_computers_edit_is_one_moment(pg_db, other, monkeypatch):
    b = build_bakery(pg_db)
    event_id = planned_event(pg_db, b)
    before = get_plan_view(pg_db, event_id)
    real = plan_view.load_event_choices

    def edited_midway(session, eid):
        # Deselecting Truffles also removes the truffle-box line: committed elsewhere
        # after this read began.
        selection.set_selected_recipes(other, eid, [b.sugar_dough])
        return real(session, eid)

    monkeypatch.setattr(plan_view, "load_event_choices", edited_midway)
    assert get_plan_view(pg_db, event_id) == before
    monkeypatch.undo()
    after = get_plan_view(pg_db, event_id)
    assert [r.name for r in after.recipes if r.selected] == ["Sugar Cookie Dough"]


def test_an_export_during_another_computers_edit_is_one_moment(pg_db, other, monkeypatch):
    b = build_bakery(pg_db)
    event_id = planned_event(pg_db, b)
    before = export_document(pg_db)
    real = exchange_export.build_document

    def edited_midway(session):
        session.execute(select(1))  # the export has begun reading
        selection.set_selected_recipes(other, event_id, [b.sugar_dough])
        return real(session)

    monkeypatch.setattr("src.services.exchange.build_document", edited_midway)
    assert export_document(pg_db) == before
