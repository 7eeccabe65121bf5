"""Checking an exchange document's references against itself and the database.

Runs after the shape check (exchange_schema). Names resolve ignoring case,
first in the document, then among what the database already holds (so a file
of events may use recipes already in the catalog). Every problem is collected
with its location; nothing here writes (``exchange`` writes once all is well).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from src.models import Event, FinishedGood, FinishedUnit, Ingredient, PlanState, Recipe
from src.planning.decomposition import find_cycle, recipes_of_goods
from src.planning.types import BATCH_PORTION, DISCRETE_COUNT, Component, Good, YieldType

from ..validation import name_key
from .packs import pack_problems
from .replay import replay_problem
from .schema import COUNT_MAX, AmendmentDoc, DocumentDoc, EventDoc

_STARTED = (PlanState.IN_PRODUCTION.value, PlanState.COMPLETED.value)


def key(name: str) -> str:
    """Names are compared ignoring case and Unicode normalisation, as the catalog does."""
    return name_key(name)


@dataclass
class Catalog:
    """What names can refer to once the document is imported: keys → canonical data."""

    ingredients: dict[str, str] = field(default_factory=dict)
    recipes: dict[str, str] = field(default_factory=dict)
    bases: dict[str, str | None] = field(default_factory=dict)  # recipe key → base key
    units: dict[str, tuple[str, str, int | None, object]] = field(default_factory=dict)
    unit_recipe: dict[str, str] = field(default_factory=dict)  # unit key → recipe key
    goods: dict[str, str] = field(default_factory=dict)
    components: dict[str, list[tuple[str, str, int]]] = field(default_factory=dict)


@dataclass(frozen=True)
class Existing:
    """Names the database holds before the import (keys → canonical names)."""

    catalog: Catalog
    unit_owner: dict[str, str]  # unit key → recipe key that owns it
    events: set[tuple[str, str]]  # (name key, ISO date)


def load_existing(session: Session) -> Existing:
    """The database's names, in six queries.

    On a shared server another computer may commit between them, so rows are
    read before the rows they refer to (goods and their components, then yield
    types, then recipes): what a row refers to was there when it was read and
    cannot be deleted while it is referred to. A reference that still finds
    nothing (both deleted meanwhile) is left out of the checks."""
    cat = Catalog()
    goods = session.scalars(
        select(FinishedGood).options(selectinload(FinishedGood.components))).all()
    units = session.scalars(select(FinishedUnit)).all()
    recipes = session.scalars(select(Recipe)).all()
    for ing in session.scalars(select(Ingredient)):
        cat.ingredients[key(ing.name)] = ing.name
    by_id = {r.id: r for r in recipes}
    for r in recipes:
        cat.recipes[key(r.name)] = r.name
        base = by_id.get(r.base_recipe_id) if r.base_recipe_id else None
        cat.bases[key(r.name)] = key(base.name) if base else None
    unit_by_id = {}
    for u in units:
        if u.recipe_id not in by_id:
            continue
        rkey = key(by_id[u.recipe_id].name)
        cat.units[key(u.name)] = (u.name, u.yield_mode.value, u.items_per_batch, u.batch_percentage)
        cat.unit_recipe[key(u.name)] = rkey
        unit_by_id[u.id] = u.name
    good_by_id = {g.id: g for g in goods}
    for g in goods:
        cat.goods[key(g.name)] = g.name
        parts = []
        for c in g.components:
            if c.finished_unit_id is not None and c.finished_unit_id in unit_by_id:
                parts.append(("unit", key(unit_by_id[c.finished_unit_id]), c.quantity))
            elif c.component_good_id is not None and c.component_good_id in good_by_id:
                parts.append(("good", key(good_by_id[c.component_good_id].name), c.quantity))
        cat.components[key(g.name)] = parts
    events = {(key(n), d.isoformat()) for n, d in session.execute(
        select(Event.name, Event.event_date))}
    return Existing(cat, dict(cat.unit_recipe), events)


class Checker:
    """Collects ``location: message`` problems for one document."""

    def __init__(self, doc: DocumentDoc, existing: Existing, replace: bool) -> None:
        self.doc, self.existing, self.replace = doc, existing, replace
        self.problems: list[str] = []
        self.cat = Catalog(**{k: dict(v) for k, v in vars(existing.catalog).items()})
        self._reach: tuple[dict, dict[str, int], dict[int, str]] | None = None

    def add(self, where: str, message: str) -> None:
        self.problems.append(f"{where}: {message}")

    def run(self) -> list[str]:
        self._names()
        self._merge()
        self._recipes()
        self._goods()
        self._pantry()
        for i, event in enumerate(self.doc.events):
            self._event(f"events[{i}]", event)
        self.problems.extend(pack_problems(self.doc))
        return self.problems

    # -- names: unique in the document, free in the database (unless replacing)
    def _unique(self, section: str, what: str, names: list[str], existing: dict[str, str]):
        seen: dict[str, int] = {}
        for i, name in enumerate(names):
            k = key(name)
            if k in seen:
                self.add(f"{section}[{i}].name", f'"{name}" is listed twice (also {section}'
                         f"[{seen[k]}])")
            seen[k] = i
            if k in existing and not self.replace:
                self.add(f"{section}[{i}].name", f'{what} named "{existing[k]}" already exists')

    def _names(self) -> None:
        doc, old = self.doc, self.existing.catalog
        self._unique("ingredients", "an ingredient", [x.name for x in doc.ingredients],
                     old.ingredients)
        self._unique("recipes", "a recipe", [x.name for x in doc.recipes], old.recipes)
        doc_recipes = {key(r.name) for r in doc.recipes}
        seen: dict[str, str] = {}
        for i, recipe in enumerate(doc.recipes):
            for j, y in enumerate(recipe.yields):
                where, k = f"recipes[{i}].yields[{j}].name", key(y.name)
                if k in seen:
                    self.add(where, f'"{y.name}" is listed twice (also {seen[k]})')
                seen[k] = where
                owner = self.existing.unit_owner.get(k)
                # A clash with the recipe's own yields is already reported as the recipe's.
                if owner not in (None, key(recipe.name)) and not (
                    self.replace and owner in doc_recipes
                ):
                    self.add(where, f'a yield type named "{old.units[k][0]}" already exists')
        self._unique("finished_goods", "a finished good", [x.name for x in doc.finished_goods],
                     old.goods)
        events = Counter((key(e.name), e.date.isoformat()) for e in doc.events)
        for i, e in enumerate(doc.events):
            ident = (key(e.name), e.date.isoformat())
            if events[ident] > 1:
                self.add(f"events[{i}]", f'"{e.name}" on {ident[1]} is listed more than once')
            if ident in self.existing.events and not self.replace:
                self.add(f"events[{i}].name",
                         f'an event named "{e.name}" on {ident[1]} already exists')

    def _merge(self) -> None:
        cat = self.cat
        for ing in self.doc.ingredients:
            cat.ingredients[key(ing.name)] = ing.name
        for r in self.doc.recipes:
            rk = key(r.name)
            # A replaced recipe loses the yields the document no longer lists.
            for uk in [u for u, owner in cat.unit_recipe.items() if owner == rk]:
                del cat.unit_recipe[uk], cat.units[uk]
            cat.recipes[rk] = r.name
            cat.bases[rk] = key(r.base) if r.base else None
            for y in r.yields:
                cat.units[key(y.name)] = (y.name, y.mode, y.items_per_batch, y.batch_percentage)
                cat.unit_recipe[key(y.name)] = rk
        for g in self.doc.finished_goods:
            cat.goods[key(g.name)] = g.name
            cat.components[key(g.name)] = [
                ("unit", key(c.unit), c.quantity) if c.unit is not None
                else ("good", key(c.good or ""), c.quantity)
                for c in g.components
            ]

    def _missing(self, where: str, what: str, name: str, pool: dict[str, str]) -> bool:
        if key(name) not in pool:
            self.add(where, f'no {what} named "{name}"')
            return True
        return False

    def _recipes(self) -> None:
        cat = self.cat
        doc_keys = {key(r.name) for r in self.doc.recipes}
        for i, r in enumerate(self.doc.recipes):
            where, rk = f"recipes[{i}]", key(r.name)
            if r.base is not None and not self._missing(f"{where}.base", "recipe", r.base,
                                                         cat.recipes):
                bk = key(r.base)
                if bk == rk:
                    self.add(f"{where}.base", "a recipe cannot be a variant of itself")
                elif cat.bases.get(bk) is not None:
                    self.add(f"{where}.base", f'"{cat.recipes[bk]}" is itself a variant; '
                             "a variant's base must be a base recipe")
                # Variants in the document are reported at their own base; these are
                # the database's variants of a recipe the document turns into a variant.
                variants = sorted(cat.recipes[k] for k, b in cat.bases.items()
                                  if b == rk and k not in doc_keys)
                if variants:
                    self.add(f"{where}.base", f'"{r.name}" has variants of its own '
                             f'({", ".join(variants)}), so it cannot be a variant')
            for j, line in enumerate(r.ingredients):
                self._missing(f"{where}.ingredients[{j}].ingredient", "ingredient",
                              line.ingredient, cat.ingredients)
            for j, y in enumerate(r.yields):
                yw = f"{where}.yields[{j}]"
                if y.mode == DISCRETE_COUNT:
                    if y.items_per_batch is None:
                        self.add(f"{yw}.items_per_batch", "is required for discrete_count")
                    if y.batch_percentage is not None:
                        self.add(f"{yw}.batch_percentage", "is only for batch_portion")
                elif y.mode == BATCH_PORTION:
                    if y.batch_percentage is None:
                        self.add(f"{yw}.batch_percentage", "is required for batch_portion")
                    if y.items_per_batch is not None:
                        self.add(f"{yw}.items_per_batch", "is only for discrete_count")

    def _goods(self) -> None:
        cat = self.cat
        for i, g in enumerate(self.doc.finished_goods):
            seen: set[tuple[str, str]] = set()
            for j, c in enumerate(g.components):
                where = f"finished_goods[{i}].components[{j}]"
                if (c.unit is None) == (c.good is None):
                    self.add(where, 'needs exactly one of "unit" or "good"')
                    continue
                if c.unit is not None:
                    kind, name = "unit", c.unit
                else:
                    assert c.good is not None  # exactly one of the two (checked above)
                    kind, name = "good", c.good
                pool = cat.units if kind == "unit" else cat.goods
                what = "yield type" if kind == "unit" else "finished good"
                if key(name) not in pool:
                    self.add(f"{where}.{kind}", f'no {what} named "{name}"')
                elif (kind, key(name)) in seen:
                    self.add(f"{where}.{kind}", f'"{name}" is listed twice in this good')
                seen.add((kind, key(name)))
        cycle = find_cycle(self._plain_goods()[0])
        if cycle:
            self.add("finished_goods", "cycle " + " → ".join(cycle))

    def _plain_goods(self) -> tuple[dict[int, Good], dict[int, YieldType], dict[str, int]]:
        """The merged catalog as planning types with stand-in ids (for cycles, availability)."""
        cat = self.cat
        # Stand-in ids follow the database's then the document's order, so a cycle is
        # named starting from the good that comes first in the file.
        gid = {k: n for n, k in enumerate(cat.goods, start=1)}
        uid = {k: n for n, k in enumerate(cat.units, start=1)}
        rid = {k: n for n, k in enumerate(cat.recipes, start=1)}
        goods = {}
        for gk, comps in cat.components.items():
            parts = [
                Component(min(q, COUNT_MAX), unit_id=uid[k]) if kind == "unit"
                else Component(min(q, COUNT_MAX), good_id=gid[k])
                for kind, k, q in comps
                if (uid if kind == "unit" else gid).get(k) is not None
            ]
            goods[gid[gk]] = Good(gid[gk], cat.goods[gk], tuple(parts))
        units = {
            uid[k]: YieldType(
                uid[k], rid.get(cat.unit_recipe[k], 0), v[0], BATCH_PORTION, None, Decimal(1)
            )
            for k, v in cat.units.items()
        }
        return goods, units, {**{f"g:{k}": v for k, v in gid.items()},
                              **{f"r:{k}": v for k, v in rid.items()}}

    def _pantry(self) -> None:
        seen: dict[str, int] = {}
        for i, p in enumerate(self.doc.pantry):
            where = f"pantry[{i}].ingredient"
            if self._missing(where, "ingredient", p.ingredient, self.cat.ingredients):
                continue
            if key(p.ingredient) in seen:
                self.add(where, f'"{p.ingredient}" is listed twice (also pantry'
                         f"[{seen[key(p.ingredient)]}])")
            seen[key(p.ingredient)] = i

    def _event(self, where: str, e: EventDoc) -> None:
        cat = self.cat
        selected: set[str] = set()
        for j, name in enumerate(e.recipes):
            if self._missing(f"{where}.recipes[{j}]", "recipe", name, cat.recipes):
                continue
            if key(name) in selected:
                self.add(f"{where}.recipes[{j}]", f'"{name}" is listed twice')
            selected.add(key(name))
        self._lines(where, e, selected)
        decided: set[str] = set()
        for j, d in enumerate(e.batch_decisions):
            dw = f"{where}.batch_decisions[{j}]"
            if self._missing(f"{dw}.recipe", "recipe", d.recipe, cat.recipes):
                continue
            rk = key(d.recipe)
            if rk not in selected:
                self.add(f"{dw}.recipe", f'"{d.recipe}" is not a selected recipe of this event')
            if rk in decided:
                self.add(f"{dw}.recipe", f'"{d.recipe}" has more than one decision')
            decided.add(rk)
            if d.yield_ is not None and cat.unit_recipe.get(key(d.yield_)) != rk:
                self.add(f"{dw}.yield", f'"{d.yield_}" is not a yield type of "{d.recipe}"')
        started = e.plan_state in _STARTED
        for j, run in enumerate(e.production):
            self._missing(f"{where}.production[{j}].recipe", "recipe", run.recipe, cat.recipes)
        if not started:
            for part, present in (("production", e.production), ("snapshot", e.snapshot),
                                  ("amendments", e.amendments)):
                if present:
                    self.add(f"{where}.{part}",
                             f"only a plan in production or completed has {part}; "
                             f'this one is "{e.plan_state}"')
        elif e.snapshot is None:
            self.add(f"{where}.snapshot", "a plan in production or completed needs the "
                     "snapshot taken when production started")
        for j, amendment in enumerate(e.amendments):
            self._amendment(f"{where}.amendments[{j}]", amendment)
        if started and not any(p.startswith(where + ".") for p in self.problems):
            problem = replay_problem(where, e)
            if problem:
                self.problems.append(problem)

    def _reachable(self) -> tuple[dict, dict[str, int], dict[int, str]]:
        """Good id → recipe ids it reaches, the stand-in ids, recipe names (computed once)."""
        if self._reach is None:
            goods, units, ids = self._plain_goods()
            try:
                reach = recipes_of_goods(goods, units) if not find_cycle(goods) else {}
            except ValueError:
                reach = {}
            names = {v: self.cat.recipes[k[2:]] for k, v in ids.items() if k.startswith("r:")}
            self._reach = (reach, ids, names)
        return self._reach

    def _lines(self, where: str, e: EventDoc, selected: set[str]) -> None:
        cat = self.cat
        reach, ids, names_by_rid = self._reachable()
        seen: set[str] = set()
        for j, line in enumerate(e.finished_goods):
            lw = f"{where}.finished_goods[{j}].good"
            if line.leftover is not None and line.leftover > line.quantity:
                self.add(f"{where}.finished_goods[{j}].leftover",
                         f"{line.leftover} left over is more than the {line.quantity} planned")
            if self._missing(lw, "finished good", line.good, cat.goods):
                continue
            if key(line.good) in seen:
                self.add(lw, f'"{line.good}" is listed twice')
            seen.add(key(line.good))
            needed = reach.get(ids[f"g:{key(line.good)}"], frozenset())
            missing = sorted(names_by_rid[r] for r in needed
                             if r in names_by_rid and key(names_by_rid[r]) not in selected)
            if missing:
                self.add(lw, f'"{line.good}" needs recipes that are not selected for this '
                         f"event: {', '.join(missing)}")

    def _amendment(self, where: str, a: AmendmentDoc) -> None:
        """Amendments are history: names are checked for type only, since the thing
        may since have been renamed or deleted (the stored name is kept)."""
        data = a.data
        names = {"drop_fg": "good", "add_fg": "good", "modify_fg": "good",
                 "modify_batch": "recipe"}[a.type]
        counts = {"drop_fg": ("original_quantity",), "add_fg": ("quantity",),
                  "modify_fg": ("original_quantity", "quantity"),
                  "modify_batch": ("original_batches", "new_batches")}[a.type]
        if not isinstance(data.get(names), str):
            self.add(f"{where}.data.{names}", "must be text")
        for count_key in counts:
            value = data.get(count_key)
            if count_key == "original_batches" and value is None:
                continue  # the recipe had no decision before the amendment
            if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= COUNT_MAX:
                self.add(f"{where}.data.{count_key}", "must be a whole number ≥ 1")
        if a.type == "add_fg":
            listed = data.get("selected_recipes", [])
            if not isinstance(listed, list):
                self.add(f"{where}.data.selected_recipes", "must be a list")
                return
            for j, name in enumerate(listed):
                if not isinstance(name, str):
                    self.add(f"{where}.data.selected_recipes[{j}]", "must be text")


def check_references(doc: DocumentDoc, existing: Existing, replace: bool) -> list[str]:
    """Every reference, uniqueness and plan-rule problem of ``doc``, with locations."""
    return Checker(doc, existing, replace).run()
