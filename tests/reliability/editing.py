"""A random baker: one plausible edit per ``step()``, through the public services only.

Used by the crash and contention workers. Each step reads the plan the way
the planning tab does (``get_plan_view``), then makes one edit the plan's
state allows — selections, quantities, decisions, transitions, amendments,
production records — or imports a small document, or creates / deletes an
event. Refusals the services raise (ServiceError) are part of normal use and
are returned as text; anything else propagates, because a user would see it
as a crash.
"""

from __future__ import annotations

import random
from collections.abc import Collection
from datetime import date

from src.db import Database
from src.services.errors import ServiceError
from src.services.exchange import import_document
from src.services.plan import amendments, decisions, lifecycle, production, selection
from src.services.plan import events as events_service
from src.services.plan.dto import PlanView
from src.services.plan.view import get_plan_view

IMPORT_PREFIX = "Crash"


def tiny_document(marker: str) -> dict:
    """A whole small bakery under one marker: if any part of it is in the database
    after an import, every part must be (imports are all-or-nothing)."""
    m = marker
    return {
        "format": "bake-planner",
        "version": 1,
        "ingredients": [{"name": f"{IMPORT_PREFIX} flour {m}", "category": "Dry goods",
                         "density_g_per_ml": "0.53"}],
        "recipes": [{"name": f"{IMPORT_PREFIX} dough {m}", "category": "Cookies",
                     "ingredients": [{"ingredient": f"{IMPORT_PREFIX} flour {m}",
                                      "quantity": "2.5", "unit": "cup"}],
                     "yields": [{"name": f"{IMPORT_PREFIX} bite {m}", "mode": "discrete_count",
                                 "items_per_batch": 12}]}],
        "finished_goods": [{"name": f"{IMPORT_PREFIX} box {m}",
                            "components": [{"unit": f"{IMPORT_PREFIX} bite {m}",
                                            "quantity": 6}]}],
        "pantry": [],
        "events": [{"name": f"{IMPORT_PREFIX} import {m}", "date": "2026-11-01",
                    "plan_state": "draft", "recipes": [f"{IMPORT_PREFIX} dough {m}"],
                    "finished_goods": [{"good": f"{IMPORT_PREFIX} box {m}", "quantity": 10}],
                    "batch_decisions": [{"recipe": f"{IMPORT_PREFIX} dough {m}",
                                         "batches": 5}]}],
    }


class Editor:
    """Random edits on every event except ``exclude`` (ids)."""

    def __init__(self, db: Database, rng: random.Random, *, marker: str = "",
                 exclude: Collection[int] = ()) -> None:
        self.db = db
        self.rng = rng
        self.marker = marker
        self.exclude = set(exclude)
        self.imports = 0

    def step(self) -> str:
        """Make one edit; returns what was done (or why it was refused)."""
        rng = self.rng
        try:
            roll = rng.random()
            if roll < 0.03:
                self.imports += 1
                import_document(self.db, tiny_document(f"{self.marker}{self.imports}"))
                return "import"
            events = [e for e in events_service.list_events(self.db) if e.id not in self.exclude]
            drafts = [e for e in events if e.plan_state == "draft"]
            if roll < 0.06 or len(drafts) < 2:
                created = events_service.create_event(
                    self.db, name=f"Random event {rng.randint(1, 10**6)}",
                    event_date=date(2026, rng.randint(1, 12), rng.randint(1, 28)))
                events.append(created)
            event = rng.choice(events)
            plan = get_plan_view(self.db, event.id)
            action = {"draft": self._draft, "locked": self._locked,
                      "in_production": self._production,
                      "completed": self._completed}[plan.event.plan_state]
            return action(plan)
        except ServiceError as exc:
            return f"refused: {exc.message}"

    def _pick(self, items):
        return self.rng.choice(items) if items else None

    def _draft(self, plan: PlanView) -> str:
        rng, db, eid = self.rng, self.db, plan.event.id
        roll = rng.random()
        selected = {r.id for r in plan.recipes if r.selected}
        if roll < 0.25 and plan.recipes:
            for recipe in rng.sample(plan.recipes, min(3, len(plan.recipes))):
                selected ^= {recipe.id}
            selection.set_selected_recipes(db, eid, selected)
            return "select"
        if roll < 0.55:
            available = [g for g in plan.goods if g.available] or list(plan.goods)
            good = self._pick(available)
            if good is not None:
                selection.set_quantity(db, eid, good.id, str(rng.randint(1, 200)))
            return "quantity"
        if roll < 0.65:
            line = self._pick([g for g in plan.goods if g.quantity is not None])
            if line is not None:
                selection.set_quantity(db, eid, line.id, "")
            return "clear quantity"
        if roll < 0.92:
            return self._decide(plan)
        lifecycle.lock_plan(db, eid)
        return "lock"

    def _decide(self, plan: PlanView) -> str:
        row = self._pick(list(plan.batches))
        if row is None:
            return "decide: nothing needed"
        choice = self.rng.choice([o.batches for o in row.options] + [self.rng.randint(1, 40)])
        decisions.set_batch_decision(self.db, plan.event.id, row.recipe_id, max(1, choice))
        return "decide"

    def _locked(self, plan: PlanView) -> str:
        roll = self.rng.random()
        if roll < 0.6:
            return self._decide(plan)
        if roll < 0.8:
            lifecycle.unlock_plan(self.db, plan.event.id)
            return "unlock"
        lifecycle.start_production(self.db, plan.event.id)
        return "start production"

    def _production(self, plan: PlanView) -> str:
        rng, db, eid = self.rng, self.db, plan.event.id
        roll = rng.random()
        lines = [g for g in plan.goods if g.quantity is not None]
        if roll < 0.3:
            good = self._pick([g for g in plan.goods if g.quantity is None])
            if good is not None:
                amendments.amend_add_good(db, eid, good.id, rng.randint(1, 50), "more guests")
            return "amend add"
        if roll < 0.5:
            line = self._pick(lines)
            if line is not None:
                amendments.amend_drop_good(db, eid, line.id, "client cancelled")
            return "amend drop"
        if roll < 0.7:
            row = self._pick(list(plan.batches))
            if row is not None:
                now = row.decision.batches if row.decision else 0
                amendments.amend_batches(db, eid, row.recipe_id, now + 1, "oven space freed")
            return "amend batches"
        if roll < 0.95:
            recipe = self._pick([r for r in plan.recipes if r.selected])
            if recipe is not None:
                production.record_production(db, eid, recipe.id, rng.randint(1, 3),
                                             over=rng.random() < 0.5)
            return "record production"
        lifecycle.complete_plan(db, eid)
        return "complete"

    def _completed(self, plan: PlanView) -> str:
        # Imported events stay, so the harness can check that each import is whole.
        if self.rng.random() < 0.5 and not plan.event.name.startswith(IMPORT_PREFIX):
            events_service.delete_event(self.db, plan.event.id)
            return "delete event"
        return "look at completed plan"
