"""Events in the real window: the list, the event dialog, delete with confirmation."""

from __future__ import annotations

import pytest

from src.services.plan import events as events_service
from src.ui.planning.event_dialog import EventDialog

from .conftest import pump, pump_until, toplevels

pytestmark = pytest.mark.gui


def _new_dialog(window) -> EventDialog:
    window.planning.events.new_button.invoke()
    pump(window)
    dialog = window.planning.last_dialog
    assert isinstance(dialog, EventDialog) and dialog.winfo_ismapped()
    return dialog


def test_window_title_tabs_and_event_list(window, root):
    assert root.title() == "Bake Planner"
    assert root.winfo_width() >= 1280 and root.winfo_height() >= 800
    assert window.tabs.get() == "Planning"
    rows = window.planning.events.rows()
    assert rows == [
        ("2026-12-20", "Christmas 2026", "50", "Draft"),
        ("2026-05-02", "Bake sale", "—", "Draft"),
    ]
    assert window.planning.header.name_label.cget("text") == "Christmas 2026"
    assert window.catalog is None and window.pantry is None  # built when first shown
    window.show_tab("Pantry")
    assert pump_until(root, lambda: window.pantry is not None and window.pantry.winfo_ismapped())
    assert window.pantry.winfo_ismapped() and not window.planning.winfo_ismapped()
    tree = window.pantry.panel.tree
    listed = [tree.item(iid, "text") for iid in tree.get_children()]
    assert {"All-purpose flour", "Dark chocolate"} <= set(listed)


def test_a_catalog_edit_shows_in_the_plan_when_planning_is_shown_again(window, root, bakery_db):
    from src.services import catalog
    from src.services.catalog.dto import RecipeInput, YieldInput

    window.show_tab("Catalog")
    assert pump_until(root, lambda: window.catalog is not None and window.catalog.winfo_ismapped())
    catalog.create_recipe(bakery_db, RecipeInput(
        name="Gingerbread Dough", category="Cookies",
        yields=(YieldInput(name="Gingerbread man", mode="discrete_count", items_per_batch=12),),
    ))
    window.data_changed()  # what the catalog tab calls after a saved edit
    window.show_tab("Planning")
    pump(root)
    names = [r.name for r in window.planning.presenter.plan.recipes]
    assert "Gingerbread Dough" in names
    assert window.planning.recipes.count_label.cget("text") == "0 of 4 recipes selected"


def test_create_event_through_the_dialog_with_each_validation_message(window, bakery_db):
    dialog = _new_dialog(window)
    dialog.fill(name="", date="20.13.2026", attendees="-4")
    dialog.ok_button.invoke()
    pump(window)
    assert dialog.winfo_exists()  # stays open: nothing was saved
    assert dialog.error_text("name") == "Event name is required"
    assert "Dec 19 2026" in dialog.error_text("event_date")
    assert "whole number of at least 1" in dialog.error_text("expected_attendees")
    assert len(events_service.list_events(bakery_db)) == 2

    dialog.fill(name="Wedding", date="2027-06-12", attendees="120", notes="Dessert table")
    dialog.ok_button.invoke()
    pump(window)
    assert not dialog.winfo_exists()
    rows = window.planning.events.rows()
    assert rows[0] == ("2027-06-12", "Wedding", "120", "Draft")
    assert window.planning.events.selected_id == window.planning.presenter.event_id
    assert window.planning.header.name_label.cget("text") == "Wedding"
    saved = events_service.list_events(bakery_db)[0]
    assert saved.notes == "Dessert table"


def test_cancel_creates_nothing(window, bakery_db):
    dialog = _new_dialog(window)
    dialog.fill(name="Not wanted", date="2027-01-01")
    dialog.cancel_button.invoke()
    pump(window)
    assert not dialog.winfo_exists()
    assert len(events_service.list_events(bakery_db)) == 2
    assert len(window.planning.events.rows()) == 2


