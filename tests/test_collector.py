"""The cycle collector is paused around a plan refresh and always comes back."""

from __future__ import annotations

import gc

import pytest

from src.utils.collector import collector_paused


@pytest.fixture(autouse=True)
def _collector_on():
    was_on = gc.isenabled()
    gc.enable()
    yield
    if was_on:
        gc.enable()
    else:
        gc.disable()


def test_paused_inside_and_on_again_after():
    with collector_paused():
        assert not gc.isenabled()
        with collector_paused():  # nested: the inner block leaves it off
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()


def test_on_again_after_an_error():
    with pytest.raises(RuntimeError), collector_paused():
        raise RuntimeError("boom")
    assert gc.isenabled()


def test_a_caller_that_switched_it_off_keeps_it_off():
    gc.disable()
    with collector_paused():
        pass
    assert not gc.isenabled()


def test_cycles_made_while_paused_are_still_freed():
    import weakref

    class Node:
        pass

    with collector_paused():
        a, b = Node(), Node()
        a.other, b.other = b, a
        gone = weakref.ref(a)
        del a, b
        assert gone() is not None  # nobody frees a cycle while the collector is off
    gc.collect()
    assert gone() is None


def test_the_plan_view_leaves_the_collector_as_it_found_it(tmp_path):
    from src.db import open_database
    from src.services.plan.view import get_plan_view
    from tests.services.builders import build_bakery, planned_event

    db = open_database(tmp_path / "c.db")
    try:
        event_id = planned_event(db, build_bakery(db))
        assert get_plan_view(db, event_id).batches
        assert gc.isenabled()
    finally:
        db.dispose()


def test_what_the_call_keeps_is_old_afterwards_and_nothing_is_left_frozen():
    with collector_paused():
        kept = [[n] for n in range(5000)]
    assert gc.get_freeze_count() == 0
    young = {id(o) for o in gc.get_objects(generation=0)}
    assert not any(id(x) in young for x in kept)
    oldest = {id(o) for o in gc.get_objects(generation=2)}
    assert all(id(x) in oldest for x in kept)


def test_objects_someone_else_froze_stay_frozen():
    gc.collect()
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        with collector_paused():
            kept = [[n] for n in range(100)]
        assert gc.get_freeze_count() == frozen  # theirs untouched
        assert len(kept) == 100
    finally:
        gc.unfreeze()
