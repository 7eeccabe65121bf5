"""Finished goods of the catalog (single items and bundles): list, get,
create, update, delete, and single-item goods for every yield type.

The whole goods catalog is loaded in a fixed number of queries (goods,
components, units, recipes, events) and handed to the planning core, which
computes the recipes reached through nesting and finds cycles.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import Row, select
from sqlalchemy.orm import Session

from src.db import Database
from src.models import (
    Event,
    EventFinishedGood,
    FinishedGood,
    FinishedGoodComponent,
    FinishedUnit,
    Recipe,
)
from src.planning.decomposition import find_cycle, recipes_of_goods
from src.planning.types import Component, Good, YieldType

from ..errors import ConflictError, NotFoundError, ValidationError
from ..validation import clean_name, parse_whole
from .common import event_label, flush, listing, name_taken, try_field
from .dto import ComponentInput, ComponentView, FinishedGoodView
from .single_goods import ensure_single_goods


@dataclass
class _Catalog:
    """The goods catalog as plain rows (no ORM objects: building thousands of
    them costs more than the queries), loaded once per call."""

    goods: dict[int, Row]  # id, name, notes
    components: dict[int, list[Row]]  # finished_unit_id, component_good_id, quantity
    units: dict[int, Row]  # id, name, recipe_id
    recipe_names: dict[int, str]
    events: dict[int, list[str]]

    def planning_goods(self) -> dict[int, Good]:
        return {
            gid: Good(gid, g.name, tuple(_component(c) for c in self.components.get(gid, [])))
            for gid, g in self.goods.items()
        }

    def planning_units(self) -> dict[int, YieldType]:
        # Only recipe_id matters for recipes_of_goods; a placeholder keeps the
        # mode check of YieldType satisfied whatever the unit's figures are.
        return {
            uid: YieldType(uid, u.recipe_id, u.name, "discrete_count", 1)
            for uid, u in self.units.items()
        }


def _component(row: Row) -> Component:
    return Component(row.quantity, unit_id=row.finished_unit_id, good_id=row.component_good_id)


def _load_catalog(session: Session) -> _Catalog:
    goods = {
        g.id: g
        for g in session.execute(select(FinishedGood.id, FinishedGood.name, FinishedGood.notes))
    }
    components: dict[int, list[Row]] = {}
    part = FinishedGoodComponent
    query = select(
        part.finished_good_id, part.finished_unit_id, part.component_good_id, part.quantity
    ).order_by(part.id)
    for row in session.execute(query):
        components.setdefault(row.finished_good_id, []).append(row)
    units = {
        u.id: u
        for u in session.execute(select(FinishedUnit.id, FinishedUnit.name, FinishedUnit.recipe_id))
    }
    recipe_names = dict(session.execute(select(Recipe.id, Recipe.name)).all())
    found: dict[int, dict[int, tuple]] = {}
    rows = session.execute(
        select(EventFinishedGood.finished_good_id, Event.id, Event.name, Event.event_date).join(
            Event, Event.id == EventFinishedGood.event_id
        )
    )
    for gid, eid, name, day in rows:
        found.setdefault(gid, {})[eid] = (day, name.casefold(), name)
    events = {
        gid: [event_label(n, d) for d, _, n in sorted(by_event.values())]
        for gid, by_event in found.items()
    }
    return _Catalog(goods, components, units, recipe_names, events)


def _view(catalog: _Catalog, gid: int, recipes: dict[int, frozenset[int]]) -> FinishedGoodView:
    good = catalog.goods[gid]
    rows = catalog.components.get(gid, [])
    views = tuple(
        ComponentView(
            "unit", r.finished_unit_id, catalog.units[r.finished_unit_id].name, r.quantity
        )
        if r.finished_unit_id is not None
        else ComponentView(
            "good", r.component_good_id, catalog.goods[r.component_good_id].name, r.quantity
        )
        for r in rows
    )
    single = len(views) == 1 and views[0].kind == "unit" and views[0].quantity == 1
    names = sorted({catalog.recipe_names[r] for r in recipes.get(gid, ())}, key=str.casefold)
    return FinishedGoodView(
        id=good.id,
        name=good.name,
        notes=good.notes or "",
        is_bundle=not single,
        components=views,
        recipe_names=tuple(names),
        used_by_events=tuple(catalog.events.get(gid, [])),
    )


def _views(catalog: _Catalog, ids: Sequence[int]) -> list[FinishedGoodView]:
    recipes = recipes_of_goods(catalog.planning_goods(), catalog.planning_units())
    return [_view(catalog, gid, recipes) for gid in ids]


def _by_name(catalog: _Catalog) -> list[int]:
    return sorted(catalog.goods, key=lambda gid: (catalog.goods[gid].name.casefold(), gid))


def list_finished_goods(db: Database) -> list[FinishedGoodView]:
    """Every finished good by name (ignoring case), with its components, the
    recipes it needs through nesting and the events that use it. Five queries
    whatever the catalog's size."""
    with db.uow() as session:
        catalog = _load_catalog(session)
        return _views(catalog, _by_name(catalog))


