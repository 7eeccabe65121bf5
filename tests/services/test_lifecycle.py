"""Plan-state transitions and the snapshot written when production starts."""

from __future__ import annotations

from datetime import datetime

import pytest
from sqlalchemy import func, select

from src.models import PlanSnapshot, Recipe
from src.services.errors import NotFoundError, PlanStateError
from src.services.plan import lifecycle
from src.services.plan.view import get_plan_view
from src.utils.datetime_utils import utc_now
from tests.services.builders import build_bakery, planned_event


@pytest.fixture
def b(db):
    return build_bakery(db)


def _snapshots(db, event_id):
    with db.uow() as s:
        return s.scalars(
            select(PlanSnapshot.snapshot_data).where(PlanSnapshot.event_id == event_id)
        ).all()


def test_full_lifecycle(db, b):
    event_id = planned_event(db, b)
    assert lifecycle.lock_plan(db, event_id).plan_state == "locked"
    assert lifecycle.unlock_plan(db, event_id).plan_state == "draft"
    lifecycle.lock_plan(db, event_id)
    assert lifecycle.start_production(db, event_id).plan_state == "in_production"
    assert lifecycle.complete_plan(db, event_id).plan_state == "completed"


@pytest.mark.parametrize(
    ("state", "call", "message"),
    [
        (
            "draft",
            lifecycle.start_production,
            "Cannot start production: the plan is draft. Allowed from here: lock.",
        ),
        (
            "draft",
            lifecycle.unlock_plan,
            "Cannot unlock: the plan is draft. Allowed from here: lock.",
        ),
        (
            "locked",
            lifecycle.lock_plan,
            "Cannot lock: the plan is locked. Allowed from here: unlock, start production.",
        ),
        (
            "completed",
            lifecycle.complete_plan,
            "Cannot complete: the plan is completed. Allowed from here: none.",
        ),
    ],
)
def test_invalid_transitions_say_what_is_allowed(db, b, state, call, message):
    event_id = planned_event(db, b, state)
    with pytest.raises(PlanStateError) as err:
        call(db, event_id)
    assert err.value.message == message


def test_unknown_event(db):
    with pytest.raises(NotFoundError):
        lifecycle.lock_plan(db, 31337)


def test_start_production_writes_the_snapshot_by_name(db, b):
    event_id = planned_event(db, b, "locked")
    before = utc_now().replace(microsecond=0)
    lifecycle.start_production(db, event_id)
    [data] = _snapshots(db, event_id)
    taken = datetime.fromisoformat(data.pop("taken_at").replace("Z", ""))
    assert before <= taken <= utc_now()
    # beside the names, this database's ids (so that a rename is not "removed + added")
    assert data.pop("ids") == {
        "recipes": {"Sugar Cookie Dough": b.sugar_dough, "Truffles": b.truffles},
        "goods": {"Sugar cookie": b.g_cookie, "Truffle box": b.g_truffle_box},
    }
    assert data == {
        "version": 1,
        "recipes": ["Sugar Cookie Dough", "Truffles"],
        "finished_goods": [
            {"good": "Sugar cookie", "quantity": 200},
            {"good": "Truffle box", "quantity": 10},
        ],
        "batch_decisions": [
            {"recipe": "Sugar Cookie Dough", "batches": 9, "yield": "Sugar cookie"}
        ],
    }


def test_no_snapshot_before_production(db, b):
    event_id = planned_event(db, b, "locked")
    assert _snapshots(db, event_id) == []
    assert get_plan_view(db, event_id).comparison is None
    with pytest.raises(PlanStateError):
        lifecycle.complete_plan(db, event_id)
    assert _snapshots(db, event_id) == []


def test_snapshot_is_written_once_and_never_rewritten(db, b):
    event_id = planned_event(db, b, "locked")
    existing = {
        "version": 1,
        "taken_at": "2026-12-01T08:00:00Z",
        "recipes": ["Old"],
        "finished_goods": [],
        "batch_decisions": [],
    }
    with db.uow() as s:
        s.add(PlanSnapshot(event_id=event_id, snapshot_data=existing))
    lifecycle.start_production(db, event_id)
    lifecycle.complete_plan(db, event_id)
    assert _snapshots(db, event_id) == [existing]
    with db.uow() as s:
        count = s.scalar(select(func.count()).select_from(PlanSnapshot))
    assert count == 1


def test_snapshot_keeps_the_names_of_its_time(db, b):
    event_id = planned_event(db, b, "in_production")
    with db.uow() as s:
        s.get(Recipe, b.truffles).name = "Dark Truffles"
    [data] = _snapshots(db, event_id)
    assert data["recipes"] == ["Sugar Cookie Dough", "Truffles"]
    lines = {(x.section, x.name): x.change for x in get_plan_view(db, event_id).comparison.lines}
    # matched by identity: the renamed recipe is the same recipe, shown by its name now
    assert lines[("recipe", "Dark Truffles")] == "unchanged"
    assert ("recipe", "Truffles") not in lines


def test_refused_transition_changes_nothing(db, b):
    event_id = planned_event(db, b, "draft")
    with pytest.raises(PlanStateError):
        lifecycle.start_production(db, event_id)
    assert get_plan_view(db, event_id).event.plan_state == "draft"
    assert _snapshots(db, event_id) == []
