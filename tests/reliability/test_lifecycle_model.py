"""The plan lifecycle as a state machine: random sequences of every service call a
baker can make — create, select, quantity, decide, lock, unlock, start, amend,
record, complete, delete — checked after every step against the edit policy.

After each call: a call the policy forbids raised PlanStateError and changed
nothing; any other refusal also changed nothing; the event is in the state
the transitions table says; the snapshot exists exactly once after start and
is never rewritten; amendments only grow and are never edited; and the whole
database passes invariants.problems (no orphan rows, lines available, decisions
only for selected recipes, live plan = snapshot + amendments).

`make test`: 200 examples of up to 10 steps (fewer than hypothesis's default 50, to
stay near a minute); `make soak`: 2,000 of up to 40.
All examples share one database holding the small synthetic bakery (copying
a migrated file per example would cost more than the checks); each example
works on the events it creates.
"""

from __future__ import annotations

import atexit
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import event as note
from hypothesis import strategies as st
from hypothesis.stateful import Bundle, RuleBasedStateMachine, invariant, rule

from bench.generate import bakery
from src.db import open_database
from src.services.errors import PlanStateError, ServiceError
from src.services.exchange import import_document
from src.services.plan import amendments, decisions, lifecycle, production, selection
from src.services.plan import events as events_service
from src.services.plan.view import get_plan_view

from . import invariants
from .conftest import soak_or

STATES_FOR = {  # what the edit policy allows, per kind of call (DESIGN.md)
    "select": {"draft"}, "quantity": {"draft"}, "decide": {"draft", "locked"},
    "record": {"in_production"}, "amend": {"in_production"},
    "lock": {"draft"}, "unlock": {"locked"}, "start": {"locked"}, "complete": {"in_production"},
}
AFTER = {"lock": "locked", "unlock": "draft", "start": "in_production", "complete": "completed"}
TRANSITION_CALLS = {"lock": lifecycle.lock_plan, "unlock": lifecycle.unlock_plan,
                    "start": lifecycle.start_production, "complete": lifecycle.complete_plan}


class _Shared:
    """One database and its catalog for every example of the run."""

    def __init__(self) -> None:
        self.dir = Path(tempfile.mkdtemp(prefix="bake-lifecycle-"))
        self.path = self.dir / "bakery.db"
        self.db = open_database(self.path)
        import_document(self.db, bakery("small"))
        probe = events_service.create_event(self.db, name="catalog probe", event_date="2026-01-01")
        plan = get_plan_view(self.db, probe.id)
        events_service.delete_event(self.db, probe.id)
        recipe_ids = {r.name: r.id for r in plan.recipes}
        self.recipes = sorted(recipe_ids.values())
        self.goods = [g.id for g in plan.goods]
        self.recipes_of = {g.id: frozenset(recipe_ids[n] for n in g.recipe_names)
                           for g in plan.goods}
        atexit.register(self.close)

    def close(self) -> None:
        self.db.dispose()
        shutil.rmtree(self.dir, ignore_errors=True)


_shared: _Shared | None = None


def shared() -> _Shared:
    global _shared
    if _shared is None:
        _shared = _Shared()
    return _shared


def _event_rows(path: Path, event_id: int) -> dict:
    """Everything stored for one event (for 'changed nothing' checks)."""
    conn = invariants.connect_readonly(path)
    try:
        out = {}
        for table in ("event_recipes", "event_finished_goods", "batch_decisions",
                      "plan_amendments", "plan_snapshots", "production_runs"):
            out[table] = sorted(conn.execute(
                f"SELECT * FROM {table} WHERE event_id = ?", (event_id,)).fetchall())
        out["event"] = conn.execute("SELECT * FROM events WHERE id = ?", (event_id,)).fetchall()
        return out
    finally:
        conn.close()


