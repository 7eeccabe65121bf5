"""A batch decision card shows every word of it whole, on a laptop screen and wider.

Checked by widget geometry: on the Plan view of the demo's draft event in the
window the app opens on a 1366×768 screen, every label, option and button of
every card asks for no more width than it has and lies inside its card, none
overlapping another; a card with one yield type keeps two lines (name, need,
cost and decision; the options and Clear). In a batch section on its own, a
long name, long yield words, a stale decision and a refused choice wrap instead
of being cut, at a narrow, a laptop's and a wide width, and so does the
section's summary beside its title.
"""

from __future__ import annotations

import tkinter.font as tkfont
from dataclasses import replace

import pytest

from src.services.plan.dto import UnitCount
from src.ui.main_window import build_main_window
from src.ui.planning.batches_section import BatchesSection
from src.ui.planning.header_section import details_text

from .conftest import pump
from .laptop_screen import visible_in
from .plan_builders import brownie_row, cookie_row, make_plan, option

pytestmark = pytest.mark.gui

LONG_RECIPE = "Grandmother's triple chocolate sugar cookie dough with toasted walnuts"
LONG_UNIT = UnitCount(11, "Extra large frosted holiday sugar cookie", 0)


def _open(laptop_root, db, state: str):
    """The Plan view of the demo's event in ``state``, in the window the app opens on
    the laptop."""
    from src.services.exchange import demo

    assert demo.load_demo_if_empty(db)
    main = build_main_window(laptop_root, db)
    laptop_root.geometry("+0+0")
    pump(laptop_root, 6)
    planning = main.planning
    event = next(e for e in planning.presenter.events if e.plan_state == state)
    planning.events.select(event.id)
    planning.show_view("plan")
    pump(laptop_root, 8)
    assert planning.bar.current == "plan"
    return planning


@pytest.fixture
def draft(laptop_root, db):
    return _open(laptop_root, db, "draft")


def _shown(row) -> list:
    """The card's widgets that show something."""
    widgets = [row.title, row.need, row.status, row.clear]
    widgets += [r for r in row.radios if r.winfo_manager()]
    if row.cost.cget("text"):
        widgets.append(row.cost)
    if row.yield_box.winfo_manager():
        widgets += [row.yield_caption, row.yield_button]
    if row.error.winfo_manager():
        widgets.append(row.error)
    return widgets


def _box(widget) -> tuple[int, int, int, int]:
    left, top = widget.winfo_rootx(), widget.winfo_rooty()
    return left, top, left + widget.winfo_width(), top + widget.winfo_height()


def _what(widget) -> str:
    return str(widget.cget("text")) if "text" in widget.keys() else str(widget)


def _assert_nothing_cut(row) -> None:
    """Every word of the card is shown whole, inside the card, overlapping nothing."""
    assert row.frame.winfo_ismapped()
    card = _box(row.frame)
    shown = _shown(row)
    for widget in shown:
        assert widget.winfo_ismapped(), _what(widget)
        assert widget.winfo_reqwidth() <= widget.winfo_width(), f"cut: {_what(widget)!r}"
        assert widget.winfo_reqheight() <= widget.winfo_height(), f"cut: {_what(widget)!r}"
        left, top, right, bottom = _box(widget)
        assert card[0] <= left and right <= card[2], f"outside its card: {_what(widget)!r}"
        assert card[1] <= top and bottom <= card[3], f"outside its card: {_what(widget)!r}"
    for index, one in enumerate(shown):
        for other in shown[index + 1:]:
            a, b = _box(one), _box(other)
            apart = a[2] <= b[0] or b[2] <= a[0] or a[3] <= b[1] or b[3] <= a[1]
            assert apart, f"{_what(one)!r} overlaps {_what(other)!r}"
    if row.yield_box.winfo_manager():  # the picker is as wide as its longest words
        button = row.yield_button
        font = tkfont.Font(button, font=button.cget("font"))
        room = int(button.cget("width")) * font.measure("0")
        labels = [row.yield_menu.entrycget(i, "label")
                  for i in range(int(row.yield_menu.index("end")) + 1)]
        assert all(font.measure(text) <= room for text in [button.cget("text"), *labels])


def _two_lines(row, status_below: bool = False) -> bool:
    """Name, need, cost and decision on the first line; options and Clear on the second
    (with the decision before Clear when ``status_below``)."""
    title_bottom = row.title.winfo_rooty() + row.title.winfo_height()
    first = [row.need] + ([row.cost] if row.cost.cget("text") else [])
    radios = [r for r in row.radios if r.winfo_manager()]
    second = radios + [row.clear]
    (second if status_below else first).append(row.status)
    second_top = min(w.winfo_rooty() for w in second)
    return (all(w.winfo_rooty() + w.winfo_height() <= second_top for w in first)
            and title_bottom <= second_top
            and len({r.winfo_rooty() for r in radios}) == 1
            and max(w.winfo_rooty() + w.winfo_height() for w in _shown(row))
            == max(w.winfo_rooty() + w.winfo_height() for w in second))


