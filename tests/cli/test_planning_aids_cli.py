"""optimise, pantry-check, clone and suggest from the terminal, on the demo bakery."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

from tests.cli.test_cli import assert_user_error, run

EXCHANGE_2026 = "Holiday Cookie Exchange 2026"


@pytest.fixture
def demo(tmp_path) -> str:
    path = str(tmp_path / "demo.db")
    assert run("demo", "--db", path).returncode == 0
    return path


def test_optimise_json_has_the_exchange_shape(demo):
    done = run("optimise", EXCHANGE_2026, "--margin", "5", "--json", "--db", demo)
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)  # nothing but the document on stdout
    assert set(report) == {"objective", "decisions", "meets_all_lines", "cost", "extras"}
    # The demo's packs carry prices: the lowest ingredient cost comes first.
    assert report["objective"] == "cost" and Decimal(report["cost"]) > 0
    assert report["meets_all_lines"] is True
    brownies = next(d for d in report["decisions"] if d["recipe"] == "Fudge Brownie Batter")
    assert set(brownies["split"]) == {"Brownie bite", "Brownie square"}
    assert all(isinstance(d["batches"], int) for d in report["decisions"])
    assert all(n >= 0 for n in report["extras"].values())


def test_optimise_previews_then_applies(demo):
    before = json.loads(run("plan", EXCHANGE_2026, "--json", "--db", demo).stdout)
    preview = run("optimise", EXCHANGE_2026, "--db", demo)
    assert preview.returncode == 0, preview.stderr
    assert "Every line is met with the margin." in preview.stdout
    assert "add --apply" in preview.stdout
    unchanged = json.loads(run("plan", EXCHANGE_2026, "--json", "--db", demo).stdout)
    assert unchanged["recipes"] == before["recipes"]
    proposal = json.loads(run("optimise", EXCHANGE_2026, "--json", "--db", demo).stdout)
    applied = run("optimise", EXCHANGE_2026, "--apply", "--db", demo)
    assert applied.returncode == 0 and "Applied:" in applied.stdout
    after = json.loads(run("plan", EXCHANGE_2026, "--json", "--db", demo).stdout)
    assert {r["recipe"]: r["decision"]["batches"] for r in after["recipes"]} == {
        d["recipe"]: d["batches"] for d in proposal["decisions"]}


def test_optimise_apply_is_refused_in_production(demo):
    assert_user_error(
        run("optimise", "Thanksgiving Bake Sale", "--apply", "--db", demo), "in production"
    )
    assert_user_error(
        run("optimise", EXCHANGE_2026, "--margin", "abc", "--db", demo), "Safety margin"
    )


def test_pantry_check(demo):
    done = run("pantry-check", EXCHANGE_2026, "--db", demo)
    assert done.returncode == 0, done.stderr
    assert "Not covered:" in done.stdout and "To make every line, buy:" in done.stdout
    first = run("pantry-check", EXCHANGE_2026, "--first", "Brownie square", "--db", demo)
    assert first.returncode == 0, first.stderr
    assert "you can make: Brownie square" in first.stdout
    assert_user_error(run("pantry-check", EXCHANGE_2026, "--first", "Nope", "--db", demo),
                      "not a line")


def test_clone_scales_uses_leftovers_and_names_stale_decisions(demo):
    done = run("clone", "Holiday Cookie Exchange 2025", "--name", "Exchange 2026 copy",
               "--date", "2026-12-19", "--attendees", "24", "--scale", "--db", demo)
    assert done.returncode == 0, done.stderr
    assert "Last year 2 of 12 Cookie tin were left: 20 planned instead of 24" in done.stdout
    assert "Stale decisions" in done.stdout
    plan = json.loads(run("plan", "Exchange 2026 copy", "--json", "--db", demo).stdout)
    assert plan["event"]["expected_attendees"] == 24
    assert plan["assembly"][0]["quantity"] == 20


def test_clone_refuses_bad_input(demo):
    assert_user_error(run("clone", "No such event", "--name", "X", "--date", "2027-01-01",
                          "--db", demo), "No event named")
    assert_user_error(run("clone", EXCHANGE_2026, "--name", "X", "--date", "someday",
                          "--db", demo), "date")


def test_suggest_previews_and_applies(demo):
    done = run("suggest", EXCHANGE_2026, "--db", demo)
    assert done.returncode == 0, done.stderr
    assert "Suggested for 20 guests:" in done.stdout
    assert "Sugar cookie" in done.stdout and "suggested 60" in done.stdout
    applied = run("suggest", EXCHANGE_2026, "--apply", "--db", demo)
    assert applied.returncode == 0, applied.stderr
    plan = json.loads(run("plan", EXCHANGE_2026, "--json", "--db", demo).stdout)
    quantities = {a["finished_good"]: a["quantity"] for a in plan["assembly"]}
    assert quantities["Sugar cookie"] == 60 and quantities["Brownie square"] == 20
    assert_user_error(run("suggest", "Thanksgiving Bake Sale", "--apply", "--db", demo),
                      "in production")


def test_leftovers_and_per_guest(demo):
    done = run("leftovers", "Thanksgiving Bake Sale", "Brownie square=5", "--db", demo)
    assert done.returncode == 0, done.stderr
    assert "  Brownie square: 5 of 48 left over" in done.stdout
    assert_user_error(run("leftovers", "Thanksgiving Bake Sale", "Brownie square=99",
                          "--db", demo), "more than the 48 planned")
    assert_user_error(run("leftovers", "Thanksgiving Bake Sale", "Nothing=1", "--db", demo),
                      "give GOOD=N")
    done = run("per-guest", "pumpkin loaf", "0.25", "--db", demo)
    assert done.returncode == 0 and done.stdout.strip() == "Pumpkin loaf: 0.25 per guest"
    assert_user_error(run("per-guest", "Pumpkin loaf", "-1", "--db", demo), "more than zero")
