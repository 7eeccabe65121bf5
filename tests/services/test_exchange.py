"""Import / export of the exchange document: round trip, every error class with
its exact location, conflicts and replace, all-or-nothing."""

from __future__ import annotations

import copy
import json

import pytest

from src.db import open_database
from src.services.errors import ConflictError
from src.services.exchange import (
    ExchangeError,
    document_text,
    export_document,
    export_to_file,
    import_document,
    import_file,
)
from src.services.exchange.demo import demo_document, load_demo, load_demo_if_empty
from src.services.plan.events import list_events
from src.services.plan.view import get_plan_view


def small_doc() -> dict:
    return {
        "format": "bake-planner",
        "version": 1,
        "ingredients": [
            {"name": "All-purpose flour", "category": "Dry goods", "density_g_per_ml": "0.53"},
            {"name": "Cocoa powder", "category": "Dry goods", "density_g_per_ml": "0.42"},
        ],
        "recipes": [
            {"name": "Sugar Cookie Dough", "category": "Cookies", "notes": "",
             "ingredients": [{"ingredient": "All-purpose flour", "quantity": "2.75",
                              "unit": "cup"}],
             "yields": [{"name": "Sugar cookie", "mode": "discrete_count",
                         "items_per_batch": 24}]},
            {"name": "Chocolate Sugar Cookie Dough", "base": "Sugar Cookie Dough",
             "ingredients": [{"ingredient": "Cocoa powder", "quantity": "0.5", "unit": "cup"}],
             "yields": [{"name": "Chocolate sugar cookie", "mode": "discrete_count",
                         "items_per_batch": 24}]},
            {"name": "Vanilla Cake", "ingredients": [],
             "yields": [{"name": "9-inch vanilla cake", "mode": "batch_portion",
                         "batch_percentage": "50"}]},
            {"name": "Truffles", "ingredients": [
                {"ingredient": "Cocoa powder", "quantity": 2, "unit": "tbsp"},
                {"ingredient": "All-purpose flour", "quantity": "1", "unit": "g"}],
             "yields": [{"name": "Truffle", "mode": "discrete_count", "items_per_batch": 40}]},
        ],
        "finished_goods": [
            {"name": "Sugar cookie", "components": [{"unit": "Sugar cookie", "quantity": 1}]},
            {"name": "Truffle box", "components": [{"unit": "Truffle", "quantity": 4}]},
            {"name": "Cookie tin", "components": [
                {"unit": "Sugar cookie", "quantity": 6}, {"good": "Truffle box", "quantity": 1}]},
        ],
        "pantry": [{"ingredient": "All-purpose flour", "quantity": "5", "unit": "lb"}],
        "events": [
            {"name": "Christmas 2026", "date": "2026-12-20", "expected_attendees": 50,
             "notes": "", "plan_state": "draft",
             "recipes": ["Sugar Cookie Dough", "Truffles"],
             "finished_goods": [{"good": "Cookie tin", "quantity": 20},
                                {"good": "Sugar cookie", "quantity": 10},
                                {"good": "Truffle box", "quantity": 3}],
             "batch_decisions": [{"recipe": "Sugar Cookie Dough", "batches": 6,
                                  "yield": "Sugar cookie"}],
             "production": [], "snapshot": None, "amendments": []},
        ],
    }


def problems_of(db, document, **kwargs) -> list[str]:
    with pytest.raises(ExchangeError) as info:
        import_document(db, document, **kwargs)
    return info.value.problems


def test_demo_round_trips_byte_identical(db, tmp_path):
    load_demo(db)
    first = export_document(db)
    assert document_text(first) == (
        tmp_path.joinpath("x").write_text("") or document_text(demo_document())
    )
    other = open_database(tmp_path / "other.db")
    try:
        import_document(other, first)
        assert document_text(export_document(other)) == document_text(first)
    finally:
        other.dispose()


def test_two_exports_of_the_same_data_are_identical(db, tmp_path):
    import_document(db, small_doc())
    export_to_file(db, tmp_path / "a.json")
    export_to_file(db, tmp_path / "b.json")
    assert (tmp_path / "a.json").read_bytes() == (tmp_path / "b.json").read_bytes()


def test_plans_come_back_in_their_state_with_snapshot_and_amendments(db):
    load_demo(db)
    events = {e.name: e for e in list_events(db)}
    sale = events["Thanksgiving Bake Sale"]
    assert sale.plan_state == "in_production"
    view = get_plan_view(db, sale.id)
    assert [a.kind for a in view.amendments] == ["drop_fg", "modify_batch", "add_fg"]
    assert view.comparison is not None and view.comparison.has_changes
    assert [r.batches for r in view.production_runs] == [2, 2, 1]
    assert events["Holiday Cookie Exchange 2025"].plan_state == "completed"
    draft = get_plan_view(db, events["Holiday Cookie Exchange 2026"].id)
    stale = [b.recipe_name for b in draft.batches if b.decision and b.decision.stale]
    assert stale == ["Gingerbread Dough"]


