"""Extremes: inputs far past normal use give a result or a clear message, never a crash.

Bundles nested 1,000 deep, an event of 5,000 lines, names of 200 Unicode
characters, quantities of 10^9 (and far beyond). "A clear message" means a
ServiceError whose text the window can show as it is; anything else
(RecursionError, OverflowError, a database error) is a crash.
"""

from __future__ import annotations

import unicodedata

import pytest

from src.db import open_database
from src.services.errors import ServiceError
from src.services.exchange import export_document, import_document
from src.services.plan import decisions, selection
from src.services.plan.events import create_event, find_event, get_event
from src.services.plan.view import get_plan_view


def _doc(goods: list[dict], lines: list[dict], items_per_batch: int = 24,
         names: dict | None = None) -> dict:
    n = {"ingredient": "Flour", "recipe": "Dough", "unit": "Cookie", "event": "Big day",
         **(names or {})}
    return {
        "format": "bake-planner", "version": 1,
        "ingredients": [{"name": n["ingredient"], "category": "Dry goods",
                         "density_g_per_ml": "0.53"}],
        "recipes": [{"name": n["recipe"],
                     "ingredients": [{"ingredient": n["ingredient"], "quantity": "2.5",
                                      "unit": "cup"}],
                     "yields": [{"name": n["unit"], "mode": "discrete_count",
                                 "items_per_batch": items_per_batch}]}],
        "finished_goods": goods,
        "pantry": [{"ingredient": n["ingredient"], "quantity": "5", "unit": "lb"}],
        "events": [{"name": n["event"], "date": "2026-12-20", "plan_state": "draft",
                    "recipes": [n["recipe"]], "finished_goods": lines}],
    }


def _chain(depth: int, per_level: int) -> list[dict]:
    goods = [{"name": "Level 0", "components": [{"unit": "Cookie", "quantity": 1}]}]
    goods += [{"name": f"Level {k}", "components": [{"good": f"Level {k - 1}",
                                                    "quantity": per_level}]}
              for k in range(1, depth + 1)]
    return goods


@pytest.fixture
def db(tmp_path):
    database = open_database(tmp_path / "extreme.db")
    yield database
    database.dispose()


def _plan(db, name="Big day"):
    return get_plan_view(db, find_event(db, name).id)


def test_bundles_nested_1000_deep_plan_and_export(db):
    import_document(db, _doc(_chain(1000, 1), [{"good": "Level 1000", "quantity": 48}]))
    plan = _plan(db)
    (row,) = plan.batches
    assert row.needed[0].items == 48 and row.batches_needed == 2
    line = next(g for g in plan.goods if g.name == "Level 1000")
    assert line.available and line.recipe_names == ("Dough",)
    exported = export_document(db)
    assert len(exported["finished_goods"]) == 1001


def test_bundles_nested_1000_deep_doubling_each_level(db):
    """2^1000 cookies: far beyond any oven, but a plan view, not a crash."""
    import_document(db, _doc(_chain(1000, 2), [{"good": "Level 1000", "quantity": 1}]))
    try:
        plan = _plan(db)
    except ServiceError as exc:
        assert exc.message
        return
    (row,) = plan.batches
    assert row.needed[0].items == 2**1000


def test_event_of_5000_lines(db):
    goods = [{"name": f"Box {k}", "components": [{"unit": "Cookie", "quantity": 1 + k % 6}]}
             for k in range(5000)]
    lines = [{"good": f"Box {k}", "quantity": 1 + k % 12} for k in range(5000)]
    import_document(db, _doc(goods, lines))
    plan = _plan(db)
    assert sum(1 for g in plan.goods if g.quantity is not None) == 5000
    (row,) = plan.batches
    expected = sum((1 + k % 6) * (1 + k % 12) for k in range(5000))
    assert row.needed[0].items == expected
    event_id = plan.event.id
    assert selection.set_quantity(db, event_id, plan.goods[0].id, "7") == 7
    assert len(plan.assembly.lines) == 5000


NAME_200 = ("Crème brûlée 🍪 ""\u0645\u0639\u0645\u0648\u0644 "  # Arabic: ma'amoul
            "e\u0301 合家欢 ") * 20


def test_names_of_200_unicode_characters_round_trip(db, tmp_path):
    name = NAME_200[:200]
    assert len(name) == 200
    names = {"ingredient": name, "recipe": name, "unit": name, "event": name}
    doc = _doc([{"name": name, "components": [{"unit": name, "quantity": 6}]}],
               [{"good": name, "quantity": 10}], names=names)
    import_document(db, doc)
    plan = _plan(db, name)
    row = plan.batches[0]
    decisions.set_batch_decision(db, plan.event.id, row.recipe_id, row.options[-1].batches)
    plan = _plan(db, name)
    # Stored in Unicode NFC: the decomposed "e\u0301" becomes "é"; found either way.
    stored = unicodedata.normalize("NFC", name)
    assert stored != name
    assert plan.event.name == stored
    assert plan.batches[0].recipe_name == stored
    assert plan.shopping[0].ingredient == stored
    again = open_database(tmp_path / "again.db")
    try:
        import_document(again, export_document(db))
        # (the yield type's own single-item good, "<name> (single)", is listed too)
        assert stored in [g.name for g in _plan(again, name).goods]
    finally:
        again.dispose()


def test_a_name_of_201_characters_gets_a_message(db):
    try:
        event = create_event(db, name=NAME_200[:200] + "x", event_date="2026-12-20")
    except ServiceError as exc:
        assert "200" in exc.message or "long" in exc.message
    else:  # stored in NFC, which may be shorter than what was typed
        assert get_event(db, event.id).name == unicodedata.normalize("NFC", NAME_200[:200] + "x")


def _one_line_event(db) -> tuple[int, int, int]:
    import_document(db, _doc([{"name": "Cookie", "components": [{"unit": "Cookie",
                                                               "quantity": 1}]}], []))
    plan = _plan(db)
    good = next(g for g in plan.goods if g.name == "Cookie")
    recipe = plan.recipes[0]
    return plan.event.id, good.id, recipe.id


def test_quantity_of_a_billion(db):
    event_id, good_id, recipe_id = _one_line_event(db)
    assert selection.set_quantity(db, event_id, good_id, "1000000000") == 10**9
    plan = get_plan_view(db, event_id)
    (row,) = plan.batches
    assert row.batches_needed * 24 == 10**9
    batches = row.options[-1].batches
    decisions.set_batch_decision(db, event_id, recipe_id, batches)
    plan = get_plan_view(db, event_id)
    assert plan.complete and plan.batches[0].decision.batches == batches
    assert plan.shopping  # 10^9 / 24 batches of flour, exactly


@pytest.mark.parametrize("text", ["10000000000000000000", "1" + "0" * 100, "1e9"])
def test_quantities_past_any_kitchen_are_a_result_or_a_message(db, text):
    event_id, good_id, recipe_id = _one_line_event(db)
    for call in (lambda: selection.set_quantity(db, event_id, good_id, text),
                 lambda: decisions.set_batch_decision(db, event_id, recipe_id, text)):
        try:
            call()
        except ServiceError as exc:
            assert exc.message.strip()
    get_plan_view(db, event_id)  # whatever was saved can still be shown
