"""Reading the catalog as plain planning data: the one place each catalog
table is read for planning.

Private to src/services. Every function takes an open session and never
commits. Each table is read with one statement of selected columns (the Core
path: no ORM objects, no lazy loads), so a caller's statement count does not
grow with the catalog. :func:`load_plan_catalog` reads all of it (four
statements) and, given the database's :class:`PlanCache`, reuses the data
built from equal rows last time; the single-table loaders serve the services
that need one part.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from decimal import Decimal
from functools import cache
from typing import Any

from sqlalchemy import bindparam, literal, select, union_all
from sqlalchemy.orm import Session

from src.models import (
    AppSetting,
    FinishedGood,
    FinishedGoodComponent,
    FinishedUnit,
    Ingredient,
    PantryItem,
    PurchasePack,
    Recipe,
    RecipeIngredient,
)
from src.planning.aggregation import IngredientInfo, IngredientLine
from src.planning.costs import DEFAULT_CURRENCY
from src.planning.packs import Pack
from src.planning.plan_view import PlanCatalog
from src.planning.shopping import PantryLine
from src.planning.types import Component, Good, YieldType
from src.planning.variants import RecipeInfo

from ..settings import CURRENCY_KEY
from .cache import PlanCache

__all__ = [
    "driver_rows",
    "plain",
    "scaled_plain",
    "load_plan_catalog",
    "load_units",
    "load_goods",
    "load_recipe_lines",
]

_ONE = Decimal(1)


def plain(value: Decimal) -> Decimal:
    """``value`` without the storage scale's trailing zeros ("2.750000" → 2.75),
    never in exponent form."""
    value = Decimal(value)
    if value == value.to_integral_value():
        return value.quantize(_ONE)
    return value.normalize()


def scaled_plain(scaled: int, scale: int) -> Decimal:
    """``plain(Decimal(scaled).scaleb(-scale))``, with the trailing zeros
    dropped on the integer first (a third cheaper: no quantize or normalize)."""
    while scale and scaled % 10 == 0:
        scaled //= 10
        scale -= 1
    return Decimal(scaled).scaleb(-scale) if scale else Decimal(scaled)


class _Exact(dict[Any, Decimal]):
    """One exact-decimal column's values as the driver returns them
    (src.models.types.ExactDecimal: a scaled integer on SQLite, a Decimal
    elsewhere), made plain: ``exact[value]``. Each distinct value is converted
    once per read, on its first lookup; the others are a plain dict lookup."""

    def __init__(self, column: Any) -> None:
        super().__init__()
        self._column = column
        self._scale = column.type.digits.scale

    def __missing__(self, value: Any) -> Decimal:
        if type(value) is int:  # SQLite's scaled integer, the usual case
            found = scaled_plain(value, self._scale)
        elif isinstance(value, int) and not isinstance(value, bool):
            found = scaled_plain(int(value), self._scale)
        elif isinstance(value, Decimal):
            found = plain(value)
        else:
            raise ValueError(f"expected an exact number in {self._column}, got {value!r}")
        self[value] = found
        return found


_SQL: dict[tuple[Any, str], tuple[str, Any]] = {}


def driver_rows(
    session: Session, statement: Any, params: dict[str, Any] | None = None
) -> list[tuple[Any, ...]]:
    """The statement's rows as the database driver returns them: plain tuples,
    with none of SQLAlchemy's per-value processing (the builders below convert
    the few columns that need it). Still one statement through the session's
    connection and its events. The compiled text of each statement is kept
    per dialect (text, not data); a statement with ``params`` runs through
    SQLAlchemy's own compiled cache (its IN lists vary in length)."""
    connection = session.connection()
    if params is not None:
        found_rows = connection.execute(statement, params)
        try:
            return list(found_rows.cursor.fetchall())
        finally:
            found_rows.close()
    key = (statement, connection.dialect.name)
    found = _SQL.get(key)
    if found is None:
        compiled = statement.compile(dialect=connection.dialect)
        params = compiled.construct_params()
        args: Any = params
        if compiled.positional:
            args = tuple(params[name] for name in compiled.positiontup or ())
        found = _SQL[key] = (str(compiled), args)
    sql, args = found
    result = connection.exec_driver_sql(sql, args)
    try:
        return list(result.cursor.fetchall())
    finally:
        result.close()


def _cols(model: Any) -> Any:
    """The model's table columns: selecting them runs on the Core path, which
    skips the ORM's per-row processing (the catalog tables have thousands of rows)."""
    return model.__table__.c


# The statements (built once: constructing one costs more than running it).


@cache
def _recipes_statement() -> Any:
    r = _cols(Recipe)
    return select(r.id, r.name, r.category, r.base_recipe_id)


@cache
def _units_statement() -> Any:
    u = _cols(FinishedUnit)
    return select(u.id, u.recipe_id, u.name, u.yield_mode, u.items_per_batch, u.batch_percentage)


@cache
def _goods_statement() -> Any:
    g, c = _cols(FinishedGood), _cols(FinishedGoodComponent)
    return (
        select(g.id, g.name, c.id, c.quantity, c.finished_unit_id, c.component_good_id)
        .select_from(
            FinishedGood.__table__.outerjoin(
                FinishedGoodComponent.__table__, c.finished_good_id == g.id
            )
        )
        .order_by(g.id, c.id)
    )


@cache
def _lines_statement() -> Any:
    ri = _cols(RecipeIngredient)
    return (
        select(ri.recipe_id, ri.ingredient_id, ri.quantity, ri.unit)
        .where(ri.recipe_id.in_(bindparam("recipe_ids", expanding=True)))
        .order_by(ri.id)
    )