def get_finished_good(db: Database, good_id: int) -> FinishedGoodView:
    with db.uow() as session:
        catalog = _load_catalog(session)
        if good_id not in catalog.goods:
            raise _not_found(good_id)
        return _views(catalog, [good_id])[0]


def _not_found(good_id: int) -> NotFoundError:
    return NotFoundError(f"Finished good {good_id} does not exist (it may have been deleted)")


def _validated(
    catalog: _Catalog, good_id: int | None, name, components: Sequence[ComponentInput]
) -> tuple[str, list[Component]]:
    """The clean name and components, or ValidationError with every bad field."""
    errors: dict[str, str] = {}
    clean = try_field(errors, "name", lambda: clean_name(name, what="Finished good name"))
    if clean is not None:
        existing = [(gid, g.name) for gid, g in catalog.goods.items()]
        clash = name_taken(existing, clean, good_id)
        if clash is not None:
            errors["name"] = f'A finished good named "{clash}" already exists'
    if not components:
        errors["components"] = "A finished good needs at least one component"
    seen: dict[tuple[str, int], int] = {}
    out: list[Component] = []
    for i, item in enumerate(components):
        where, label = f"components[{i}]", f"Component {i + 1}"
        key = _check_reference(catalog, item, where, label, errors)
        if key is not None:
            if key in seen:
                errors[where] = f"{label} is the same as component {seen[key]}; list it once"
            else:
                seen[key] = i + 1
        quantity = try_field(
            errors,
            f"{where}.quantity",
            parse_whole,
            item.quantity,
            what=f"{label}: quantity",
            field=f"{where}.quantity",
        )
        if key is not None and quantity is not None:
            kind, ref = key
            out.append(Component(quantity, **{f"{kind}_id": ref}))
    if errors:
        raise ValidationError.from_errors(errors)
    return clean, out


def _check_reference(
    catalog: _Catalog, item: ComponentInput, where: str, label: str, errors: dict[str, str]
) -> tuple[str, int] | None:
    if (item.unit_id is None) == (item.good_id is None):
        errors[where] = f"{label}: choose either a yield type or a finished good"
        return None
    if item.unit_id is not None:
        if item.unit_id not in catalog.units:
            errors[f"{where}.unit_id"] = (
                f"{label}: yield type {item.unit_id} does not exist (it may have been deleted)"
            )
            return None
        return ("unit", item.unit_id)
    if item.good_id not in catalog.goods:
        errors[f"{where}.good_id"] = (
            f"{label}: finished good {item.good_id} does not exist (it may have been deleted)"
        )
        return None
    return ("good", item.good_id)


