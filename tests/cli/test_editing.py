"""The plan-editing commands (EXCHANGE.md "Editing a plan from the command
line"), run in-process: one line out and exit 0, or the refusal and exit 1
with nothing changed."""

from __future__ import annotations

import json
import shutil

import pytest

from src.cli import main
from src.db import open_database
from src.services.exchange import export_document
from src.services.exchange.demo import load_demo

SALE = "Thanksgiving Bake Sale"


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("editing") / "demo.db"
    db = open_database(path)
    load_demo(db)
    db.dispose()
    return path


@pytest.fixture
def db_path(demo_file, tmp_path):
    path = tmp_path / "bake.db"
    shutil.copy(demo_file, path)
    return str(path)


def cli(capsys, db_path: str, *args: str) -> tuple[int, str, str]:
    code = main([*args, "--db", db_path])
    out, err = capsys.readouterr()
    return code, out, err


def ok(capsys, db_path: str, *args: str) -> str:
    code, out, err = cli(capsys, db_path, *args)
    assert (code, err) == (0, ""), err
    assert out.count("\n") == 1
    return out.strip()


def refused(capsys, db_path: str, *args: str) -> str:
    before = _state(db_path)
    code, out, err = cli(capsys, db_path, *args)
    assert (code, out) == (1, "")
    assert err.count("\n") == 1 and "Traceback" not in err
    assert _state(db_path) == before
    return err.strip().removeprefix("bake-planner: ")


def _state(db_path: str) -> str:
    db = open_database(db_path)
    try:
        return json.dumps(export_document(db), sort_keys=True)
    finally:
        db.dispose()


def report(capsys, db_path: str, event: str = SALE) -> dict:
    code, out, _ = cli(capsys, db_path, "plan", event, "--json")
    assert code == 0
    return json.loads(out)


def test_a_whole_plan_from_the_command_line(capsys, db_path):
    assert ok(capsys, db_path, "new-event", "Café Day", "--date", "2026-12-01",
              "--attendees", "30") == "Created the draft event Café Day on 2026-12-01"
    assert ok(capsys, db_path, "select", "CAFE\u0301 day", "sugar cookie dough") == (
        "Selected Sugar Cookie Dough for Café Day")
    line = ok(capsys, db_path, "quantity", "café day", "Sugar cookie", "48")
    assert line == "Sugar cookie: 48 for Café Day"
    assert ok(capsys, db_path, "decide", "café day", "Sugar Cookie Dough", "2",
              "--yield-type", "sugar cookie") == "Sugar Cookie Dough: 2 batches as Sugar cookie"
    assert ok(capsys, db_path, "lock", "café day") == "Locked Café Day (locked)"
    assert ok(capsys, db_path, "unlock", "café day") == "Unlocked Café Day (draft)"
    ok(capsys, db_path, "lock", "café day")
    assert ok(capsys, db_path, "start", "café day") == (
        "Started production of Café Day (in production)")
    assert ok(capsys, db_path, "record", "café day", "Sugar Cookie Dough", "1") == (
        "Recorded 1 baked batch of Sugar Cookie Dough")
    assert ok(capsys, db_path, "amend", "café day", "quantity", "Sugar cookie", "70",
              "--reason", "more guests", "--batches", "Sugar Cookie Dough=3") == (
        "Amended Café Day: Sugar cookie: 48 → 70; Sugar Cookie Dough: 2 → 3 batches")
    assert ok(capsys, db_path, "amend", "café day", "batches", "Sugar Cookie Dough", "1",
              "--reason", "oven broke") == (
        "Amended Café Day: Sugar Cookie Dough: 3 → 1 batches; short now: Sugar Cookie Dough "
        "(amend their batches)")
    ok(capsys, db_path, "record", "café day", "Sugar Cookie Dough", "2", "--over")
    plan = report(capsys, db_path, "Café Day")
    assert plan["complete"] is True
    assert plan["recipes"][0]["progress"] == {"baked": 3, "remaining": 0, "overage": 2,
                                              "batches": 3}
    assert ok(capsys, db_path, "complete", "café day") == "Completed Café Day (completed)"


def test_amend_add_and_drop(capsys, db_path):
    line = ok(capsys, db_path, "amend", SALE, "add", "Sugar cookie", "24", "--reason", "choir",
              "--batches", "Sugar Cookie Dough=1")
    assert line == (f"Amended {SALE}: Added Sugar cookie: 24; selected Sugar Cookie Dough; "
                    "Sugar Cookie Dough: 1 batches (no decision before); "
                    "no batch decision: Pumpkin Pie")
    line = ok(capsys, db_path, "amend", SALE, "drop", "Pecan pie", "--reason", "no pecans")
    assert line == (f"Amended {SALE}: Dropped Pecan pie (was 4); deselected Pecan Pie; "
                    "no batch decision: Pumpkin Pie")
    plan = report(capsys, db_path)
    assert "Pecans" not in {s["ingredient"] for s in plan["shopping_list"]}


