"""The plan view: the worked example, every section, cycles, and bounded loading."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest
from sqlalchemy import event

from src.db import open_database
from src.models import FinishedGoodComponent
from src.services.errors import ConflictError
from src.services.plan import amendments, decisions, lifecycle, production, selection
from src.services.plan.dto import UnitCount
from src.services.plan.view import get_plan_view, get_shopping_list
from tests.services.builders import (
    add_good,
    add_recipe,
    add_unit,
    build_bakery,
    build_scaled,
    new_event,
    plan_everything,
    planned_event,
)


@pytest.fixture
def b(db):
    return build_bakery(db)


def test_worked_example_200_sugar_cookies(db, b):
    """DESIGN/EXCHANGE by hand: 200 cookies at 24 per batch need 25/3 batches;
    8 give 192 (8 short), 9 give 216 (16 extra). 9 × 2.75 cup flour = 24.75
    cup; 5 lb at 0.53 g/ml = 2267.96185 g / 0.53 / 236.5882365 = 18.087 cup;
    to buy 24.75 − 18.087 = 6.663 cup."""
    event_id = new_event(db)
    selection.set_selected_recipes(db, event_id, [b.sugar_dough])
    selection.set_quantity(db, event_id, b.g_cookie, "200")
    view = get_plan_view(db, event_id)
    [row] = view.batches
    assert row.needed == (UnitCount(b.u_cookie, "Sugar cookie", 200),)
    assert (row.batches_needed, row.batches_needed_text) == (Fraction(25, 3), "8.333")
    short, extra = row.options
    assert (short.batches, short.kind, short.difference_items) == (8, "shortfall", -8)
    assert short.yield_items == (UnitCount(b.u_cookie, "Sugar cookie", 192),)
    assert short.difference_batches_text == "-0.333"
    assert (extra.batches, extra.kind, extra.difference_items) == (9, "extra", 16)
    assert extra.yield_items == (UnitCount(b.u_cookie, "Sugar cookie", 216),)
    assert extra.difference_batches_text == "0.667"
    assert (row.decision, view.decided_count, view.complete) == (None, 0, False)
    assert view.assembly.overall == "undecided"

    decisions.set_batch_decision(db, event_id, b.sugar_dough, 9, b.u_cookie)
    view = get_plan_view(db, event_id)
    flour = {r.ingredient: r for r in view.shopping}["All-purpose flour"]
    assert (flour.needed_text, flour.unit, flour.on_hand_text, flour.to_buy_text) == (
        "24.75",
        "cup",
        "18.087",
        "6.663",
    )
    assert flour.status == "to_buy"
    exact = Decimal(5) * Decimal("453.59237") / Decimal("0.53") / Decimal("236.5882365")
    assert abs(flour.on_hand - exact) < Decimal("1e-20")
    sugar = {r.ingredient: r for r in view.shopping}["Granulated sugar"]
    assert (sugar.needed_text, sugar.to_buy_text, sugar.status) == ("9", "9", "to_buy")
    assert (view.decided_count, view.complete, view.assembly.overall) == (1, True, "met")
    assert view.shopping == get_shopping_list(db, event_id)


def test_exact_need_gives_one_option(db, b):
    event_id = new_event(db)
    selection.set_selected_recipes(db, event_id, [b.sugar_dough])
    selection.set_quantity(db, event_id, b.g_cookie, 72)
    [option] = get_plan_view(db, event_id).batches[0].options
    assert (option.batches, option.kind, option.difference_items) == (3, "exact", 0)


def test_recipes_list_bases_each_followed_by_variants(db, b):
    event_id = new_event(db)
    selection.set_selected_recipes(db, event_id, [b.choc_dough])
    rows = get_plan_view(db, event_id).recipes
    assert [(r.name, r.is_variant, r.selected) for r in rows] == [
        ("Sugar Cookie Dough", False, False),
        ("Chocolate Sugar Cookie Dough", True, True),
        ("Truffles", False, False),
        ("Vanilla Cake", False, False),
    ]
    assert rows[1].base_recipe_name == "Sugar Cookie Dough"
    assert get_plan_view(db, event_id).selected_count == 1


def test_goods_show_availability_and_missing_recipes(db, b):
    event_id = new_event(db)
    selection.set_selected_recipes(db, event_id, [b.sugar_dough])
    selection.set_quantity(db, event_id, b.g_cookie, 24)
    goods = {g.name: g for g in get_plan_view(db, event_id).goods}
    assert [g for g in goods] == sorted(goods, key=str.casefold)
    tin = goods["Cookie tin"]
    assert (tin.is_bundle, tin.available, tin.missing_recipes, tin.recipe_names) == (
        True,
        False,
        ("Truffles",),
        ("Sugar Cookie Dough", "Truffles"),
    )
    cookie = goods["Sugar cookie"]
    assert (cookie.available, cookie.missing_recipes, cookie.quantity) == (True, (), 24)
    assert goods["Chocolate sugar cookie"].missing_recipes == ("Chocolate Sugar Cookie Dough",)


def test_variant_shopping_uses_inherited_and_replaced_lines(db, b):
    event_id = new_event(db)
    selection.set_selected_recipes(db, event_id, [b.choc_dough])
    selection.set_quantity(db, event_id, b.g_choc, 48)
    decisions.set_batch_decision(db, event_id, b.choc_dough, 2)
    got = {r.ingredient: (r.needed_text, r.unit) for r in get_shopping_list(db, event_id)}
    assert got == {
        "All-purpose flour": ("5.5", "cup"),  # inherited from the base
        "Granulated sugar": ("2.5", "cup"),  # the variant's 1.25 cup replaces the base's 1
        "Cocoa powder": ("1", "cup"),
    }


def test_incompatible_units_stay_separate_with_a_note(db, b):
    with db.uow() as s:
        from src.models import Ingredient

        cocoa = s.get(Ingredient, b.cocoa)
        r = add_recipe(s, "Cocoa Bites", lines=((cocoa, "100", "g"),))
        u = add_unit(s, r, "Cocoa bite", per_batch=10)
        g = add_good(s, "Cocoa bite", (u, 1))
        rid, gid = r.id, g.id
    event_id = new_event(db)
    selection.set_selected_recipes(db, event_id, [b.choc_dough, rid])
    selection.set_quantity(db, event_id, b.g_choc, 24)
    selection.set_quantity(db, event_id, gid, 10)
    decisions.set_batch_decision(db, event_id, b.choc_dough, 1)
    decisions.set_batch_decision(db, event_id, rid, 1)
    cocoa_rows = [r for r in get_shopping_list(db, event_id) if r.ingredient == "Cocoa powder"]
    assert [(r.needed_text, r.unit) for r in cocoa_rows] == [("100", "g"), ("0.5", "cup")]
    assert all(r.note for r in cocoa_rows)


def test_several_yield_types_and_batch_portions(db, b):
    with db.uow() as s:
        r = add_recipe(s, "Brownie Batter")
        big = add_unit(s, r, "Brownie", per_batch=16)
        bite = add_unit(s, r, "Brownie bite", per_batch=48)
        g_big = add_good(s, "Brownie", (big, 1))
        g_bite = add_good(s, "Brownie bite", (bite, 1))
        rid, ids = r.id, (g_big.id, g_bite.id, big.id)
    event_id = new_event(db)
    selection.set_selected_recipes(db, event_id, [rid, b.cake])
    selection.set_quantity(db, event_id, ids[0], 16)
    selection.set_quantity(db, event_id, ids[1], 72)
    selection.set_quantity(db, event_id, b.g_cake, 3)  # 3 cakes at 50 % → 1.5 batches
    rows = {r.recipe_name: r for r in get_plan_view(db, event_id).batches}
    brownies = rows["Brownie Batter"]
    assert brownies.batches_needed == Fraction(5, 2)
    assert [(o.batches, o.yield_items, o.difference_items) for o in brownies.options] == [
        (2, None, None),
        (3, None, None),
    ]
    assert [c.unit_name for c in brownies.yield_choices] == ["Brownie", "Brownie bite"]
    cake = rows["Vanilla Cake"]
    assert cake.batches_needed_text == "1.5"
    assert [(o.batches, o.yield_items[0].items) for o in cake.options] == [(1, 2), (2, 4)]
    assert cake.yield_choices == (UnitCount(b.u_cake, "9-inch vanilla cake", 0),)
    decisions.set_batch_decision(db, event_id, rid, 3, ids[2])
    decision = {r.recipe_name: r for r in get_plan_view(db, event_id).batches}[
        "Brownie Batter"
    ].decision
    assert (decision.batches, decision.yield_name, decision.stale) == (3, "Brownie", False)


def test_assembly_statuses(db, b):
    event_id = planned_event(db, b)  # 200 cookies decided at 9; truffles undecided
    selection.set_quantity(db, event_id, b.g_truffle_box, 10)
    assembly = get_plan_view(db, event_id).assembly
    assert [(x.good, x.status) for x in assembly.lines] == [
        ("Sugar cookie", "met"),
        ("Truffle box", "undecided"),
    ]
    assert assembly.overall == "undecided"
    decisions.set_batch_decision(db, event_id, b.truffles, 3)  # 36 truffles: 9 boxes of 4
    assembly = get_plan_view(db, event_id).assembly
    assert [(x.good, x.status, x.can_make) for x in assembly.lines] == [
        ("Sugar cookie", "met", 200),
        ("Truffle box", "partial", 9),
    ]
    assert assembly.overall == "partial"
    decisions.set_batch_decision(db, event_id, b.sugar_dough, 8)  # 192 cookies
    lines = {x.good: x for x in get_plan_view(db, event_id).assembly.lines}
    assert (lines["Sugar cookie"].status, lines["Sugar cookie"].can_make) == ("partial", 192)


def test_empty_plan(db, b):
    view = get_plan_view(db, new_event(db))
    assert (view.batches, view.shopping, view.assembly.overall) == ((), (), "empty")
    assert view.comparison is None and view.cycle_error is None


def _make_cycle(db, b):
    """Tin → Crate → Tin, written behind the catalog service's back."""
    with db.uow() as s:
        crate = add_good(s, "Crate")
        s.add(
            FinishedGoodComponent(finished_good_id=crate.id, component_good_id=b.g_tin, quantity=1)
        )
        s.add(
            FinishedGoodComponent(finished_good_id=b.g_tin, component_good_id=crate.id, quantity=1)
        )


