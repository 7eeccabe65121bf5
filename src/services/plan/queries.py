"""The plan view's loading: 9 statements in all, however large the catalog or plan.

Private to src/services. Every function takes an open session and never
commits, and reads with selected columns (no ORM objects, no lazy loads).

The catalog loaders (``load_plan_catalog``) keep the plain data built from
the last rows they read and return that same data again when the rows are
equal: the catalog rarely changes between two refreshes, and building
thousands of frozen dataclasses is most of the cost of a refresh. That data
is shared, so callers must treat it as read-only.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Generic, TypeVar

from sqlalchemy import literal, or_, select, union_all
from sqlalchemy.orm import Session

from src.models import (
    AppSetting,
    BatchDecision,
    Event,
    EventFinishedGood,
    EventRecipe,
    FinishedGood,
    FinishedGoodComponent,
    FinishedUnit,
    Ingredient,
    PantryItem,
    PlanSnapshot,
    PurchasePack,
    Recipe,
    RecipeIngredient,
)
from src.planning.aggregation import IngredientInfo, IngredientLine
from src.planning.costs import DEFAULT_CURRENCY
from src.planning.packs import Pack
from src.planning.shopping import PantryLine
from src.planning.types import Component, Good, YieldType

from ..errors import NotFoundError
from ..settings import CURRENCY_KEY
from .loading import EventRow, RecipeInfo, plain
from .memo import on_clear

__all__ = [
    "PlanCatalog",
    "EventChoices",
    "load_event_and_snapshot",
    "load_event_choices",
    "load_plan_catalog",
    "load_decided_recipe_lines",
]

T = TypeVar("T")

_PLAIN: dict[Decimal, Decimal] = {}
on_clear(_PLAIN.clear)


def _plain(value: Decimal) -> Decimal:
    """:func:`plain`, remembered per value: a catalog repeats a few hundred
    quantities thousands of times. Equal values give the same plain form (zero,
    whose sign would differ, is not remembered)."""
    found = _PLAIN.get(value)
    if found is None:
        found = plain(value)
        if value and len(_PLAIN) < 100_000:
            _PLAIN[value] = found
    return found


class _Memo(Generic[T]):
    """The plain data built from a loader's last rows, reused while the rows
    are equal. One entry, replaced whole, so concurrent callers see either
    the old or the new pair."""

    def __init__(self, build: Callable[[list[Any]], T]) -> None:
        self._build = build
        self._entry: tuple[list[Any], T] | None = None
        on_clear(self.clear)

    def clear(self) -> None:
        self._entry = None

    def __call__(self, found: Sequence[Any]) -> T:
        rows = list(map(tuple, found))  # plain tuples compare far faster than Rows
        entry = self._entry
        if entry is not None and entry[0] == rows:
            return entry[1]
        value = self._build(rows)
        self._entry = (rows, value)
        return value


def _cols(model):
    """The model's table columns: selecting them runs on the Core path, which
    skips the ORM's per-row processing (the catalog tables have thousands of rows)."""
    return model.__table__.c


@dataclass(frozen=True)
class PlanCatalog:
    """The catalog as plain planning data (shared between refreshes: read-only)."""

    recipes: dict[int, RecipeInfo]
    units: dict[int, YieldType]
    goods: dict[int, Good]
    ingredients: dict[int, IngredientInfo]
    pantry: list[PantryLine]
    packs: dict[int, tuple[Pack, ...]] = field(default_factory=dict)  # by ingredient id
    currency: str = DEFAULT_CURRENCY


@dataclass(frozen=True)
class EventChoices:
    """The event's selected recipes, finished-good lines and batch decisions."""

    selected: set[int]
    lines: dict[int, int]
    decisions: dict[int, tuple[int, int | None]]


def load_event_and_snapshot(session: Session, event_id: int) -> tuple[EventRow, dict | None]:
    """The event's row and its plan snapshot, if any (one statement)."""
    e, snap = Event.__table__.c, PlanSnapshot.__table__.c
    row = session.execute(
        select(
            e.id,
            e.name,
            e.event_date,
            e.expected_attendees,
            e.notes,
            e.plan_state,
            e.output_mode,
            snap.snapshot_data,
        )
        .select_from(Event.__table__.outerjoin(PlanSnapshot.__table__, snap.event_id == e.id))
        .where(e.id == event_id)
    ).first()
    if row is None:
        raise NotFoundError(f"Event {event_id} does not exist (it may have been deleted)")
    event = EventRow(row[0], row[1], row[2], row[3], row[4] or "", row[5], row[6].value)
    return event, row[7]


