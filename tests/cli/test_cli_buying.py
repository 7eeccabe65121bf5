"""Buying from the command line: packs, the currency, and the plan's cost fields."""

from __future__ import annotations

import json

import pytest

from .test_cli import assert_user_error, run


@pytest.fixture
def demo_db(tmp_path) -> str:
    path = str(tmp_path / "bakery.db")
    assert run("demo", "--db", path).returncode == 0
    return path


def test_add_and_list_packs_and_refuse_bad_input(demo_db):
    done = run("add-pack", "whole milk", "gallon", "16", "cup", "--price", "4.19",
               "--db", demo_db)
    assert done.returncode == 0, done.stderr
    assert done.stdout == 'Added the pack "gallon" (16 cup) to whole milk\n'
    listed = run("packs", "Whole milk", "--db", demo_db).stdout.splitlines()
    assert listed == ["half gallon: 8 cup, no price at Grocer (preferred)", "gallon: 16 cup, $4.19"]
    assert_user_error(run("add-pack", "Whole milk", "pint", "0", "cup", "--db", demo_db),
                      "Pack size must be more than zero")
    assert_user_error(run("packs", "Unobtainium", "--db", demo_db), 'no ingredient named')


def test_currency_setting_changes_the_shopping_list(demo_db):
    assert run("currency", "--db", demo_db).stdout == "$\n"
    assert run("currency", "€", "--db", demo_db).returncode == 0
    done = run("shopping-list", "Thanksgiving Bake Sale", "--db", demo_db)
    assert "Trip total: €19.97" in done.stdout


def test_plan_json_has_the_cost_fields(demo_db):
    done = run("plan", "Thanksgiving Bake Sale", "--json", "--db", demo_db)
    report = json.loads(done.stdout)
    pecans = next(s for s in report["shopping_list"] if s["ingredient"] == "Pecans")
    assert pecans["buy"] == [{"pack": "1 lb bag", "count": 1}] and pecans["cost"] == "9.99"
    assert report["shopping_cost"] == "19.97" and report["missing_prices"] == []
    assert all(set(g) == {"finished_good", "quantity", "each", "line"}
               for g in report["finished_goods_cost"])
    assert "event_cost" in report


def test_help_lists_the_buying_commands():
    done = run("--help")
    assert "add-pack" in done.stdout and "currency" in done.stdout


def test_the_shopping_list_writes_fluid_ounces_as_fl_oz(demo_db):
    done = run("shopping-list", "Holiday Cookie Exchange 2026", "--db", demo_db)
    assert done.returncode == 0, done.stderr
    molasses = next(line for line in done.stdout.splitlines() if "Molasses" in line)
    # the need, the leftover and the pantry all in the baker's spelling
    assert "fl_oz" not in done.stdout
    assert "(leaves 8 fl oz)" in molasses and "on hand 12 fl oz" in molasses
