"""The production day as a state machine: recording batches (within the
decision and beyond it), every kind of amendment (with and without new batch
counts), completion, and catalog edits, in random order.

After every step the panels agree (DESIGN.md "One story on every panel"):
batch rows count max(decided, baked); a decision is never stale when baked
batches cover the need; the headline ("complete") is exactly "no recipe
undecided and no decision stale"; the recipes the shopping list leaves out
are named; a plan whose batches all cover their need assembles every line;
the shopping list alone equals the plan view's. And the database passes
invariants.problems (live plan = snapshot + amendments, ...). A completed
plan's figures never change again, whatever the catalog does.

`make test`: 25 examples of up to 15 steps (about 10 s of CPU); `make soak`: 500 of 40.
"""

from __future__ import annotations

import atexit
import shutil
import tempfile
from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import event as note
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    precondition,
    rule,
)

from src.db import open_database
from src.models import FinishedUnit, Recipe
from src.planning.batches import is_stale
from src.services.errors import ServiceError
from src.services.plan import amendments, decisions, lifecycle, production, selection
from src.services.plan.view import get_plan_view, get_shopping_list
from tests.services.builders import build_bakery, new_event

from . import invariants
from .conftest import soak_or


class _Shared:
    def __init__(self) -> None:
        self.dir = Path(tempfile.mkdtemp(prefix="bake-production-day-"))
        self.path = self.dir / "bakery.db"
        self.db = open_database(self.path)
        self.b = build_bakery(self.db)
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


def _figures(view):
    return (view.batches, view.shopping, view.assembly, view.complete, view.undecided)


