"""The production day: amendments with batches, preview, panels that agree,
the demo against the invariant checker, and the import replay check."""

from __future__ import annotations

import copy
from fractions import Fraction

import pytest

from src.db import open_database
from src.models import Recipe
from src.services.errors import ServiceError, ValidationError
from src.services.exchange import export_document, import_document
from src.services.exchange.demo import load_demo
from src.services.plan import amendments, production
from src.services.plan.decisions import set_batch_decision
from src.services.plan.view import get_plan_view, get_shopping_list
from tests.reliability.invariants import problems
from tests.services.builders import add_unit, build_bakery, planned_event


@pytest.fixture
def b(db):
    return build_bakery(db)


@pytest.fixture
def event_id(db, b):
    return planned_event(db, b, "in_production")


def _row(db, event_id, recipe_id):
    return next(r for r in get_plan_view(db, event_id).batches if r.recipe_id == recipe_id)


def test_add_good_carries_new_batches_in_the_same_record(db, b, event_id):
    preview = amendments.preview_amendment(
        db, event_id, "add_fg", good_id=b.g_cake, quantity=3, batch_counts={b.cake: 2}
    )
    [cake] = preview.recipes
    assert preview.selected == ("Vanilla Cake",)
    assert (cake.old_need, cake.new_need, cake.new_batches) == (0, Fraction(3, 2), 2)
    assert [o.batches for o in cake.options] == [1, 2]
    assert (cake.outcome, cake.difference_batches_text) == ("extra", "0.5")
    row = amendments.amend_add_good(db, event_id, b.g_cake, 3, "party", {b.cake: 2})
    assert row.summary == (
        "Added Vanilla cake: 3; selected Vanilla Cake; Vanilla Cake: 2 batches (no decision before)"
    )
    assert len(amendments.list_amendments(db, event_id)) == 1
    assert _row(db, event_id, b.cake).decision.batches == 2


def test_add_good_without_batches_previews_the_shortfall(db, b, event_id):
    preview = amendments.preview_amendment(db, event_id, "add_fg", good_id=b.g_tin, quantity=24)
    got = {r.recipe_name: (r.new_need_text, r.new_batches, r.outcome) for r in preview.recipes}
    assert got == {
        "Sugar Cookie Dough": ("14.333", 9, "short"),
        "Truffles": ("11.333", None, "undecided"),
    }
    assert {r.recipe_name for r in preview.shortfalls} == {"Sugar Cookie Dough", "Truffles"}
    assert amendments.list_amendments(db, event_id) == ()  # a preview writes nothing


def test_modify_quantity_with_batches(db, b, event_id):
    production.record_production(db, event_id, b.sugar_dough, 2)
    row = amendments.amend_quantity(
        db, event_id, b.g_cookie, 240, "more guests", {b.sugar_dough: 10}
    )
    assert row.kind == "modify_fg"
    assert row.summary == "Sugar cookie: 200 → 240; Sugar Cookie Dough: 9 → 10 batches"
    sugar = _row(db, event_id, b.sugar_dough)
    assert (sugar.decision.batches, sugar.decision.stale, sugar.progress.remaining) == (
        10,
        False,
        8,
    )


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (
            lambda db, b, e: amendments.amend_quantity(db, e, b.g_cake, 2, "x"),
            "Vanilla cake is not in this plan; nothing to change",
        ),
        (
            lambda db, b, e: amendments.amend_quantity(db, e, b.g_cookie, 200, "x"),
            "Sugar cookie is already 200 in this plan; nothing to amend",
        ),
        (
            lambda db, b, e: amendments.amend_quantity(db, e, b.g_cookie, "0", "x"),
            "Quantity must be a whole number of at least 1",
        ),
        (
            lambda db, b, e: amendments.amend_quantity(db, e, b.g_cookie, 10, "x", {b.truffles: 2}),
            "Truffles is not a recipe this change affects; amend its batches separately",
        ),
        (
            lambda db, b, e: amendments.amend_add_good(db, e, b.g_cookie, 10, "x"),
            "Sugar cookie is already in this plan (200); change its quantity instead",
        ),
    ],
)
def test_quantity_refusals_change_nothing(db, b, event_id, call, message):
    with pytest.raises(ServiceError) as err:
        call(db, b, event_id)
    assert err.value.message.startswith(message)
    assert amendments.list_amendments(db, event_id) == ()