class LifecycleMachine(RuleBasedStateMachine):
    events = Bundle("events")

    def __init__(self) -> None:
        super().__init__()
        self.s = shared()
        self.state: dict[int, str] = {}  # live events of this example -> expected state
        self.snapshot: dict[int, tuple] = {}  # event -> the snapshot row seen at start
        self.amendments: dict[int, list[tuple]] = {}  # event -> amendment rows seen so far

    # -- calling the services and checking the policy ------------------------
    def call(self, kind: str, event_id: int, fn, *args) -> bool:
        """Call ``fn``; check the policy held and refusals changed nothing.
        Returns True when the call succeeded."""
        if event_id not in self.state:
            return False
        before = _event_rows(self.s.path, event_id)
        allowed = self.state[event_id] in STATES_FOR[kind]
        try:
            fn(self.s.db, event_id, *args)
        except PlanStateError:
            assert not allowed, f"{kind} refused in {self.state[event_id]}, which allows it"
            assert _event_rows(self.s.path, event_id) == before, f"refused {kind} changed data"
            return False
        except ServiceError as exc:
            assert exc.message.strip()
            assert _event_rows(self.s.path, event_id) == before, f"refused {kind} changed data"
            return False
        assert allowed, f"{kind} succeeded in {self.state[event_id]}, which forbids it"
        note(f"{kind} in {self.state[event_id]} succeeded")
        return True

    # -- rules -------------------------------------------------------------
    @rule(target=events, day=st.integers(1, 28))
    def create(self, day):
        event = events_service.create_event(self.s.db, name="Model event",
                                            event_date=f"2026-12-{day:02d}")
        self.state[event.id] = "draft"
        return event.id

    @rule(target=events, pick=st.integers(0, 10**6), quantity=st.integers(1, 300),
          stage=st.sampled_from(["draft", "locked", "in_production"]))
    def planned_event(self, pick, quantity, stage):
        """A new event with one line, decided, and taken to ``stage`` — through the same
        checked calls, so that the later states are reached often."""
        event_id = self.create(day=1 + pick % 28)
        good = self.s.goods[pick % len(self.s.goods)]
        self.call("select", event_id, selection.set_selected_recipes, self.s.recipes_of[good])
        self.call("quantity", event_id, selection.set_quantity, good, str(quantity))
        for row in get_plan_view(self.s.db, event_id).batches:
            self.call("decide", event_id, decisions.set_batch_decision, row.recipe_id,
                      row.options[-1].batches)
        for name in {"draft": [], "locked": ["lock"], "in_production": ["lock", "start"]}[stage]:
            self.transition(event_id, name)
        return event_id

    @rule(event_id=events, enable=st.lists(st.integers(0, 10**6), max_size=3),
          drop=st.lists(st.integers(0, 10**6), max_size=2))
    def select(self, event_id, enable, drop):
        if event_id not in self.state:
            return
        plan_selected = set(_selected(self.s.path, event_id))
        for i in enable:
            plan_selected |= self.s.recipes_of[self.s.goods[i % len(self.s.goods)]]
        plan_selected -= {self.s.recipes[i % len(self.s.recipes)] for i in drop}
        self.call("select", event_id, selection.set_selected_recipes, plan_selected)

    @rule(event_id=events, pick=st.integers(0, 10**6),
          quantity=st.one_of(st.integers(1, 500), st.sampled_from(["", "0", "abc", "-3"])))
    def quantity(self, event_id, pick, quantity):
        if event_id not in self.state:
            return
        selected = set(_selected(self.s.path, event_id))
        available = [g for g in self.s.goods if self.s.recipes_of[g] <= selected]
        pool = available if available and pick % 5 else self.s.goods
        good = pool[pick % len(pool)]
        self.call("quantity", event_id, selection.set_quantity, good, str(quantity))

    @rule(event_id=events, pick=st.integers(0, 10**6), batches=st.integers(0, 40))
    def decide(self, event_id, pick, batches):
        recipe = _needed_or_any(self.s, event_id, pick)
        self.call("decide", event_id, decisions.set_batch_decision, recipe, batches)

    @rule(event_id=events, name=st.sampled_from(sorted(TRANSITION_CALLS)))
    def transition(self, event_id, name):
        if self.call(name, event_id, TRANSITION_CALLS[name]):
            self.state[event_id] = AFTER[name]

    @rule(event_id=events, pick=st.integers(0, 10**6), batches=st.integers(1, 5),
          over=st.booleans())
    def record(self, event_id, pick, batches, over):
        recipe = _needed_or_any(self.s, event_id, pick)
        self.call("record", event_id, production.record_production, recipe, batches, "", None,
                  over)

    @rule(event_id=events, pick=st.integers(0, 10**6), quantity=st.integers(1, 50),
          reason=st.sampled_from(["more guests", "", "   "]))
    def amend_add(self, event_id, pick, quantity, reason):
        good = self.s.goods[pick % len(self.s.goods)]
        self.call("amend", event_id, amendments.amend_add_good, good, quantity, reason)

    @rule(event_id=events, pick=st.integers(0, 10**6))
    def amend_drop(self, event_id, pick):
        lines = _lines(self.s.path, event_id) or self.s.goods
        good = lines[pick % len(lines)]
        self.call("amend", event_id, amendments.amend_drop_good, good, "client cancelled")

    @rule(event_id=events, pick=st.integers(0, 10**6), batches=st.integers(1, 40))
    def amend_batches(self, event_id, pick, batches):
        recipe = _needed_or_any(self.s, event_id, pick)
        self.call("amend", event_id, amendments.amend_batches, recipe, batches, "oven freed")

    @rule(event_id=events)
    def delete(self, event_id):
        if event_id not in self.state:
            return
        events_service.delete_event(self.s.db, event_id)  # allowed in every state
        del self.state[event_id]
        self.snapshot.pop(event_id, None)
        self.amendments.pop(event_id, None)
        assert _event_rows(self.s.path, event_id)["event"] == []

    def teardown(self):
        # Keep the shared database small: every example cleans up its events.
        for event_id in list(self.state):
            events_service.delete_event(self.s.db, event_id)

    # -- after every step --------------------------------------------------
    @invariant()
    def the_plans_hold(self):
        conn = invariants.connect_readonly(self.s.path)
        try:
            for event_id, expected in self.state.items():
                (state,) = conn.execute(
                    "SELECT plan_state FROM events WHERE id = ?", (event_id,)).fetchone()
                assert state == expected
                snaps = conn.execute("SELECT id, uuid, created_at, snapshot_data FROM "
                                     "plan_snapshots WHERE event_id = ?", (event_id,)).fetchall()
                if state in ("in_production", "completed"):
                    assert len(snaps) == 1, f"{len(snaps)} snapshots after start"
                    seen = self.snapshot.setdefault(event_id, snaps[0])
                    assert snaps[0] == seen, "the snapshot was rewritten"
                else:
                    assert snaps == []
                rows = conn.execute("SELECT id, amendment_type, amendment_data, reason, "
                                    "created_at FROM plan_amendments WHERE event_id = ? "
                                    "ORDER BY id", (event_id,)).fetchall()
                seen_rows = self.amendments.get(event_id, [])
                assert rows[: len(seen_rows)] == seen_rows, "an amendment changed or vanished"
                self.amendments[event_id] = rows
        finally:
            conn.close()
        assert invariants.problems(self.s.path) == []