def test_deselect_reports_what_it_removed(capsys, db_path):
    event = "Holiday Cookie Exchange 2026"
    line = ok(capsys, db_path, "deselect", event, "Sugar Cookie Dough")
    assert line.startswith(f"Deselected Sugar Cookie Dough for {event}; removed ")
    assert refused(capsys, db_path, "deselect", event, "Sugar Cookie Dough") == (
        f"Sugar Cookie Dough is not selected for {event}")


def test_quantity_zero_removes_the_line(capsys, db_path):
    ok(capsys, db_path, "new-event", "Tea", "--date", "2026-03-01")
    ok(capsys, db_path, "select", "tea", "Sugar Cookie Dough")
    ok(capsys, db_path, "quantity", "tea", "sugar cookie", "007")
    assert report(capsys, db_path, "Tea")["recipes"][0]["needed"] == {"Sugar cookie": 7}
    line = ok(capsys, db_path, "quantity", "tea", "Sugar cookie", "0")
    assert line == "Removed Sugar cookie from Tea"
    assert report(capsys, db_path, "Tea")["recipes"] == []
    assert refused(capsys, db_path, "quantity", "tea", "Pecan pie", "2").startswith(
        "Pecan pie is not available for this event: select Pecan Pie first")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("record", SALE, "Pumpkin Bread", "5"),
         "Recording 5 batches of Pumpkin Bread goes beyond the decision (4 decided, 2 already "
         "baked, 7 after this); confirm to record the extra batches: add --over"),
        (("amend", SALE, "batches", "Fudge Brownie Batter", "0", "--reason", "x"),
         "Batches must be a whole number of at least 1, not 0"),
        (("amend", SALE, "batches", "Pumpkin Bread", "1", "--reason", "x"),
         "Pumpkin Bread: 2 batches are already baked; choose 2 or more batches"),
        (("amend", SALE, "batches", "Pumpkin Bread", "5", "--reason", " "),
         "A reason is required for an amendment"),
        (("amend", SALE, "quantity", "Pecan pie", "4", "--reason", "x"),
         "Pecan pie is already 4 in this plan; nothing to amend"),
        (("amend", SALE, "add", "Pecan pie", "2", "--reason", "x", "--batches", "Pecan Pie"),
         '--batches takes RECIPE=N, not "Pecan Pie"'),
        (("amend", SALE, "drop", "Pecan pies", "--reason", "x"),
         'No finished good named "Pecan pies"; did you mean "Pecan pie"'),
        (("record", "Thanksgiving", "Pumpkin Bread", "1"),
         'No event named "Thanksgiving"'),
        (("quantity", SALE, "Pecan pie", "5"), "Cannot change recipes or quantities: the plan "
         "is in production."),
        (("decide", SALE, "Pumpkin Pie", "1"), "Cannot change batch decisions"),
        (("lock", SALE), "Cannot lock: the plan is in production. Allowed from here: complete."),
        (("select", SALE, "Nope"), 'No recipe named "Nope"'),
        (("new-event", "X", "--date", "2026-02-30"),
         "\"2026-02-30\" is not a date: February 2026 has 28 days"),
    ],
)
def test_refusals_change_nothing(capsys, db_path, args, message):
    assert refused(capsys, db_path, *args).startswith(message)


def test_undecided_recipes_are_named_on_every_shopping_list(capsys, db_path, tmp_path):
    from pypdf import PdfReader

    code, out, _ = cli(capsys, db_path, "shopping-list", SALE)
    assert code == 0 and "Pumpkin Pie — not counted: no batch decision" in out
    csv_path, pdf_path = tmp_path / "s.csv", tmp_path / "s.pdf"
    code, _, _ = cli(capsys, db_path, "shopping-list", SALE, "--csv", str(csv_path),
                     "--pdf", str(pdf_path))
    assert code == 0
    assert "Pumpkin Pie,,,,,not counted: no batch decision" in csv_path.read_text()
    text = " ".join(p.extract_text() for p in PdfReader(pdf_path).pages)
    assert "Pumpkin Pie — not counted: no batch decision" in text


def test_amend_preview_shows_the_effect_and_changes_nothing(capsys, db_path):
    before = _state(db_path)
    code, out, err = cli(capsys, db_path, "amend", SALE, "quantity", "Brownie square", "60",
                         "--preview")
    assert (code, err) == (0, "")
    assert out.splitlines() == [
        "Brownie square: 48 → 60",
        "Fudge Brownie Batter: need 2 → 2.5 batches (options: 2, 3); 2 decided, 1 baked → "
        "0.5 batches short (12 items)",
        "Still short: Fudge Brownie Batter — add --batches RECIPE=N",
    ]
    assert _state(db_path) == before
    assert refused(capsys, db_path, "amend", SALE, "quantity", "Brownie square", "60") == (
        "A reason is required for an amendment")