def test_batches_carried_by_an_amendment_respect_what_is_baked(db, b, event_id):
    production.record_production(db, event_id, b.sugar_dough, 5)
    with pytest.raises(ValidationError, match="5 batches are already baked; choose 5 or more"):
        amendments.amend_quantity(db, event_id, b.g_cookie, 48, "fewer", {b.sugar_dough: 2})
    assert amendments.list_amendments(db, event_id) == ()


def test_drop_with_other_lines_still_needing_the_recipe(db, b):
    event_id = planned_event(db, b, "locked")
    from src.services.plan import lifecycle

    set_batch_decision(db, event_id, b.truffles, 4)
    lifecycle.start_production(db, event_id)
    production.record_production(db, event_id, b.truffles, 1)
    amendments.amend_drop_good(db, event_id, b.g_truffle_box, "no boxes")
    truffles = _row(db, event_id, b.truffles)
    # nothing needs truffles now; the baked batch stays as the decision (extras)
    assert (truffles.decision.batches, truffles.decision.stale) == (1, False)
    assert get_plan_view(db, event_id).complete is True


def test_over_baking_reads_the_same_on_every_panel(db, b, event_id):
    amendments.amend_batches(db, event_id, b.truffles, 4, "truffles")
    production.record_production(db, event_id, b.sugar_dough, 12, over=True)
    view = get_plan_view(db, event_id)
    sugar = _row(db, event_id, b.sugar_dough)
    assert (sugar.progress.batches, sugar.progress.overage, sugar.decision.stale) == (12, 3, False)
    assert view.complete is True
    assert view.undecided == ()
    assert "Granulated sugar" not in {s.ingredient for s in view.shopping}
    assert view.assembly.overall == "met"


def test_undecided_recipes_are_named(db, b, event_id):
    view = get_plan_view(db, event_id)
    assert view.undecided == ("Truffles",)
    assert view.complete is False
    assert "Heavy cream" not in {s.ingredient for s in get_shopping_list(db, event_id)}


def test_a_decision_must_name_a_yield_type_the_plan_needs(db, b):
    event_id = planned_event(db, b, "draft")
    with db.uow() as s:
        bite = add_unit(s, s.get(Recipe, b.sugar_dough), "Cookie bite", per_batch=60).id
    with pytest.raises(ValidationError) as err:
        set_batch_decision(db, event_id, b.sugar_dough, 9, bite)
    assert err.value.message == (
        "Cookie bite is not needed by this plan; Sugar Cookie Dough is needed as Sugar cookie"
    )
    assert _row(db, event_id, b.sugar_dough).decision.yield_name == "Sugar cookie"


def test_demo_passes_the_invariant_checker(tmp_path):
    path = tmp_path / "demo.db"
    db = open_database(path)
    load_demo(db)
    db.dispose()
    assert problems(path) == []


def test_import_refuses_a_started_plan_that_is_not_snapshot_plus_amendments(db, tmp_path):
    load_demo(db)
    doc = export_document(db)
    bad = copy.deepcopy(doc)
    done = next(i for i, e in enumerate(bad["events"]) if e["plan_state"] == "completed")
    bad["events"][done]["finished_goods"][0]["quantity"] = 999
    fresh = open_database(tmp_path / "fresh.db")
    with pytest.raises(ServiceError) as err:
        import_document(fresh, bad)
    assert f"events[{done}].finished_goods: not what the snapshot" in str(err.value)
    assert export_document(fresh)["events"] == []
    import_document(fresh, doc)  # the untouched export still imports
    fresh.dispose()


def test_a_completed_plan_keeps_its_figures_after_catalog_edits(db, b):
    from src.models import FinishedUnit, Recipe

    event_id = planned_event(db, b, "completed")
    before = get_plan_view(db, event_id)
    assert before.completed_at is not None
    with db.uow() as s:
        s.get(FinishedUnit, b.u_cookie).items_per_batch = 12
        s.get(Recipe, b.sugar_dough).name = "Renamed Dough"
    after = get_plan_view(db, event_id)
    assert after.batches == before.batches
    assert after.shopping == before.shopping
    assert (after.complete, after.assembly) == (before.complete, before.assembly)
    assert get_shopping_list(db, event_id) == before.shopping


