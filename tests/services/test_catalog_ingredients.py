"""Ingredients of the catalog, against a real migrated SQLite file."""

from __future__ import annotations

from decimal import Decimal

import pytest

from src.services import catalog
from src.services.catalog import pantry
from src.services.catalog.dto import LineInput, RecipeInput
from src.services.errors import ConflictError, NotFoundError, ValidationError


def test_created_ingredients_list_by_name_ignoring_case(db):
    catalog.create_ingredient(db, name="sugar", category="Sweet")
    catalog.create_ingredient(db, name="All-purpose flour", category="Dry goods")
    catalog.create_ingredient(db, name="Butter")

    names = [i.name for i in catalog.list_ingredients(db)]

    assert names == ["All-purpose flour", "Butter", "sugar"]


def test_density_from_text_and_preferred_unit_normalized(db):
    made = catalog.create_ingredient(
        db, name="Flour", density_g_per_ml=" 0.53 ", preferred_unit="Cups"
    )

    got = catalog.get_ingredient(db, made.id)
    assert got.density_g_per_ml == Decimal("0.53")
    assert got.preferred_unit == "cup"
    assert got.used_by_recipes == ()


def test_empty_density_and_unit_mean_none(db):
    made = catalog.create_ingredient(db, name="Salt", density_g_per_ml="", preferred_unit=" ")
    assert made.density_g_per_ml is None
    assert made.preferred_unit is None


@pytest.mark.parametrize(
    ("density", "expected"),
    [
        ("abc", 'Density (g per ml) must be a number; "abc" is not'),
        ("0", "Density (g per ml) must be more than zero, not 0"),
        ("-1", "Density (g per ml) must be more than zero, not -1"),
    ],
)
def test_bad_density_is_refused_and_nothing_saved(db, density, expected):
    with pytest.raises(ValidationError) as caught:
        catalog.create_ingredient(db, name="Flour", density_g_per_ml=density)

    assert caught.value.field == "density_g_per_ml"
    assert caught.value.message == expected
    assert catalog.list_ingredients(db) == []


def test_unknown_preferred_unit_message_names_the_unit(db):
    with pytest.raises(ValidationError) as caught:
        catalog.create_ingredient(db, name="Flour", preferred_unit="cupz")

    assert caught.value.field == "preferred_unit"
    assert '"cupz"' in caught.value.message


def test_every_bad_field_of_one_save_is_reported(db):
    with pytest.raises(ValidationError) as caught:
        catalog.create_ingredient(db, name="  ", density_g_per_ml="x", preferred_unit="bushel")

    assert set(caught.value.errors) == {"name", "density_g_per_ml", "preferred_unit"}
    assert caught.value.errors["name"] == "Ingredient name is required"


def test_name_clash_ignores_case(db):
    catalog.create_ingredient(db, name="Butter")

    with pytest.raises(ValidationError) as caught:
        catalog.create_ingredient(db, name="  BUTTER ")

    assert caught.value.field == "name"
    assert caught.value.message == 'An ingredient named "Butter" already exists'
    assert len(catalog.list_ingredients(db)) == 1


def test_update_changes_every_field_and_may_recase_its_own_name(db):
    made = catalog.create_ingredient(db, name="flour", density_g_per_ml="0.5")

    updated = catalog.update_ingredient(
        db,
        made.id,
        name="Flour",
        category="Dry goods",
        density_g_per_ml=None,
        preferred_unit="grams",
    )

    assert updated == catalog.get_ingredient(db, made.id)
    assert (updated.name, updated.category, updated.density_g_per_ml, updated.preferred_unit) == (
        "Flour",
        "Dry goods",
        None,
        "g",
    )


def test_update_to_another_ingredients_name_is_refused(db):
    catalog.create_ingredient(db, name="Butter")
    salt = catalog.create_ingredient(db, name="Salt")

    with pytest.raises(ValidationError, match='An ingredient named "Butter" already exists'):
        catalog.update_ingredient(
            db, salt.id, name="butter", category="", density_g_per_ml=None, preferred_unit=None
        )
    assert catalog.get_ingredient(db, salt.id).name == "Salt"


def test_missing_ingredient_is_not_found(db):
    with pytest.raises(NotFoundError):
        catalog.get_ingredient(db, 999)
    with pytest.raises(NotFoundError):
        catalog.delete_ingredient(db, 999)


def test_delete_refused_naming_the_recipes_that_use_it(db):
    butter = catalog.create_ingredient(db, name="Butter")
    for name in ("Shortbread", "Brownies"):
        catalog.create_recipe(db, RecipeInput(name=name, lines=(LineInput(butter.id, "1", "cup"),)))

    with pytest.raises(ConflictError) as caught:
        catalog.delete_ingredient(db, butter.id)

    assert caught.value.message == (
        '"Butter" cannot be deleted: it is used by the recipes "Brownies", "Shortbread". '
        "Remove it from those recipes first."
    )
    assert catalog.get_ingredient(db, butter.id).used_by_recipes == ("Brownies", "Shortbread")


def test_delete_takes_its_pantry_stock_with_it(db):
    butter = catalog.create_ingredient(db, name="Butter")
    salt = catalog.create_ingredient(db, name="Salt")
    pantry.set_pantry_quantity(db, butter.id, "2", "lb")

    catalog.delete_ingredient(db, butter.id)

    assert [i.name for i in catalog.list_ingredients(db)] == ["Salt"]
    assert [(r.ingredient_id, r.quantity) for r in pantry.list_pantry(db)] == [(salt.id, None)]
