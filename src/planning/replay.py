"""Replaying amendments on a plan snapshot: the one definition of "the live
plan is the snapshot with every amendment applied in order".

Plans here are by name, shaped ``{"recipes": [sorted names], "lines": {good:
quantity}, "decisions": {recipe: batches}}``. Amendment data are the dicts
the amendment services store (src/services/amendments.py documents them).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

__all__ = ["snapshot_plan", "replay_amendments", "apply_amendment"]

DROP_FG = "drop_fg"
ADD_FG = "add_fg"
MODIFY_FG = "modify_fg"
MODIFY_BATCH = "modify_batch"


def snapshot_plan(snapshot: Mapping[str, Any]) -> dict[str, Any]:
    """The by-name plan a snapshot document describes."""
    return {
        "recipes": sorted(str(r) for r in snapshot.get("recipes") or ()),
        "lines": {str(x["good"]): int(x["quantity"]) for x in snapshot.get("finished_goods") or ()},
        "decisions": {
            str(x["recipe"]): int(x["batches"]) for x in snapshot.get("batch_decisions") or ()
        },
    }


def apply_amendment(plan: Mapping[str, Any], kind: str, data: Mapping[str, Any]) -> dict[str, Any]:
    """``plan`` after one amendment (a new dict; ``plan`` is not changed)."""
    recipes = set(plan["recipes"])
    lines = dict(plan["lines"])
    decisions = dict(plan["decisions"])
    good = data.get("finished_good_name")
    if kind == DROP_FG:
        lines.pop(good, None)
    elif kind == ADD_FG:
        lines[good] = data["quantity"]
    elif kind == MODIFY_FG:
        lines[good] = data["quantity"]
    elif kind == MODIFY_BATCH:
        decisions[data["recipe_name"]] = data["new_batches"]
    recipes |= set(data.get("selected_recipe_names") or ())
    for name in data.get("deselected_recipe_names") or ():
        recipes.discard(name)
        decisions.pop(name, None)
    for change in data.get("batch_changes") or ():
        decisions[change["recipe_name"]] = change["new_batches"]
    return {"recipes": sorted(recipes), "lines": lines, "decisions": decisions}


def replay_amendments(
    snapshot: Mapping[str, Any], amendments: Iterable[tuple[str, Mapping[str, Any]]]
) -> dict[str, Any]:
    """The plan ``snapshot`` becomes after ``amendments`` (kind, data), oldest first."""
    plan = snapshot_plan(snapshot)
    for kind, data in amendments:
        plan = apply_amendment(plan, kind, data)
    return plan