def test_an_imported_completed_plan_is_frozen_at_import(db, tmp_path):
    from src.models import FinishedUnit

    load_demo(db)
    from src.services.plan.events import find_event

    done = find_event(db, "Holiday Cookie Exchange 2025").id
    before = get_plan_view(db, done)
    with db.uow() as s:
        for unit in s.query(FinishedUnit).filter(FinishedUnit.name == "Sugar cookie"):
            unit.items_per_batch = 30
    after = get_plan_view(db, done)
    assert after.batches == before.batches and after.complete == before.complete


def test_compare_matches_a_renamed_recipe_by_identity(db, b, event_id, tmp_path):
    from src.models import FinishedGood, Recipe

    with db.uow() as s:
        s.get(Recipe, b.sugar_dough).name = "Butter Cookie Dough"
        s.get(FinishedGood, b.g_cookie).name = "Butter cookie"
    lines = get_plan_view(db, event_id).comparison.lines
    assert {(x.name, x.change) for x in lines} == {
        ("Butter Cookie Dough", "unchanged"),
        ("Truffles", "unchanged"),
        ("Butter cookie", "unchanged"),
        ("Truffle box", "unchanged"),
    }
    db.dispose()
    if db.url.startswith("sqlite"):  # the invariant checker reads the SQLite file itself
        assert problems(tmp_path / "bake.db") == []
    # exported with today's names, it imports and still compares by identity
    doc = export_document(db)
    fresh = open_database(tmp_path / "fresh.db")
    import_document(fresh, doc)
    from src.services.plan.events import find_event

    moved = find_event(fresh, "Christmas 2026").id
    with fresh.uow() as s:
        s.query(Recipe).filter(Recipe.name == "Truffles").one().name = "Ganache Truffles"
    changes = {x.change for x in get_plan_view(fresh, moved).comparison.lines}
    assert changes == {"unchanged"}
    fresh.dispose()


def test_recording_a_recipe_without_a_decision_needs_confirmation(db, b, event_id):
    with pytest.raises(ServiceError) as err:
        production.record_production(db, event_id, b.truffles, 2)
    assert err.value.message == (
        "Truffles has no batch decision, so all 2 batches would be extras; "
        "confirm to record the extra batches"
    )
    production.record_production(db, event_id, b.truffles, 4, over=True)
    view = get_plan_view(db, event_id)
    assert view.undecided == ()  # what is baked counts
    assert "Heavy cream" not in {s.ingredient for s in view.shopping}


def test_preview_refuses_like_the_amendment(db, b, event_id):
    with pytest.raises(ValidationError, match='Unknown kind of amendment "swap"'):
        amendments.preview_amendment(db, event_id, "swap", good_id=b.g_cookie)
    with pytest.raises(ValidationError, match="already baked; choose 3 or more"):
        production.record_production(db, event_id, b.sugar_dough, 3)
        amendments.preview_amendment(db, event_id, "modify_batch", recipe_id=b.sugar_dough,
                                     batches=2)
    preview = amendments.preview_amendment(
        db, event_id, "modify_batch", recipe_id=b.sugar_dough, batches=3
    )
    [sugar] = preview.recipes
    assert (sugar.decided, sugar.new_batches, sugar.baked, sugar.outcome) == (9, 3, 3, "short")


def test_make_amendment_dispatches_by_kind(db, b, event_id):
    row = amendments.make_amendment(db, event_id, "modify_fg", "guests", good_id=b.g_cookie,
                                    quantity=216, batch_counts={b.sugar_dough: 9})
    assert row.summary == "Sugar cookie: 200 → 216"  # 9 batches already: no batch change
    assert row.details == {
        "good": "Sugar cookie", "original_quantity": 200, "quantity": 216,
        "selected_recipes": [], "deselected_recipes": [], "batch_changes": [],
    }