def test_catalog_cycle_is_reported_not_raised(db, b):
    event_id = planned_event(db, b)
    _make_cycle(db, b)
    view = get_plan_view(db, event_id)
    assert "Cookie tin → Crate → Cookie tin" in view.cycle_error
    # The plan itself does not reach the cycle, so it still computes.
    assert [r.recipe_name for r in view.batches] == ["Sugar Cookie Dough", "Truffles"]
    goods = {g.name: g for g in view.goods}
    assert goods["Cookie tin"].available is False
    assert goods["Sugar cookie"].available is True
    with pytest.raises(ConflictError, match="cycle"):
        selection.set_quantity(db, event_id, b.g_tin, 1)


def test_cycle_reached_by_a_line_empties_the_derived_sections(db, b):
    event_id = planned_event(db, b)
    selection.set_quantity(db, event_id, b.g_tin, 2)
    _make_cycle(db, b)
    view = get_plan_view(db, event_id)
    assert "Cookie tin" in view.cycle_error
    assert (view.batches, view.assembly.lines, view.complete) == ((), (), False)


def test_comparison_appears_with_production(db, b):
    event_id = planned_event(db, b, "locked")
    assert get_plan_view(db, event_id).comparison is None
    lifecycle.start_production(db, event_id)
    comparison = get_plan_view(db, event_id).comparison
    assert comparison is not None and not comparison.has_changes
    amendments.amend_batches(db, event_id, b.truffles, 4, "decided late")
    lines = {(x.section, x.name): x for x in get_plan_view(db, event_id).comparison.lines}
    assert lines[("batch_decision", "Truffles")].change == "added"
    assert lines[("batch_decision", "Truffles")].after == "4 batches"


