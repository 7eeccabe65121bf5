"""The event dialog's date: typed forms read back, messages cleared, the calendar."""

from __future__ import annotations

from datetime import date

import pytest

from src.services.plan import events as events_service
from src.ui.planning.event_dialog import EventDialog

from .conftest import pump

pytestmark = pytest.mark.gui


def _new_dialog(window) -> EventDialog:
    window.planning.events.new_button.invoke()
    pump(window)
    dialog = window.planning.last_dialog
    assert isinstance(dialog, EventDialog)
    return dialog


def _type_date(dialog: EventDialog, text: str) -> None:
    dialog.date_entry.delete(0, "end")
    dialog.date_entry._entry.focus_force()
    dialog.update()
    dialog.date_entry.insert(0, text)
    dialog.date_entry._entry.event_generate("<KeyRelease>")
    pump(dialog)


def test_typed_date_is_read_back_and_saved(window, bakery_db):
    dialog = _new_dialog(window)
    _type_date(dialog, "Dec 19 2026")
    assert dialog.date_reading.cget("text") == "Saturday 19 December 2026"
    dialog.name_entry.insert(0, "Cookie swap")
    dialog.ok_button.invoke()
    pump(window)
    saved = [e for e in events_service.list_events(bakery_db) if e.name == "Cookie swap"]
    assert [e.event_date for e in saved] == [date(2026, 12, 19)]


def test_date_message_clears_as_soon_as_the_text_is_a_date(window):
    dialog = _new_dialog(window)
    dialog.fill(name="Swap", date="Dec 32 2026")
    dialog.ok_button.invoke()
    pump(window)
    assert "not a date" in dialog.error_text("event_date")
    assert dialog.date_reading.cget("text") == ""
    _type_date(dialog, "12/19/2026")
    assert dialog.error_text("event_date") == ""
    assert dialog.date_reading.cget("text") == "Saturday 19 December 2026"
    dialog._cancel()


def test_picking_a_day_in_the_calendar_fills_the_date(window):
    dialog = _new_dialog(window)
    _type_date(dialog, "2026-12-19")
    dialog.picker_button.invoke()
    pump(window)
    picker = dialog.picker
    assert picker is not None and picker.winfo_ismapped()
    assert picker.title_label.cget("text") == "December 2026"
    picker.next_button.invoke()
    pump(window)
    assert picker.title_label.cget("text") == "January 2027"
    cell = picker.day_cell(date(2027, 1, 9))
    assert cell is not None
    cell.event_generate("<Button-1>")
    pump(window)
    assert not picker.winfo_exists()
    assert dialog.date_entry.get() == "2027-01-09"
    assert dialog.date_reading.cget("text") == "Saturday 9 January 2027"
    dialog.picker_button.invoke()  # opens on the date now in the field
    pump(window)
    assert dialog.picker.title_label.cget("text") == "January 2027"
    dialog.picker_button.invoke()  # and "Pick…" again closes it
    pump(window)
    assert dialog.picker is None
    dialog._cancel()
