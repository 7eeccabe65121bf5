"""Every yield type has its single-item finished good: made, renamed and deleted with it."""

from __future__ import annotations

import sqlite3

import pytest
from alembic.script import ScriptDirectory

from src.db import _alembic_config, open_database
from src.services import catalog
from src.services.catalog.dto import ComponentInput, RecipeInput, YieldInput
from src.services.errors import ConflictError
from src.services.plan.events import create_event
from src.services.plan.selection import set_quantity, set_selected_recipes


def _goods(db) -> dict[str, list[tuple[str, int, int]]]:
    return {g.name: [(c.kind, c.id, c.quantity) for c in g.components]
            for g in catalog.list_finished_goods(db)}


def _recipe(db, name="Sugar Cookie Dough", yields=("Sugar cookie",)):
    return catalog.create_recipe(db, RecipeInput(
        name=name, yields=tuple(YieldInput(y, "discrete_count", 24) for y in yields)))


def _input(recipe, yields) -> RecipeInput:
    return RecipeInput(name=recipe.name, yields=tuple(
        YieldInput(name, "discrete_count", 24, id=uid) for uid, name in yields))


def test_a_new_yield_type_comes_with_its_single_good(db):
    recipe = _recipe(db, yields=("Sugar cookie", "Cookie cake"))
    ids = {y.name: y.id for y in recipe.yields}
    assert _goods(db) == {"Cookie cake": [("unit", ids["Cookie cake"], 1)],
                          "Sugar cookie": [("unit", ids["Sugar cookie"], 1)]}
    assert all(not g.is_bundle for g in catalog.list_finished_goods(db))


def test_a_taken_name_gets_single_appended(db):
    first = _recipe(db, "Truffles", ("Truffle",))
    good_id = catalog.list_finished_goods(db)[0].id
    catalog.update_finished_good(db, good_id, name="Truffle", notes="",
                                 components=[ComponentInput(4, unit_id=first.yields[0].id)])
    # the "Truffle" good is now a box of 4: the yield type needs its own single again
    catalog.update_recipe(db, first.id, _input(first, [(first.yields[0].id, "Truffle")]))
    assert _goods(db)["Truffle (single)"] == [("unit", first.yields[0].id, 1)]


def test_renaming_a_yield_type_renames_its_single_good(db):
    recipe = _recipe(db)
    uid = recipe.yields[0].id
    catalog.update_recipe(db, recipe.id, _input(recipe, [(uid, "Iced sugar cookie")]))
    assert _goods(db) == {"Iced sugar cookie": [("unit", uid, 1)]}


def test_a_single_good_the_baker_renamed_keeps_its_name(db):
    recipe = _recipe(db)
    uid = recipe.yields[0].id
    good = catalog.list_finished_goods(db)[0]
    catalog.update_finished_good(db, good.id, name="One cookie", notes="",
                                 components=[ComponentInput(1, unit_id=uid)])
    catalog.update_recipe(db, recipe.id, _input(recipe, [(uid, "Iced sugar cookie")]))
    assert list(_goods(db)) == ["One cookie"]


def test_removing_an_unused_yield_type_removes_its_single_good(db):
    recipe = _recipe(db, yields=("Sugar cookie", "Cookie cake"))
    keep = next(y for y in recipe.yields if y.name == "Sugar cookie")
    catalog.update_recipe(db, recipe.id, _input(recipe, [(keep.id, keep.name)]))
    assert list(_goods(db)) == ["Sugar cookie"]
    catalog.delete_recipe(db, recipe.id)
    assert _goods(db) == {}


def test_a_single_good_in_use_still_blocks_removal(db):
    recipe = _recipe(db)
    good = catalog.list_finished_goods(db)[0]
    event = create_event(db, name="Swap", event_date="2026-12-19")
    set_selected_recipes(db, event.id, [recipe.id])
    set_quantity(db, event.id, good.id, "24")
    with pytest.raises(ConflictError) as err:
        catalog.delete_recipe(db, recipe.id)
    assert "Sugar cookie" in str(err.value)
    bundle_recipe = _recipe(db, "Truffles", ("Truffle",))
    truffle = {g.name: g for g in catalog.list_finished_goods(db)}["Truffle"]
    catalog.create_finished_good(db, name="Box", components=[ComponentInput(2, good_id=truffle.id)])
    with pytest.raises(ConflictError):
        catalog.update_recipe(db, bundle_recipe.id, RecipeInput(name="Truffles"))
    assert "Truffle" in _goods(db)


def test_bundles_are_never_made_automatically(db):
    _recipe(db)
    assert all(not g.is_bundle for g in catalog.list_finished_goods(db))


def test_the_migration_gives_an_old_database_its_missing_single_goods(tmp_path):
    path = tmp_path / "old.db"
    db = open_database(path)
    recipe = _recipe(db, yields=("Sugar cookie", "Cookie cake"))
    db.dispose()
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA foreign_keys=ON")
    conn.execute("DELETE FROM finished_goods")  # as a database from before the rule
    conn.execute("INSERT INTO finished_goods (name, notes, uuid, created_at, updated_at) "
                 "VALUES ('Sugar cookie', '', 'u1', '2026-01-01', '2026-01-01')")
    before_0007 = ScriptDirectory.from_config(_alembic_config()).get_revision("0007")
    conn.execute("UPDATE alembic_version SET version_num = ?", (before_0007.down_revision,))
    conn.commit()
    conn.close()
    db = open_database(path)
    try:
        ids = {y.name: y.id for y in recipe.yields}
        goods = _goods(db)
        assert goods["Cookie cake"] == [("unit", ids["Cookie cake"], 1)]
        assert goods["Sugar cookie (single)"] == [("unit", ids["Sugar cookie"], 1)]
        assert goods["Sugar cookie"] == []  # the baker's own row is kept as it was
    finally:
        db.dispose()
