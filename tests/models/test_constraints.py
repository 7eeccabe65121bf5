"""The schema enforces the seed's contract in the database itself."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import inspect, select
from sqlalchemy.exc import IntegrityError

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
    PantryItem,
    PlanAmendment,
    PlanSnapshot,
    PlanState,
    ProductionRun,
    Recipe,
    RecipeIngredient,
    YieldMode,
)


@pytest.fixture
def world(db):
    """An event using one recipe, its yield and a single-item good."""
    with db.uow() as s:
        flour = Ingredient(name="Flour", category="Dry", density_g_per_ml=Decimal("0.53"))
        recipe = Recipe(name="Sugar Cookie Dough")
        recipe.ingredient_lines.append(
            RecipeIngredient(ingredient=flour, quantity=Decimal("2.75"), unit="cup")
        )
        unit = FinishedUnit(
            name="Sugar cookie", recipe=recipe, yield_mode=YieldMode.DISCRETE_COUNT,
            items_per_batch=24,
        )
        good = FinishedGood(name="Sugar cookie")
        good.components.append(FinishedGoodComponent(finished_unit=unit, quantity=1))
        event = Event(name="Christmas", event_date=date(2026, 12, 20))
        s.add_all([flour, recipe, unit, good, event])
        s.flush()
        s.add_all([
            EventRecipe(event_id=event.id, recipe_id=recipe.id),
            EventFinishedGood(event_id=event.id, finished_good_id=good.id, quantity=200),
            BatchDecision(event_id=event.id, recipe_id=recipe.id, batches=9,
                          finished_unit_id=unit.id),
        ])
        ids = {"event": event.id, "recipe": recipe.id, "unit": unit.id, "good": good.id,
               "flour": flour.id}
    return ids


def _fails(db, build) -> None:
    with pytest.raises(IntegrityError):
        with db.uow() as s:
            build(s)


def test_plan_state_defaults_to_draft(db):
    with db.uow() as s:
        event = Event(name="New", event_date=date(2026, 1, 1))
        s.add(event)
        s.flush()
        assert event.plan_state is PlanState.DRAFT
    with db.uow() as s:
        stored = s.execute(select(Event.plan_state)).scalar_one()
        assert stored is PlanState.DRAFT


def test_enum_values_are_the_seeds():
    assert [s.value for s in PlanState] == ["draft", "locked", "in_production", "completed"]
    # the seed's three, unchanged, then modify_fg (DESIGN.md edit policy)
    assert [t.value for t in AmendmentType] == ["drop_fg", "add_fg", "modify_batch", "modify_fg"]


def test_zero_quantity_line_is_refused(db, world):
    _fails(db, lambda s: s.execute(
        EventFinishedGood.__table__.update().values(quantity=0)))


def test_zero_batches_refused(db, world):
    _fails(db, lambda s: s.execute(BatchDecision.__table__.update().values(batches=0)))


def test_duplicate_event_recipe_refused(db, world):
    _fails(db, lambda s: s.add(EventRecipe(event_id=world["event"], recipe_id=world["recipe"])))


def test_duplicate_event_line_refused(db, world):
    _fails(db, lambda s: s.add(
        EventFinishedGood(event_id=world["event"], finished_good_id=world["good"], quantity=1)))


def test_event_delete_cascades_everything(db, world):
    with db.uow() as s:
        s.add(PlanSnapshot(event_id=world["event"], snapshot_data={"recipes": []}))
        s.add(PlanAmendment(event_id=world["event"], amendment_type=AmendmentType.ADD_FG,
                            amendment_data={"finished_good_id": 1, "quantity": 2}, reason="why"))
        s.add(ProductionRun(event_id=world["event"], recipe_id=world["recipe"], batches=2))
    # Raw SQL delete: the database's ON DELETE CASCADE does the work, not the ORM.
    with db.uow() as s:
        s.execute(Event.__table__.delete().where(Event.id == world["event"]))
    with db.uow() as s:
        for model in (EventRecipe, EventFinishedGood, BatchDecision, PlanSnapshot,
                      PlanAmendment, ProductionRun):
            assert s.scalars(select(model)).all() == [], model.__name__


def test_orm_event_delete_cascades(db, world):
    with db.uow() as s:
        s.delete(s.get(Event, world["event"]))
    with db.uow() as s:
        assert s.scalars(select(EventRecipe)).all() == []
        assert s.scalars(select(BatchDecision)).all() == []


def test_recipe_in_use_cannot_be_deleted(db, world):
    _fails(db, lambda s: s.execute(Recipe.__table__.delete().where(Recipe.id == world["recipe"])))


def test_finished_good_in_use_cannot_be_deleted(db, world):
    def delete_good(s):
        s.execute(FinishedGoodComponent.__table__.delete())
        s.execute(FinishedGood.__table__.delete().where(FinishedGood.id == world["good"]))
    _fails(db, delete_good)


def test_finished_unit_delete_nulls_decision_unit(db, world):
    with db.uow() as s:
        s.execute(FinishedGoodComponent.__table__.delete())
        s.execute(FinishedUnit.__table__.delete().where(FinishedUnit.id == world["unit"]))
    with db.uow() as s:
        decision = s.scalars(select(BatchDecision)).one()
        assert decision.finished_unit_id is None
        assert decision.batches == 9


def test_component_must_name_exactly_one_thing(db, world):
    _fails(db, lambda s: s.add(FinishedGoodComponent(
        finished_good_id=world["good"], quantity=1)))


def test_component_quantity_at_least_one(db, world):
    _fails(db, lambda s: s.execute(FinishedGoodComponent.__table__.update().values(quantity=0)))


def test_yield_amount_rules(db, world):
    _fails(db, lambda s: s.add(FinishedUnit(
        name="Bad", recipe_id=world["recipe"], yield_mode=YieldMode.DISCRETE_COUNT,
        items_per_batch=0)))
    _fails(db, lambda s: s.add(FinishedUnit(
        name="Bad cake", recipe_id=world["recipe"], yield_mode=YieldMode.BATCH_PORTION,
        batch_percentage=Decimal("120"))))
    with db.uow() as s:
        s.add(FinishedUnit(name="Cake", recipe_id=world["recipe"],
                           yield_mode=YieldMode.BATCH_PORTION, batch_percentage=Decimal("50")))


def test_recipe_line_quantity_positive_and_pantry_not_negative(db, world):
    _fails(db, lambda s: s.execute(RecipeIngredient.__table__.update().values(quantity=0)))
    _fails(db, lambda s: s.add(
        PantryItem(ingredient_id=world["flour"], quantity=Decimal("-1"), unit="g")))


def test_production_batches_and_attendees_checked(db, world):
    _fails(db, lambda s: s.add(
        ProductionRun(event_id=world["event"], recipe_id=world["recipe"], batches=0)))
    _fails(db, lambda s: s.execute(Event.__table__.update().values(expected_attendees=0)))


def test_unknown_plan_state_refused_by_database(db, world):
    _fails(db, lambda s: s.connection().exec_driver_sql("UPDATE events SET plan_state = 'bogus'"))


def test_one_snapshot_per_event(db, world):
    with db.uow() as s:
        s.add(PlanSnapshot(event_id=world["event"], snapshot_data={}))
    _fails(db, lambda s: s.add(PlanSnapshot(event_id=world["event"], snapshot_data={})))


def test_names_unique_per_kind(db, world):
    _fails(db, lambda s: s.add(Ingredient(name="Flour")))
    _fails(db, lambda s: s.add(Recipe(name="Sugar Cookie Dough")))
    _fails(db, lambda s: s.add(FinishedGood(name="Sugar cookie")))


def test_seed_indexes_and_constraints_named(db):
    insp = inspect(db.engine)
    assert "idx_event_plan_state" in {i["name"] for i in insp.get_indexes("events")}
    assert "uq_event_recipe" in {u["name"] for u in insp.get_unique_constraints("event_recipes")}
    assert "uq_event_finished_good" in {
        u["name"] for u in insp.get_unique_constraints("event_finished_goods")}
    assert "uq_batch_decision_event_recipe" in {
        u["name"] for u in insp.get_unique_constraints("batch_decisions")}
    checks = {c["name"] for c in insp.get_check_constraints("event_finished_goods")}
    assert "ck_event_fg_quantity_positive" in checks
    fks = {fk["referred_table"]: fk["options"].get("ondelete")
           for fk in insp.get_foreign_keys("batch_decisions")}
    assert fks == {"events": "CASCADE", "recipes": "RESTRICT", "finished_units": "SET NULL"}


def test_reprs_follow_the_seed():
    assert repr(EventRecipe(event_id=1, recipe_id=2)) == "EventRecipe(event_id=1, recipe_id=2)"
    assert repr(EventFinishedGood(event_id=1, finished_good_id=2, quantity=3)) == (
        "EventFinishedGood(event_id=1, finished_good_id=2, quantity=3)")
    assert repr(BatchDecision(event_id=1, recipe_id=2, batches=3)) == (
        "BatchDecision(event_id=1, recipe_id=2, batches=3)")


def test_models_import_in_fresh_interpreter():
    code = "import src.models; from src.models.event import PlanState; print(PlanState.DRAFT.value)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "draft"