@cache
def _ingredients_statement() -> Any:
    """Ingredients with their pantry stock, purchase packs and the currency
    setting in one statement: three tagged row kinds padded to the same columns."""
    i, p = _cols(Ingredient), _cols(PantryItem)
    k, st = _cols(PurchasePack), _cols(AppSetting)

    def null(column: Any) -> Any:
        return literal(None, type_=column.type)

    return union_all(
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


# Building plain data from the rows (positions as in the statements above).


def _build_recipes(rows: list[Any]) -> dict[int, RecipeInfo]:
    return {r[0]: RecipeInfo(r[0], r[1], r[2] or "", r[3]) for r in rows}


def _build_units(rows: list[Any]) -> dict[int, YieldType]:
    p = _Exact(_cols(FinishedUnit).batch_percentage)
    return {
        r[0]: YieldType(r[0], r[1], r[2], str(r[3]), r[4], None if r[5] is None else p[r[5]])
        for r in rows
    }


def _build_goods(rows: list[Any]) -> dict[int, Good]:
    """Goods from ``goods LEFT JOIN components`` rows (ordered by good id, then
    component id)."""
    goods: dict[int, Good] = {}
    gid: int | None = None
    name = ""
    comps: list[Component] = []
    for row_gid, row_name, _cid, qty, unit_id, child_id in rows:
        if row_gid != gid:
            if gid is not None:
                goods[gid] = Good(gid, name, tuple(comps))
            gid, name, comps = row_gid, row_name, []
        if qty is not None:
            comps.append(Component(qty, unit_id, child_id))
    if gid is not None:
        goods[gid] = Good(gid, name, tuple(comps))
    return goods


def _build_ingredients(
    rows: list[Any],
) -> tuple[dict[int, IngredientInfo], list[PantryLine], dict[int, tuple[Pack, ...]], str]:
    """Ingredients and pantry lines (in pantry id order) from the tag-1 rows,
    purchase packs per ingredient (in the order entered) from the tag-2 rows
    and the currency symbol from a tag-3 row (see _ingredients_statement)."""
    p = _Exact(_cols(PantryItem).quantity)  # every exact column here has its scale
    ingredients: dict[int, IngredientInfo] = {}
    pantry: list[tuple[int, PantryLine]] = []
    packs: dict[int, list[tuple[int, int, Pack]]] = {}
    currency = DEFAULT_CURRENCY
    for tag, iid, name, category, density, preferred, pid, qty, unit, flag, position in rows:
        if tag == 3:
            currency = name
        elif tag == 2:  # name = label, category = store, density = price, preferred = unit
            pack = Pack(
                name,
                p[qty],
                preferred,
                None if density is None else p[density],
                category,
                bool(flag),
            )
            packs.setdefault(iid, []).append((position, pid, pack))
        else:
            if iid not in ingredients:
                ingredients[iid] = IngredientInfo(
                    iid,
                    name,
                    category or "",
                    None if density is None else p[density],
                    preferred,
                )
            if pid is not None:
                pantry.append((pid, PantryLine(iid, p[qty], unit)))
    pantry.sort(key=lambda x: x[0])
    by_ingredient = {
        iid: tuple(pk for _, _, pk in sorted(found))  # by (position, pack id): both unique
        for iid, found in packs.items()
    }
    return ingredients, [line for _, line in pantry], by_ingredient, currency


def _build_lines(rows: list[Any]) -> dict[int, list[IngredientLine]]:
    p = _Exact(_cols(RecipeIngredient).quantity)
    out: dict[int, list[IngredientLine]] = {}
    for rid, ing_id, qty, unit in rows:
        out.setdefault(rid, []).append(IngredientLine(ing_id, p[qty], unit))
    return out


def _read(
    session: Session,
    statement: Any,
    kind: str,
    build: Callable[[list[Any]], Any],
    cache: PlanCache | None,
) -> Any:
    found = driver_rows(session, statement)
    if cache is None:
        return build(list(found))
    return cache.built(kind, found, build)


def load_plan_catalog(session: Session, cache: PlanCache | None = None) -> PlanCatalog:
    """Recipes, yield types, goods with their components, ingredients with the
    pantry, purchase packs and the currency symbol (four statements). With
    ``cache``, data built from equal rows before is reused (read-only)."""
    recipes = _read(session, _recipes_statement(), "recipes", _build_recipes, cache)
    units = _read(session, _units_statement(), "units", _build_units, cache)
    goods = _read(session, _goods_statement(), "goods", _build_goods, cache)
    ingredients, pantry, packs, currency = _read(
        session, _ingredients_statement(), "ingredients", _build_ingredients, cache
    )
    return PlanCatalog(recipes, units, goods, ingredients, pantry, packs, currency)


def load_units(session: Session) -> dict[int, YieldType]:
    return _build_units(driver_rows(session, _units_statement()))


def load_goods(session: Session) -> dict[int, Good]:
    return _build_goods(driver_rows(session, _goods_statement()))


def load_recipe_lines(
    session: Session, recipe_ids: Iterable[int], cache: PlanCache | None = None
) -> dict[int, list[IngredientLine]]:
    """recipe id → its own ingredient lines (in entry order), for ``recipe_ids``
    only (one statement; none when there are no ids)."""
    wanted = sorted(set(recipe_ids))
    if not wanted:
        return {}
    found = driver_rows(session, _lines_statement(), {"recipe_ids": wanted})
    if cache is None:
        return _build_lines(found)
    return cache.built("lines", found, _build_lines)
