"""The command line as a user types it: subprocesses of main.py from the repository root."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "main.py", *args], cwd=ROOT, capture_output=True,
                          text=True, encoding="utf-8", timeout=120)


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory) -> str:
    path = str(tmp_path_factory.mktemp("cli") / "demo.db")
    done = run("demo", "--db", path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("Loaded the demo bakery: 21 ingredients, 13 recipes")
    return path


def assert_user_error(done: subprocess.CompletedProcess, text: str) -> None:
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert text in done.stderr
    assert done.stdout == ""


def test_demo_refuses_a_database_with_data(demo_db):
    assert_user_error(run("demo", "--db", demo_db), "already has data")


def test_events_lists_the_demo(demo_db):
    done = run("events", "--db", demo_db)
    assert done.returncode == 0
    assert "2026-11-28  in_production        150  Thanksgiving Bake Sale" in done.stdout


def test_plan_json(demo_db):
    done = run("plan", "Thanksgiving Bake Sale", "--json", "--db", demo_db)
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["event"] == {"name": "Thanksgiving Bake Sale", "date": "2026-11-28",
                               "plan_state": "in_production", "expected_attendees": 150}
    pies = next(r for r in report["recipes"] if r["recipe"] == "Pumpkin Pie")
    assert pies["decision"] is None and pies["batches_needed"] == "6"
    bread = next(r for r in report["recipes"] if r["recipe"] == "Pumpkin Bread")
    assert bread["progress"] == {"baked": 2, "remaining": 2, "overage": 0, "batches": 4}
    assert {"finished_good": "Pumpkin pie", "quantity": 6, "status": "undecided",
            "can_make": 0} in report["assembly"]
    assert report["report_version"] == 2
    assert report["undecided"] == ["Pumpkin Pie"]
    assert [a["type"] for a in report["amendments"]] == ["drop_fg", "modify_batch", "add_fg"]
    assert report["production"][0] == {"recipe": "Chocolate Chip Cookie Dough", "batches": 2,
                                       "recorded_at": "2026-11-25T14:00:00Z", "notes": ""}
    assert report["complete"] is False


def test_plan_text(demo_db):
    done = run("plan", "Holiday Cookie Exchange 2026", "--db", demo_db)
    assert done.returncode == 0, done.stderr
    assert "Recipes (8 of 8 decided)" in done.stdout
    assert "Plan complete: no" in done.stdout


def test_unknown_event_is_one_line_on_stderr(demo_db):
    done = run("plan", "Easter", "--db", demo_db)
    assert_user_error(done, 'bake-planner: No event named "Easter"')
    assert done.stderr.count("\n") == 1


def test_same_named_events_need_a_date(tmp_path):
    db = str(tmp_path / "two.db")
    doc = {"format": "bake-planner", "version": 1, "events": [
        {"name": "Bake sale", "date": "2026-05-01"}, {"name": "Bake sale", "date": "2026-09-01"}]}
    (tmp_path / "two.json").write_text(json.dumps(doc), encoding="utf-8")
    assert run("import", str(tmp_path / "two.json"), "--db", db).returncode == 0
    assert_user_error(run("plan", "Bake sale", "--db", db), "choose one with --date")
    done = run("plan", "Bake sale", "--date", "2026-09-01", "--json", "--db", db)
    assert done.returncode == 0
    assert json.loads(done.stdout)["event"]["date"] == "2026-09-01"


def test_shopping_list_printed_csv_and_pdf(demo_db, tmp_path):
    done = run("shopping-list", "Thanksgiving Bake Sale", "--db", demo_db)
    assert done.returncode == 0
    assert done.stdout.index("To buy (2)") < done.stdout.index("Already have (11)")
    # grouped by store, each line in packs, and the trip's total
    assert (done.stdout.index("  Grocer — $9.98") < done.stdout.index(
        "Unsalted butter: buy 2 × 1 lb box of 4 sticks (leaves 264 g) — $9.98")
        < done.stdout.index("  Warehouse club — $9.99")
        < done.stdout.index("Pecans: buy 1 × 1 lb bag (leaves 0.1 lb) — $9.99"))
    assert "Trip total: $19.97" in done.stdout
    csv_path, pdf_path = tmp_path / "list.csv", tmp_path / "list.pdf"
    done = run("shopping-list", "Thanksgiving Bake Sale", "--csv", str(csv_path),
               "--pdf", str(pdf_path), "--db", demo_db)
    assert done.returncode == 0, done.stderr
    lines = csv_path.read_text(encoding="utf-8").splitlines()
    assert lines[:3] == ["ingredient,needed,unit,on_hand,to_buy,status,store,buy,leftover,cost",
                         "All-purpose flour,3.599,lb,5,0,sufficient,Grocer,,1.401,0",
                         "Baking soda,4,tsp,83.661,0,sufficient,Grocer,,79.661,0"]
    assert pdf_path.read_bytes().startswith(b"%PDF")


def test_writing_to_a_folder_or_missing_folder_is_refused(demo_db, tmp_path):
    assert_user_error(run("shopping-list", "Thanksgiving Bake Sale", "--csv", str(tmp_path),
                          "--db", demo_db), "is a folder")
    assert_user_error(run("export", str(tmp_path / "no" / "x.json"), "--db", demo_db),
                      "does not exist")


def test_bake_sheet(demo_db, tmp_path):
    target = tmp_path / "sheet.pdf"
    done = run("bake-sheet", "Holiday Cookie Exchange 2026", "--pdf", str(target), "--db",
               demo_db)
    assert done.returncode == 0, done.stderr
    assert target.read_bytes().startswith(b"%PDF")


def test_export_import_round_trip(demo_db, tmp_path):
    first, second = tmp_path / "a.json", tmp_path / "b.json"
    assert run("export", str(first), "--db", demo_db).returncode == 0
    fresh = str(tmp_path / "fresh.db")
    done = run("import", str(first), "--db", fresh)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("Imported 21 ingredients, 13 recipes, 21 finished goods")
    assert run("export", str(second), "--db", fresh).returncode == 0
    assert first.read_bytes() == second.read_bytes()


def test_import_lists_every_problem(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"format": "bake-planner", "version": 1, "recipes": [
        {"name": "Bread", "ingredients": [{"ingredient": "Flour", "quantity": "1",
                                           "unit": "cupz"}]}]}), encoding="utf-8")
    done = run("import", str(bad), "--db", str(tmp_path / "x.db"))
    assert_user_error(done, "nothing was imported")
    assert '  recipes[0].ingredients[0].unit: unknown unit "cupz"' in done.stderr
    bad.write_text("{oops", encoding="utf-8")
    done = run("import", str(bad), "--db", str(tmp_path / "x.db"))
    assert_user_error(done, "not JSON: Expecting property name enclosed in double quotes at "
                            "line 1 column 2")
    assert_user_error(run("import", str(tmp_path / "nope.json"), "--db", str(tmp_path / "x.db")),
                      "cannot read")


def test_import_conflicts_suggest_replace(demo_db, tmp_path):
    path = tmp_path / "again.json"
    assert run("export", str(path), "--db", demo_db).returncode == 0
    done = run("import", str(path), "--db", demo_db)
    assert_user_error(done, 'recipes[0].name: a recipe named "Chocolate Chip Cookie Dough" '
                            "already exists")
    assert "use --replace" in done.stderr
    done = run("import", str(path), "--replace", "--db", demo_db)
    assert done.returncode == 0, done.stderr


def test_usage_errors_exit_2():
    assert run("plan").returncode == 2
    assert run("bake-sheet", "X").returncode == 2
