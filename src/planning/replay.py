"""Replaying amendments on a plan snapshot: the one definition of "the live
plan is the snapshot with every amendment applied in order".

Plans here are by name, shaped ``{"recipes": [sorted names], "lines": {good:
quantity}, "decisions": {recipe: batches}}``. Amendment data are the dicts
the amendment services store (src/services/plan/amendments.py documents them).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

__all__ = [
    "snapshot_plan",
    "replay_amendments",
    "apply_amendment",
    "current_snapshot",
    "current_amendment",
]

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


def current_snapshot(
    snapshot: Mapping[str, Any],
    recipe_names: Mapping[int, str],
    good_names: Mapping[int, str],
) -> dict[str, Any]:
    """``snapshot`` with every recipe and good it names by its name now, matched
    by identity through the snapshot's ``ids`` (``{"recipes": {name: id},
    "goods": {name: id}}``); a name with no id, or whose id is gone, stays.
    So a recipe renamed after the snapshot is the same recipe, not removed + added."""
    ids = snapshot.get("ids") or {}
    recipe_ids, good_ids = ids.get("recipes") or {}, ids.get("goods") or {}

    def recipe(name: str) -> str:
        rid = recipe_ids.get(name)
        return recipe_names.get(rid, name) if isinstance(rid, int) else name

    def good(name: str) -> str:
        gid = good_ids.get(name)
        return good_names.get(gid, name) if isinstance(gid, int) else name

    out = {k: v for k, v in snapshot.items() if k != "ids"}
    out["recipes"] = sorted(recipe(r) for r in snapshot.get("recipes") or ())
    out["finished_goods"] = sorted(
        ({**x, "good": good(x["good"])} for x in snapshot.get("finished_goods") or ()),
        key=lambda x: x["good"],
    )
    out["batch_decisions"] = sorted(
        ({**x, "recipe": recipe(x["recipe"])} for x in snapshot.get("batch_decisions") or ()),
        key=lambda x: x["recipe"],
    )
    return out


def current_amendment(
    data: Mapping[str, Any],
    recipe_names: Mapping[int, str],
    good_names: Mapping[int, str],
) -> dict[str, Any]:
    """Amendment ``data`` with the names of the things it refers to by id as
    they are now (the stored names stay where an id is missing or gone)."""
    out = dict(data)
    gid = data.get("finished_good_id")
    if isinstance(gid, int) and gid in good_names:
        out["finished_good_name"] = good_names[gid]
    rid = data.get("recipe_id")
    if isinstance(rid, int) and rid in recipe_names:
        out["recipe_name"] = recipe_names[rid]
    for stem in ("selected_recipe", "deselected_recipe"):
        ids, names = data.get(stem + "_ids") or [], list(data.get(stem + "_names") or [])
        for i, r in enumerate(ids):
            if i < len(names) and r in recipe_names:
                names[i] = recipe_names[r]
        if names:
            out[stem + "_names"] = names
    if data.get("batch_changes"):
        out["batch_changes"] = [
            current_amendment(c, recipe_names, good_names) for c in data["batch_changes"]
        ]
    return out
