"""The plan as it is now against the snapshot taken when production started.

Both sides are by-name documents (:func:`plan_document`): a snapshot refers
to everything by name so that it survives export and import; ids, when the
snapshot has them, let a renamed recipe or good still match
(src.planning.replay.current_snapshot).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from datetime import UTC, datetime
from typing import Any

from ..replay import current_snapshot
from ..types import Good, YieldType
from ..variants import RecipeInfo
from .rows import ComparisonLine, ComparisonView

__all__ = ["plan_document", "parse_taken_at", "compare_with_snapshot", "plan_comparison"]


def plan_document(
    recipes: Iterable[str],
    goods: Mapping[str, int],
    decisions: Mapping[str, tuple[int, str | None]],
) -> dict[str, Any]:
    """The by-name body of a snapshot (without version and time), sorted by name."""
    return {
        "recipes": sorted(recipes),
        "finished_goods": [{"good": g, "quantity": goods[g]} for g in sorted(goods)],
        "batch_decisions": [
            {"recipe": r, "batches": decisions[r][0], "yield": decisions[r][1]}
            for r in sorted(decisions)
        ],
    }


def parse_taken_at(data: Mapping[str, Any]) -> datetime:
    """The snapshot's time as a naive UTC datetime (the epoch when unreadable)."""
    try:
        moment = datetime.fromisoformat(str(data.get("taken_at")))
    except ValueError:
        return datetime(1970, 1, 1)
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC).replace(tzinfo=None)
    return moment


def _decision_text(batches: object, yield_name: object) -> str:
    word = "batch" if batches == 1 else "batches"
    return f"{batches} {word}" + (f" ({yield_name})" if yield_name else "")


def _compare(
    section: str, before: Mapping[str, str], after: Mapping[str, str]
) -> Iterator[ComparisonLine]:
    for name in sorted(set(before) | set(after)):
        old, new = before.get(name), after.get(name)
        if old is None:
            change = "added"
        elif new is None:
            change = "removed"
        else:
            change = "unchanged" if old == new else "changed"
        yield ComparisonLine(section=section, name=name, change=change, before=old, after=new)


def compare_with_snapshot(
    snapshot: Mapping[str, Any], current: Mapping[str, Any]
) -> ComparisonView:
    """Snapshot vs the current plan (both in the :func:`plan_document` shape),
    by name: recipes, then finished goods, then batch decisions, each sorted
    by name and marked added / removed / changed / unchanged."""

    def recipes(doc: Mapping[str, Any]) -> dict[str, str]:
        return {str(name): "selected" for name in doc.get("recipes") or ()}

    def goods(doc: Mapping[str, Any]) -> dict[str, str]:
        return {str(x.get("good")): str(x.get("quantity")) for x in doc.get("finished_goods") or ()}

    def decisions(doc: Mapping[str, Any]) -> dict[str, str]:
        return {
            str(x.get("recipe")): _decision_text(x.get("batches"), x.get("yield"))
            for x in doc.get("batch_decisions") or ()
        }

    lines = [
        *_compare("recipe", recipes(snapshot), recipes(current)),
        *_compare("finished_good", goods(snapshot), goods(current)),
        *_compare("batch_decision", decisions(snapshot), decisions(current)),
    ]
    return ComparisonView(taken_at=parse_taken_at(snapshot), lines=tuple(lines))


def plan_comparison(
    snapshot: Mapping[str, Any],
    recipes: Mapping[int, RecipeInfo],
    goods: Mapping[int, Good],
    units: Mapping[int, YieldType],
    selected: Iterable[int],
    lines: Mapping[int, int],
    decisions: Mapping[int, tuple[int, int | None]],
) -> ComparisonView:
    """The plan as it is now (ids) against its snapshot."""
    current = plan_document(
        [recipes[r].name for r in selected],
        {goods[g].name: q for g, q in lines.items()},
        {
            recipes[r].name: (b, units[u].name if u is not None and u in units else None)
            for r, (b, u) in decisions.items()
        },
    )
    named_now = current_snapshot(
        snapshot,
        {r.id: r.name for r in recipes.values()},
        {g.id: g.name for g in goods.values()},
    )
    return compare_with_snapshot(named_now, current)