def test_plan_view_persists_across_reopening(db, b):
    event_id = planned_event(db, b, "in_production")
    production.record_production(db, event_id, b.sugar_dough, 2)
    before = get_plan_view(db, event_id)
    db.dispose()
    again = open_database(db.url)
    try:
        assert get_plan_view(again, event_id) == before
    finally:
        again.dispose()


def _count_statements(database, function, event_id):
    count = 0

    def on_execute(*_args):
        nonlocal count
        count += 1

    event.listen(database.engine, "before_cursor_execute", on_execute)
    try:
        function(database, event_id)
    finally:
        event.remove(database.engine, "before_cursor_execute", on_execute)
    return count


def _full_plan(tmp_path, n):
    database = open_database(tmp_path / f"scaled-{n}.db")
    catalog = build_scaled(database, n)
    event_id = plan_everything(database, catalog)
    lifecycle.lock_plan(database, event_id)
    lifecycle.start_production(database, event_id)
    production.record_production(database, event_id, catalog.recipe_ids[0], 1)
    amendments.amend_batches(database, event_id, catalog.recipe_ids[1], 40, "more")
    amendments.amend_drop_good(database, event_id, catalog.good_ids[2], "less")
    return database, event_id


def test_statement_count_does_not_grow_with_the_plan(tmp_path):
    counts = {}
    for n in (4, 20):
        database, event_id = _full_plan(tmp_path, n)
        try:
            view = get_plan_view(database, event_id)
            assert len(view.batches) >= n - 1 and view.shopping and view.amendments
            counts[n] = (
                _count_statements(database, get_plan_view, event_id),
                _count_statements(database, get_shopping_list, event_id),
            )
        finally:
            database.dispose()
    assert counts[4] == counts[20]
    assert counts[4][0] <= 10


