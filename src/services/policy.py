"""The plan-state edit policy: one table, consulted by every mutating service call.

| action                                   | draft | locked | in_production  | completed |
| edit event name, date, attendees, notes  | yes   | yes    | yes            | no        |
| select / deselect recipes, FG quantities | yes   | no     | via amendment  | no        |
| batch decisions                          | yes   | yes    | via amendment  | no        |
| record production                        | no    | no     | yes            | no        |
| amend the plan                           | no    | no     | yes            | no        |
| record leftovers                         | no    | no     | yes            | yes       |
"""

from __future__ import annotations

from enum import Enum

from src.models.event import PlanState

from .errors import PlanStateError


class Action(str, Enum):
    EDIT_DETAILS = "edit_details"
    EDIT_SELECTION = "edit_selection"
    EDIT_DECISIONS = "edit_decisions"
    RECORD_PRODUCTION = "record_production"
    AMEND = "amend"
    DELETE_EVENT = "delete_event"
    RECORD_LEFTOVERS = "record_leftovers"


D, L, P, C = PlanState.DRAFT, PlanState.LOCKED, PlanState.IN_PRODUCTION, PlanState.COMPLETED

# action -> states in which it is allowed directly.
ALLOWED: dict[Action, frozenset[PlanState]] = {
    Action.EDIT_DETAILS: frozenset({D, L, P}),
    Action.EDIT_SELECTION: frozenset({D}),
    Action.EDIT_DECISIONS: frozenset({D, L}),
    Action.RECORD_PRODUCTION: frozenset({P}),
    Action.AMEND: frozenset({P}),
    # An event can always be deleted (with the UI's confirmation); its rows cascade.
    Action.DELETE_EVENT: frozenset({D, L, P, C}),
    # What was left over is known only at the end; a completed plan still takes it.
    Action.RECORD_LEFTOVERS: frozenset({P, C}),
}

# Transitions: from-state -> {transition name: to-state}.
TRANSITIONS: dict[PlanState, dict[str, PlanState]] = {
    D: {"lock": L},
    L: {"unlock": D, "start_production": P},
    P: {"complete": C},
    C: {},
}

STATE_LABELS = {D: "draft", L: "locked", P: "in production", C: "completed"}

_WHAT_STATE_ALLOWS = {
    D: "A draft plan can be edited freely, then locked.",
    L: "A locked plan allows batch decisions and event details; unlock it to change "
    "recipes or quantities, or start production.",
    P: "In production, change recipes, quantities and batches through an amendment with a "
    "reason; record baked batches; complete the plan when done.",
    C: "A completed plan is read-only.",
}

_ACTION_LABELS = {
    Action.EDIT_DETAILS: "edit the event's details",
    Action.EDIT_SELECTION: "change recipes or quantities",
    Action.EDIT_DECISIONS: "change batch decisions",
    Action.RECORD_PRODUCTION: "record production",
    Action.AMEND: "amend the plan",
    Action.DELETE_EVENT: "delete the event",
    Action.RECORD_LEFTOVERS: "record leftovers",
}


def is_allowed(state: PlanState, action: Action) -> bool:
    return state in ALLOWED[action]


def what_state_allows(state: PlanState) -> str:
    return _WHAT_STATE_ALLOWS[state]


def require(state: PlanState, action: Action) -> None:
    """Raise PlanStateError, naming what the state allows, unless ``action`` is allowed."""
    if state in ALLOWED[action]:
        return
    raise PlanStateError(
        f"Cannot {_ACTION_LABELS[action]}: the plan is {STATE_LABELS[state]}. "
        f"{_WHAT_STATE_ALLOWS[state]}"
    )


def transition_target(state: PlanState, transition: str) -> PlanState:
    """The state ``transition`` leads to from ``state``, or PlanStateError."""
    targets = TRANSITIONS[state]
    if transition in targets:
        return targets[transition]
    allowed = ", ".join(name.replace("_", " ") for name in targets) or "none"
    raise PlanStateError(
        f"Cannot {transition.replace('_', ' ')}: the plan is {STATE_LABELS[state]}. "
        f"Allowed from here: {allowed}."
    )


def allowed_transitions(state: PlanState) -> tuple[str, ...]:
    return tuple(TRANSITIONS[state])
