"""Bake days in the exchange document: optional version-2 fields that round-trip,
version-1 documents unchanged, every bad value reported with its place."""

from __future__ import annotations

from datetime import date

import pytest

from src.services.bakedays.dto import HoursRow
from src.services.bakedays.schedule import get_schedule
from src.services.bakedays.settings import get_bakery_settings, get_recipe_timing
from src.services.errors import UserInputError
from src.services.exchange import ExchangeError, export_document, import_document
from src.services.plan.events import find_event
from tests.services.test_exchange import small_doc

TIMING = {"active_minutes": 20, "rest_minutes": 480, "oven_minutes": 12, "loads_per_batch": 2,
          "days_fresh": 7, "freezes": True, "days_frozen": 60}
BAKERY = {"ovens": 2, "days_off": ["2026-12-17"],
          "hours": [{"day": "wednesday", "start": "18:00", "end": "22:00"},
                    {"day": "Saturday", "start": "09:00", "end": "17:00"}]}


def bake_doc() -> dict:
    doc = small_doc()
    doc["version"] = 2
    doc["recipes"][0]["timing"] = TIMING
    doc["recipes"][2]["timing"] = {"oven_minutes": 35}
    doc["bakery"] = BAKERY
    doc["events"][0]["first_bake_day"] = "2026-12-12"
    return doc


def _recipe_id(db, name: str) -> int:
    from src.services.catalog import list_recipes

    return next(r.id for r in list_recipes(db) if r.name == name)


def test_version_1_document_imports_without_bake_days(db):
    import_document(db, small_doc())
    assert get_bakery_settings(db).is_default
    assert get_recipe_timing(db, _recipe_id(db, "Sugar Cookie Dough")).oven_minutes is None
    assert "bakery" not in export_document(db)


def test_bake_days_import_and_round_trip(db, tmp_path):
    import_document(db, bake_doc())
    timing = get_recipe_timing(db, _recipe_id(db, "Sugar Cookie Dough"))
    assert (timing.active_minutes, timing.rest_minutes, timing.oven_minutes,
            timing.loads_per_batch, timing.days_fresh, timing.freezes,
            timing.days_frozen) == (20, 480, 12, 2, 7, True, 60)
    cake = get_recipe_timing(db, _recipe_id(db, "Vanilla Cake"))
    assert (cake.oven_minutes, cake.active_minutes, cake.freezes) == (35, None, False)
    settings = get_bakery_settings(db)
    assert settings.ovens == 2 and settings.days_off == (date(2026, 12, 17),)
    assert settings.hours == (HoursRow(2, "18:00", "22:00"), HoursRow(5, "09:00", "17:00"))
    event = find_event(db, "Christmas 2026", None)
    assert get_schedule(db, event.id).first_day == date(2026, 12, 12)

    exported = export_document(db)
    assert exported["version"] == 2
    assert exported["recipes"][[r["name"] for r in exported["recipes"]].index(
        "Sugar Cookie Dough")]["timing"] == TIMING
    assert exported["bakery"] == {**BAKERY, "hours": [
        {"day": "wednesday", "start": "18:00", "end": "22:00"},
        {"day": "saturday", "start": "09:00", "end": "17:00"}]}
    assert exported["events"][0]["first_bake_day"] == "2026-12-12"

    from src.db import open_database

    other = open_database(tmp_path / "other.db")
    try:
        import_document(other, exported)
        assert export_document(other) == exported
    finally:
        other.dispose()


def test_bad_bake_day_values_are_all_reported_and_nothing_is_written(db):
    doc = bake_doc()
    doc["recipes"][0]["timing"] = {"oven_minutes": 0, "freezes": "yes"}
    doc["bakery"] = {"ovens": 0, "hours": [{"day": "Funday", "start": "25:00", "end": "9"},
                                           {"day": "monday", "start": "20:00",
                                            "end": "18:00"}],
                     "days_off": ["soon"]}
    doc["events"][0]["first_bake_day"] = "2026-12-20"
    with pytest.raises(ExchangeError) as caught:
        import_document(db, doc)
    text = "\n".join(caught.value.problems)
    for where in ("recipes[0].timing.oven_minutes", "recipes[0].timing.freezes",
                  "bakery.ovens", "bakery.hours[0].day", "bakery.hours[0].start",
                  "bakery.hours[0].end", "bakery.days_off[0]"):
        assert where in text, where
    with pytest.raises(UserInputError):
        find_event(db, "Christmas 2026", None)


def test_first_bake_day_after_the_event_is_refused(db):
    doc = bake_doc()
    doc["events"][0]["first_bake_day"] = "2026-12-20"
    doc["bakery"]["hours"].append({"day": "wednesday", "start": "20:00", "end": "18:00"})
    with pytest.raises(ExchangeError) as caught:
        import_document(db, doc)
    assert caught.value.problems == [
        "bakery.hours[2]: must end after it starts (20:00 to 18:00)",
        "bakery.hours[2].day: wednesday is listed twice",
        "events[0].first_bake_day: must be before the event's date (2026-12-20)",
    ]
