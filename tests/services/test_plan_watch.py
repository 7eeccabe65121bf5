"""plan_version: a second window (another Database handle: another process or
computer) sees whatever the first one saved, and what it was, in one statement."""

from __future__ import annotations

import pytest
from sqlalchemy import event as sa_event

from src.db import open_database
from src.services import catalog
from src.services.catalog import pantry
from src.services.errors import ServiceError
from src.services.plan import amendments, lifecycle, production, selection
from src.services.plan.decisions import set_batch_decision
from src.services.plan.events import create_event, delete_event, update_event
from src.services.plan.watch import EVENT_DELETED, plan_version

from .builders import build_bakery, planned_event


@pytest.fixture
def b(db):
    return build_bakery(db)


@pytest.fixture
def other(db):
    """A second handle on the same database: another window."""
    handle = open_database(db.url)
    yield handle
    handle.dispose()


def test_nothing_changed_reads_the_same_version(db, b, other):
    event_id = planned_event(db, b)
    assert plan_version(db, event_id) == plan_version(other, event_id)
    assert plan_version(db, event_id).changes_since(plan_version(other, event_id)) == ()


def test_each_kind_of_change_from_the_other_window_is_named(db, b, other):
    event_id = planned_event(db, b)
    steps = [
        ("recipes chosen",
         lambda: selection.set_selected_recipes(other, event_id,
                                                [b.sugar_dough, b.truffles, b.cake])),
        ("finished goods", lambda: selection.set_quantity(other, event_id, b.g_cookie, 201)),
        ("batch decisions",
         lambda: set_batch_decision(other, event_id, b.sugar_dough, 8, b.u_cookie)),
        ("the event", lambda: update_event(other, event_id, name="Christmas (moved)",
                                           event_date="2026-12-21")),
        ("the event list", lambda: create_event(other, name="Bake sale",
                                                event_date="2027-03-01")),
        ("the catalog", lambda: catalog.create_ingredient(other, name="Cardamom")),
        ("the pantry", lambda: pantry.set_pantry_quantity(other, b.sugar, "2", "kg")),
    ]
    for area, change in steps:
        shown = plan_version(db, event_id)
        change()
        assert plan_version(db, event_id).changes_since(shown) == (area,), area


def test_production_and_amendments_are_seen(db, b, other):
    event_id = planned_event(db, b, "in_production")
    shown = plan_version(db, event_id)
    production.record_production(other, event_id, b.sugar_dough, 1)
    assert plan_version(db, event_id).changes_since(shown) == ("production",)
    shown = plan_version(db, event_id)
    amendments.amend_batches(other, event_id, b.truffles, 2, "more truffles wanted")
    assert "amendments" in plan_version(db, event_id).changes_since(shown)


def test_a_state_change_and_a_removal_are_seen(db, b, other):
    event_id = planned_event(db, b)
    shown = plan_version(db, event_id)
    lifecycle.lock_plan(other, event_id)
    assert plan_version(db, event_id).changes_since(shown) == ("the event",)
    lifecycle.unlock_plan(other, event_id)
    shown = plan_version(db, event_id)
    selection.set_quantity(other, event_id, b.g_truffle_box, "")  # removes the line
    assert plan_version(db, event_id).changes_since(shown) == ("finished goods",)


def test_a_deleted_event_is_reported_as_deleted(db, b, other):
    event_id = planned_event(db, b)
    shown = plan_version(db, event_id)
    delete_event(other, event_id)
    assert plan_version(db, event_id).changes_since(shown) == (EVENT_DELETED,)


def test_without_an_event_new_events_are_seen(db, other):
    shown = plan_version(db, None)
    create_event(other, name="First event", event_date="2027-01-01")
    assert plan_version(db, None).changes_since(shown) == ("the event list",)


def test_the_check_is_one_statement(db, b):
    event_id = planned_event(db, b)
    statements: list[str] = []

    def count(_conn, _cursor, statement, *_args) -> None:
        if statement.lstrip().upper().startswith("SELECT"):
            statements.append(statement)

    sa_event.listen(db.engine, "before_cursor_execute", count)
    try:
        plan_version(db, event_id)
    finally:
        sa_event.remove(db.engine, "before_cursor_execute", count)
    assert len(statements) == 1


@pytest.mark.postgres
def test_an_unreachable_server_is_a_message_not_a_crash(pg_cluster, pg_url):
    window = open_database(pg_url)
    try:
        plan_version(window, None)
        pg_cluster.drop_database(pg_url)  # the server side is gone
        with pytest.raises(ServiceError, match="Cannot check the database for changes: "):
            plan_version(window, None)
    finally:
        window.dispose()
