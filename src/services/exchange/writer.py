"""Writing a validated exchange document into the database (one unit of work).

The importer in exchange.py validates the whole document first; this module
only writes. Rows of new things are numbered ahead and inserted a table at a
time: on SQLite from max(id) + 1 (the unit of work holds the write lock), on
PostgreSQL with ids drawn from each table's sequence in one query (so the
sequences stay in charge and later inserts never collide). Other databases
get the ORM's row-by-row path.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any, cast

from sqlalchemy import Table, func, insert, inspect, select, text
from sqlalchemy.orm import Session, selectinload

from src.models import (
    AmendmentType,
    BatchDecision,
    Event,
    EventFinishedGood,
    EventRecipe,
    FinishedGood,
    FinishedGoodComponent,
    FinishedUnit,
    Ingredient,
    OutputMode,
    PantryItem,
    PlanAmendment,
    PlanSnapshot,
    PlanState,
    ProductionRun,
    Recipe,
    RecipeIngredient,
    YieldMode,
)
from src.utils.datetime_utils import utc_now

from .packs import display_unit_of, write_packs
from .reading import key
from .schema import AmendmentDoc, DocumentDoc, EventDoc

BULK_DIALECTS = ("sqlite", "postgresql")


@dataclass(frozen=True)
class ImportResult:
    """How many things of each kind the import wrote; ``updated`` counts the
    existing things (or events) a ``replace`` import changed in place."""

    ingredients: int
    recipes: int
    finished_goods: int
    pantry_items: int
    events: int
    updated: int = 0

    def summary(self) -> str:
        parts = [
            f"{self.ingredients} ingredients", f"{self.recipes} recipes",
            f"{self.finished_goods} finished goods", f"{self.pantry_items} pantry items",
            f"{self.events} events",
        ]
        text = "Imported " + ", ".join(parts)
        return text + (f" ({self.updated} replaced existing ones)" if self.updated else "")


class DocumentWriter:
    """Writes a checked document through the ORM inside the caller's transaction."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.updated = 0
        s = session
        # The child rows of NEW parents are inserted with Core (ids numbered
        # here, like _flush does) instead of as ORM objects: the unit of work's
        # per-object bookkeeping dominates a large import.
        self.dialect = s.get_bind().dialect.name
        self.bulk = self.dialect in BULK_DIALECTS
        self.new_keys: set[tuple[Any, str]] = set()  # (pool id, key) of rows made here
        self.unit_ids: dict[str, int] = {}  # units inserted with Core: key → id
        self.ingredients = {key(i.name): i for i in s.scalars(select(Ingredient))}
        self.recipes = {key(r.name): r for r in s.scalars(select(Recipe).options(
            selectinload(Recipe.ingredient_lines), selectinload(Recipe.finished_units)))}
        self.units = {key(u.name): u for u in s.scalars(select(FinishedUnit))}
        self.goods = {key(g.name): g for g in s.scalars(
            select(FinishedGood).options(selectinload(FinishedGood.components)))}

    def _row(self, pool: dict, name: str, model, **empty):
        """The row called ``name``, made and added if new. ``empty`` starts a new
        row's collections as empty lists so that later assigning them never
        lazy-loads (and autoflushes) a collection known to be empty."""
        row = pool.get(key(name))
        if row is None:
            row = model(**empty)
            self.session.add(row)
            pool[key(name)] = row
            self.new_keys.add((id(pool), key(name)))
        else:
            self.updated += 1
        return row

    def write(self, doc: DocumentDoc) -> ImportResult:
        s = self.session
        # Nothing below needs the database to see pending rows before the
        # explicit flushes (ids are only read after them), so no autoflush.
        with s.no_autoflush:
            self._write(doc)
        return ImportResult(len(doc.ingredients), len(doc.recipes), len(doc.finished_goods),
                            len(doc.pantry), len(doc.events), self.updated)

    def _take_ids(self, table: Table, count: int) -> list[int]:
        """``count`` fresh ids for ``table``, ascending. SQLite: max(id) + 1 on
        (the tables have no AUTOINCREMENT, and BEGIN IMMEDIATE keeps others
        out). PostgreSQL: drawn from the table's own sequence in one query."""
        if count == 0:
            return []
        if self.dialect == "postgresql":
            ids = self.session.scalars(
                text("SELECT nextval(pg_get_serial_sequence(:table, 'id')) "
                     "FROM generate_series(1, :count)"),
                {"table": table.name, "count": count},
            ).all()
            return sorted(ids)
        start = self.session.scalar(select(func.max(table.c.id))) or 0
        return list(range(start + 1, start + 1 + count))

    def _flush(self) -> None:
        """Flush, first numbering the new rows (see _take_ids) in the order they
        were added. Without ids the ORM must insert row by row to read each id
        back; with them it inserts each table in one executemany."""
        s = self.session
        if not self.bulk:
            s.flush()
            return
        states = sorted((inspect(obj) for obj in s.new), key=lambda st: st.insert_order)
        pending: dict[Table, list[Any]] = {}
        for st in states:
            row = st.object
            if row is None or row.id is not None:
                continue
            pending.setdefault(st.mapper.local_table, []).append(row)
        for table, rows in pending.items():
            for row, new_id in zip(rows, self._take_ids(table, len(rows)), strict=True):
                row.id = new_id
        s.flush()

    def _insert(self, model, rows: list[dict[str, Any]]) -> list[int]:
        """Insert ``rows`` into ``model``'s table in one executemany, numbering
        them (see _take_ids) and filling in uuid and timestamps.
        Returns the ids, in order."""
        if not rows:
            return []
        table = model.__table__
        now = utc_now()
        for row, new_id in zip(rows, self._take_ids(table, len(rows)), strict=True):
            row["id"] = new_id
            row["uuid"] = str(uuid.uuid4())
            row["created_at"] = row["updated_at"] = now
        if self.dialect == "postgresql":
            self._copy(table, rows)
        else:
            self.session.execute(insert(table), rows)
        return [row["id"] for row in rows]

    def _copy(self, table: Table, rows: list[dict[str, Any]]) -> None:
        """PostgreSQL: stream ``rows`` with COPY, inside the unit of work's
        transaction; each value goes through its column type's bind processing
        (enums to their stored values, ...) as an INSERT would."""
        dialect = self.session.get_bind().dialect
        names = list(rows[0])
        processors = [table.c[n].type._cached_bind_processor(dialect) for n in names]
        columns = ", ".join(f'"{n}"' for n in names)
        import psycopg  # the PostgreSQL driver (SQLAlchemy types it as bare DB-API)
        raw = cast(psycopg.Connection[Any], self.session.connection().connection.dbapi_connection)
        with raw.cursor() as cursor, cursor.copy(
                f'COPY "{table.name}" ({columns}) FROM STDIN') as copy:
            for row in rows:
                copy.write_row([
                    value if process is None or value is None else process(value)
                    for value, process in zip((row[n] for n in names), processors, strict=True)
                ])

    def _unit_id(self, name: str) -> int:
        k = key(name)
        return self.unit_ids[k] if k in self.unit_ids else self.units[k].id

    def _write(self, doc: DocumentDoc) -> None:
        s = self.session
        for ing in doc.ingredients:
            row = self._row(self.ingredients, ing.name, Ingredient)
            row.name, row.category = ing.name, ing.category
            row.density_g_per_ml, row.preferred_unit = ing.density_g_per_ml, display_unit_of(ing)
        for d in doc.recipes:
            row = self._row(self.recipes, d.name, Recipe, ingredient_lines=[], finished_units=[])
            row.name, row.category, row.notes = d.name, d.category, d.notes
        self._flush()
        bulk_lines: list[dict[str, Any]] = []
        bulk_units: list[tuple[str, dict[str, Any]]] = []
        for d in doc.recipes:
            if self._bulk_recipe(d):
                self._recipe_rows(d, bulk_lines, bulk_units)
            else:
                self._recipe_body(d)
        self._insert(RecipeIngredient, bulk_lines)
        ids = self._insert(FinishedUnit, [row for _, row in bulk_units])
        self.unit_ids.update(zip((k for k, _ in bulk_units), ids, strict=True))
        for gd in doc.finished_goods:
            row = self._row(self.goods, gd.name, FinishedGood, components=[])
            row.name, row.notes = gd.name, gd.notes
            row.per_guest = gd.per_guest
            if row.components:  # cleared first: a re-added component would clash
                row.components.clear()
        self._flush()
        bulk_components: list[dict[str, Any]] = []
        for gd in doc.finished_goods:
            good = self.goods[key(gd.name)]
            if self.bulk and (id(self.goods), key(gd.name)) in self.new_keys:
                bulk_components.extend(
                    {"finished_good_id": good.id,
                     "finished_unit_id": self._unit_id(c.unit) if c.unit is not None else None,
                     "component_good_id": (self.goods[key(c.good or "")].id
                                           if c.unit is None else None),
                     "quantity": c.quantity}
                    for c in gd.components
                )
                continue
            good.components = [
                FinishedGoodComponent(finished_unit_id=self._unit_id(c.unit), quantity=c.quantity)
                if c.unit is not None
                else FinishedGoodComponent(component_good=self.goods[key(c.good or "")],
                                           quantity=c.quantity)
                for c in gd.components
            ]
        self._insert(FinishedGoodComponent, bulk_components)
        self._pantry(doc)
        self._flush()
        write_packs(s, doc, self.ingredients, key)
        self._replace_events(doc.events)
        events = [(d, self._event(d)) for d in doc.events]
        s.add_all(event for _, event in events)
        self._flush()
        if self.bulk:
            self._event_rows(events)

    def _bulk_recipe(self, d) -> bool:
        """A recipe made by this import whose yields are all new units too."""
        return (self.bulk and (id(self.recipes), key(d.name)) in self.new_keys
                and all(key(y.name) not in self.units and key(y.name) not in self.unit_ids
                        for y in d.yields))

    def _recipe_rows(self, d, lines: list, units: list) -> None:
        row = self.recipes[key(d.name)]
        row.base_recipe = self.recipes[key(d.base)] if d.base else None
        lines.extend(
            {"recipe_id": row.id, "ingredient_id": self.ingredients[key(line.ingredient)].id,
             "quantity": line.quantity, "unit": line.unit}
            for line in d.ingredients
        )
        units.extend(
            (key(y.name), {"name": y.name, "recipe_id": row.id, "yield_mode": YieldMode(y.mode),
                           "items_per_batch": y.items_per_batch,
                           "batch_percentage": y.batch_percentage})
            for y in d.yields
        )

    def _recipe_body(self, d) -> None:
        row = self.recipes[key(d.name)]
        row.base_recipe = self.recipes[key(d.base)] if d.base else None
        row.ingredient_lines = [
            RecipeIngredient(ingredient=self.ingredients[key(line.ingredient)],
                             quantity=line.quantity, unit=line.unit)
            for line in d.ingredients
        ]
        units = []
        for y in d.yields:
            unit = self.units.get(key(y.name))
            if unit is None:
                unit = self.units[key(y.name)] = FinishedUnit()
            unit.name, unit.yield_mode = y.name, YieldMode(y.mode)
            unit.items_per_batch, unit.batch_percentage = y.items_per_batch, y.batch_percentage
            units.append(unit)
        row.finished_units = units

    def _pantry(self, doc: DocumentDoc) -> None:
        stock = {p.ingredient_id: p for p in self.session.scalars(select(PantryItem))}
        new: list[dict[str, Any]] = []
        for d in doc.pantry:
            ingredient = self.ingredients[key(d.ingredient)]
            item = stock.get(ingredient.id) if ingredient.id is not None else None
            if item is None and self.bulk:
                new.append({"ingredient_id": ingredient.id, "quantity": d.quantity,
                            "unit": d.unit})
                continue
            if item is None:
                item = PantryItem(ingredient=ingredient)
                self.session.add(item)
            else:
                self.updated += 1
            item.quantity, item.unit = d.quantity, d.unit
        self._insert(PantryItem, new)

    def _replace_events(self, events: list[EventDoc]) -> None:
        wanted = {(key(e.name), e.date) for e in events}
        if not wanted:
            return
        dates = {d for _, d in wanted}
        for event in self.session.scalars(select(Event).where(Event.event_date.in_(dates))):
            if (key(event.name), event.event_date) in wanted:
                self.session.delete(event)
                self.updated += 1
        self.session.flush()

    def _event(self, d: EventDoc) -> Event:
        event = Event(
            name=d.name, event_date=d.date, expected_attendees=d.expected_attendees,
            notes=d.notes, plan_state=PlanState(d.plan_state),
            output_mode=OutputMode(d.output_mode),
        )
        if not self.bulk:
            self._event_children(event, d)
        if d.snapshot is not None:
            event.plan_snapshot = PlanSnapshot(snapshot_data=d.snapshot)
        event.plan_amendments = [
            PlanAmendment(amendment_type=AmendmentType(a.type), reason=a.reason,
                          created_at=a.created_at, amendment_data=self._amendment_data(a))
            for a in d.amendments
        ]
        return event

    def _event_rows(self, events: list[tuple[EventDoc, Event]]) -> None:
        """The selections, decisions and runs of the (flushed) new events, with Core."""
        recipe, good = (lambda n: self.recipes[key(n)].id), (lambda n: self.goods[key(n)].id)
        chosen, goods, decisions, runs = [], [], [], []
        for d, event in events:
            chosen += [{"event_id": event.id, "recipe_id": recipe(n)} for n in d.recipes]
            goods += [{"event_id": event.id, "finished_good_id": good(x.good),
                       "quantity": x.quantity, "leftover": x.leftover} for x in d.finished_goods]
            decisions += [{"event_id": event.id, "recipe_id": recipe(x.recipe),
                           "batches": x.batches, "pinned": x.pinned,
                           "finished_unit_id": self._unit_id(x.yield_) if x.yield_ else None}
                          for x in d.batch_decisions]
            runs += [{"event_id": event.id, "recipe_id": recipe(x.recipe), "batches": x.batches,
                      "recorded_at": x.recorded_at, "notes": x.notes or None}
                     for x in d.production]
        self._insert(EventRecipe, chosen)
        self._insert(EventFinishedGood, goods)
        self._insert(BatchDecision, decisions)
        self._insert(ProductionRun, runs)

    def _event_children(self, event: Event, d: EventDoc) -> None:
        recipe, good = (lambda n: self.recipes[key(n)]), (lambda n: self.goods[key(n)])
        event.event_recipes = [EventRecipe(recipe=recipe(n)) for n in d.recipes]
        event.event_finished_goods = [
            EventFinishedGood(finished_good=good(x.good), quantity=x.quantity, leftover=x.leftover)
            for x in d.finished_goods
        ]
        event.batch_decisions = [
            BatchDecision(recipe=recipe(x.recipe), batches=x.batches, pinned=x.pinned,
                          finished_unit=self.units[key(x.yield_)] if x.yield_ else None)
            for x in d.batch_decisions
        ]
        event.production_runs = [
            ProductionRun(recipe=recipe(x.recipe), batches=x.batches,
                          recorded_at=x.recorded_at, notes=x.notes or None)
            for x in d.production
        ]

    def _amendment_data(self, a: AmendmentDoc) -> dict[str, Any]:
        return self._stored_data(a.data)

    def _stored_data(self, data: dict[str, Any]) -> dict[str, Any]:
        """Names → the ids the application stores beside the names, keeping the
        document's key order. A name that no longer resolves keeps a null id."""
        out: dict[str, Any] = {}
        for name, value in data.items():
            if name == "good":
                row = self.goods.get(key(value)) if isinstance(value, str) else None
                out["finished_good_id"] = row.id if row is not None else None
                out["finished_good_name"] = row.name if row is not None else value
            elif name == "recipe":
                recipe = self.recipes.get(key(value)) if isinstance(value, str) else None
                out["recipe_id"] = recipe.id if recipe is not None else None
                out["recipe_name"] = recipe.name if recipe is not None else value
            elif name in ("selected_recipes", "deselected_recipes"):
                stem = name.replace("_recipes", "_recipe")
                rows = [self.recipes.get(key(n)) if isinstance(n, str) else None for n in value]
                out[stem + "_ids"] = [r.id if r else None for r in rows]
                out[stem + "_names"] = [
                    r.name if r else n for r, n in zip(rows, value, strict=True)
                ]
            elif name == "batch_changes" and isinstance(value, list):
                out[name] = [self._stored_data(c) if isinstance(c, dict) else c for c in value]
            else:
                out[name] = value
        return out
