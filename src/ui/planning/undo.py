"""The planning tab's undo and redo stacks (one pair per event).

Each plan edit the tab saves is wrapped by :meth:`UndoStack.record`: the plan's
editable values are captured before and after (services.plan_undo), and when
they differ the pair goes on the event's undo stack. Undo and redo call
``restore_plan_edits``, itself a new saved edit; a refusal (the plan was locked
or started since, or the items were changed elsewhere) leaves both stacks as
they were and its message is shown. Edits made in production are amendments or
production records: they are history and never go on the stack.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from src.services.facade import Services, as_services
from src.services.plan import undo as plan_undo
from src.services.plan.undo import PlanEdits, changed_parts

T = TypeVar("T")

_WORDS = {
    plan_undo.DETAILS: "event details",
    plan_undo.SELECTION: "recipe selection",
    plan_undo.QUANTITIES: "quantities",
    plan_undo.DECISIONS: "batch decision",
}
_UNDOABLE_STATES = ("draft", "locked")


@dataclass(frozen=True)
class Step:
    """One saved edit: the plan just ``before`` and just ``after`` it."""

    before: PlanEdits
    after: PlanEdits

    @property
    def label(self) -> str:
        parts = changed_parts(self.before, self.after)
        if plan_undo.SELECTION in parts:  # a deselection also drops lines and decisions
            parts = (plan_undo.SELECTION,)
        return " and ".join(_WORDS[p] for p in parts)


class UndoStack:
    """Undo/redo steps per event. ``record`` wraps an edit; ``undo``/``redo`` raise the
    service's error (ServiceError) when refused, leaving the stacks unchanged."""

    def __init__(self, services: Services) -> None:
        self._services = as_services(services)  # (tests may hand a database)
        self._undo: dict[int, list[Step]] = {}
        self._redo: dict[int, list[Step]] = {}

    def record(self, event_id: int, edit: Callable[[], T]) -> T:
        """Run ``edit`` (a saving service call for ``event_id``) and remember it."""
        before = self._services.plan_undo.capture_plan_edits(event_id)
        result = edit()
        if before.plan_state in _UNDOABLE_STATES:
            after = self._services.plan_undo.capture_plan_edits(event_id)
            if changed_parts(before, after):
                self._undo.setdefault(event_id, []).append(Step(before, after))
                self._redo.pop(event_id, None)
        return result

    def can_undo(self, event_id: int | None) -> bool:
        return event_id is not None and bool(self._undo.get(event_id))

    def can_redo(self, event_id: int | None) -> bool:
        return event_id is not None and bool(self._redo.get(event_id))

    def undo_label(self, event_id: int | None) -> str:
        steps = self._undo.get(event_id or -1)
        return f"Undo {steps[-1].label}" if steps else "Undo"

    def redo_label(self, event_id: int | None) -> str:
        steps = self._redo.get(event_id or -1)
        return f"Redo {steps[-1].label}" if steps else "Redo"

    def undo(self, event_id: int) -> str | None:
        """Undo the event's last edit; what was undone, or None when nothing to undo."""
        steps = self._undo.get(event_id)
        if not steps:
            return None
        step = steps[-1]
        now = self._services.plan_undo.restore_plan_edits(event_id, step.after, step.before)
        steps.pop()
        self._redo.setdefault(event_id, []).append(Step(now, step.after))
        return f"Undone: {step.label}"

    def redo(self, event_id: int) -> str | None:
        """Redo the event's last undone edit; what was redone, or None."""
        steps = self._redo.get(event_id)
        if not steps:
            return None
        step = steps[-1]
        now = self._services.plan_undo.restore_plan_edits(event_id, step.before, step.after)
        steps.pop()
        self._undo.setdefault(event_id, []).append(Step(step.before, now))
        return f"Redone: {step.label}"

    def forget(self, event_id: int) -> None:
        """Drop the event's steps (it was deleted)."""
        self._undo.pop(event_id, None)
        self._redo.pop(event_id, None)
