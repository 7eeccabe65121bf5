"""The production part of the planning tab, beyond the section itself: Compare
loads a fresh plan, the Record and Amend dialogs (option menus inside) stay over
the window, and the plain tk progress rows follow a switch to dark mode."""

from __future__ import annotations

import customtkinter as ctk
import pytest

from src.ui import theme

from .conftest import pump, toplevels
from .plan_builders import COOKIE_DOC
from .test_planning_production import Calls, build, make_plan

pytestmark = pytest.mark.gui


@pytest.fixture
def producing_window(root, db):
    """The main window on a plan in production: 9 batches of sugar cookies decided."""
    from src.services import exchange
    from src.services.plan import decisions, lifecycle
    from src.services.plan.events import list_events
    from src.services.plan.view import get_plan_view
    from src.ui.main_window import build_main_window

    exchange.import_document(db, COOKIE_DOC)
    event_id = list_events(db)[0].id
    recipe_id = get_plan_view(db, event_id).batches[0].recipe_id
    decisions.set_batch_decision(db, event_id, recipe_id, 9)
    lifecycle.lock_plan(db, event_id)
    lifecycle.start_production(db, event_id)
    main = build_main_window(root, db)
    root.geometry("1280x800+0+0")
    pump(root)
    return main.planning, event_id, recipe_id


def test_compare_shows_the_plan_as_it_is_now_not_as_last_shown(producing_window, root, db):
    from src.services.plan import amendments

    planning, event_id, recipe_id = producing_window
    assert planning.presenter.plan.event.plan_state == "in_production"
    # Changed behind the window's back (another computer on the shared database).
    amendments.amend_batches(db, event_id, recipe_id, 10, "A second cookie table")
    planning.production.compare_button.invoke()
    pump(root)
    dialog = planning.production._dialog
    assert dialog is not None and dialog.winfo_exists()
    changed = [values for values, _tags in dialog.rows() if values[4] == "Changed"]
    assert changed == [("Batches", "Sugar Cookie Dough", "9 batches", "10 batches", "Changed")]
    # The whole tab was refreshed from that same load: the amendment is listed too.
    assert [line[3] for line in planning.production.amendment_lines()] == [
        "A second cookie table"]
    dialog.ok_button.invoke()
    pump(root)


def test_compare_says_why_when_the_event_is_gone(producing_window, root, db):
    from src.services.plan import events

    planning, event_id, _recipe_id = producing_window
    events.delete_event(db, event_id)
    assert planning.fresh_comparison() == "The event is no longer there: choose another one."
    pump(root)
    assert toplevels(root) == []


def _over(dialog, root) -> bool:
    x, y = dialog.winfo_rootx(), dialog.winfo_rooty()
    return (root.winfo_rootx() < x < root.winfo_rootx() + root.winfo_width() - dialog.winfo_width()
            and root.winfo_rooty() < y
            and y < root.winfo_rooty() + root.winfo_height() - dialog.winfo_height())


@pytest.mark.parametrize("which", ["record", "amend"])
def test_record_and_amend_dialogs_stay_over_the_window(root, which):
    root.geometry("1200x780+30+20")
    pump(root)
    section = build(root, Calls())
    section.show(make_plan())
    pump(root)
    dialog = section.open_record() if which == "record" else section.open_amend()
    for _ in range(8):
        pump(root, 1)
        assert dialog.winfo_ismapped() and _over(dialog, root), (
            dialog.winfo_rootx(), dialog.winfo_rooty())
    if which == "record":  # the field to type in has the focus
        assert dialog.focus_lastfor() is dialog.batches_entry._entry
    dialog.cancel_button.invoke()
    pump(root)


def test_progress_rows_follow_a_switch_to_dark_mode(root):
    section = build(root, Calls())
    section.show(make_plan())
    pump(root)
    row = section._rows[1]
    try:
        ctk.set_appearance_mode("dark")
        pump(root)
        assert row.frame.cget("bg") == theme.COLORS["section"][1]
        assert row.name.cget("fg") == theme.COLORS["text"][1]
        assert section.progress_frame.cget("bg") == theme.COLORS["section"][1]
    finally:
        ctk.set_appearance_mode("light")
        pump(root)
    assert row.frame.cget("bg") == theme.COLORS["section"][0]


def test_progress_and_amend_texts_count_batches_in_english(root):
    from src.ui.planning.production_section import progress_text

    from .test_planning_production import batch_row

    assert progress_text(batch_row(1, "Pumpkin Bread", 1, 0)) == (
        "0 of 1 batch baked · 1 to go")
    section = build(root, Calls())
    section.show(make_plan(rows=(batch_row(1, "Pumpkin Bread", 1, 0),)))
    dialog = section.open_amend()
    dialog.select_kind("Change batches")
    dialog._changed("recipe")
    assert dialog.current_label.cget("text") == "1 batch decided, 0 baked · need 1"
    dialog.cancel_button.invoke()
    pump(root)