def test_export_translates_amendment_ids_to_names(db):
    load_demo(db)
    sale = next(e for e in export_document(db)["events"] if e["name"] == "Thanksgiving Bake Sale")
    data = {a["type"]: a["data"] for a in sale["amendments"]}
    assert data["drop_fg"] == {
        "good": "Oatmeal cookie",
        "original_quantity": 60,
        "deselected_recipes": ["Oatmeal Cookie Dough"],
    }
    assert data["add_fg"] == {"good": "Pumpkin pie", "quantity": 6,
                              "selected_recipes": ["Pumpkin Pie"]}
    assert data["modify_batch"] == {"recipe": "Pumpkin Bread", "original_batches": 3,
                                    "new_batches": 4}


def test_decimals_are_normalised_strings(db):
    doc = small_doc()
    doc["recipes"][0]["ingredients"][0]["quantity"] = 2.750
    doc["ingredients"][0]["density_g_per_ml"] = "0.530"
    doc["recipes"][2]["yields"][0]["batch_percentage"] = 50
    import_document(db, doc)
    out = export_document(db)
    assert out["recipes"][1]["name"] == "Sugar Cookie Dough"
    assert out["recipes"][1]["ingredients"][0]["quantity"] == "2.75"
    assert out["ingredients"][0]["density_g_per_ml"] == "0.53"
    assert out["recipes"][3]["yields"][0]["batch_percentage"] == "50"


def test_unknown_unit_is_reported_with_its_location(db):
    doc = small_doc()
    doc["recipes"][3]["ingredients"][1]["unit"] = "cupz"
    assert problems_of(db, doc) == ['recipes[3].ingredients[1].unit: unknown unit "cupz"']


def test_every_problem_is_reported_at_once_and_nothing_is_written(db):
    doc = small_doc()
    doc["recipes"][3]["ingredients"][1]["unit"] = "cupz"
    doc["events"][0]["finished_goods"][2]["quantity"] = 0
    doc["events"][0]["date"] = "2026-13-01"
    assert problems_of(db, doc) == [
        'recipes[3].ingredients[1].unit: unknown unit "cupz"',
        'events[0].date: "2026-13-01" is not a date',
        "events[0].finished_goods[2].quantity: must be a whole number ≥ 1",
    ]
    assert export_document(db)["ingredients"] == []


@pytest.mark.parametrize("bad", [0, -3, 24.5, "7", True, None])
def test_line_quantity_must_be_a_whole_number(db, bad):
    doc = small_doc()
    doc["events"][0]["finished_goods"][2]["quantity"] = bad
    assert problems_of(db, doc) == [
        "events[0].finished_goods[2].quantity: must be a whole number ≥ 1"
    ]


def test_cycle_names_the_goods(db):
    doc = small_doc()
    doc["finished_goods"] = [
        {"name": "Gift crate", "components": [{"good": "Cookie tin", "quantity": 1}]},
        {"name": "Cookie tin", "components": [{"good": "Gift crate", "quantity": 2},
                                              {"unit": "Sugar cookie", "quantity": 6}]},
    ]
    doc["events"] = []
    assert problems_of(db, doc) == ["finished_goods: cycle Gift crate → Cookie tin → Gift crate"]


def test_header_problems(db):
    assert problems_of(db, {**small_doc(), "version": 3}) == [
        "version: 3 is newer than this Bake Planner understands (2)"
    ]
    assert problems_of(db, {**small_doc(), "format": "cookies"}) == [
        'format: expected "bake-planner"'
    ]
    assert problems_of(db, [1, 2]) == ["document: must be a JSON object (a list given)"]


def test_not_json_names_line_and_column(db, tmp_path):
    path = tmp_path / "broken.json"
    path.write_text('{\n  "format": "bake-planner",\n  "version": 1,,\n}', encoding="utf-8")
    with pytest.raises(ExchangeError) as info:
        import_file(db, path)
    assert info.value.problems == [
        "not JSON: Expecting property name enclosed in double quotes at line 3 column 16"
    ]


def test_unreadable_file_and_folder(db, tmp_path):
    with pytest.raises(ExchangeError, match="cannot read"):
        import_file(db, tmp_path / "missing.json")
    with pytest.raises(ExchangeError, match="is a folder"):
        import_file(db, tmp_path)


