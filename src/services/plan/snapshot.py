"""The plan snapshot written when production starts, and snapshot-vs-now comparison.

The snapshot is JSON stored in ``plan_snapshots.snapshot_data``. It is exported
verbatim and must survive import into another database, so it refers to
everything BY NAME, never by id::

    {
      "version": 1,
      "taken_at": "2026-12-18T10:00:00Z",          # UTC, ISO 8601
      "recipes": ["Sugar Cookie Dough", ...],       # selected recipes, sorted
      "finished_goods": [{"good": "Cookie tin", "quantity": 20}, ...],  # by good
      "batch_decisions": [                         # by recipe
        {"recipe": "Sugar Cookie Dough", "batches": 9, "yield": "Sugar cookie"},
        {"recipe": "Truffles", "batches": 2, "yield": null}
      ],
      "ids": {"recipes": {"Sugar Cookie Dough": 1}, "goods": {"Cookie tin": 3}}
    }

``ids`` (optional) are this database's ids of the things named, so that a
comparison matches by identity (src.planning.replay.current_snapshot): a
recipe renamed later is the same recipe. Export writes the snapshot with
today's names and without ids; import adds the new database's ids.

It is written once, at the start of production, and never rewritten.
Private helpers only: every function takes an open session or plain data.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from src.models import Event, FinishedGood, FinishedUnit, PlanSnapshot, Recipe
from src.planning.plan_view.compare import plan_document
from src.utils.datetime_utils import utc_now

SNAPSHOT_VERSION = 1


def _names(session: Session, model, ids: Iterable[int]) -> dict[int, str]:
    wanted = list(set(ids))
    if not wanted:
        return {}
    rows = session.execute(select(model.id, model.name).where(model.id.in_(wanted))).all()
    return {row_id: name for row_id, name in rows}


def build_snapshot(session: Session, event: Event, taken_at: datetime) -> dict[str, Any]:
    """The snapshot document of the event's live plan as of ``taken_at`` (naive UTC)."""
    recipe_ids = [er.recipe_id for er in event.event_recipes]
    recipe_ids += [d.recipe_id for d in event.batch_decisions]
    recipes = _names(session, Recipe, recipe_ids)
    goods = _names(session, FinishedGood, [x.finished_good_id for x in event.event_finished_goods])
    units = _names(
        session,
        FinishedUnit,
        [d.finished_unit_id for d in event.batch_decisions if d.finished_unit_id is not None],
    )
    body = plan_document(
        [recipes[er.recipe_id] for er in event.event_recipes],
        {goods[x.finished_good_id]: x.quantity for x in event.event_finished_goods},
        {
            recipes[d.recipe_id]: (
                d.batches,
                units.get(d.finished_unit_id) if d.finished_unit_id is not None else None,
            )
            for d in event.batch_decisions
        },
    )
    stamp = taken_at.replace(microsecond=0).isoformat() + "Z"
    ids = {
        "recipes": {name: rid for rid, name in sorted(recipes.items())},
        "goods": {name: gid for gid, name in sorted(goods.items())},
    }
    return {"version": SNAPSHOT_VERSION, "taken_at": stamp, **body, "ids": ids}


def write_snapshot_once(session: Session, event: Event) -> bool:
    """Store the event's snapshot unless one exists already (it is never
    rewritten). Returns True when it was written now."""
    exists = session.scalar(select(PlanSnapshot.id).where(PlanSnapshot.event_id == event.id))
    if exists is not None:
        return False
    session.add(
        PlanSnapshot(event_id=event.id, snapshot_data=build_snapshot(session, event, utc_now()))
    )
    session.flush()
    return True


def add_missing_ids(session: Session) -> None:
    """Give every snapshot without ``ids`` (imported ones) the ids of the
    things it names in this database, so comparisons match by identity."""
    recipes = {name: rid for rid, name in session.execute(select(Recipe.id, Recipe.name))}
    goods = {name: gid for gid, name in session.execute(select(FinishedGood.id, FinishedGood.name))}
    for snap in session.scalars(select(PlanSnapshot)):
        data = snap.snapshot_data or {}
        if "ids" in data:
            continue
        named = set(data.get("recipes") or ())
        named |= {x.get("recipe") for x in data.get("batch_decisions") or ()}
        ids = {
            "recipes": {n: recipes[n] for n in sorted(named, key=str) if n in recipes},
            "goods": {
                x["good"]: goods[x["good"]]
                for x in data.get("finished_goods") or ()
                if x.get("good") in goods
            },
        }
        snap.snapshot_data = {**data, "ids": ids}