def load_event_choices(session: Session, event_id: int) -> EventChoices:
    """Selections, lines and decisions of the event in one statement: the three
    tables' rows tagged 1, 2, 3 and padded to the same columns."""
    er, efg, bd = (
        EventRecipe.__table__.c,
        EventFinishedGood.__table__.c,
        BatchDecision.__table__.c,
    )
    none = literal(None, type_=BatchDecision.__table__.c.finished_unit_id.type)
    rows = session.execute(
        union_all(
            select(literal(1), er.recipe_id, literal(0), none).where(er.event_id == event_id),
            select(literal(2), efg.finished_good_id, efg.quantity, none).where(
                efg.event_id == event_id
            ),
            select(literal(3), bd.recipe_id, bd.batches, bd.finished_unit_id).where(
                bd.event_id == event_id
            ),
        )
    ).all()
    selected: set[int] = set()
    lines: dict[int, int] = {}
    decisions: dict[int, tuple[int, int | None]] = {}
    for kind, key, number, unit_id in rows:
        if kind == 1:
            selected.add(key)
        elif kind == 2:
            lines[key] = number
        else:
            decisions[key] = (number, unit_id)
    return EventChoices(selected, lines, decisions)


def _build_recipes(rows: list[Any]) -> dict[int, RecipeInfo]:
    return {r[0]: RecipeInfo(r[0], r[1], r[2] or "", r[3]) for r in rows}


def _build_units(rows: list[Any]) -> dict[int, YieldType]:
    return {
        r[0]: YieldType(r[0], r[1], r[2], r[3].value, r[4], None if r[5] is None else _plain(r[5]))
        for r in rows
    }


def _build_goods(rows: list[Any]) -> dict[int, Good]:
    """Goods from ``goods LEFT JOIN components`` rows (components in id order)."""
    comps: dict[int, list[Component]] = {}
    names: dict[int, str] = {}
    for gid, name, _cid, qty, unit_id, child_id in rows:
        if gid not in names:
            names[gid] = name
            comps[gid] = []
        if qty is not None:
            comps[gid].append(Component(qty, unit_id, child_id))
    return {gid: Good(gid, name, tuple(comps[gid])) for gid, name in sorted(names.items())}


def _build_ingredients(rows: list[Any]) -> tuple[
    dict[int, IngredientInfo], list[PantryLine], dict[int, tuple[Pack, ...]], str
]:
    """Ingredients and pantry lines (in pantry id order) from the tag-1 rows
    (``ingredients LEFT JOIN pantry_items``), purchase packs per ingredient (in
    the order entered) from the tag-2 rows and the currency symbol from a tag-3
    row (see load_plan_catalog)."""
    ingredients: dict[int, IngredientInfo] = {}
    pantry: list[tuple[int, PantryLine]] = []
    packs: dict[int, list[tuple[int, int, Pack]]] = {}
    currency = DEFAULT_CURRENCY
    for tag, iid, name, category, density, preferred, pid, qty, unit, flag, position in rows:
        if tag == 3:
            currency = name
        elif tag == 2:  # name = label, category = store, density = price, preferred = unit
            pack = Pack(name, _plain(qty), preferred, None if density is None else _plain(density),
                        category, bool(flag))
            packs.setdefault(iid, []).append((position, pid, pack))
        else:
            if iid not in ingredients:
                ingredients[iid] = IngredientInfo(
                    iid, name, category or "", None if density is None else _plain(density),
                    preferred,
                )
            if pid is not None:
                pantry.append((pid, PantryLine(iid, _plain(qty), unit)))
    pantry.sort(key=lambda p: p[0])
    by_ingredient = {
        iid: tuple(p for _, _, p in sorted(found, key=lambda x: x[:2]))
        for iid, found in packs.items()
    }
    return ingredients, [line for _, line in pantry], by_ingredient, currency


_INGREDIENTS_STATEMENT: list[Any] = []
on_clear(_INGREDIENTS_STATEMENT.clear)


