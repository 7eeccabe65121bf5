"""Import check: an event in production or completed must be its snapshot
with its amendments applied, in order (src.planning.replay). An event whose
live plan differs was edited outside the application; importing it would
make the plan's history lie, so it is refused with its location."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from src.planning.replay import replay_amendments

from .schema import EventDoc

_KEYS = {
    "good": "finished_good_name",
    "recipe": "recipe_name",
    "selected_recipes": "selected_recipe_names",
    "deselected_recipes": "deselected_recipe_names",
}


def stored_form(data: Mapping[str, Any]) -> dict[str, Any]:
    """An amendment's document data with the names under the keys the
    application stores them by (``good`` → ``finished_good_name`` ...)."""
    out: dict[str, Any] = {_KEYS.get(k, k): v for k, v in data.items()}
    changes = data.get("batch_changes")
    if isinstance(changes, list):
        out["batch_changes"] = [
            {_KEYS.get(k, k): v for k, v in c.items()} if isinstance(c, Mapping) else c
            for c in changes
        ]
    return out


def _fold(plan: Mapping[str, Any]) -> dict[str, dict[str, tuple[str, object]]]:
    """Each part as folded name → (name, value), so that case and spacing do
    not count (names match that way everywhere in an import)."""

    def k(name: object) -> str:
        return " ".join(str(name).split()).casefold()

    return {
        "recipes": {k(r): (str(r), "selected") for r in plan["recipes"]},
        "lines": {k(g): (str(g), q) for g, q in plan["lines"].items()},
        "decisions": {k(r): (str(r), b) for r, b in plan["decisions"].items()},
    }


def replay_problem(where: str, e: EventDoc) -> str | None:
    """The problem with ``e`` when its plan is not snapshot + amendments, else None."""
    if e.snapshot is None:
        return None
    try:
        expected = replay_amendments(
            e.snapshot, [(a.type, stored_form(a.data)) for a in e.amendments]
        )
    except (KeyError, TypeError, ValueError, AttributeError):
        return f"{where}.amendments: the snapshot and amendments cannot be replayed"
    actual = {
        "recipes": list(e.recipes),
        "lines": {x.good: x.quantity for x in e.finished_goods},
        "decisions": {d.recipe: d.batches for d in e.batch_decisions},
    }
    want, have = _fold(expected), _fold(actual)
    for part, label in (
        ("recipes", "recipes"),
        ("lines", "finished_goods"),
        ("decisions", "batch_decisions"),
    ):
        if {k: v[1] for k, v in want[part].items()} != {
            k: v[1] for k, v in have[part].items()
        }:
            return (
                f"{where}.{label}: not what the snapshot with its amendments gives "
                f"({_differences(want[part], have[part])}); a plan in production "
                "or completed changes only by amendment"
            )
    return None


def _differences(expected: Mapping[str, tuple], actual: Mapping[str, tuple]) -> str:
    out = []
    for k in sorted(set(expected) | set(actual)):
        before, now = expected.get(k), actual.get(k)
        if before is None or now is None or before[1] != now[1]:
            row = now if now is not None else before
            assert row is not None  # k comes from one of the two
            name = row[0]
            was = "none" if before is None else before[1]
            found = "none" if now is None else now[1]
            out.append(f"{name}: expected {was}, found {found}")
    return "; ".join(out)
