"""Import and export of the exchange document (EXCHANGE.md): the public service.

``export_document`` / ``export_to_file`` write the whole database;
``import_document`` / ``import_file`` check the WHOLE document first (shape,
references, plan rules) and then write everything in one transaction, or
nothing at all, raising :class:`ExchangeError` with every problem found.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import func, inspect, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, selectinload

from src.db import Database
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

from .errors import ServiceError
from .exchange_export import build_document
from .exchange_import import check_references, key, load_existing
from .exchange_problems import parse_document
from .exchange_schema import AmendmentDoc, DocumentDoc, EventDoc


class ExchangeError(ServiceError):
    """A document that cannot be imported (or a file that cannot be read or
    written). ``problems`` lists every problem as ``location: message``."""

    def __init__(self, problems: list[str], message: str | None = None) -> None:
        self.problems = list(problems)
        if message is None:
            count = len(self.problems)
            message = f"Nothing was imported: {self.problems[0]}" + (
                f" (and {count - 1} more problem{'s' if count > 2 else ''})" if count > 1 else ""
            )
        super().__init__(message)


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


def export_document(db: Database) -> dict[str, Any]:
    """The whole database as a version-1 document; the same data always gives
    the same document (lists in a fixed order)."""
    with db.uow() as session:
        return build_document(session)


def document_text(document: dict[str, Any]) -> str:
    """The document as the file holds it (UTF-8 JSON, two-space indent, final newline)."""
    return json.dumps(document, indent=2, ensure_ascii=False, sort_keys=False) + "\n"


def export_to_file(db: Database, path: str | os.PathLike[str]) -> Path:
    """Write the whole database to ``path``; ExchangeError when it cannot be written."""
    target = Path(path)
    text = document_text(export_document(db))
    if target.is_dir():
        raise ExchangeError([], f"{target} is a folder; give a file name to export to")
    try:
        target.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise ExchangeError([], f"cannot write {target}: {exc.strerror or exc}") from exc
    return target


def parse_text(text: str) -> object:
    """JSON text to data, or ExchangeError("not JSON: … at line L column C")."""

    def refuse_constant(name: str) -> None:
        raise ValueError(f"{name} is not allowed")

    try:
        return json.loads(text, parse_constant=refuse_constant)
    except json.JSONDecodeError as exc:
        problem = f"not JSON: {exc.msg} at line {exc.lineno} column {exc.colno}"
    except RecursionError:
        problem = "not JSON: nested too deeply"
    except ValueError as exc:  # NaN / Infinity, or an integer with thousands of digits
        problem = f"not JSON: {exc}"
    raise ExchangeError([problem])


def read_file(path: str | os.PathLike[str]) -> object:
    """The JSON data in ``path``; ExchangeError for an unreadable or non-JSON file."""
    source = Path(path)
    if source.is_dir():
        raise ExchangeError([f"{source} is a folder, not a file"])
    try:
        raw = source.read_bytes()
    except OSError as exc:
        raise ExchangeError([f"cannot read {source}: {exc.strerror or exc}"]) from exc
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ExchangeError([f"not JSON: not UTF-8 text (byte {exc.start})"]) from None
    return parse_text(text)


def _validated(session: Session, document: object, replace: bool) -> DocumentDoc:
    if not isinstance(document, dict):
        kind = {list: "a list", str: "text", type(None): "null"}.get(type(document), "not one")
        raise ExchangeError([f"document: must be a JSON object ({kind} given)"])
    parsed, problems = parse_document(document)
    if parsed is None:
        raise ExchangeError(problems)
    problems = check_references(parsed, load_existing(session), replace)
    if problems:
        raise ExchangeError(problems)
    return parsed


def import_document(db: Database, document: object, *, replace: bool = False) -> ImportResult:
    """Import ``document`` (parsed JSON) all-or-nothing.

    Every problem is reported at once in ExchangeError.problems and nothing
    is written. Names already in the database are conflicts unless
    ``replace``: then those things are updated in place, and events with the
    same name and date are replaced."""
    with db.uow() as session:
        parsed = _validated(session, document, replace)
        try:
            return _Writer(session).write(parsed)
        except IntegrityError as exc:
            raise ExchangeError([
                "database: the document clashes with data in the database (for example a "
                "yield type it drops is still used by a finished good that is not in the "
                f"document): {str(exc.orig).splitlines()[0]}"
            ]) from exc


def import_file(
    db: Database, path: str | os.PathLike[str], *, replace: bool = False
) -> ImportResult:
    """Read ``path`` and import it (see :func:`import_document`)."""
    return import_document(db, read_file(path), replace=replace)


class _Writer:
    """Writes a checked document through the ORM inside the caller's transaction."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.updated = 0
        s = session
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

    def _flush(self) -> None:
        """Flush, first numbering the new rows the way SQLite would (max(id) + 1 on,
        in the order they were added; the tables have no AUTOINCREMENT). Without
        ids the ORM must insert row by row to read each id back; with them it
        inserts each table in one executemany. The unit of work holds the
        write lock (BEGIN IMMEDIATE), so no one else can take these ids."""
        s = self.session
        if s.get_bind().dialect.name != "sqlite":
            # Elsewhere ids come from sequences, which must not be bypassed.
            s.flush()
            return
        states = sorted((inspect(obj) for obj in s.new), key=lambda st: st.insert_order)
        next_id: dict[Any, int] = {}
        for st in states:
            row = st.object
            if row is None or row.id is not None:
                continue
            table = st.mapper.local_table
            if table not in next_id:
                next_id[table] = s.scalar(select(func.max(table.c.id))) or 0
            next_id[table] += 1
            row.id = next_id[table]
        s.flush()

    def _write(self, doc: DocumentDoc) -> None:
        s = self.session
        for d in doc.ingredients:
            row = self._row(self.ingredients, d.name, Ingredient)
            row.name, row.category = d.name, d.category
            row.density_g_per_ml, row.preferred_unit = d.density_g_per_ml, d.preferred_unit
        for d in doc.recipes:
            row = self._row(self.recipes, d.name, Recipe, ingredient_lines=[], finished_units=[])
            row.name, row.category, row.notes = d.name, d.category, d.notes
        self._flush()
        for d in doc.recipes:
            self._recipe_body(d)
        for d in doc.finished_goods:
            row = self._row(self.goods, d.name, FinishedGood, components=[])
            row.name, row.notes = d.name, d.notes
            if row.components:  # cleared first: a re-added component would clash
                row.components.clear()
        self._flush()
        for d in doc.finished_goods:
            self.goods[key(d.name)].components = [
                FinishedGoodComponent(finished_unit=self.units[key(c.unit)], quantity=c.quantity)
                if c.unit is not None
                else FinishedGoodComponent(component_good=self.goods[key(c.good or "")],
                                           quantity=c.quantity)
                for c in d.components
            ]
        self._pantry(doc)
        self._flush()
        self._replace_events(doc.events)
        for d in doc.events:
            s.add(self._event(d))
        self._flush()

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
        for d in doc.pantry:
            ingredient = self.ingredients[key(d.ingredient)]
            item = stock.get(ingredient.id) if ingredient.id is not None else None
            if item is None:
                item = PantryItem(ingredient=ingredient)
                self.session.add(item)
            else:
                self.updated += 1
            item.quantity, item.unit = d.quantity, d.unit

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
        recipe, good = (lambda n: self.recipes[key(n)]), (lambda n: self.goods[key(n)])
        event = Event(
            name=d.name, event_date=d.date, expected_attendees=d.expected_attendees,
            notes=d.notes, plan_state=PlanState(d.plan_state),
            output_mode=OutputMode(d.output_mode),
        )
        event.event_recipes = [EventRecipe(recipe=recipe(n)) for n in d.recipes]
        event.event_finished_goods = [
            EventFinishedGood(finished_good=good(x.good), quantity=x.quantity)
            for x in d.finished_goods
        ]
        event.batch_decisions = [
            BatchDecision(recipe=recipe(x.recipe), batches=x.batches,
                          finished_unit=self.units[key(x.yield_)] if x.yield_ else None)
            for x in d.batch_decisions
        ]
        event.production_runs = [
            ProductionRun(recipe=recipe(x.recipe), batches=x.batches,
                          recorded_at=x.recorded_at, notes=x.notes or None)
            for x in d.production
        ]
        if d.snapshot is not None:
            event.plan_snapshot = PlanSnapshot(snapshot_data=d.snapshot)
        event.plan_amendments = [
            PlanAmendment(amendment_type=AmendmentType(a.type), reason=a.reason,
                          created_at=a.created_at, amendment_data=self._amendment_data(a))
            for a in d.amendments
        ]
        return event

    def _amendment_data(self, a: AmendmentDoc) -> dict[str, Any]:
        """Names → the ids the application stores beside the names, keeping the
        document's key order. A name that no longer resolves keeps a null id."""
        out: dict[str, Any] = {}
        for name, value in a.data.items():
            if name == "good":
                row = self.goods.get(key(value)) if isinstance(value, str) else None
                out["finished_good_id"] = row.id if row is not None else None
                out["finished_good_name"] = row.name if row is not None else value
            elif name == "recipe":
                row = self.recipes.get(key(value)) if isinstance(value, str) else None
                out["recipe_id"] = row.id if row is not None else None
                out["recipe_name"] = row.name if row is not None else value
            elif name == "selected_recipes":
                rows = [self.recipes.get(key(n)) if isinstance(n, str) else None for n in value]
                out["selected_recipe_ids"] = [r.id if r else None for r in rows]
                out["selected_recipe_names"] = [
                    r.name if r else n for r, n in zip(rows, value, strict=True)
                ]
            else:
                out[name] = value
        return out
