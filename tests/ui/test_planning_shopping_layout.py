"""Nothing on the Shopping view or the events list is cut on a 1366×768 laptop.

On a real window on its own 1366×768 virtual screen, with the demo bakery: the
shopping summary wraps inside the view (the trip, then per store, "no store set"
worded for lines without a store); every Buy, Store and Ingredient text fits its
column, measured with the tree's font; a selected line is read whole under the
table; every event's name is shown whole in the side list, a long one on two lines.
"""

from __future__ import annotations

import tkinter.font as tkfont
from decimal import Decimal

import pytest

from src.services.plan.cost_dto import StoreTotal
from src.ui import theme
from src.ui.main_window import build_main_window
from src.ui.planning.column_fit import INDENT, fits
from src.ui.planning.cost_text import store_total_text
from src.ui.planning.events_section import TEXT_LEAD, wrap_name
from src.ui.planning.shopping_section import TO_BUY_GROUP

from .conftest import pump
from .laptop_screen import on_screen

pytestmark = pytest.mark.gui

LONG_EVENT = "Saint Nicholas neighbourhood cookie exchange and bake sale 2026"


def _open(laptop_root, db, state: str = "draft"):
    main = build_main_window(laptop_root, db)
    laptop_root.geometry("+0+0")
    pump(laptop_root, 6)
    planning = main.planning
    event = next(e for e in planning.presenter.events if e.plan_state == state)
    planning.events.select(event.id)
    pump(laptop_root, 8)
    return planning


@pytest.fixture
def shopping(laptop_root, db):
    """The Shopping view of the demo's draft event on the laptop screen."""
    from src.services.exchange import demo

    assert demo.load_demo_if_empty(db)
    planning = _open(laptop_root, db)
    planning.bar.show_view("shopping")
    pump(laptop_root, 8)
    return planning.shopping


def _right(widget) -> int:
    return widget.winfo_rootx() + widget.winfo_width()


def test_the_summary_wraps_inside_the_view_and_names_each_store(shopping, laptop_root):
    summary, words = shopping.summary_label, shopping.summary_label._label
    text = summary.cget("text")
    trip, by_store = text.split("\n")[:2]
    assert trip.endswith("trip $148.52 + 1 without a price (Rainbow sprinkles)")
    assert by_store == ("By store: Grocer $134.53 · Warehouse club $13.99 · "
                        "no store set: 1 without a price")
    assert "any store" not in text and "$0.00" not in text
    # Every word is seen: the label asks for no more width than it has, inside the view.
    assert on_screen(summary, laptop_root)
    assert words.winfo_reqwidth() <= words.winfo_width()
    assert _right(summary) <= _right(shopping)
    assert words.winfo_height() >= 2 * tkfont.Font(font=words.cget("font")).metrics("linespace")


@pytest.mark.parametrize(("store", "lines", "known", "missing", "text", "shown"), [
    ("", 1, "0", ("Rainbow sprinkles",), "$0.00 + 1 without a price",
     "no store set: 1 without a price"),
    ("", 1, "4.19", (), "$4.19", "no store set $4.19"),
    ("", 2, "4.19", ("Vanilla",), "$4.19 + 1 without a price",
     "no store set $4.19 + 1 without a price"),
    ("Grocer", 9, "134.53", (), "$134.53", "Grocer $134.53"),
    ("Market", 2, "0", ("Eggs", "Milk"), "$0.00 + 2 without a price",
     "Market: 2 without a price"),
])
def test_each_store_total_is_worded_for_a_baker(store, lines, known, missing, text, shown):
    total = StoreTotal(store, lines, Decimal(known), missing, text)
    assert store_total_text(total) == shown


def test_every_buy_store_and_name_fits_its_column(shopping):
    tree = shopping.tree
    rows = shopping.group_lines(TO_BUY_GROUP)
    assert len(rows) == 11
    butter = dict(rows)["Unsalted butter"]
    assert butter[5].startswith("2 × 1 lb box of 4 sticks + 3 × 4 lb block (leaves")
    for name, values in rows:
        assert fits(tree, "buy", values[5]), values[5]
        assert fits(tree, "store", values[7]), values[7]
        assert fits(tree, "cost", values[6]), values[6]
        assert fits(tree, "#0", name, lead=2 * INDENT), name
    assert "Warehouse club" in {values[7] for _name, values in rows}
    # The shown columns end inside the tree: the last one (Store) is not cut at its edge.
    shown = ["#0", *tree["displaycolumns"]]
    assert sum(int(tree.column(c, "width")) for c in shown) <= tree.winfo_width()
    assert shown[-1] == "store"  # no line has a note: no empty Note column takes room