class ProductionDay(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.s = shared()
        self.db, self.b = self.s.db, self.s.b
        self.frozen: dict[int, tuple] = {}
        self.steps = 0

    @initialize()
    def start(self) -> None:
        b = self.b
        with self.db.uow() as s:  # each example starts from the same catalog
            s.get(FinishedUnit, b.u_cookie).items_per_batch = 24
            s.get(Recipe, b.truffles).name = "Truffles"
        self.event_id = new_event(self.db, "Production day")
        selection.set_selected_recipes(self.db, self.event_id, [b.sugar_dough, b.truffles])
        selection.set_quantity(self.db, self.event_id, b.g_cookie, 200)
        selection.set_quantity(self.db, self.event_id, b.g_truffle_box, 10)
        decisions.set_batch_decision(self.db, self.event_id, b.sugar_dough, 9)
        lifecycle.lock_plan(self.db, self.event_id)
        lifecycle.start_production(self.db, self.event_id)

    def attempt(self, fn, *args, **kwargs) -> None:
        self.steps += 1
        try:
            fn(self.db, self.event_id, *args, **kwargs)
        except ServiceError as exc:
            assert exc.message.strip()
            note(f"{fn.__name__} refused")
        else:
            note(f"{fn.__name__} done")

    def recipe(self, pick: int) -> int:
        b = self.b
        return (b.sugar_dough, b.truffles, b.cake, b.choc_dough)[pick % 4]

    def good(self, pick: int) -> int:
        b = self.b
        return (b.g_cookie, b.g_truffle_box, b.g_cake, b.g_tin, b.g_choc)[pick % 5]

    def counts(self, pick: int, n: int) -> dict[int, int] | None:
        return None if n == 0 else {self.recipe(pick): n}

    @rule(pick=st.integers(0, 3), n=st.integers(1, 6), over=st.booleans())
    def record(self, pick, n, over):
        self.attempt(production.record_production, self.recipe(pick), n, over=over)

    @rule(pick=st.integers(0, 3), n=st.integers(1, 14))
    def amend_batches(self, pick, n):
        self.attempt(amendments.amend_batches, self.recipe(pick), n, "oven")

    @rule(pick=st.integers(0, 4), n=st.integers(1, 300), rp=st.integers(0, 3),
          batches=st.integers(0, 14))
    def amend_quantity(self, pick, n, rp, batches):
        self.attempt(amendments.amend_quantity, self.good(pick), n, "guests",
                     self.counts(rp, batches))

    @rule(pick=st.integers(0, 4), n=st.integers(1, 60), rp=st.integers(0, 3),
          batches=st.integers(0, 14))
    def amend_add(self, pick, n, rp, batches):
        self.attempt(amendments.amend_add_good, self.good(pick), n, "more",
                     self.counts(rp, batches))

    @rule(pick=st.integers(0, 4), rp=st.integers(0, 3), batches=st.integers(0, 14))
    def amend_drop(self, pick, rp, batches):
        self.attempt(amendments.amend_drop_good, self.good(pick), "cancelled",
                     self.counts(rp, batches))

    @rule(name=st.sampled_from(["lock_plan", "unlock_plan", "start_production"]))
    def other_transition(self, name):
        # none is allowed in production or after: refused, nothing changed
        before = get_plan_view(self.db, self.event_id)
        self.attempt(getattr(lifecycle, name))
        after = get_plan_view(self.db, self.event_id)
        assert after.event.plan_state == before.event.plan_state
        assert _figures(after) == _figures(before)

    @precondition(lambda self: self.steps >= 8)  # a day's work first, then close it
    @rule()
    def complete(self):
        self.attempt(lifecycle.complete_plan)
        view = get_plan_view(self.db, self.event_id)
        if view.event.plan_state == "completed":
            self.frozen.setdefault(self.event_id, _figures(view))

    @rule(per_batch=st.integers(6, 36), rename=st.booleans())
    def edit_catalog(self, per_batch, rename):
        with self.db.uow() as s:
            s.get(FinishedUnit, self.b.u_cookie).items_per_batch = per_batch
            if rename:
                recipe = s.get(Recipe, self.b.truffles)
                recipe.name = "Dark Truffles" if recipe.name == "Truffles" else "Truffles"

    @invariant()
    def panels_agree(self) -> None:
        if not hasattr(self, "event_id"):
            return
        view = get_plan_view(self.db, self.event_id)
        baked: dict[int, int] = {}
        for run in view.production_runs:
            baked[run.recipe_id] = baked.get(run.recipe_id, 0) + run.batches
        stale_any = False
        all_cover = True
        for row in view.batches:
            made = baked.get(row.recipe_id, 0)
            decided = row.decision.batches if row.decision else 0
            assert row.progress.baked == made
            assert row.progress.batches == max(decided, made)
            assert row.progress.remaining == max(0, decided - made)
            assert row.progress.overage == max(0, made - decided)
            if row.decision is not None:
                assert row.decision.stale == is_stale(decided, row.batches_needed, made)
                if made and made >= row.batches_needed:
                    assert not row.decision.stale, "baked batches cover the need"
                stale_any |= row.decision.stale
            if row.progress.batches < row.batches_needed:
                all_cover = False
        undecided = tuple(
            r.recipe_name for r in view.batches
            if r.batches_needed > 0 and r.decision is None and not baked.get(r.recipe_id)
        )
        assert view.undecided == undecided
        assert view.complete == (not undecided and not stale_any)
        if all_cover and not undecided and view.batches:
            assert view.assembly.overall in ("met", "empty"), view.assembly
        for line in view.assembly.lines:
            assert 0 <= line.can_make <= line.quantity
        assert get_shopping_list(self.db, self.event_id) == view.shopping
        if view.event.plan_state == "completed":
            assert _figures(view) == self.frozen[self.event_id], "a completed plan changed"
        assert all(r.batches_needed >= Fraction(0) for r in view.batches)

    @invariant()
    def live_plan_is_snapshot_plus_amendments(self) -> None:
        assert invariants.problems(self.s.path) == []


pytestmark = pytest.mark.timeout(soak_or(300, 3600))

TestProductionDay = ProductionDay.TestCase
TestProductionDay.settings = settings(
    max_examples=soak_or(25, 500),
    stateful_step_count=soak_or(15, 40),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