def _ingredients_statement() -> Any:
    """Ingredients with their pantry stock, purchase packs and the currency
    setting in one statement: three tagged row kinds padded to the same columns
    (built once: constructing it costs more than running it)."""
    if _INGREDIENTS_STATEMENT:
        return _INGREDIENTS_STATEMENT[0]
    i, p = _cols(Ingredient), _cols(PantryItem)
    k, st = _cols(PurchasePack), _cols(AppSetting)

    def null(column):
        return literal(None, type_=column.type)

    statement = union_all(
        select(literal(1), i.id, i.name, i.category, i.density_g_per_ml,
               i.preferred_unit, p.id, p.quantity, p.unit, null(k.preferred),
               null(k.position)).select_from(
            Ingredient.__table__.outerjoin(PantryItem.__table__, p.ingredient_id == i.id)
        ),
        select(literal(2), k.ingredient_id, k.label, k.store, k.price, k.unit, k.id,
               k.quantity, null(p.unit), k.preferred, k.position),
        select(literal(3), null(i.id), st.value, null(i.category),
               null(i.density_g_per_ml), null(i.preferred_unit), null(p.id),
               null(p.quantity), null(p.unit), null(k.preferred),
               null(k.position)).where(st.key == CURRENCY_KEY),
    )  # fmt: skip
    _INGREDIENTS_STATEMENT.append(statement)
    return statement


_recipes_memo = _Memo(_build_recipes)
_units_memo = _Memo(_build_units)
_goods_memo = _Memo(_build_goods)
_ingredients_memo = _Memo(_build_ingredients)


def load_plan_catalog(session: Session) -> PlanCatalog:
    """Recipes, yield types, goods with their components, ingredients with the
    pantry, purchase packs and the currency symbol (four statements; see the
    module docstring on reuse)."""
    r, u = _cols(Recipe), _cols(FinishedUnit)
    g, c = _cols(FinishedGood), _cols(FinishedGoodComponent)
    recipes = _recipes_memo(
        session.execute(select(r.id, r.name, r.category, r.base_recipe_id)).all()
    )
    units = _units_memo(
        session.execute(
            select(u.id, u.recipe_id, u.name, u.yield_mode, u.items_per_batch, u.batch_percentage)
        ).all()
    )
    goods = _goods_memo(
        session.execute(
            select(g.id, g.name, c.id, c.quantity, c.finished_unit_id, c.component_good_id)
            .select_from(
                FinishedGood.__table__.outerjoin(
                    FinishedGoodComponent.__table__, c.finished_good_id == g.id
                )
            )
            .order_by(g.id, c.id)
        ).all()
    )
    ingredients, pantry, packs, currency = _ingredients_memo(
        session.execute(_ingredients_statement()).all()
    )
    return PlanCatalog(recipes, units, goods, ingredients, pantry, packs, currency)


def _build_recipe_lines(rows: list[Any]) -> dict[int, list[IngredientLine]]:
    out: dict[int, list[IngredientLine]] = {}
    for rid, ing_id, qty, unit in rows:
        out.setdefault(rid, []).append(IngredientLine(ing_id, _plain(qty), unit))
    return out


_recipe_lines_memo = _Memo(_build_recipe_lines)


def load_decided_recipe_lines(session: Session, event_id: int) -> dict[int, list[IngredientLine]]:
    """recipe id → own ingredient lines (in entry order) of the event's decided
    and selected recipes (selected ones for their costs) and of every base they
    inherit from, through any depth (one statement: a recursive query climbs
    the base chains)."""
    bd, r, ri = _cols(BatchDecision), _cols(Recipe), _cols(RecipeIngredient)
    er = _cols(EventRecipe)
    chain = (
        select(r.id.label("rid"))
        .where(
            or_(
                r.id.in_(select(bd.recipe_id).where(bd.event_id == event_id)),
                r.id.in_(select(er.recipe_id).where(er.event_id == event_id)),
            )
        )
        .cte("chain", recursive=True)
    )
    chain = chain.union(
        select(r.base_recipe_id).where(r.id == chain.c.rid, r.base_recipe_id.is_not(None))
    )
    rows = session.execute(
        select(ri.recipe_id, ri.ingredient_id, ri.quantity, ri.unit)
        .where(ri.recipe_id.in_(select(chain.c.rid)))
        .order_by(ri.id)
    ).all()
    return _recipe_lines_memo(rows)
