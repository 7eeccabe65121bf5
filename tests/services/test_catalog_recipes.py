"""Recipes and yield types of the catalog, against a real migrated SQLite file."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy import select

from src.models import BatchDecision, EventRecipe, ProductionRun, Recipe, RecipeIngredient
from src.services import catalog
from src.services.catalog.dto import ComponentInput, LineInput, RecipeInput, YieldInput
from src.services.errors import ConflictError, NotFoundError, ValidationError
from src.services.plan.events import create_event


@pytest.fixture
def ing(db):
    """Ingredient ids by name."""
    return {
        name: catalog.create_ingredient(db, name=name).id
        for name in ("Flour", "Butter", "Sugar", "Cocoa")
    }


def cookies(ing, name="Sugar Cookie Dough", yield_name="Sugar cookie", **changes):
    fields = dict(
        name=name,
        category="Cookies",
        lines=(
            LineInput(ing["Flour"], "2.75", "cup"),
            LineInput(ing["Butter"], "1", "cup"),
            LineInput(ing["Sugar"], "1.5", "cups"),
        ),
        yields=(YieldInput(yield_name, "discrete_count", 24),),
    )
    fields.update(changes)
    return RecipeInput(**fields)


def test_created_recipe_reads_back_with_lines_and_yields(db, ing):
    made = catalog.create_recipe(db, cookies(ing, notes=" chill first "))

    got = catalog.get_recipe(db, made.id)
    assert got == made
    assert got.notes == "chill first"
    assert [(line.ingredient, line.quantity, line.unit) for line in got.own_lines] == [
        ("Flour", Decimal("2.75"), "cup"),
        ("Butter", Decimal("1"), "cup"),
        ("Sugar", Decimal("1.5"), "cup"),
    ]
    assert got.effective_lines == got.own_lines
    (y,) = got.yields
    assert (y.name, y.mode, y.items_per_batch, y.label) == (
        "Sugar cookie",
        "discrete_count",
        24,
        "24 per batch",
    )


def test_batch_portion_yield_label(db, ing):
    made = catalog.create_recipe(
        db,
        RecipeInput(
            name="Vanilla Cake",
            yields=(YieldInput("9-inch cake", "batch_portion", batch_percentage="50"),),
        ),
    )
    (y,) = made.yields
    assert (y.batch_percentage, y.items_per_batch, y.label) == (
        Decimal("50"),
        None,
        "50 % of a batch per item",
    )


def test_variant_inherits_base_lines_and_replaces_its_own(db, ing):
    base = catalog.create_recipe(db, cookies(ing))
    variant = catalog.create_recipe(
        db,
        RecipeInput(
            name="Chocolate Sugar Cookie Dough",
            base_recipe_id=base.id,
            lines=(LineInput(ing["Butter"], "0.75", "cup"), LineInput(ing["Cocoa"], "0.5", "cup")),
            yields=(YieldInput("Chocolate sugar cookie", "discrete_count", 24),),
        ),
    )

    lines = [
        (line.ingredient, line.quantity, line.inherited, line.replaces_base)
        for line in variant.effective_lines
    ]
    assert lines == [
        ("Flour", Decimal("2.75"), True, False),
        ("Butter", Decimal("0.75"), False, True),
        ("Sugar", Decimal("1.5"), True, False),
        ("Cocoa", Decimal("0.5"), False, False),
    ]
    assert [line.ingredient for line in variant.own_lines] == ["Butter", "Cocoa"]
    assert variant.base_recipe_name == "Sugar Cookie Dough"
    assert catalog.get_recipe(db, base.id).variant_names == ("Chocolate Sugar Cookie Dough",)


def test_a_variant_cannot_be_a_base(db, ing):
    base = catalog.create_recipe(db, cookies(ing))
    variant = catalog.create_recipe(db, RecipeInput(name="Chocolate", base_recipe_id=base.id))

    with pytest.raises(ValidationError) as caught:
        catalog.create_recipe(db, RecipeInput(name="Double chocolate", base_recipe_id=variant.id))

    assert caught.value.field == "base_recipe_id"
    assert caught.value.message == (
        '"Chocolate" is itself a variant of "Sugar Cookie Dough"; a variant\'s base must be '
        "a base recipe (variants are only one level deep)"
    )


def test_a_recipe_cannot_be_its_own_base(db, ing):
    base = catalog.create_recipe(db, cookies(ing))
    with pytest.raises(ValidationError, match="cannot be a variant of itself"):
        catalog.update_recipe(db, base.id, cookies(ing, base_recipe_id=base.id))


def test_a_base_with_variants_cannot_become_a_variant(db, ing):
    base = catalog.create_recipe(db, cookies(ing))
    other = catalog.create_recipe(db, RecipeInput(name="Shortbread"))
    catalog.create_recipe(db, RecipeInput(name="Chocolate", base_recipe_id=base.id))

    with pytest.raises(ValidationError) as caught:
        catalog.update_recipe(db, base.id, cookies(ing, base_recipe_id=other.id))

    assert '"Sugar Cookie Dough" has variants ("Chocolate")' in caught.value.message
    assert catalog.get_recipe(db, base.id).base_recipe_id is None


def test_recipe_name_clash_ignores_case(db, ing):
    catalog.create_recipe(db, cookies(ing))
    with pytest.raises(ValidationError) as caught:
        catalog.create_recipe(db, cookies(ing, name="sugar cookie dough", yield_name="Other"))
    assert caught.value.errors == {"name": 'A recipe named "Sugar Cookie Dough" already exists'}


def test_every_bad_line_is_reported_with_its_place_and_nothing_is_saved(db, ing):
    data = RecipeInput(
        name="Bad",
        lines=(
            LineInput(ing["Flour"], "2", "cup"),
            LineInput(999, "1", "cup"),
            LineInput(ing["Butter"], "0", "cupz"),
            LineInput(ing["Flour"], "abc", "g"),
        ),
    )
    with pytest.raises(ValidationError) as caught:
        catalog.create_recipe(db, data)

    assert caught.value.errors == {
        "lines[1].ingredient_id": (
            "Line 2: ingredient 999 does not exist (it may have been deleted)"
        ),
        "lines[2].quantity": "Line 3 (Butter): quantity must be more than zero, not 0",
        "lines[2].unit": 'Line 3 (Butter): unit: unknown unit "cupz"',
        "lines[3].ingredient_id": (
            'Line 4 (Flour): "Flour" is already on line 1; a recipe has one line per ingredient'
        ),
        "lines[3].quantity": 'Line 4 (Flour): quantity must be a number; "abc" is not',
    }
    assert catalog.list_recipes(db) == []


@pytest.mark.parametrize(
    ("item", "field", "message"),
    [
        (YieldInput(" ", "discrete_count", 24), "yields[0].name", "Yield type 1: name is required"),
        (
            YieldInput("Cookie", "discrete_count", "2.5"),
            "yields[0].items_per_batch",
            'Yield type 1 ("Cookie"): items per batch must be a whole number, not 2.5',
        ),
        (
            YieldInput("Cookie", "discrete_count", 0),
            "yields[0].items_per_batch",
            'Yield type 1 ("Cookie"): items per batch must be a whole number of at least 1, not 0',
        ),
        (
            YieldInput("Cake", "batch_portion", batch_percentage="150"),
            "yields[0].batch_percentage",
            'Yield type 1 ("Cake"): share of a batch must be at most 100 %, not 150',
        ),
        (
            YieldInput("Cake", "batch_portion", batch_percentage="0"),
            "yields[0].batch_percentage",
            'Yield type 1 ("Cake"): share of a batch (%) must be more than zero, not 0',
        ),
        (
            YieldInput("Cake", "slices", 8),
            "yields[0].mode",
            'Yield type 1 ("Cake"): kind must be "discrete_count" (items per batch) or '
            '"batch_portion" (share of a batch per item), not "slices"',
        ),
    ],
)
def test_bad_yield_types_are_refused(db, item, field, message):
    with pytest.raises(ValidationError) as caught:
        catalog.create_recipe(db, RecipeInput(name="R", yields=(item,)))
    assert caught.value.errors == {field: message}
    assert catalog.list_finished_units(db) == []


def test_yield_names_are_unique_across_all_recipes(db, ing):
    catalog.create_recipe(db, cookies(ing))
    data = RecipeInput(
        name="Shortbread",
        yields=(
            YieldInput("SUGAR COOKIE", "discrete_count", 12),
            YieldInput("Finger", "discrete_count", 12),
            YieldInput("finger", "discrete_count", 6),
        ),
    )
    with pytest.raises(ValidationError) as caught:
        catalog.create_recipe(db, data)
    assert caught.value.errors == {
        "yields[0].name": 'Yield type 1 ("SUGAR COOKIE"): a yield type named "Sugar cookie" '
        "already exists (yield type names are unique across all recipes)",
        "yields[2].name": 'Yield type 3 ("finger"): the same name is used by yield type 2',
    }


def _decide(db, recipe_id, unit_id, with_production=False):
    event = create_event(db, name="Christmas 2026", event_date="2026-12-20")
    with db.uow() as session:
        session.add(EventRecipe(event_id=event.id, recipe_id=recipe_id))
        session.add(
            BatchDecision(
                event_id=event.id, recipe_id=recipe_id, finished_unit_id=unit_id, batches=3
            )
        )
        if with_production:
            session.add(ProductionRun(event_id=event.id, recipe_id=recipe_id, batches=1))
    return event


def test_update_keeps_matched_yield_types_so_decisions_and_goods_still_refer(db, ing):
    made = catalog.create_recipe(db, cookies(ing))
    unit_id = made.yields[0].id
    good = catalog.create_finished_good(
        db, name="Cookie tin", components=[ComponentInput(6, unit_id=unit_id)]
    )
    _decide(db, made.id, unit_id)

    updated = catalog.update_recipe(
        db,
        made.id,
        cookies(
            ing,
            lines=(LineInput(ing["Flour"], "3", "cup"),),
            yields=(
                YieldInput("Big sugar cookie", "discrete_count", "12", id=unit_id),
                YieldInput("Mini sugar cookie", "discrete_count", 48),
            ),
        ),
    )

    assert [(y.id, y.name, y.items_per_batch) for y in updated.yields][0] == (
        unit_id,
        "Big sugar cookie",
        12,
    )
    assert [line.ingredient for line in updated.own_lines] == ["Flour"]
    assert catalog.get_finished_good(db, good.id).components[0].name == "Big sugar cookie"
    with db.uow() as session:
        assert session.scalars(select(BatchDecision.finished_unit_id)).one() == unit_id
        assert session.scalars(select(RecipeIngredient)).all()[0].quantity == 3


def test_update_may_swap_two_yield_names(db, ing):
    made = catalog.create_recipe(
        db,
        RecipeInput(
            name="R",
            yields=(YieldInput("A", "discrete_count", 1), YieldInput("B", "discrete_count", 2)),
        ),
    )
    a, b = made.yields
    updated = catalog.update_recipe(
        db,
        made.id,
        RecipeInput(
            name="R",
            yields=(
                YieldInput("B", "discrete_count", 1, id=a.id),
                YieldInput("A", "discrete_count", 2, id=b.id),
            ),
        ),
    )
    assert [(y.id, y.name) for y in updated.yields] == [(a.id, "B"), (b.id, "A")]


def test_removing_a_yield_type_used_by_a_good_is_refused_naming_the_goods(db, ing):
    made = catalog.create_recipe(db, cookies(ing))
    unit_id = made.yields[0].id
    catalog.create_finished_good(
        db, name="Cookie tin", components=[ComponentInput(6, unit_id=unit_id)]
    )

    with pytest.raises(ConflictError) as caught:
        catalog.update_recipe(db, made.id, cookies(ing, yields=()))

    assert caught.value.message == (
        'These yield types cannot be removed: "Sugar cookie" is part of the finished good '
        '"Cookie tin". Remove them from those goods first.'
    )
    assert catalog.get_recipe(db, made.id).yields == made.yields


def test_removing_a_decided_yield_type_leaves_the_decision_without_one(db, ing):
    made = catalog.create_recipe(db, cookies(ing))
    _decide(db, made.id, made.yields[0].id)

    catalog.update_recipe(db, made.id, cookies(ing, yields=()))

    with db.uow() as session:
        decision = session.scalars(select(BatchDecision)).one()
        assert (decision.batches, decision.finished_unit_id) == (3, None)


@pytest.mark.parametrize("with_production", [False, True])
def test_delete_refused_while_an_event_uses_it(db, ing, with_production):
    made = catalog.create_recipe(db, cookies(ing))
    _decide(db, made.id, made.yields[0].id, with_production)

    with pytest.raises(ConflictError) as caught:
        catalog.delete_recipe(db, made.id)

    assert caught.value.message == (
        '"Sugar Cookie Dough" cannot be deleted: it is used by the event '
        '"Christmas 2026 (2026-12-20)".'
    )
    assert catalog.get_recipe(db, made.id).used_by_events == ("Christmas 2026 (2026-12-20)",)


@pytest.mark.parametrize("model", [BatchDecision, ProductionRun])
def test_delete_refused_for_a_decision_or_a_bake_alone(db, ing, model):
    made = catalog.create_recipe(db, cookies(ing))
    event = create_event(db, name="Bake sale", event_date="2026-05-01")
    with db.uow() as session:
        session.add(model(event_id=event.id, recipe_id=made.id, batches=2))
    with pytest.raises(ConflictError, match=r'event "Bake sale \(2026-05-01\)"'):
        catalog.delete_recipe(db, made.id)


def test_delete_refused_naming_variants_and_goods(db, ing):
    made = catalog.create_recipe(db, cookies(ing))
    catalog.create_recipe(db, RecipeInput(name="Lemon", base_recipe_id=made.id))
    catalog.create_recipe(db, RecipeInput(name="Chocolate", base_recipe_id=made.id))
    catalog.create_finished_good(
        db, name="Cookie tin", components=[ComponentInput(6, unit_id=made.yields[0].id)]
    )

    with pytest.raises(ConflictError) as caught:
        catalog.delete_recipe(db, made.id)

    assert caught.value.message == (
        '"Sugar Cookie Dough" cannot be deleted: it has the variants "Chocolate", "Lemon"; '
        'its yield types are part of the finished good "Cookie tin".'
    )


def test_delete_removes_the_recipe_with_its_lines_and_yields(db, ing):
    made = catalog.create_recipe(db, cookies(ing))
    catalog.delete_recipe(db, made.id)

    assert catalog.list_recipes(db) == []
    assert catalog.list_finished_units(db) == []
    with db.uow() as session:
        assert session.scalars(select(RecipeIngredient)).all() == []
    with pytest.raises(NotFoundError):
        catalog.get_recipe(db, made.id)


def test_duplicate_copies_lines_and_suffixes_yield_names(db, ing):
    made = catalog.create_recipe(db, cookies(ing))

    first = catalog.duplicate_recipe(db, made.id, new_name="Sugar Cookie Dough II")
    second = catalog.duplicate_recipe(db, made.id, new_name="Sugar Cookie Dough III")

    assert [(line.ingredient, line.quantity, line.unit) for line in first.own_lines] == [
        (line.ingredient, line.quantity, line.unit) for line in made.own_lines
    ]
    assert [y.name for y in first.yields] == ["Sugar cookie (copy)"]
    assert [y.name for y in second.yields] == ["Sugar cookie (copy 2)"]
    assert first.category == "Cookies" and first.base_recipe_id is None


def test_duplicate_as_variant_hangs_under_the_base_with_no_own_lines(db, ing):
    base = catalog.create_recipe(db, cookies(ing))
    variant = catalog.create_recipe(
        db,
        RecipeInput(
            name="Chocolate", base_recipe_id=base.id, lines=(LineInput(ing["Cocoa"], "1", "cup"),)
        ),
    )

    of_base = catalog.duplicate_recipe(db, base.id, new_name="Lemon", as_variant=True)
    of_variant = catalog.duplicate_recipe(db, variant.id, new_name="Orange", as_variant=True)

    assert of_base.base_recipe_id == base.id and of_base.own_lines == ()
    assert of_base.effective_lines == tuple(
        line.__class__(**{**line.__dict__, "inherited": True}) for line in base.own_lines
    )
    assert of_variant.base_recipe_id == base.id and of_variant.own_lines == ()


def test_duplicate_refuses_a_taken_name(db, ing):
    made = catalog.create_recipe(db, cookies(ing))
    with pytest.raises(ValidationError, match='A recipe named "Sugar Cookie Dough" already'):
        catalog.duplicate_recipe(db, made.id, new_name="SUGAR cookie dough")
    assert len(catalog.list_recipes(db)) == 1


def test_list_puts_each_base_before_its_variants(db, ing):
    sugar = catalog.create_recipe(db, cookies(ing))
    brownie = catalog.create_recipe(db, RecipeInput(name="brownies"))
    catalog.create_recipe(
        db,
        RecipeInput(
            name="Lemon", base_recipe_id=sugar.id, lines=(LineInput(ing["Butter"], "2", "cup"),)
        ),
    )
    catalog.create_recipe(db, RecipeInput(name="Blondies", base_recipe_id=brownie.id))
    catalog.create_recipe(db, RecipeInput(name="Chocolate", base_recipe_id=sugar.id))

    rows = catalog.list_recipes(db)

    assert [(r.name, r.base_recipe_name, r.line_count, r.yield_count) for r in rows] == [
        ("brownies", None, 0, 0),
        ("Blondies", "brownies", 0, 0),
        ("Sugar Cookie Dough", None, 3, 1),
        ("Chocolate", "Sugar Cookie Dough", 3, 0),
        ("Lemon", "Sugar Cookie Dough", 3, 0),
    ]


def test_finished_units_list_by_recipe_then_name(db, ing):
    catalog.create_recipe(
        db,
        RecipeInput(
            name="Zebra cake",
            yields=(YieldInput("Slice", "discrete_count", 8),),
        ),
    )
    catalog.create_recipe(
        db,
        RecipeInput(
            name="Apple pie",
            yields=(
                YieldInput("whole pie", "batch_portion", batch_percentage="100"),
                YieldInput("Mini pie", "discrete_count", 6),
            ),
        ),
    )
    assert [y.name for y in catalog.list_finished_units(db)] == ["Mini pie", "whole pie", "Slice"]


def test_update_of_a_missing_recipe_is_not_found(db, ing):
    with pytest.raises(NotFoundError):
        catalog.update_recipe(db, 42, cookies(ing))
    with db.uow() as session:
        assert session.scalars(select(Recipe)).all() == []
