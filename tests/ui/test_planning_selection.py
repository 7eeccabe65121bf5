"""Recipes and finished goods in the real window: select, deselect, quantities."""

from __future__ import annotations

import pytest

from src.services.plan import view as plan_view

from .conftest import pump

pytestmark = pytest.mark.gui


def _recipe_ids(window) -> dict[str, int]:
    return {r.name: r.id for r in window.planning.presenter.plan.recipes}


def _good_ids(window) -> dict[str, int]:
    return {g.name: g.id for g in window.planning.presenter.plan.goods}


def _click_row(root, tree, iid: str) -> None:
    """A real left click in the middle of the row's name cell."""
    tree.see(iid)
    pump(root)
    x, y, width, height = tree.bbox(iid, "#0")
    tree.event_generate("<ButtonPress-1>", x=x + width // 2, y=y + height // 2)
    tree.event_generate("<ButtonRelease-1>", x=x + width // 2, y=y + height // 2)
    pump(root)


def _type_and_leave(root, entry, text: str, then) -> None:
    """Type ``text`` into a field, then move focus to ``then`` (FocusOut saves)."""
    entry.focus_force()
    pump(root)
    entry.delete(0, "end")
    entry.insert(0, text)
    then.focus_force()
    pump(root)


def test_recipes_list_variants_under_their_base_with_a_count(window):
    section = window.planning.recipes
    ids = _recipe_ids(window)
    tree = section.tree
    base, variant = str(ids["Sugar Cookie Dough"]), str(ids["Chocolate Sugar Cookie Dough"])
    assert tree.parent(variant) == base
    assert tree.set(variant, "kind") == "Sugar Cookie Dough"  # under "Variant of"
    assert section.count_label.cget("text") == "0 of 3 recipes selected"
    assert not section.is_checked(int(base))


def test_click_selects_a_recipe_and_its_goods_appear(window, root, bakery_db):
    section, goods = window.planning.recipes, window.planning.goods
    ids, good_ids = _recipe_ids(window), _good_ids(window)
    assert goods.good_ids() == []
    _click_row(root, section.tree, str(ids["Sugar Cookie Dough"]))
    assert section.is_checked(ids["Sugar Cookie Dough"])
    assert not section.is_checked(ids["Chocolate Sugar Cookie Dough"])  # never implied
    assert section.count_label.cget("text") == "1 of 3 recipes selected"
    assert goods.good_ids() == [good_ids["Sugar cookie"]]
    assert "Cookie tin (needs Chocolate Truffles)" in goods.unavailable_label.cget("text")
    saved = plan_view.get_plan_view(bakery_db, window.planning.presenter.event_id)
    assert saved.selected_count == 1

    _click_row(root, section.tree, str(ids["Chocolate Truffles"]))
    assert set(goods.good_ids()) == {  # "Truffle" came with its yield type
        good_ids["Sugar cookie"], good_ids["Truffle box"], good_ids["Cookie tin"],
        good_ids["Truffle"],
    }


def test_filter_keeps_the_base_of_a_matching_variant(window, root):
    section = window.planning.recipes
    ids = _recipe_ids(window)
    section.filter_entry._entry.focus_force()
    pump(root)
    section.filter_entry.insert(0, "chocolate s")
    section.filter_entry._entry.event_generate("<KeyRelease>")
    pump(root)
    assert section.visible_ids() == [ids["Sugar Cookie Dough"], ids["Chocolate Sugar Cookie Dough"]]
    section.filter_entry.delete(0, "end")
    section.filter_entry._entry.event_generate("<KeyRelease>")
    pump(root)
    assert len(section.visible_ids()) == 3
    assert "3 recipes" in section.count_label.cget("text")


def test_quantities_valid_invalid_and_cleared(window, root, bakery_db):
    planning = window.planning
    ids, good_ids = _recipe_ids(window), _good_ids(window)
    planning.recipes.toggle(ids["Sugar Cookie Dough"])
    planning.recipes.toggle(ids["Chocolate Truffles"])
    pump(root)
    goods = planning.goods
    tin, box = good_ids["Cookie tin"], good_ids["Truffle box"]
    filter_field = planning.recipes.filter_entry._entry

    _type_and_leave(root, goods.entry(tin), "24.5", filter_field)
    assert "whole number" in goods.message(tin)
    assert goods.entry(tin).get() == "24.5"  # what was typed stays
    saved = plan_view.get_plan_view(bakery_db, planning.presenter.event_id)
    assert all(g.quantity is None for g in saved.goods)

    _type_and_leave(root, goods.entry(box), "3", filter_field)  # a refresh happens
    assert goods.entry(tin).get() == "24.5"  # ... and does not clobber the typed text
    assert "whole number" in goods.message(tin)

    _type_and_leave(root, goods.entry(tin), "007", filter_field)
    assert goods.message(tin) == ""
    assert goods.entry(tin).get() == "7"
    saved = plan_view.get_plan_view(bakery_db, planning.presenter.event_id)
    assert {g.name: g.quantity for g in saved.goods if g.quantity} == {
        "Cookie tin": 7, "Truffle box": 3
    }
    assert goods.count_label.cget("text") == "2 of 4 planned"  # with the "Truffle" single

    _type_and_leave(root, goods.entry(tin), "", filter_field)
    saved = plan_view.get_plan_view(bakery_db, planning.presenter.event_id)
    assert {g.name: g.quantity for g in saved.goods if g.quantity} == {"Truffle box": 3}


@pytest.mark.parametrize("text", ["0", "-3", "abc"])
def test_return_validates_too(window, root, bakery_db, text):
    planning = window.planning
    planning.recipes.toggle(_recipe_ids(window)["Sugar Cookie Dough"])
    pump(root)
    good = _good_ids(window)["Sugar cookie"]
    entry = planning.goods.entry(good)
    entry.focus_force()
    pump(root)
    entry.insert(0, text)
    entry.event_generate("<Return>")
    pump(root)
    assert planning.goods.message(good).startswith("Quantity")
    saved = plan_view.get_plan_view(bakery_db, planning.presenter.event_id)
    assert all(g.quantity is None for g in saved.goods)


def test_tab_moves_down_the_quantity_fields_in_order(window, root):
    planning = window.planning
    ids = _recipe_ids(window)
    # Truffles first, so the later goods' fields are created out of display order.
    planning.recipes.toggle(ids["Chocolate Truffles"])
    planning.recipes.toggle(ids["Sugar Cookie Dough"])
    pump(root)
    order = planning.goods.good_ids()
    names = {g.id: g.name for g in planning.presenter.plan.goods}
    assert [names[g] for g in order] == ["Cookie tin", "Sugar cookie", "Truffle", "Truffle box"]
    first = planning.goods.entry(order[0])
    assert first.tk_focusNext() is planning.goods.entry(order[1])
    assert planning.goods.entry(order[1]).tk_focusNext() is planning.goods.entry(order[2])


def test_deselect_shows_a_notice_and_the_goods_list_shrinks(window, root):
    planning = window.planning
    ids, good_ids = _recipe_ids(window), _good_ids(window)
    planning.recipes.toggle(ids["Sugar Cookie Dough"])
    planning.recipes.toggle(ids["Chocolate Truffles"])
    pump(root)
    tin = good_ids["Cookie tin"]
    _type_and_leave(root, planning.goods.entry(tin), "20", planning.recipes.filter_entry._entry)
    _click_row(root, planning.recipes.tree, str(ids["Chocolate Truffles"]))
    notice = planning.last_dialog
    text = notice.message_label.cget("text")
    assert "Cookie tin (20)" in text and "Chocolate Truffles" in text
    assert planning.goods.good_ids() == [good_ids["Sugar cookie"]]
    notice.ok_button.invoke()
    pump(root)
    assert not notice.winfo_exists()


def test_switching_to_dark_recolours_the_plain_tk_fields(window, root):
    import customtkinter as ctk

    from src.ui import theme

    planning = window.planning
    planning.recipes.toggle(_recipe_ids(window)["Sugar Cookie Dough"])
    pump(root)
    entry = planning.goods.entry(_good_ids(window)["Sugar cookie"])
    assert entry.cget("bg") == theme.COLORS["tree_bg"][0]
    try:
        ctk.set_appearance_mode("dark")
        pump(root)
        assert entry.cget("bg") == theme.COLORS["tree_bg"][1]
        assert entry.cget("fg") == theme.COLORS["text"][1]
    finally:
        ctk.set_appearance_mode("light")
        pump(root)
    assert entry.cget("bg") == theme.COLORS["tree_bg"][0]


def test_a_field_reached_by_keyboard_is_scrolled_into_view(window, root):
    planning = window.planning
    for recipe_id in _recipe_ids(window).values():
        planning.recipes.toggle(recipe_id)
    # A short top pane: the goods list scrolls inside its section.
    planning.bar.views["plan"].sash_place(0, 0, 215)
    pump(root)
    canvas = planning.goods.scroll.canvas
    canvas.yview_moveto(1.0)  # the first goods are scrolled away now
    pump(root)
    entry = planning.goods.entry(planning.goods.good_ids()[0])
    assert entry.winfo_rooty() < canvas.winfo_rooty()
    entry.focus_force()
    pump(root)
    assert canvas.winfo_rooty() <= entry.winfo_rooty()
    bottom = canvas.winfo_rooty() + canvas.winfo_height()
    assert entry.winfo_rooty() + entry.winfo_height() <= bottom
