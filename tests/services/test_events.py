"""Events service: create, update, delete, get, list, find — every rule and message."""

from __future__ import annotations

from datetime import date

import pytest

from src.db import open_database
from src.services.errors import NotFoundError, PlanStateError, UserInputError, ValidationError
from src.services.plan import events, lifecycle, selection
from tests.services.builders import build_bakery


def test_create_trims_and_defaults_to_draft(db):
    view = events.create_event(
        db, name="  Christmas 2026 ", event_date="2026-12-20", expected_attendees="050",
        notes=" tins ",
    )
    assert (view.name, view.event_date, view.expected_attendees, view.notes, view.plan_state) == (
        "Christmas 2026", date(2026, 12, 20), 50, "tins", "draft")
    assert events.get_event(db, view.id) == view


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"name": "   "}, "name", "Event name is required"),
        ({"name": "x" * 201}, "name", "Event name must be at most 200 characters (it has 201)"),
        ({"event_date": ""}, "event_date", "Date is required"),
        ({"event_date": "2026-02-30"}, "event_date",
         '"2026-02-30" is not a date: February 2026 has 28 days'),
        ({"event_date": "soon"}, "event_date",
         '"soon" is not a date; type e.g. 2026-12-19, 12/19/2026, Dec 19 2026 or 19 Dec 2026'),
        ({"expected_attendees": "0"}, "expected_attendees",
         "Expected attendees must be a whole number of at least 1"),
        ({"expected_attendees": "12.5"}, "expected_attendees",
         "Expected attendees must be a whole number of at least 1"),
        ({"expected_attendees": "lots"}, "expected_attendees",
         "Expected attendees must be a whole number of at least 1"),
    ],
)
def test_bad_fields_are_refused_with_a_message_and_nothing_saved(db, fields, field, message):
    values = {"name": "Bake sale", "event_date": "2026-11-28", "expected_attendees": None}
    values.update(fields)
    with pytest.raises(ValidationError) as info:
        events.create_event(db, **values)
    assert info.value.errors[field] == message
    assert events.list_events(db) == []


def test_every_bad_field_is_reported_at_once(db):
    with pytest.raises(ValidationError) as info:
        events.create_event(db, name="", event_date="soon", expected_attendees="-1")
    assert set(info.value.errors) == {"name", "event_date", "expected_attendees"}


def test_empty_attendees_are_allowed_and_names_need_not_be_unique(db):
    first = events.create_event(db, name="Bake sale", event_date="2026-11-28",
                                expected_attendees="")
    second = events.create_event(db, name="Bake sale", event_date="2027-11-27")
    assert first.expected_attendees is None and first.id != second.id


def test_list_is_newest_first(db):
    for name, day in (("Old", "2024-12-01"), ("New", "2026-12-01"), ("Middle", "2025-06-01")):
        events.create_event(db, name=name, event_date=day)
    assert [e.name for e in events.list_events(db)] == ["New", "Middle", "Old"]


def test_update_changes_details_and_persists(db):
    view = events.create_event(db, name="Draft", event_date="2026-12-01")
    events.update_event(db, view.id, name="Final", event_date="2026-12-02",
                        expected_attendees=30, notes="n")
    other = open_database(db.url)
    try:
        again = events.get_event(other, view.id)
    finally:
        other.dispose()
    assert (again.name, again.event_date, again.expected_attendees, again.notes) == (
        "Final", date(2026, 12, 2), 30, "n")


def test_bad_update_changes_nothing(db):
    view = events.create_event(db, name="Keep", event_date="2026-12-01")
    with pytest.raises(ValidationError):
        events.update_event(db, view.id, name="", event_date="2026-12-01")
    assert events.get_event(db, view.id) == view


def test_details_can_change_until_completed(db):
    ids = build_bakery(db)
    view = events.create_event(db, name="Sale", event_date="2026-11-28")
    selection.set_selected_recipes(db, view.id, [ids.sugar_dough])
    lifecycle.lock_plan(db, view.id)
    events.update_event(db, view.id, name="Sale (locked)", event_date="2026-11-28")
    lifecycle.start_production(db, view.id)
    events.update_event(db, view.id, name="Sale (baking)", event_date="2026-11-28")
    lifecycle.complete_plan(db, view.id)
    with pytest.raises(PlanStateError, match="completed plan is read-only"):
        events.update_event(db, view.id, name="Too late", event_date="2026-11-28")
    assert events.get_event(db, view.id).name == "Sale (baking)"


def test_delete_summary_counts_and_delete_removes(db):
    ids = build_bakery(db)
    view = events.create_event(db, name="Sale", event_date="2026-11-28")
    selection.set_selected_recipes(db, view.id, [ids.sugar_dough])
    summary = events.event_delete_summary(db, view.id)
    assert (summary.recipes, summary.lines, summary.decisions) == (1, 0, 0)
    events.delete_event(db, view.id)
    with pytest.raises(NotFoundError):
        events.get_event(db, view.id)
    with pytest.raises(NotFoundError):
        events.delete_event(db, view.id)


def test_find_event_by_name_and_date(db):
    events.create_event(db, name="Bake sale", event_date="2026-11-28")
    events.create_event(db, name="Bake sale", event_date="2027-11-27")
    with pytest.raises(UserInputError, match="2 events are named"):
        events.find_event(db, "Bake sale")
    assert events.find_event(db, "Bake sale", "2027-11-27").event_date == date(2027, 11, 27)
    with pytest.raises(UserInputError, match='No event named "Nope"'):
        events.find_event(db, "Nope")
