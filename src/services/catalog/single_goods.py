"""Every yield type has its single-item finished good, kept in step with it.

A *single-item good* of a yield type is a finished good whose only component is
that yield type × 1. The catalog services call these helpers in their own unit
of work: after a recipe is created, changed, duplicated or a document imported,
:func:`ensure_single_goods` adds the missing ones (named like the yield type, or
"<name> (single)" when a good already has that name); when a yield type is
renamed, :func:`rename_single_goods` renames its single good if it still has the
yield type's old name; before a yield type (or its recipe) is deleted,
:func:`drop_unused_single_goods` deletes its single goods that no event wants
and no bundle contains (used ones still block the deletion, as before).
Bundles are never created or changed here. Databases from before this rule get
the missing goods from the data migration 0007.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from src.models import EventFinishedGood, FinishedGood, FinishedGoodComponent, FinishedUnit

from .common import unique_name


def _single_goods(session: Session,
                  unit_ids: Collection[int] | None = None) -> dict[int, list[FinishedGood]]:
    """yield type id → the goods made of exactly that yield type × 1 (only for
    ``unit_ids`` when given)."""
    counts = (
        select(FinishedGoodComponent.finished_good_id)
        .group_by(FinishedGoodComponent.finished_good_id)
        .having(func.count(FinishedGoodComponent.id) == 1)
    )
    query = (
        select(FinishedGoodComponent.finished_unit_id, FinishedGood)
        .join(FinishedGood, FinishedGood.id == FinishedGoodComponent.finished_good_id)
        .where(
            FinishedGoodComponent.finished_good_id.in_(counts),
            FinishedGoodComponent.finished_unit_id.is_not(None),
            FinishedGoodComponent.quantity == 1,
        )
    )
    if unit_ids is not None:
        query = query.where(FinishedGoodComponent.finished_unit_id.in_(list(unit_ids)))
    rows = session.execute(query).all()
    found: dict[int, list[FinishedGood]] = {}
    for unit_id, good in rows:
        if unit_id is None:  # excluded by the query; narrows the column's type
            continue
        found.setdefault(unit_id, []).append(good)
    return found


def ensure_single_goods(session: Session, unit_ids: Collection[int] | None = None) -> list[str]:
    """Create the single-item good of every yield type (of ``unit_ids`` when
    given: a recipe's own) that has none; the names created, by yield type name."""
    session.flush()
    covered = _single_goods(session, unit_ids)
    query = select(FinishedUnit)
    if unit_ids is not None:
        query = query.where(FinishedUnit.id.in_(list(unit_ids)))
    units = session.scalars(query).all()
    missing = sorted((u for u in units if u.id not in covered),
                     key=lambda u: (u.name.casefold(), u.id))
    if not missing:
        return []
    taken = {n.casefold() for n in session.scalars(select(FinishedGood.name))}
    created: list[str] = []
    for unit in missing:
        name = unit.name if unit.name.casefold() not in taken else unique_name(
            unit.name, "single", taken)
        taken.add(name.casefold())
        good = FinishedGood(name=name, notes="")
        good.components.append(FinishedGoodComponent(finished_unit_id=unit.id, quantity=1))
        session.add(good)
        created.append(name)
    session.flush()
    return created


def rename_single_goods(session: Session, renames: Mapping[int, tuple[str, str]]) -> None:
    """For each yield type id → (old name, new name): its single good still named
    like the old name takes the new one (unless another good has it)."""
    if not renames:
        return
    singles = _single_goods(session, list(renames))
    taken = {n.casefold() for n in session.scalars(select(FinishedGood.name))}
    for unit_id, (old, new) in renames.items():
        for good in singles.get(unit_id, []):
            if good.name.casefold() == old.casefold() and (
                new.casefold() not in taken or new.casefold() == old.casefold()
            ):
                taken.discard(good.name.casefold())
                good.name = new
                taken.add(new.casefold())
    session.flush()


def drop_unused_single_goods(session: Session, unit_ids: Iterable[int]) -> None:
    """Delete the single goods of these yield types that no event wants and no
    bundle contains (they go with their yield type)."""
    wanted = set(unit_ids)
    if not wanted:
        return
    singles = [g for goods in _single_goods(session, wanted).values() for g in goods]
    if not singles:
        return
    ids = [g.id for g in singles]
    in_events = set(session.scalars(
        select(EventFinishedGood.finished_good_id)
        .where(EventFinishedGood.finished_good_id.in_(ids))))
    in_bundles = set(session.scalars(
        select(FinishedGoodComponent.component_good_id)
        .where(FinishedGoodComponent.component_good_id.in_(ids))))
    for good in singles:
        if good.id not in in_events and good.id not in in_bundles:
            session.delete(good)
    session.flush()