def test_reference_and_rule_problems(db):
    doc = small_doc()
    doc["recipes"][1]["base"] = "Chocolate Sugar Cookie Dough"
    doc["recipes"][2]["yields"][0] = {"name": "9-inch vanilla cake", "mode": "batch_portion",
                                      "items_per_batch": 2}
    doc["finished_goods"].append({"name": "Odd box", "components": [
        {"unit": "Truffel", "quantity": 4}]})
    event = doc["events"][0]
    event["recipes"] = ["Sugar Cookie Dough"]
    event["batch_decisions"].append({"recipe": "Vanilla Cake", "batches": 1})
    event["production"] = [{"recipe": "Sugar Cookie Dough", "batches": 1,
                            "recorded_at": "2026-12-18T10:00:00Z"}]
    assert problems_of(db, doc) == [
        "recipes[1].base: a recipe cannot be a variant of itself",
        "recipes[2].yields[0].batch_percentage: is required for batch_portion",
        "recipes[2].yields[0].items_per_batch: is only for discrete_count",
        'finished_goods[3].components[0].unit: no yield type named "Truffel"',
        'events[0].finished_goods[0].good: "Cookie tin" needs recipes that are not selected '
        "for this event: Truffles",
        'events[0].finished_goods[2].good: "Truffle box" needs recipes that are not selected '
        "for this event: Truffles",
        'events[0].batch_decisions[1].recipe: "Vanilla Cake" is not a selected recipe of '
        "this event",
        'events[0].production: only a plan in production or completed has production; this '
        'one is "draft"',
    ]


def test_variant_of_a_variant_is_refused(db):
    doc = small_doc()
    doc["recipes"].append({"name": "Mint Chocolate Dough", "base": "Chocolate Sugar Cookie Dough"})
    assert problems_of(db, doc) == [
        'recipes[4].base: "Chocolate Sugar Cookie Dough" is itself a variant; a variant\'s '
        "base must be a base recipe"
    ]


def test_shape_problems_use_document_locations(db):
    doc = small_doc()
    del doc["recipes"][0]["name"]
    doc["ingredients"][1]["density_g_per_ml"] = "heavy"
    doc["pantry"] = "lots"
    doc["events"][0]["plan_state"] = "baking"
    assert problems_of(db, doc) == [
        'ingredients[1].density_g_per_ml: "heavy" is not a number',
        "recipes[0].name: is required",
        "pantry: must be a list",
        'events[0].plan_state: "baking" is not a plan state (draft, locked, in_production, '
        "completed)",
    ]


def test_names_that_exist_are_conflicts_unless_replace(db):
    import_document(db, small_doc())
    problems = problems_of(db, small_doc())
    assert 'recipes[2].name: a recipe named "Vanilla Cake" already exists' in problems
    assert 'events[0].name: an event named "Christmas 2026" on 2026-12-20 already exists' in (
        problems
    )
    changed = small_doc()
    changed["recipes"][0]["ingredients"][0]["quantity"] = "3"
    changed["events"][0]["finished_goods"][0]["quantity"] = 7
    result = import_document(db, changed, replace=True)
    assert result.updated > 0
    out = export_document(db)
    assert out["recipes"][1]["ingredients"][0]["quantity"] == "3"
    assert len(out["events"]) == 1
    assert out["events"][0]["finished_goods"][0] == {"good": "Cookie tin", "quantity": 7}


def test_duplicate_names_in_the_document(db):
    doc = small_doc()
    doc["ingredients"].append({"name": "cocoa POWDER"})
    assert problems_of(db, doc) == [
        'ingredients[2].name: "cocoa POWDER" is listed twice (also ingredients[1])'
    ]


def test_references_resolve_against_the_database(db):
    import_document(db, small_doc())
    events_only = {"format": "bake-planner", "version": 1, "events": [
        {"name": "Bake sale", "date": "2026-10-01", "recipes": ["sugar cookie dough"],
         "finished_goods": [{"good": "Sugar cookie", "quantity": 24}]}]}
    assert import_document(db, events_only).events == 1
    assert [e["name"] for e in export_document(db)["events"]] == ["Bake sale", "Christmas 2026"]


def test_demo_refuses_a_database_with_data(db):
    import_document(db, small_doc())
    with pytest.raises(ConflictError, match="already has data"):
        load_demo(db)
    assert load_demo_if_empty(db) is False


def test_load_demo_if_empty_loads_once(db):
    assert load_demo_if_empty(db) is True
    assert load_demo_if_empty(db) is False
    assert len(list_events(db)) == 3


def test_demo_document_matches_the_brief():
    doc = demo_document()
    assert len(doc["recipes"]) >= 12
    assert sum(1 for r in doc["recipes"] if r.get("base")) >= 2
    assert any(len(r["yields"]) >= 2 for r in doc["recipes"])
    assert any(y["mode"] == "batch_portion" for r in doc["recipes"] for y in r["yields"])
    states = sorted(e["plan_state"] for e in doc["events"])
    assert states == ["completed", "draft", "in_production"]
    json.dumps(copy.deepcopy(doc))
