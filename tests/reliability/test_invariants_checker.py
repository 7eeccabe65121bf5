"""The invariant checker the crash and lifecycle harnesses rely on really catches
broken plans (a checker that never complains would make them pass vacuously),
and the synthetic bakery it is usually run on is what bench/generate.py promises."""

from __future__ import annotations

import json
import shutil
import sqlite3

import pytest

from bench.generate import SIZES, bakery, nesting_depth, scaled
from src.db import open_database
from src.services.plan.lifecycle import lock_plan, start_production

from . import invariants

STAMP = "2026-01-01 00:00:00"


@pytest.fixture
def started_bakery(small_bakery):
    path, event_id = small_bakery
    db = open_database(path)
    lock_plan(db, event_id)
    start_production(db, event_id)
    db.dispose()
    return path, event_id


def _corrupt(path, tmp_path, sql: str, *params) -> list[str]:
    copy = tmp_path / "corrupt.db"
    shutil.copyfile(path, copy)
    conn = sqlite3.connect(copy)
    with conn:
        conn.execute(sql, params)
    conn.close()
    return invariants.problems(copy)


def test_a_sound_database_has_no_problems(started_bakery):
    path, _ = started_bakery
    assert invariants.problems(path) == []


def test_a_line_whose_recipe_is_not_selected_is_caught(started_bakery, tmp_path):
    path, event_id = started_bakery
    found = _corrupt(path, tmp_path, "DELETE FROM event_recipes WHERE id = (SELECT min(id) "
                     "FROM event_recipes WHERE event_id = ?)", event_id)
    assert any("needs unselected recipes" in p for p in found)


def test_a_decision_for_an_unselected_recipe_is_caught(started_bakery, tmp_path):
    path, event_id = started_bakery
    found = _corrupt(path, tmp_path,
                     "INSERT INTO batch_decisions (event_id, recipe_id, batches, uuid, "
                     "created_at, updated_at) SELECT ?, id, 3, 'x', ?, ? FROM recipes WHERE id "
                     "NOT IN (SELECT recipe_id FROM event_recipes WHERE event_id = ?) LIMIT 1",
                     event_id, STAMP, STAMP, event_id)
    assert any("decision for unselected recipe" in p for p in found)


def test_an_amendment_recorded_but_not_applied_is_caught(started_bakery, tmp_path):
    path, event_id = started_bakery
    conn = sqlite3.connect(path)
    name, qty = conn.execute(
        "SELECT g.name, l.quantity FROM event_finished_goods l JOIN finished_goods g "
        "ON g.id = l.finished_good_id WHERE l.event_id = ? LIMIT 1", (event_id,)).fetchone()
    conn.close()
    data = json.dumps({"finished_good_id": 0, "finished_good_name": name,
                       "original_quantity": qty})
    found = _corrupt(path, tmp_path,
                     "INSERT INTO plan_amendments (event_id, amendment_type, amendment_data, "
                     "reason, uuid, created_at, updated_at) VALUES (?, 'drop_fg', ?, 'x', 'y', "
                     "?, ?)", event_id, data, STAMP, STAMP)
    assert any("differs from snapshot + amendments" in p for p in found)


def test_a_second_snapshot_is_caught(started_bakery, tmp_path):
    path, event_id = started_bakery
    found = _corrupt(path, tmp_path, "DELETE FROM plan_snapshots WHERE event_id = ?", event_id)
    assert any("0 snapshots" in p for p in found)


def test_the_generator_keeps_its_promises():
    large = bakery("large")
    assert json.dumps(large) == json.dumps(bakery("large"))  # deterministic
    event = large["events"][0]
    assert (len(large["recipes"]), len(large["ingredients"]), len(large["finished_goods"])) == (
        1000, 400, 1500)
    assert (len(event["recipes"]), len(event["finished_goods"])) == (200, 300)
    assert nesting_depth(large) == 5
    assert {d["recipe"] for d in event["batch_decisions"]} == set(event["recipes"])
    assert any("base" in r for r in large["recipes"])
    assert any(len(r["yields"]) > 1 for r in large["recipes"])
    x16 = scaled(SIZES["medium"], 16)
    assert (x16.recipes, x16.lines) == (1600, 2400)