def _selected(path: Path, event_id: int) -> list[int]:
    conn = invariants.connect_readonly(path)
    try:
        return [r for (r,) in conn.execute(
            "SELECT recipe_id FROM event_recipes WHERE event_id = ?", (event_id,))]
    finally:
        conn.close()


def _lines(path: Path, event_id: int) -> list[int]:
    conn = invariants.connect_readonly(path)
    try:
        return [g for (g,) in conn.execute(
            "SELECT finished_good_id FROM event_finished_goods WHERE event_id = ? ORDER BY id",
            (event_id,))]
    finally:
        conn.close()


def _needed_or_any(s: _Shared, event_id: int, pick: int) -> int:
    """A recipe the event's lines need (so decisions can succeed), else any recipe."""
    needed = sorted({r for g in _lines(s.path, event_id) for r in s.recipes_of[g]})
    pool = needed if needed and pick % 5 else s.recipes
    return pool[pick % len(pool)]


# The soak run takes many minutes: lift pytest-timeout's 300 s default for it.
pytestmark = pytest.mark.timeout(soak_or(300, 3600))

TestLifecycle = LifecycleMachine.TestCase
TestLifecycle.settings = settings(
    max_examples=soak_or(200, 2000),
    stateful_step_count=soak_or(10, 40),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)

