"""The catalog lists load in a bounded number of queries, fast, and everything
saved survives reopening the database file."""

from __future__ import annotations

from contextlib import contextmanager
from decimal import Decimal

from sqlalchemy import event

from src.db import open_database
from src.models import (
    FinishedGood,
    FinishedGoodComponent,
    FinishedUnit,
    Ingredient,
    Recipe,
    RecipeIngredient,
    YieldMode,
)
from src.services import catalog
from src.services.catalog.dto import ComponentInput, LineInput, RecipeInput, YieldInput


def _fill(db, size: int, offset: int = 0) -> None:
    """``size`` bases, each with a variant, lines, a yield type, a single good
    and a bundle that nests the previous bundle (in chains of five)."""
    with db.uow() as session:
        flour = Ingredient(name=f"Flour {offset}")
        butter = Ingredient(name=f"Butter {offset}")
        session.add_all([flour, butter])
        previous = None
        for i in range(offset, offset + size):
            base = Recipe(name=f"Recipe {i:05d}", category="Cookies")
            base.ingredient_lines = [
                RecipeIngredient(ingredient=flour, quantity=Decimal("2.5"), unit="cup"),
                RecipeIngredient(ingredient=butter, quantity=Decimal("1"), unit="cup"),
            ]
            unit = FinishedUnit(
                name=f"Cookie {i:05d}", yield_mode=YieldMode.DISCRETE_COUNT, items_per_batch=24
            )
            base.finished_units = [unit]
            variant = Recipe(name=f"Recipe {i:05d} chocolate", base_recipe=base)
            variant.ingredient_lines = [
                RecipeIngredient(ingredient=butter, quantity=Decimal("2"), unit="cup")
            ]
            single = FinishedGood(name=f"Cookie {i:05d}")
            single.components = [FinishedGoodComponent(finished_unit=unit, quantity=1)]
            bundle = FinishedGood(name=f"Tin {i:05d}")
            bundle.components = [FinishedGoodComponent(finished_unit=unit, quantity=6)]
            if previous is not None and i % 5:  # bundles nest up to five deep
                bundle.components.append(FinishedGoodComponent(component_good=previous, quantity=1))
            previous = bundle
            session.add_all([base, variant, single, bundle])


@contextmanager
def _counting(db):
    statements: list[str] = []

    def count(conn, cursor, statement, parameters, context, executemany):
        statements.append(statement)

    event.listen(db.engine, "before_cursor_execute", count)
    try:
        yield statements
    finally:
        event.remove(db.engine, "before_cursor_execute", count)


def _statements(db, call) -> int:
    with _counting(db) as statements:
        call(db)
    return len(statements)


def test_lists_do_not_grow_in_queries_with_the_catalog(db):
    _fill(db, 3)
    small = {
        f.__name__: _statements(db, f)
        for f in (
            catalog.list_recipes,
            catalog.list_finished_goods,
            catalog.list_ingredients,
            catalog.list_finished_units,
        )
    }
    _fill(db, 40, offset=3)
    large = {
        f.__name__: _statements(db, f)
        for f in (
            catalog.list_recipes,
            catalog.list_finished_goods,
            catalog.list_ingredients,
            catalog.list_finished_units,
        )
    }
    assert large == small
    assert len(catalog.list_recipes(db)) == 86
    assert len(catalog.list_finished_goods(db)) == 86


def test_a_thousand_recipes_list_with_variants_under_their_bases(db):
    # Speed is measured by bench/ (catalog open); this pins the order at scale.
    _fill(db, 500)  # 500 bases + 500 variants
    rows = catalog.list_recipes(db)
    assert len(rows) == 1000
    seen_bases: set[int] = set()
    for row in rows:
        if row.is_variant:
            assert row.base_recipe_id in seen_bases
        else:
            seen_bases.add(row.id)


def test_the_catalog_survives_reopening_the_file(db):
    flour = catalog.create_ingredient(db, name="Flour", density_g_per_ml="0.53", preferred_unit="g")
    butter = catalog.create_ingredient(db, name="Butter")
    base = catalog.create_recipe(
        db,
        RecipeInput(
            name="Sugar Cookie Dough",
            lines=(LineInput(flour.id, "2.75", "cup"), LineInput(butter.id, "1.125", "cup")),
            yields=(
                YieldInput("Sugar cookie", "discrete_count", 24),
                YieldInput("Cookie cake", "batch_portion", batch_percentage="37.5"),
            ),
        ),
    )
    variant = catalog.create_recipe(
        db,
        RecipeInput(
            name="Brown butter", base_recipe_id=base.id, lines=(LineInput(butter.id, "1", "cup"),)
        ),
    )
    single = {g.name: g for g in catalog.list_finished_goods(db)}["Sugar cookie"]
    tin = catalog.create_finished_good(
        db,
        name="Cookie tin",
        notes="ribbon",
        components=[
            ComponentInput(2, good_id=single.id),
            ComponentInput(1, unit_id=base.yields[1].id),
        ],
    )
    before = (
        catalog.list_ingredients(db),
        catalog.get_recipe(db, base.id),
        catalog.get_recipe(db, variant.id),
        catalog.list_recipes(db),
        catalog.list_finished_units(db),
        catalog.get_finished_good(db, tin.id),
        catalog.list_finished_goods(db),
    )
    db.dispose()

    reopened = open_database(db.url)
    try:
        after = (
            catalog.list_ingredients(reopened),
            catalog.get_recipe(reopened, base.id),
            catalog.get_recipe(reopened, variant.id),
            catalog.list_recipes(reopened),
            catalog.list_finished_units(reopened),
            catalog.get_finished_good(reopened, tin.id),
            catalog.list_finished_goods(reopened),
        )
    finally:
        reopened.dispose()
    assert after == before
    assert after[4][0].label == "37.5 % of a batch per item"