def test_every_card_of_the_demo_shows_all_its_words_inside_it(draft):
    batches, plan = draft.batches, draft.presenter.plan
    assert len(batches.row_ids()) == len(plan.batches) >= 5
    for recipe_id in batches.row_ids():
        _assert_nothing_cut(batches.row_widgets(recipe_id))
    chip = next(b for b in plan.batches if b.recipe_name == "Chocolate Chip Cookie Dough")
    card = batches.row_widgets(chip.recipe_id)
    assert card.need.cget("text") == "Needed: 80 chocolate chip cookies · 2.222 batches"
    assert card.cost.cget("text") == "$8.66 a batch · $25.97 for 3"
    assert card.status.cget("text") == "Decided: 3 batches"
    # A recipe without every price says so in a word; the header names the missing price.
    sprinkle = next(b for b in plan.batches if b.recipe_name == "Sprinkle Sugar Cookie Dough")
    assert batches.row_widgets(sprinkle.recipe_id).cost.cget("text") == "cost unknown"
    assert "no price for Rainbow sprinkles" in details_text(plan)


def test_a_card_with_one_yield_type_keeps_two_lines_and_the_first_two_are_seen(draft):
    batches, plan = draft.batches, draft.presenter.plan
    common = [b.recipe_id for b in plan.batches
              if len(b.yield_choices) < 2 and not (b.decision and b.decision.stale)]
    assert len(common) >= 5
    for recipe_id in common:
        row = batches.row_widgets(recipe_id)
        assert _two_lines(row), row.title.cget("text")
        assert row.need.cget("wraplength") in (0, "0")  # the need is whole on its line
    for recipe_id in batches.row_ids()[:2]:
        assert visible_in(batches.row_widgets(recipe_id).frame, batches.scroll)


def test_a_longer_decision_goes_before_clear_rather_than_wrap_the_need(laptop_root, db):
    planning = _open(laptop_root, db, "completed")
    batches = planning.batches
    rows = [batches.row_widgets(r) for r in batches.row_ids()]
    assert len(rows) >= 3 and all("baked" in row.status.cget("text") for row in rows)
    below = [row for row in rows if row.status_below]
    assert below and len(below) < len(rows)  # only where the top line has no room
    for row in rows:
        _assert_nothing_cut(row)
        assert _two_lines(row, status_below=row.status_below), row.title.cget("text")
        assert row.need.cget("wraplength") in (0, "0")
    for row in below:  # the decision sits just before Clear
        status, clear = _box(row.status), _box(row.clear)
        assert status[2] <= clear[0] and clear[0] - status[2] <= 20


def _long_row():
    """A long recipe name and long yield words: 130 cookies at 12 a batch."""
    row = cookie_row(needed=130, decision=11, recipe_id=5)
    need = row.batches_needed
    return replace(row, recipe_name=LONG_RECIPE,
                   needed=(UnitCount(11, LONG_UNIT.unit_name, 130),),
                   options=tuple(option(b, need, 12, 130, LONG_UNIT) for b in (10, 11)),
                   yield_choices=(UnitCount(11, LONG_UNIT.unit_name, 12),))


@pytest.mark.parametrize("width", [640, 1000, 1260])
def test_long_words_a_stale_decision_and_a_message_wrap_instead_of_being_cut(root, width):
    section = BatchesSection(root, on_choose=lambda *a: "Not saved: the plan is locked",
                             on_clear=lambda _r: None, confirm=lambda *a: None)
    root.geometry(f"{width}x760+0+0")
    section.pack(fill="both", expand=True)
    plan = make_plan(cookie_row(), _long_row(), brownie_row(decision=3),
                     cookie_row(needed=100, decision=3, stale=True, recipe_id=7))
    section.show(plan)
    pump(root, 6)
    long_card = section.row_widgets(5)
    long_card.radios[0].invoke()  # refused: the message gets a line of its own
    pump(root, 6)
    assert long_card.error.winfo_ismapped()
    assert section.row_widgets(7).status.cget("text").startswith("Quantities changed")
    for recipe_id in section.row_ids():
        _assert_nothing_cut(section.row_widgets(recipe_id))
    # The section's summary (it names the recipes to choose again) wraps beside its title.
    summary, words = section.summary_label, section.summary_label._label
    assert "Sugar Cookie Dough" in summary.cget("text")
    assert words.winfo_reqwidth() <= words.winfo_width()
    assert _box(section.title_label)[2] <= _box(summary)[0]
    assert _box(summary)[2] <= _box(section)[2]
    title = long_card.title
    if width < 1000:  # the long name wraps past its share of the line
        assert title.winfo_height() > section.row_widgets(1).title.winfo_height()
    else:  # the plain card has room for its two lines
        assert _two_lines(section.row_widgets(1))
    section.destroy()