@pytest.mark.parametrize(
    "value",
    [
        Fraction(25, 3),
        Fraction(-1, 3),
        Fraction(2, 3),
        Fraction(1, 2000),
        Fraction(-1, 2000),
        Fraction(-1, 3000),
        Fraction(0),
        Fraction(7),
        Fraction(12345678901, 7),
        Decimal("24.750000"),
        Decimal("6.66299210310994286129611233"),
        Decimal("0.0005"),
        Decimal("-0.0004999"),
        Decimal("18.0865"),
        Decimal("9.000000"),
        Decimal("1E+3"),
    ],
)
def test_figures_are_shown_to_three_places_half_away_from_zero(value):
    """Every figure on the plan view is ``format_decimal``'s text: the exact
    value rounded to 3 places, half away from zero, no trailing zeros, no "-0"."""
    import math

    from src.planning.batches import format_decimal

    exact = Fraction(value) * 1000
    rounded = math.floor(abs(exact) + Fraction(1, 2)) * (1 if exact >= 0 else -1)
    text = format(Decimal(rounded).scaleb(-3), "f")
    text = text.rstrip("0").rstrip(".") if "." in text else text
    assert format_decimal(value) == ("0" if text in ("0", "-0") else text)


def test_large_bakery_plan_view_in_a_fixed_number_of_statements(tmp_path):
    """1,000 recipes, 1,500 goods, 300 lines: every good listed, every line
    planned, and still the statements of a small plan (per-row queries are
    what would make a refresh slow at this size; its time is measured by
    `make bench`, not here)."""
    database = open_database(tmp_path / "large.db")
    try:
        catalog = build_scaled(database, 1000)
        assert len(catalog.good_ids) == 1500
        event_id = plan_everything(database, catalog, lines=300)
        view = get_plan_view(database, event_id)
        assert len(view.goods) == 1500 and len(view.batches) >= 300 and view.complete
        assert _count_statements(database, get_plan_view, event_id) <= 10
    finally:
        database.dispose()
