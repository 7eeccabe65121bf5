"""A plan refresh leaves no reference cycle behind: everything it throws away
is freed by reference counting. src.utils.collector relies on it to move what
a refresh keeps straight to the oldest generation without scanning it."""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator

import pytest

from src.services.plan import amendments, lifecycle, production, selection
from src.services.plan.cache import plan_cache
from src.services.plan.view import get_plan_view
from tests.services.builders import build_bakery, new_event, planned_event
from tests.services.test_plan_view import _make_cycle


@pytest.fixture
def b(db):
    return build_bakery(db)


@pytest.fixture
def collector_off() -> Iterator[None]:
    was_on = gc.isenabled()
    yield
    if was_on:
        gc.enable()


def _garbage_cycles_of(call: Callable[[], object]) -> list[str]:
    """The types of the unreachable objects ``call`` leaves behind."""
    gc.collect()
    gc.disable()  # the refresh then leaves the collector alone (collector_paused)
    call()
    gc.set_debug(gc.DEBUG_SAVEALL)
    try:
        gc.collect()
        return sorted({type(o).__name__ for o in gc.garbage})
    finally:
        gc.set_debug(0)
        gc.garbage.clear()


def test_a_cold_warm_and_edited_refresh_leave_no_cycle(db, b, collector_off):
    event_id = planned_event(db, b)
    get_plan_view(db, event_id)
    assert _garbage_cycles_of(lambda: get_plan_view(db, event_id)) == []  # warm
    plan_cache(db).clear()
    assert _garbage_cycles_of(lambda: get_plan_view(db, event_id)) == []  # cold
    selection.set_quantity(db, event_id, b.g_cookie, 120)
    assert _garbage_cycles_of(lambda: get_plan_view(db, event_id)) == []  # after an edit


def test_a_plan_in_production_amended_and_completed_leaves_no_cycle(db, b, collector_off):
    event_id = planned_event(db, b, "in_production")
    production.record_production(db, event_id, b.sugar_dough, 2)
    amendments.amend_batches(db, event_id, b.truffles, 4, "decided late")
    plan_cache(db).clear()
    assert _garbage_cycles_of(lambda: get_plan_view(db, event_id)) == []
    lifecycle.complete_plan(db, event_id)
    assert _garbage_cycles_of(lambda: get_plan_view(db, event_id)) == []


def test_an_empty_plan_and_a_cycle_among_the_goods_leave_no_cycle(db, b, collector_off):
    assert _garbage_cycles_of(lambda: get_plan_view(db, new_event(db))) == []
    event_id = planned_event(db, b)
    selection.set_quantity(db, event_id, b.g_tin, 2)
    _make_cycle(db, b)  # reached by a line: decomposition fails and is reported
    view = get_plan_view(db, event_id)
    assert view.cycle_error is not None
    plan_cache(db).clear()
    assert _garbage_cycles_of(lambda: get_plan_view(db, event_id)) == []


def test_the_check_finds_a_cycle_when_there_is_one(collector_off):
    class Node:
        other: object

    def leave_a_cycle() -> None:
        a, c = Node(), Node()
        a.other, c.other = c, a

    assert _garbage_cycles_of(leave_a_cycle) == ["Node"]
