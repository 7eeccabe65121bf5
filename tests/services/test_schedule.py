"""Bake days through the services: settings and timing edits, the event's schedule."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import event as sa_event

from src.services.bakedays.dto import HoursRow, TimingInput
from src.services.bakedays.schedule import get_schedule
from src.services.bakedays.settings import (
    get_bakery_settings,
    get_recipe_timing,
    set_bakery_settings,
    set_first_baking_day,
    set_recipe_timing,
)
from src.services.errors import NotFoundError, PlanStateError, ValidationError
from src.services.plan import production
from tests.services.builders import build_bakery, planned_event

EVENINGS = {d: ("18:00", "22:00") for d in range(5)}


@pytest.fixture
def b(db):
    return build_bakery(db)


def _baked(view) -> dict[str, int]:
    out: dict[str, int] = {}
    for day in view.days:
        for s in day.sessions:
            if s.action == "bake":
                out[s.recipe] = out.get(s.recipe, 0) + s.batches
    return out


def test_defaults_until_settings_are_saved(db):
    view = get_bakery_settings(db)
    assert view.is_default and view.ovens == 1
    assert view.hours[0] == HoursRow(0, "18:00", "22:00")
    assert view.hours[5] == HoursRow(5, "09:00", "17:00")


def test_settings_are_saved_and_replace_the_previous_ones(db):
    set_bakery_settings(db, "2", {**EVENINGS, 5: ("9:00", "17:30")}, ["2026-12-24"])
    view = set_bakery_settings(db, 3, {4: ("18:00", "23:00"), 6: None}, [])
    assert view == get_bakery_settings(db)
    assert (view.ovens, view.hours, view.days_off, view.is_default) == (
        3, (HoursRow(4, "18:00", "23:00"),), (), False)


def test_bad_settings_name_every_field_and_change_nothing(db):
    set_bakery_settings(db, 2, EVENINGS, ["2026-12-24"])
    before = get_bakery_settings(db)
    with pytest.raises(ValidationError) as caught:
        set_bakery_settings(db, "0", {1: ("22:00", "18:00"), 2: ("7pm", "9pm")}, ["Feb 30"])
    assert set(caught.value.errors) == {"ovens", "hours.1", "hours.2", "days_off.0"}
    assert "Tuesday: baking must end after it starts" in caught.value.errors["hours.1"]
    assert '"7pm" is not a time of day' in caught.value.errors["hours.2"]
    assert get_bakery_settings(db) == before


def test_recipe_timing_round_trip_blank_is_unknown(db, b):
    assert get_recipe_timing(db, b.sugar_dough).oven_minutes is None
    saved = set_recipe_timing(db, b.sugar_dough, TimingInput("20", "", "12", "2", "7", True, 90))
    assert saved == get_recipe_timing(db, b.sugar_dough)
    assert (saved.active_minutes, saved.rest_minutes, saved.oven_minutes, saved.loads_per_batch,
            saved.days_fresh, saved.freezes, saved.days_frozen) == (20, None, 12, 2, 7, True, 90)


def test_bad_timing_is_refused_field_by_field(db, b):
    with pytest.raises(ValidationError) as caught:
        set_recipe_timing(db, b.sugar_dough, TimingInput("-5", None, "0", "1.5", None, False, 30))
    assert set(caught.value.errors) == {"active_minutes", "oven_minutes", "loads_per_batch",
                                        "days_frozen"}
    assert get_recipe_timing(db, b.sugar_dough).active_minutes is None
    with pytest.raises(NotFoundError):
        set_recipe_timing(db, 9999, TimingInput())


def test_schedule_places_the_decided_batches_before_the_event(db, b):
    event_id = planned_event(db, b)  # Sugar Cookie Dough: 9 batches, event 2026-12-20
    set_bakery_settings(db, 1, EVENINGS, [])
    set_recipe_timing(db, b.sugar_dough, TimingInput(15, 0, 12, 2, 5, False, None))
    set_first_baking_day(db, event_id, "2026-12-14")
    view = get_schedule(db, event_id)
    assert view.feasible and view.problems == () and not view.first_day_is_default
    assert _baked(view) == {"Sugar Cookie Dough": 9}
    assert all(date(2026, 12, 15) <= d.day < date(2026, 12, 20) for d in view.days)
    assert view.days[-1].start == "18:00"


def test_in_production_only_what_is_still_to_bake_is_scheduled(db, b):
    event_id = planned_event(db, b, "in_production")
    set_recipe_timing(db, b.sugar_dough, TimingInput(15, 0, 12, 2, 5, False, None))
    production.record_production(db, event_id, b.sugar_dough, 4)
    view = get_schedule(db, event_id, today=date(2026, 12, 1))
    assert _baked(view) == {"Sugar Cookie Dough": 5}
    # Mid-way, the days gone by are not offered any more: from today to the event.
    late = get_schedule(db, event_id, today=date(2026, 12, 19))
    assert late.first_day == date(2026, 12, 19)
    assert [d.day for d in late.days] == [date(2026, 12, 19)]
    production.record_production(db, event_id, b.sugar_dough, 6, over=True)
    assert get_schedule(db, event_id, today=date(2026, 12, 1)).days == ()


def test_missing_timing_is_flagged_and_a_shortfall_is_explained(db, b):
    event_id = planned_event(db, b)
    set_bakery_settings(db, 1, {3: ("18:00", "20:00")}, [])  # Thursday evenings only
    set_first_baking_day(db, event_id, "2026-12-16")
    view = get_schedule(db, event_id)
    assert not view.feasible
    assert view.notes[0].startswith("Sugar Cookie Dough: no timing set")
    assert view.problems == ("Sugar Cookie Dough: 9 loads do not fit between 12-17 and 12-19: "
                             "8 loads short of oven time; add a day or an oven",)
    assert _baked(view) == {"Sugar Cookie Dough": 1}  # 30 min mix, then 60 min oven


def test_first_baking_day_must_precede_the_event_and_completed_plans_refuse(db, b):
    event_id = planned_event(db, b)
    with pytest.raises(ValidationError, match="must be before the event"):
        set_first_baking_day(db, event_id, "2026-12-20")
    assert get_schedule(db, event_id).first_day_is_default
    assert set_first_baking_day(db, event_id, "") is None
    done = planned_event(db, b, "completed")
    with pytest.raises(PlanStateError):
        set_first_baking_day(db, done, "2026-12-10")


def test_schedule_reads_a_fixed_number_of_statements(db, b):
    event_id = planned_event(db, b)
    statements: list[str] = []

    def count(*args):
        statements.append(args[2])

    sa_event.listen(db.engine, "before_cursor_execute", count)
    try:
        get_schedule(db, event_id)
    finally:
        sa_event.remove(db.engine, "before_cursor_execute", count)
    assert len(statements) <= 9  # BEGIN + 8 reads
