"""Bake days over random bakeries and plans: the promises every schedule keeps."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from src.planning.schedule import baking_days, build_schedule, effective_timing
from src.planning.schedule_types import BakeJob, BakeryHours, RecipeTiming, ScheduleRequest


@st.composite
def timings(draw) -> RecipeTiming:
    return RecipeTiming(
        active_minutes=draw(st.none() | st.integers(0, 90)),
        rest_minutes=draw(st.none() | st.sampled_from([0, 0, 30, 120, 480, 720])),
        oven_minutes=draw(st.none() | st.integers(5, 90)),
        loads_per_batch=draw(st.none() | st.integers(1, 4)),
        days_fresh=draw(st.none() | st.integers(0, 10)),
        freezes=draw(st.booleans()),
        days_frozen=draw(st.none() | st.integers(0, 60)),
    )


@st.composite
def requests(draw) -> ScheduleRequest:
    event = date(2026, 12, 1) + timedelta(days=draw(st.integers(0, 30)))
    first = event - timedelta(days=draw(st.integers(1, 12)))
    hours = {}
    for weekday in draw(st.sets(st.integers(0, 6), min_size=1)):
        start = draw(st.integers(6, 20)) * 60
        hours[weekday] = (start, min(1440, start + draw(st.integers(1, 10)) * 60))
    off = frozenset(first + timedelta(days=i) for i in draw(st.sets(st.integers(0, 12),
                                                                    max_size=3)))
    jobs = tuple(
        BakeJob(i + 1, f"Recipe {i + 1}", draw(st.integers(1, 8)), draw(timings()))
        for i in range(draw(st.integers(0, 6)))
    )
    return ScheduleRequest(event, first, jobs, BakeryHours(draw(st.integers(1, 3)), hours, off))


def _sessions(schedule):
    return [s for d in schedule.days for s in d.sessions]


@settings(max_examples=200, deadline=None)
@given(requests())
def test_ovens_are_never_double_booked_and_days_never_overfull(request):
    schedule = build_schedule(request)
    for day in schedule.days:
        assert (day.start, day.end) == request.bakery.hours[day.day.weekday()]
        per_oven = defaultdict(list)
        for s in day.sessions:
            if s.action == "bake":
                assert 1 <= s.oven <= request.bakery.ovens
                assert day.start <= s.start < s.end <= day.end
                per_oven[s.oven].append((s.start, s.end))
            elif s.action == "mix":
                assert s.oven is None and day.start <= s.start < s.end <= day.end
        for blocks in per_oven.values():
            blocks.sort()
            assert all(a[1] <= b[0] for a, b in zip(blocks, blocks[1:], strict=False))
        used = sum(e - s for blocks in per_oven.values() for s, e in blocks)
        assert used <= (day.end - day.start) * request.bakery.ovens


@settings(max_examples=200, deadline=None)
@given(requests())
def test_every_batch_is_baked_on_a_baking_day_before_the_event_or_reported(request):
    schedule = build_schedule(request)
    allowed = set(baking_days(request))
    baked = defaultdict(int)
    for s in _sessions(schedule):
        assert s.day in allowed and s.day < request.event_date
        if s.action == "bake":
            baked[s.recipe_id] += s.batches
    for job in request.jobs:
        assert baked[job.recipe_id] + schedule.unplaced.get(job.recipe_id, 0) == job.batches
    assert schedule.feasible == (not schedule.unplaced) == (not schedule.problems)
    for rid in schedule.unplaced:
        name = next(j.name for j in request.jobs if j.recipe_id == rid)
        assert sum(p.startswith(name + ":") for p in schedule.problems) == 1


@settings(max_examples=200, deadline=None)
@given(requests())
def test_freshness_is_respected_and_early_batches_are_frozen(request):
    schedule = build_schedule(request)
    timing = {j.recipe_id: effective_timing(j.timing)[0] for j in request.jobs}
    frozen = defaultdict(int)
    for s in _sessions(schedule):
        if s.action == "freeze":
            frozen[(s.day, s.recipe_id)] += s.batches
    for s in _sessions(schedule):
        if s.action != "bake":
            continue
        t = timing[s.recipe_id]
        age = (request.event_date - s.day).days
        if age > t.days_fresh:
            assert t.freezes and (t.days_frozen is None or age <= t.days_frozen)
            frozen[(s.day, s.recipe_id)] -= s.batches
    assert all(v == 0 for v in frozen.values()), "freeze blocks match the early batches"


@settings(max_examples=200, deadline=None)
@given(requests())
def test_mixing_and_rest_come_before_the_loads(request):
    """Batches of one recipe are interchangeable: the k-th mixing to end, plus the
    rest, must come no later than the k-th batch to go into an oven."""
    schedule = build_schedule(request)
    timing = {j.recipe_id: effective_timing(j.timing)[0] for j in request.jobs}
    mixed, baked = defaultdict(list), defaultdict(list)
    for s in _sessions(schedule):
        t = timing[s.recipe_id]
        base = s.day.toordinal() * 1440
        if s.action == "mix":
            mixed[s.recipe_id] += [base + s.start + (k + 1) * t.active_minutes
                                   for k in range(s.batches)]
        elif s.action == "bake":
            span = t.oven_minutes * t.loads_per_batch
            baked[s.recipe_id] += [base + s.start + k * span for k in range(s.batches)]
    for rid, starts in baked.items():
        t = timing[rid]
        if t.active_minutes == 0:
            continue
        ends = sorted(mixed[rid])
        assert len(ends) == len(starts)
        assert all(e + t.rest_minutes <= b for e, b in zip(ends, sorted(starts), strict=True))


@settings(max_examples=100, deadline=None)
@given(requests(), st.randoms(use_true_random=False))
def test_the_schedule_is_deterministic_whatever_the_order_of_the_jobs(request, rnd):
    jobs = list(request.jobs)
    rnd.shuffle(jobs)
    shuffled = ScheduleRequest(request.event_date, request.first_day, tuple(jobs), request.bakery)
    assert build_schedule(request) == build_schedule(request) == build_schedule(shuffled)


@settings(max_examples=200, deadline=None)
@given(requests())
def test_more_oven_time_than_the_days_hold_is_always_reported(request):
    capacity = sum((request.bakery.hours[d.weekday()][1] - request.bakery.hours[d.weekday()][0])
                   * request.bakery.ovens for d in baking_days(request))
    needed = 0
    for job in request.jobs:
        t = effective_timing(job.timing)[0]
        needed += job.batches * t.loads_per_batch * t.oven_minutes
    if needed > capacity:
        assert not build_schedule(request).feasible


@settings(max_examples=300, deadline=None)
@given(requests(), st.integers(1, 30), st.integers(5, 120), st.integers(1, 3),
       st.integers(0, 12))
def test_one_recipe_without_mixing_fits_exactly_when_the_capacity_bound_allows(
        request, batches, oven, loads, fresh):
    """With no mixing or rest, a batch is a fixed block; each allowed day holds
    floor(hours / block) per oven, and the schedule is feasible iff those add
    up to the batches."""
    job = BakeJob(1, "Shortbread", batches, RecipeTiming(0, 0, oven, loads, fresh, False, None))
    request = ScheduleRequest(request.event_date, request.first_day, (job,), request.bakery)
    earliest = request.event_date - timedelta(days=fresh)
    fits = sum(
        (request.bakery.hours[d.weekday()][1] - request.bakery.hours[d.weekday()][0])
        // (oven * loads) * request.bakery.ovens
        for d in baking_days(request) if d >= earliest)
    assert build_schedule(request).feasible == (fits >= batches)

