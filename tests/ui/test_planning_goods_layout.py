"""The Plan view's finished goods are a list a baker can work in on a 1366×768 laptop.

On a real window on its own 1366×768 virtual screen, checked by widget geometry:
the demo's draft event shows at least eight goods without scrolling, next to the
recipes and above two whole batch decisions; every good's name, field, cost and
message is shown whole inside the list (nothing runs past its right edge), also
with a long name and an error message; the notes follow the last good.
"""

from __future__ import annotations

import pytest

from src.ui.main_window import build_main_window

from .conftest import pump
from .laptop_screen import on_screen, visible_in

pytestmark = pytest.mark.gui

GOODS_SEEN = 8  # goods a baker sees at once on a laptop screen
LONG_NAME = "Grandma's assorted holiday cookie gift tin with a ribbon"


def _open_draft(laptop_root, db):
    main = build_main_window(laptop_root, db)
    laptop_root.geometry("+0+0")
    pump(laptop_root, 6)
    planning = main.planning
    draft = next(e for e in planning.presenter.events if e.plan_state == "draft")
    planning.events.select(draft.id)
    pump(laptop_root, 8)
    assert planning.bar.current == "plan"
    return planning


@pytest.fixture
def draft(laptop_root, db):
    """The Plan view of the demo's draft event, in the window the app opens on the laptop."""
    from src.services.exchange import demo

    assert demo.load_demo_if_empty(db)
    return _open_draft(laptop_root, db)


def _seen_goods(goods) -> list[int]:
    """The goods whose whole line (field and cost) is seen without scrolling the list."""
    return [gid for gid in goods.good_ids()
            if visible_in(goods.entry(gid), goods.scroll)
            and visible_in(goods._rows[gid].cost, goods.scroll)]


def _inside_the_list(widget, goods) -> bool:
    """``widget`` shows all its text and lies within the list's width."""
    canvas = goods.scroll.canvas
    left, right = widget.winfo_rootx(), widget.winfo_rootx() + widget.winfo_width()
    return (widget.winfo_reqwidth() <= widget.winfo_width()
            and canvas.winfo_rootx() <= left and right <= canvas.winfo_rootx()
            + canvas.winfo_width())


def _assert_nothing_cut(goods) -> None:
    for gid in goods.good_ids():
        row = goods._rows[gid]
        shown = [row.label, row.entry, row.cost] + ([row.message] if goods.message(gid) else [])
        for widget in shown:
            assert _inside_the_list(widget, goods), (widget.cget("text") if widget is not
                                                     row.entry else "field", gid)
        # The name ends before its field begins, the field before its cost.
        assert row.label.winfo_rootx() + row.label.winfo_width() <= row.entry.winfo_rootx()
        assert row.entry.winfo_rootx() + row.entry.winfo_width() <= row.cost.winfo_rootx()


def test_eight_goods_are_seen_beside_the_recipes_and_above_two_decisions(draft, laptop_root):
    goods, plan = draft.goods, draft.presenter.plan
    assert len(goods.good_ids()) > GOODS_SEEN  # the demo has more than fit: the list scrolls
    assert on_screen(goods, laptop_root) and on_screen(draft.recipes.tree, laptop_root)
    seen = _seen_goods(goods)
    assert len(seen) >= GOODS_SEEN, f"only {len(seen)} goods are seen without scrolling"
    assert seen == goods.good_ids()[:len(seen)]
    assert all(goods.entry(gid).cget("state") == "normal" for gid in seen)
    # The other sections stay usable: two whole batch decisions, the recipes list.
    batches = draft.batches
    for recipe_id in batches.row_ids()[:2]:
        assert visible_in(batches.row_widgets(recipe_id).frame, batches.scroll)
    assert on_screen(batches, laptop_root)
    assert len(plan.batches) > 2 and batches.scroll.can_scroll()


def test_every_cost_is_shown_whole_inside_the_list(draft):
    goods, plan = draft.goods, draft.presenter.plan
    costs = {gid: goods.cost(gid) for gid in goods.good_ids() if goods.cost(gid)}
    assert len(costs) >= 4 and any("each" in text for text in costs.values())
    assert "cost unknown" in costs.values()
    tin = next(g.id for g in plan.goods if g.name == "Cookie tin")
    assert costs[tin] == "$36.85 ($3.69 each)"  # the line's total, then one tin's cost
    _assert_nothing_cut(goods)


def test_a_long_name_wraps_and_a_message_gets_its_own_line(laptop_root, db):
    from src.services.catalog import goods as catalog_goods
    from src.services.catalog.dto import ComponentInput
    from src.services.exchange import demo

    assert demo.load_demo_if_empty(db)
    tin = next(g for g in catalog_goods.list_finished_goods(db) if g.name == "Cookie tin")
    catalog_goods.update_finished_good(
        db, tin.id, name=LONG_NAME, notes=tin.notes,
        components=[ComponentInput(quantity=c.quantity,
                                   unit_id=c.id if c.kind == "unit" else None,
                                   good_id=c.id if c.kind == "good" else None)
                    for c in tin.components])
    planning = _open_draft(laptop_root, db)
    goods = planning.goods
    label = goods._rows[tin.id].label
    assert label.cget("text") == f"{LONG_NAME} (bundle)"
    assert label.winfo_height() > goods.entry(tin.id).winfo_height()  # wrapped, not cut
    # A refused quantity: the message sits under its field, the costs stay whole.
    entry = goods.entry(tin.id)
    entry.focus_force()
    pump(laptop_root)
    entry.delete(0, "end")
    entry.insert(0, "a dozen")
    goods.commit(tin.id)
    pump(laptop_root, 4)
    message = goods._rows[tin.id].message
    assert goods.message(tin.id).startswith("Quantity") and message.winfo_ismapped()
    assert message.winfo_rooty() >= entry.winfo_rooty() + entry.winfo_height()
    _assert_nothing_cut(goods)
    # Fixed: the message goes, and so does its line.
    entry.delete(0, "end")
    entry.insert(0, "12")
    goods.commit(tin.id)
    pump(laptop_root, 4)
    assert goods.message(tin.id) == "" and not message.winfo_ismapped()


def test_the_notes_follow_the_last_good_inside_the_list(draft, laptop_root):
    goods = draft.goods
    note = goods.unavailable_label
    assert "need recipes that are not selected" in note.cget("text")
    assert not visible_in(note, goods.scroll)  # below the goods: the goods come first
    goods.scroll.see(goods.hint_label)
    pump(laptop_root)
    last = goods.entry(goods.good_ids()[-1])
    for label in (note, goods.hint_label):
        assert visible_in(label, goods.scroll) and _inside_the_list(label, goods)
        assert label.winfo_rooty() >= last.winfo_rooty() + last.winfo_height()
