"""Shared builders for the planning UI tests: plan views made by hand, a small
exchange document with one cookie recipe, and a view that only records errors.

Not a test module (no ``test_`` prefix): the planning test files import from here."""

from __future__ import annotations

from datetime import date
from fractions import Fraction

from src.planning.batches import format_decimal
from src.services.plan.dto import (
    AllowedActions,
    AssemblyView,
    BatchRow,
    DecisionRow,
    OptionRow,
    PlanView,
    ProgressRow,
    UnitCount,
)
from src.services.plan.events import EventView


def allowed(state: str) -> AllowedActions:
    """What the edit policy allows in ``state``, as the plan view reports it."""
    return AllowedActions(
        edit_details=state != "completed",
        edit_selection=state == "draft",
        edit_decisions=state in ("draft", "locked"),
        record_production=state == "in_production",
        amend=state == "in_production",
        transitions=(),
        explanation=f"The plan is {state}.",
    )


def option(batches: int, need: Fraction, per_batch: int | None, needed: int | None,
           unit: UnitCount | None = None) -> OptionRow:
    """One batch option for a need of ``need`` batches (items only when ``per_batch``)."""
    diff = batches - need
    kind = "shortfall" if diff < 0 else "extra" if diff > 0 else "exact"
    if per_batch is None:
        return OptionRow(batches, kind, None, None, diff, format_decimal(diff))
    unit = unit or UnitCount(11, "Sugar cookie", 0)
    made = batches * per_batch
    return OptionRow(batches, kind, (UnitCount(unit.unit_id, unit.unit_name, made),),
                     made - needed, diff, format_decimal(diff))


def _floor_ceil(need: Fraction) -> list[int]:
    return sorted({need.numerator // need.denominator, -(-need.numerator // need.denominator)})


def cookie_row(needed: int = 200, decision: int | None = None, stale: bool = False,
               recipe_id: int = 1) -> BatchRow:
    """Sugar cookies at 24 per batch: 200 → options 8 (8 short) and 9 (16 extra)."""
    need = Fraction(needed, 24)
    return BatchRow(
        recipe_id=recipe_id,
        recipe_name="Sugar Cookie Dough",
        needed=(UnitCount(11, "Sugar cookie", needed),),
        batches_needed=need,
        batches_needed_text=format_decimal(need),
        options=tuple(option(b, need, 24, needed) for b in _floor_ceil(need)),
        decision=DecisionRow(decision, 11, "Sugar cookie", stale) if decision else None,
        progress=ProgressRow(decision or 0, 0, decision or 0, 0),
        yield_choices=(UnitCount(11, "Sugar cookie", 24),),
    )


def truffle_row(decision: int | None = None) -> BatchRow:
    """72 truffles at 24 per batch: one exact option, 3 batches."""
    return BatchRow(
        recipe_id=2,
        recipe_name="Truffles",
        needed=(UnitCount(21, "Truffle", 72),),
        batches_needed=Fraction(3),
        batches_needed_text="3",
        options=(OptionRow(3, "exact", (UnitCount(21, "Truffle", 72),), 0, Fraction(0), "0"),),
        decision=DecisionRow(decision, 21, "Truffle", False) if decision else None,
        progress=ProgressRow(decision or 0, 0, decision or 0, 0),
        yield_choices=(UnitCount(21, "Truffle", 24),),
    )


BROWNIE = UnitCount(31, "Brownie square", 24)
BROWNIE_PAN = UnitCount(32, "9x13 pan", 0)  # a batch portion: no item count per batch


def brownie_row(needed: int = 60, decision: int | None = None,
                unit_id: int | None = None) -> BatchRow:
    """A recipe with two yield types (squares and whole pans); 60 squares → 2 or 3 batches."""
    need = Fraction(needed, 24)
    chosen = {BROWNIE.unit_id: BROWNIE, BROWNIE_PAN.unit_id: BROWNIE_PAN}.get(unit_id)
    return BatchRow(
        recipe_id=3,
        recipe_name="Fudge Brownies",
        needed=(UnitCount(31, "Brownie square", needed),),
        batches_needed=need,
        batches_needed_text=format_decimal(need),
        options=tuple(option(b, need, 24, needed, BROWNIE) for b in _floor_ceil(need)),
        decision=DecisionRow(decision, unit_id, chosen.unit_name if chosen else None, False)
        if decision else None,
        progress=ProgressRow(decision or 0, 0, decision or 0, 0),
        yield_choices=(BROWNIE, BROWNIE_PAN),
    )


def make_plan(*rows: BatchRow, state: str = "draft") -> PlanView:
    decided = sum(1 for r in rows if r.decision)
    complete = all(r.decision and not r.decision.stale for r in rows)
    event = EventView(1, "Christmas 2026", date(2026, 12, 20), 50, "", state, "bundled")
    return PlanView(
        event=event, allowed=allowed(state), recipes=(), selected_count=len(rows), goods=(),
        batches=tuple(rows), decided_count=decided, complete=complete, shopping=(),
        assembly=AssemblyView("empty", ()), amendments=(), comparison=None,
        production_runs=(), cycle_error=None,
        undecided=tuple(r.recipe_name for r in rows
                        if r.decision is None and not r.progress.baked),
    )


COOKIE_DOC = {
    "format": "bake-planner",
    "version": 1,
    "ingredients": [{"name": "All-purpose flour", "category": "Dry goods"}],
    "recipes": [{
        "name": "Sugar Cookie Dough",
        "ingredients": [{"ingredient": "All-purpose flour", "quantity": "2.75", "unit": "cup"}],
        "yields": [{"name": "Sugar cookie", "mode": "discrete_count", "items_per_batch": 24}],
    }],
    "finished_goods": [{"name": "Sugar cookie",
                        "components": [{"unit": "Sugar cookie", "quantity": 1}]}],
    "pantry": [],
    "events": [{
        "name": "Christmas 2026", "date": "2026-12-20", "plan_state": "draft",
        "recipes": ["Sugar Cookie Dough"],
        "finished_goods": [{"good": "Sugar cookie", "quantity": 200}],
        "batch_decisions": [], "production": [], "snapshot": None, "amendments": [],
    }],
}


class FakeView:
    """The planning view, recording only the errors it is asked to show."""

    def __init__(self) -> None:
        self.errors: list[str] = []

    def show_events(self, events, selected_id) -> None:
        pass

    def show_plan(self, plan) -> None:
        pass

    def show_error(self, text: str) -> None:
        self.errors.append(text)

    def clear_error(self) -> None:
        pass

    def show_notice(self, title: str, text: str) -> None:
        pass


BROWNIE_DOC = {
    "format": "bake-planner",
    "version": 1,
    "ingredients": [{"name": "Cocoa powder", "category": "Baking"}],
    "recipes": [{
        "name": "Fudge Brownie Batter",
        "ingredients": [{"ingredient": "Cocoa powder", "quantity": "75", "unit": "g"}],
        "yields": [
            {"name": "Brownie square", "mode": "discrete_count", "items_per_batch": 24},
            {"name": "Brownie bite", "mode": "discrete_count", "items_per_batch": 60},
        ],
    }],
    "finished_goods": [{"name": "Brownie square",
                        "components": [{"unit": "Brownie square", "quantity": 1}]}],
    "pantry": [],
    "events": [{
        "name": "Bake sale", "date": "2026-11-07", "plan_state": "draft",
        "recipes": ["Fudge Brownie Batter"],
        "finished_goods": [{"good": "Brownie square", "quantity": 60}],
        "batch_decisions": [], "production": [], "snapshot": None, "amendments": [],
    }],
}