def _check_no_cycle(catalog: _Catalog, good_id: int, name: str, parts: list[Component]) -> None:
    """Refuse the save when the catalog, with ``good_id`` made of ``parts``,
    would contain a cycle; the message walks the cycle from this good."""
    goods = catalog.planning_goods()
    goods[good_id] = Good(good_id, name, tuple(parts))
    cycle = find_cycle(goods)
    if cycle is None:
        return
    loop = list(cycle[:-1])
    if name in loop:  # start the walk at the good being saved, it is the news
        start = loop.index(name)
        loop = loop[start:] + loop[:start]
    raise ValidationError(
        "This would make a cycle: " + " → ".join([*loop, loop[0]]), field="components"
    )


def _write_components(session: Session, good: FinishedGood, parts: list[Component]) -> None:
    good.components.clear()
    # Deletes first: the unit of work inserts before it deletes, and the new
    # rows may repeat the old ones' (good, unit) pairs, which must be unique.
    session.flush()
    for part in parts:
        good.components.append(
            FinishedGoodComponent(
                finished_unit_id=part.unit_id,
                component_good_id=part.good_id,
                quantity=part.quantity,
            )
        )


def create_finished_good(
    db: Database, *, name: str, notes: str = "", components: Sequence[ComponentInput]
) -> FinishedGoodView:
    """Add a finished good made of ``components`` (yield types or other goods,
    each a whole quantity ≥ 1). Raises ValidationError listing every bad field."""
    with db.uow() as session:
        catalog = _load_catalog(session)
        clean, parts = _validated(catalog, None, name, components)
        good = FinishedGood(name=clean, notes=(notes or "").strip())
        session.add(good)
        _write_components(session, good, parts)
        flush(session, f'Finished good "{clean}"')
        return _reloaded_view(session, good.id)


def _reloaded_view(session: Session, good_id: int) -> FinishedGoodView:
    catalog = _load_catalog(session)
    return _views(catalog, [good_id])[0]


def update_finished_good(
    db: Database,
    good_id: int,
    *,
    name: str,
    notes: str,
    components: Sequence[ComponentInput],
) -> FinishedGoodView:
    """Replace a finished good's name, notes and components, with the rules of
    create_finished_good; a save that would put the good inside itself
    (directly or through other bundles) is refused naming the cycle."""
    with db.uow() as session:
        catalog = _load_catalog(session)
        if good_id not in catalog.goods:
            raise _not_found(good_id)
        clean, parts = _validated(catalog, good_id, name, components)
        _check_no_cycle(catalog, good_id, clean, parts)
        good = session.get_one(FinishedGood, good_id)
        good.name = clean
        good.notes = (notes or "").strip()
        _write_components(session, good, parts)
        flush(session, f'Finished good "{clean}"')
        return _reloaded_view(session, good_id)


def delete_finished_good(db: Database, good_id: int) -> None:
    """Delete a finished good. Refused (ConflictError naming them) while events
    want it or bundles contain it."""
    with db.uow() as session:
        catalog = _load_catalog(session)
        good = catalog.goods.get(good_id)
        if good is None:
            raise _not_found(good_id)
        reasons: list[str] = []
        events = catalog.events.get(good_id, [])
        if events:
            reasons.append(f"it is used by {listing(len(events), 'event', 'events', events)}")
        bundles = sorted(
            {
                catalog.goods[gid].name
                for gid, rows in catalog.components.items()
                for row in rows
                if row.component_good_id == good_id
            },
            key=str.casefold,
        )
        if bundles:
            reasons.append(f"it is part of {listing(len(bundles), 'bundle', 'bundles', bundles)}")
        if reasons:
            raise ConflictError(f'"{good.name}" cannot be deleted: ' + "; ".join(reasons) + ".")
        session.delete(session.get(FinishedGood, good_id))


def create_single_item_goods(db: Database) -> list[str]:
    """For every yield type that no good holds as exactly "that unit × 1",
    create such a good, named like the yield type or "<name> (single)" when
    that name is taken. Returns the names created, by yield type name. (The
    catalog now keeps these goods in step by itself: see single_goods.py.)"""
    with db.uow() as session:
        return ensure_single_goods(session)
