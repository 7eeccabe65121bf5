"""Bake days: the worked example by hand, and the rule's edge cases."""

from __future__ import annotations

from datetime import date

import pytest

from src.planning.schedule import build_schedule
from src.planning.schedule_types import BakeJob, BakeryHours, RecipeTiming, ScheduleRequest

EVENINGS = {d: (18 * 60, 22 * 60) for d in range(5)}  # Monday to Friday, 18:00-22:00
THU, FRI, SAT = date(2026, 12, 17), date(2026, 12, 18), date(2026, 12, 19)


def _hm(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def _rows(schedule) -> list[tuple]:
    return [(s.day, _hm(s.start), _hm(s.end), s.oven, s.recipe, s.batches, s.action)
            for d in schedule.days for s in d.sessions]


def test_worked_example_two_evenings_one_oven():
    """3 recipes, 1 oven, Thursday and Friday evening (4 hours each), the event on
    Saturday. Worked by hand from the rule in src/planning/schedule.py:

    Friday first (backward). Gingerbread and Sugar keep 1 day and do not freeze,
    so they go first (by name). Gingerbread rests 10 h: mixed Thursday 18:00-18:40
    (2 × 20 min), baked Friday 18:00-18:48 (2 batches × 2 loads × 12 min).
    Sugar is mixed Friday 18:00-18:45 (3 × 15 min); its loads follow the
    gingerbread, 18:48-19:48. Stollen (keeps 1 day, freezes) takes what is left:
    mixing 18:45-20:05, two batches baked 19:48-21:28; a third would end 22:18.
    Thursday has no fresh slot for anyone; the second pass puts the third
    Stollen there: mixed 18:40-19:20 after the gingerbread, baked 19:20-20:10,
    then frozen."""
    request = ScheduleRequest(
        SAT, THU,
        (
            BakeJob(1, "Gingerbread Dough", 2, RecipeTiming(20, 600, 12, 2, 1, False, None)),
            BakeJob(2, "Sugar Cookie Dough", 3, RecipeTiming(15, 0, 10, 2, 1, False, None)),
            BakeJob(3, "Stollen", 3, RecipeTiming(40, 0, 50, 1, 1, True, 60)),
        ),
        BakeryHours(1, EVENINGS),
    )
    schedule = build_schedule(request)
    assert schedule.feasible and schedule.problems == () and schedule.notes == ()
    assert _rows(schedule) == [
        (THU, "18:00", "18:40", None, "Gingerbread Dough", 2, "mix"),
        (THU, "18:40", "19:20", None, "Stollen", 1, "mix"),
        (THU, "19:20", "20:10", 1, "Stollen", 1, "bake"),
        (THU, "20:10", "20:20", None, "Stollen", 1, "freeze"),
        (FRI, "18:00", "18:45", None, "Sugar Cookie Dough", 3, "mix"),
        (FRI, "18:00", "18:48", 1, "Gingerbread Dough", 2, "bake"),
        (FRI, "18:45", "20:05", None, "Stollen", 2, "mix"),
        (FRI, "18:48", "19:48", 1, "Sugar Cookie Dough", 3, "bake"),
        (FRI, "19:48", "21:28", 1, "Stollen", 2, "bake"),
    ]


def test_shortfall_message_names_loads_dates_and_remedy():
    request = ScheduleRequest(
        SAT, date(2026, 12, 16),
        (BakeJob(7, "Gingerbread Dough", 2, RecipeTiming(0, 0, 120, 2, 1, False, None)),),
        BakeryHours(1, EVENINGS),
    )
    schedule = build_schedule(request)
    assert not schedule.feasible
    assert schedule.problems == (
        "Gingerbread Dough: 4 loads do not fit between 12-18 and 12-18: 2 loads short of "
        "oven time; add a day or an oven",)
    assert schedule.unplaced == {7: 1}
    assert [(s.day, s.batches, s.action) for d in schedule.days for s in d.sessions] == [
        (FRI, 1, "bake")]


def test_recipe_without_timing_is_one_flagged_block_per_batch_with_defaults():
    request = ScheduleRequest(SAT, THU, (BakeJob(1, "Fudge", 2),), BakeryHours(1, EVENINGS))
    schedule = build_schedule(request)
    assert schedule.feasible
    assert schedule.notes and schedule.notes[0].startswith("Fudge: no timing set")
    bakes = [s for d in schedule.days for s in d.sessions if s.action == "bake"]
    assert all(s.flagged for s in bakes)
    assert sum(s.batches for s in bakes) == 2
    assert all(s.end - s.start == 60 * s.batches for s in bakes)


def test_no_baking_day_in_the_shelf_life_window_is_said():
    weekend_only = {5: (9 * 60, 17 * 60), 6: (9 * 60, 17 * 60)}
    request = ScheduleRequest(
        date(2026, 12, 18), date(2026, 12, 1),
        (BakeJob(1, "Cream Puffs", 1, RecipeTiming(30, 0, 30, 1, 1, False, None)),),
        BakeryHours(1, weekend_only),
    )
    schedule = build_schedule(request)
    assert schedule.problems == (
        "Cream Puffs: no baking day between 12-17 and 12-17 (it keeps 1 days); "
        "add baking hours on one of those days",)


def test_batch_longer_than_any_day_is_said():
    request = ScheduleRequest(
        SAT, THU, (BakeJob(1, "Fruitcake", 1, RecipeTiming(0, 0, 300, 1, 30, False, None)),),
        BakeryHours(2, EVENINGS),
    )
    (problem,) = build_schedule(request).problems
    assert problem.startswith("Fruitcake: one batch needs 300 min of oven time, longer than "
                              "the longest baking day (240 min)")


def test_days_off_are_skipped():
    request = ScheduleRequest(
        SAT, THU, (BakeJob(1, "Shortbread", 1, RecipeTiming(0, 0, 30, 1, 5, False, None)),),
        BakeryHours(1, EVENINGS, frozenset({FRI})),
    )
    assert [d.day for d in build_schedule(request).days] == [THU]


def test_a_full_baker_is_short_of_mixing_time_not_oven_time():
    """Two hours of mixing per batch with 10 ovens: the one baker is what runs out."""
    request = ScheduleRequest(
        SAT, FRI, (BakeJob(1, "Croissants", 3, RecipeTiming(120, 0, 20, 1, 2, False, None)),),
        BakeryHours(10, EVENINGS),
    )
    schedule = build_schedule(request)
    assert schedule.problems == (
        "Croissants: 3 loads do not fit between 12-18 and 12-18: 2 loads short of mixing "
        "time (one baker); add a day or longer hours",)


def test_no_ovens_is_refused():
    with pytest.raises(ValueError):
        build_schedule(ScheduleRequest(SAT, THU, (), BakeryHours(0, EVENINGS)))


def test_an_event_with_no_day_left_says_so():
    request = ScheduleRequest(
        THU, FRI, (BakeJob(1, "Pecan Pie", 1, RecipeTiming(40, 0, 55, 1, 3, False, None)),),
        BakeryHours(1, EVENINGS),
    )
    assert build_schedule(request).problems == (
        "Pecan Pie: 1 batch not scheduled: no day is left before the event "
        "(baking from 12-18, the event on 12-17)",)


def test_a_good_that_keeps_no_day_cannot_be_baked_ahead():
    request = ScheduleRequest(
        SAT, THU, (BakeJob(1, "Soufflé", 2, RecipeTiming(20, 0, 25, 1, 0, False, None)),),
        BakeryHours(1, EVENINGS),
    )
    assert build_schedule(request).problems == (
        "Soufflé: 2 batches cannot be baked ahead: it keeps 0 days; bake it on the event "
        "day",)