def test_edit_event_prefills_and_saves(window, bakery_db):
    events = window.planning.events
    events.select(events_service.list_events(bakery_db)[1].id)  # Bake sale
    pump(window)
    events.edit_button.invoke()
    pump(window)
    dialog = window.planning.last_dialog
    assert dialog.name_entry.get() == "Bake sale"
    assert dialog.date_entry.get() == "2026-05-02"
    assert dialog.attendees_entry.get() == ""
    dialog.attendees_entry.insert(0, "abc")
    dialog.ok_button.invoke()
    pump(window)
    assert "whole number" in dialog.error_text("expected_attendees")
    dialog.attendees_entry.delete(0, "end")
    dialog.attendees_entry.insert(0, "80")
    dialog.ok_button.invoke()
    pump(window)
    assert ("2026-05-02", "Bake sale", "80", "Draft") in events.rows()
    assert "80 attendees" in window.planning.header.details_label.cget("text")


def test_delete_asks_naming_the_event_and_cancel_keeps_it(window, bakery_db):
    planning = window.planning
    planning.events.delete_button.invoke()
    pump(window)
    dialog = planning.last_dialog
    text = dialog.message_label.cget("text")
    assert "Christmas 2026" in text and "cannot be undone" in text
    dialog.cancel_button.invoke()
    pump(window)
    assert len(events_service.list_events(bakery_db)) == 2

    planning.events.delete_button.invoke()
    pump(window)
    planning.last_dialog.confirm_button.invoke()
    pump(window)
    assert [e.name for e in events_service.list_events(bakery_db)] == ["Bake sale"]
    assert planning.events.rows() == [("2026-05-02", "Bake sale", "—", "Draft")]
    assert planning.header.name_label.cget("text") == "Bake sale"


def test_keyboard_ctrl_n_and_delete(window, root, bakery_db):
    planning = window.planning
    planning.events.tree.focus_force()
    pump(root)
    planning.events.tree.event_generate("<Control-n>")
    pump(root)
    assert isinstance(planning.last_dialog, EventDialog)
    planning.last_dialog.event_generate("<Escape>")
    pump(root)
    assert toplevels(root) == []

    planning.events.tree.focus_force()
    pump(root)
    planning.events.tree.event_generate("<Delete>")
    pump(root)
    dialogs = toplevels(root)
    assert len(dialogs) == 1  # asked once, not twice
    assert "Christmas 2026" in dialogs[0].message_label.cget("text")
    dialogs[0].event_generate("<Return>")
    pump(root)
    assert [e.name for e in events_service.list_events(bakery_db)] == ["Bake sale"]


def test_delete_key_in_a_text_field_does_not_delete_an_event(window, root, bakery_db):
    planning = window.planning
    planning.recipes.filter_entry._entry.focus_force()
    pump(root)
    planning.recipes.filter_entry._entry.event_generate("<Delete>")
    pump(root)
    assert toplevels(root) == []


def test_empty_database_shows_the_welcome(root, db):
    from src.ui.main_window import build_main_window

    main = build_main_window(root, db)
    pump(root)
    planning = main.planning
    assert planning.welcome.winfo_ismapped()
    assert planning.welcome.demo_button.cget("state") == "normal"
    planning.welcome.new_button.invoke()
    pump(root)
    dialog = planning.last_dialog
    dialog.fill(name="First event", date="2027-02-14")
    dialog.ok_button.invoke()
    pump(root)
    assert not planning.welcome.winfo_ismapped()
    assert planning.events.rows()[0][1] == "First event"


def test_every_plan_state_fits_its_column_in_the_event_list(window, root):
    import tkinter.font as tkfont

    from src.ui import theme
    from src.ui.planning.events_section import STATE_TEXT

    pump(root)
    tree = window.planning.events.tree
    font = tkfont.Font(root=root, font=theme.tk_font(10))
    # the cell's padding takes a few pixels on each side
    room = tree.column("state", "width") - 8
    assert all(font.measure(text) <= room for text in STATE_TEXT.values())
