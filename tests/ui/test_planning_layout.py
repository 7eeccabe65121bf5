"""The planning tab fits a 1366×768 laptop screen (issue 13, issue 11's production rule).

On a real window on its own 1366×768 virtual screen, checked by widget geometry:
the demo's draft event shows its recipes, quantities and batch decisions without
scrolling the page; its in-production event opens on Production with *Record
batches* and *Amend…* on screen; the wheel scrolls what is under the pointer; every
action is reachable from the keyboard in a natural order; sub-views switch by tab,
by Ctrl+digit and by the plan's state.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tkinter as tk

import customtkinter as ctk
import pytest

from src.ui.main_window import build_main_window

from .conftest import pump
from .laptop_screen import LAPTOP, on_screen, visible_in

pytestmark = pytest.mark.gui


@pytest.fixture
def demo_window(laptop_root, db):
    """The main window on the demo bakery, sized by the app for the laptop screen."""
    from src.services.exchange import demo

    assert demo.load_demo_if_empty(db)
    main = build_main_window(laptop_root, db)
    laptop_root.geometry("+0+0")
    pump(laptop_root, 6)
    return main


def _open(main, state: str):
    planning = main.planning
    event = next(e for e in planning.presenter.events if e.plan_state == state)
    planning.events.select(event.id)
    pump(main, 8)
    assert planning.presenter.plan.event.id == event.id
    return planning


def _descendants(widget):
    stack = [widget]
    while stack:
        current = stack.pop()
        yield current
        stack.extend(current.winfo_children())


def test_the_window_fits_the_laptop_screen(demo_window, laptop_root):
    assert (laptop_root.winfo_screenwidth(), laptop_root.winfo_screenheight()) == LAPTOP
    assert laptop_root.winfo_rooty() + laptop_root.winfo_height() <= LAPTOP[1]
    assert laptop_root.winfo_rootx() + laptop_root.winfo_width() <= LAPTOP[0]
    # Nothing in the planning tab scrolls as a page.
    assert not any(isinstance(w, ctk.CTkScrollableFrame)
                   for w in _descendants(demo_window.planning))


def test_draft_event_recipes_quantities_and_batch_decisions_are_on_screen(
        demo_window, laptop_root):
    planning = _open(demo_window, "draft")
    plan = planning.presenter.plan
    assert planning.bar.current == "plan"
    for widget in (planning.events.tree, planning.header.buttons["lock"],
                   planning.recipes.tree, planning.goods, planning.batches):
        assert on_screen(widget, laptop_root), widget
    # Quantities: the first goods fields are seen and editable as they are.
    first_goods = planning.goods.good_ids()[:2]
    for good_id in first_goods:
        entry = planning.goods.entry(good_id)
        assert visible_in(entry, planning.goods.scroll) and entry.cget("state") == "normal"
    # Batch decisions: the first two rows with their options are seen as they are (the
    # finished goods get the rest of the height: test_planning_goods_layout.py) ...
    rows = planning.batches.row_ids()
    assert len(rows) == len(plan.batches) >= 5
    for recipe_id in rows[:2]:
        row = planning.batches.row_widgets(recipe_id)
        assert visible_in(row.frame, planning.batches.scroll)
        assert all(str(r.cget("state")) == "normal" for r in row.radios if r.winfo_ismapped())
    # ... and the others inside the batch list (it scrolls, the page never does).
    last = planning.batches.row_widgets(rows[-1])
    assert not visible_in(last.frame, planning.batches.scroll)
    planning.batches.scroll.see(last.frame)
    pump(laptop_root)
    assert visible_in(last.frame, planning.batches.scroll)
    assert on_screen(planning.header, laptop_root)


def test_in_production_event_opens_on_production_with_record_and_amend_on_screen(
        demo_window, laptop_root):
    planning = _open(demo_window, "in_production")
    assert planning.bar.current == "production"
    production = planning.production
    for button in (production.record_button, production.amend_button):
        assert on_screen(button, laptop_root)
        assert button.cget("state") == "normal"
    progress = production.progress_rows()
    assert progress and all(on_screen(production._rows[r].frame, laptop_root) for r in progress)
    assert any("to go" in text for text in progress.values())
    # Back to the draft: it opens on its plan again.
    _open(demo_window, "draft")
    assert planning.bar.current == "plan"


def test_sub_views_switch_by_tab_by_keyboard_and_stay_put_on_edits(demo_window, laptop_root):
    planning = _open(demo_window, "draft")
    plan_page = planning.bar.views["plan"]
    planning.show_view("shopping")
    pump(laptop_root)
    assert planning.shopping.tree.winfo_ismapped() and not plan_page.winfo_ismapped()
    planning.events.tree.focus_force()
    pump(laptop_root)
    planning.events.tree.event_generate("<Control-Key-3>")
    pump(laptop_root)
    assert planning.bar.current == "assembly"
    assert planning.assembly.tree.winfo_ismapped() and planning.assembly.assembly_rows()
    planning.events.tree.event_generate("<Control-Key-1>")
    pump(laptop_root)
    assert planning.bar.current == "plan" and plan_page.winfo_ismapped()
    # An edit refreshes the plan but leaves the baker on the view they chose.
    planning.show_view("shopping")
    good_id = planning.goods.good_ids()[0]
    planning.presenter.set_quantity(good_id, "3")
    pump(laptop_root)
    assert planning.bar.current == "shopping"
    keys = [v.key for v in planning.bar.subviews.values()]
    assert keys[:4] == ["plan", "shopping", "assembly", "production"]


def _wheel(display: str, widget, clicks: int = 3) -> None:
    """Turn the real wheel (button 5: down) with the pointer over ``widget``."""
    x = widget.winfo_rootx() + widget.winfo_width() // 2
    y = widget.winfo_rooty() + min(widget.winfo_height() // 2, 60)
    env = dict(os.environ, DISPLAY=display)
    subprocess.run(["xdotool", "mousemove", "--sync", str(x), str(y)], env=env, check=True,
                   timeout=10)
    for _ in range(clicks):
        subprocess.run(["xdotool", "click", "5"], env=env, check=True, timeout=10)


def test_the_wheel_scrolls_what_is_under_the_pointer(demo_window, laptop_root):
    if shutil.which("xdotool") is None:
        pytest.skip("xdotool is not installed")
    planning = _open(demo_window, "draft")
    display = laptop_root.display_name
    batches = planning.batches.scroll
    tree = planning.recipes.tree
    assert batches.can_scroll()
    # Over the batch decisions: they scroll, the recipe list and the goods do not.
    _wheel(display, planning.batches.row_widgets(planning.batches.row_ids()[0]).frame)
    pump(laptop_root, 6)
    assert batches.visible_top() > 0
    assert tree.yview()[0] == 0.0
    assert planning.goods.scroll.visible_top() == 0.0
    # Over the recipe list: the list scrolls itself, the batches stay where they are.
    seen = batches.visible_top()
    _wheel(display, tree)
    pump(laptop_root, 6)
    assert tree.yview()[0] > 0
    assert batches.visible_top() == seen


def _tab_order(start: tk.Misc, limit: int = 200) -> list[tk.Misc]:
    order, widget = [], start
    for _ in range(limit):
        order.append(widget)
        widget = widget.tk_focusNext()
        if widget is None or widget == start:
            break
    return order


def test_every_plan_action_is_reachable_by_tab_in_a_natural_order(demo_window, laptop_root):
    planning = _open(demo_window, "draft")
    order = _tab_order(planning.events.new_button._canvas)

    def position(widget) -> int:
        target = getattr(widget, "_canvas", widget)  # a CTk button takes focus on its canvas
        assert target in order, f"{widget} is not reachable with Tab"
        return order.index(target)

    first_row = planning.batches.row_widgets(planning.batches.row_ids()[0])
    sequence = [
        planning.events.new_button, planning.events.edit_button, planning.events.tree,
        planning.header.buttons["lock"], planning.header.edit_button, planning.bar,
        planning.recipes.filter_entry._entry, planning.recipes.tree,
        planning.goods.entry(planning.goods.good_ids()[0]),
        first_row.radios[0], first_row.clear,  # Clear ends the line of options
    ]
    positions = [position(w) for w in sequence]
    assert positions == sorted(positions), "Tab should move left to right, top to bottom"
    # Disabled buttons are skipped.
    assert planning.header.buttons["complete"]._canvas not in order
    # Space on a focused button presses it.
    planning.events.new_button._canvas.focus_force()
    pump(laptop_root)
    planning.events.new_button._canvas.event_generate("<space>")
    pump(laptop_root)
    assert planning.last_dialog is not None and planning.last_dialog.winfo_exists()
    planning.last_dialog.destroy()


def test_record_and_amend_are_reachable_by_tab_in_production(demo_window, laptop_root):
    planning = _open(demo_window, "in_production")
    order = _tab_order(planning.events.tree)
    production = planning.production
    for button in (production.record_button, production.amend_button,
                   production.compare_button):
        assert button._canvas in order


def test_the_window_tabs_are_reachable_and_pressed_from_the_keyboard(demo_window, laptop_root):
    header_buttons = demo_window.tabs._segmented_button._buttons_dict
    catalog = header_buttons["Catalog"]
    order = _tab_order(header_buttons["Planning"]._canvas)
    assert catalog._canvas in order and header_buttons["Pantry"]._canvas in order
    catalog._canvas.focus_force()
    pump(laptop_root)
    catalog._canvas.event_generate("<space>")
    pump(laptop_root, 6)
    assert demo_window.tabs.get() == "Catalog" and demo_window.catalog.winfo_ismapped()


def test_the_recipes_note_in_production_wraps_inside_its_section(demo_window, laptop_root):
    planning = _open(demo_window, "in_production")
    planning.show_view("plan")
    pump(laptop_root, 8)
    recipes = planning.recipes
    note = recipes.note_label
    assert note.winfo_ismapped() and "amendment" in note.cget("text")
    # Every word is shown: the wrapped lines are no wider than the section, so none is
    # cut off at its right edge ("…through an" / "with a reason" lost "amendment").
    inner = note._label
    assert inner.winfo_reqwidth() <= recipes.winfo_width() - 10