def test_a_selected_line_is_read_whole_under_the_table(shopping, laptop_root):
    detail = shopping.detail_label
    assert detail.cget("text").startswith("Select a line")
    butter = next(iid for iid in shopping.tree.get_children(TO_BUY_GROUP)
                  if shopping.tree.item(iid, "text") == "Unsalted butter")
    buy = shopping.tree.set(butter, "buy")
    shopping.tree.selection_set(butter)
    pump(laptop_root, 4)
    text = detail.cget("text")
    assert text.startswith("Unsalted butter: need ")
    assert buy in text and "$62.48" in text and text.endswith("at Grocer")
    assert on_screen(detail, laptop_root)
    assert detail._label.winfo_reqwidth() <= detail._label.winfo_width()


def _assert_cards_whole(events) -> None:
    tree, font = events.tree, tkfont.Font(font=theme.tk_font(10))
    room = tree.winfo_width()
    for iid in tree.get_children():
        card = events.card_text(int(iid)).split("\n")
        name = tree.set(iid, "name")
        assert " ".join(card[:-1]) == name  # the whole name, on its own lines
        for line in card:
            assert TEXT_LEAD + font.measure(line) <= room, line
    lines = max(len(events.card_text(int(i)).split("\n")) for i in tree.get_children())
    row_height = int(tree.tk.call("ttk::style", "lookup", tree.cget("style"), "-rowheight"))
    assert row_height >= lines * font.metrics("linespace")


def test_every_event_name_is_shown_whole_in_the_side_list(laptop_root, db):
    from src.services.exchange import demo

    assert demo.load_demo_if_empty(db)
    events = _open(laptop_root, db).events
    assert on_screen(events.tree, laptop_root)
    cards = [events.card_text(int(iid)) for iid in events.tree.get_children()]
    assert cards[0] == "Holiday Cookie Exchange 2026\nSat 19 Dec 2026 · Draft"
    assert "Thanksgiving Bake Sale\nSat 28 Nov 2026 · In production" in cards
    _assert_cards_whole(events)


def test_a_long_event_name_wraps_onto_a_second_line(laptop_root, db):
    from datetime import date

    from src.services.exchange import demo
    from src.services.plan import events as plan_events

    assert demo.load_demo_if_empty(db)
    plan_events.create_event(db, name=LONG_EVENT, event_date=date(2026, 12, 6))
    events = _open(laptop_root, db).events
    long_id = next(int(i) for i in events.tree.get_children()
                   if events.tree.set(i, "name") == LONG_EVENT)
    assert len(events.card_text(long_id).split("\n")) == 3
    _assert_cards_whole(events)


@pytest.mark.parametrize("width", [900, 1260])
def test_at_any_width_the_columns_end_inside_the_table_and_a_note_is_read_whole(root, width):
    from .test_planning_shopping import SHOPPING, Exports, build, make_plan

    root.geometry(f"{width}x700+0+0")
    section = build(root, Exports())
    section.show(make_plan())
    pump(root, 6)
    tree = section.tree
    shown = ["#0", *tree["displaycolumns"]]
    assert "note" in shown  # two lines have a note: the Note column is shown
    assert sum(int(tree.column(c, "width")) for c in shown) <= tree.winfo_width()
    words = section.summary_label._label
    assert words.winfo_reqwidth() <= words.winfo_width()
    # The note is read whole under the table when its line is selected.
    eggs = tree.get_children(TO_BUY_GROUP)[1]
    tree.selection_set(eggs)
    pump(root, 4)
    assert section.detail_label.cget("text").endswith(SHOPPING[1].note)
    section.destroy()


def test_a_name_is_broken_between_words_and_a_too_long_word_where_the_line_ends():
    def measure(text: str) -> int:
        return 10 * len(text)  # ten pixels a letter

    assert wrap_name("Holiday Cookie Exchange", 150, measure) == ["Holiday Cookie", "Exchange"]
    assert wrap_name("Bake sale", 150, measure) == ["Bake sale"]
    assert wrap_name("Gingerbreadhouseparty 2026", 100, measure) == [
        "Gingerbrea", "dhousepart", "y 2026"]
