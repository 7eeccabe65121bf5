"""Create or edit an event: name, date, expected attendees, notes.

The date is typed in any common form (2026-12-19, 12/19/2026, Dec 19 2026) or
picked from a calendar; what it means is shown beside it while typing
("Saturday 19 December 2026"), and a date message clears as soon as the text
reads as a date."""

from __future__ import annotations

import tkinter as tk
from collections.abc import Callable
from datetime import date

import customtkinter as ctk

from src.services.dates import read_typed_date
from src.services.plan.events import EventView
from src.ui import theme
from src.ui.date_picker import DatePicker
from src.ui.dialogs import FormDialog

DATE_PLACEHOLDER = "e.g. Dec 19 2026"

# save(name=, event_date=, expected_attendees=, notes=) -> {field: message}; {} when saved
SaveCallback = Callable[..., dict[str, str]]


class EventDialog(FormDialog):
    """The event form. ``save`` gets the typed text and returns the service's messages by
    field ("name", "event_date", "expected_attendees"; "" for the form); the dialog closes
    only when it returns none."""

    def __init__(self, parent: tk.Misc, save: SaveCallback, event: EventView | None = None):
        title = "New event" if event is None else f"Edit {event.name}"
        super().__init__(parent, title, ok_text="Create" if event is None else "Save")
        self._save = save
        self.name_entry = ctk.CTkEntry(self.body, width=300)
        self.add_field("Name", self.name_entry, name="name")
        date_row = ctk.CTkFrame(self.body, fg_color="transparent")
        self.date_entry = ctk.CTkEntry(date_row, width=150, placeholder_text=DATE_PLACEHOLDER)
        self.date_entry.pack(side="left")
        self.picker_button = ctk.CTkButton(date_row, text="Pick…", width=56,
                                           command=self.open_picker)
        self.picker_button.pack(side="left", padx=(6, 0))
        self.date_reading = ctk.CTkLabel(date_row, text="", anchor="w", width=200,
                                         text_color=theme.COLORS["muted"], font=theme.font(12))
        self.date_reading.pack(side="left", padx=(8, 0))
        self.picker: DatePicker | None = None
        self.add_field("Date", date_row, name="event_date")
        self.date_entry.bind("<KeyRelease>", lambda _e: self.date_changed(), add="+")
        self.attendees_entry = ctk.CTkEntry(
            self.body, width=300, placeholder_text="optional"
        )
        self.add_field("Expected attendees", self.attendees_entry, name="expected_attendees")
        self.notes_box = ctk.CTkTextbox(self.body, width=300, height=70, border_width=2,
                                        font=theme.font(13))
        self.add_field("Notes", self.notes_box, name="notes")
        if event is not None:
            self.name_entry.insert(0, event.name)
            self.date_entry.insert(0, event.event_date.isoformat())
            if event.expected_attendees is not None:
                self.attendees_entry.insert(0, str(event.expected_attendees))
            if event.notes:
                self.notes_box.insert("1.0", event.notes)
            self.date_changed()
        self.finish()

    def date_changed(self) -> None:
        """Show what the typed date means; clear the date's message once it is a date."""
        typed = read_typed_date(self.date_entry.get())
        self.date_reading.configure(text=typed.reading)
        if typed.value is not None:
            self.set_error("event_date", "")

    def open_picker(self) -> None:
        """Open the calendar under the date field, on the typed date if there is one."""
        if self.picker is not None and self.picker.winfo_exists():
            self.picker.close()  # "Pick…" again closes it
            self.picker = None
            return
        self.picker = DatePicker(self.date_entry, self.set_date,
                                 selected=read_typed_date(self.date_entry.get()).value)

    def set_date(self, value: date) -> None:
        """Put ``value`` in the date field (ISO) and show its reading."""
        self.date_entry.delete(0, "end")
        self.date_entry.insert(0, value.isoformat())
        self.date_changed()
        self.date_entry.focus_set()

    def fill(self, *, name: str = "", date: str = "", attendees: str = "", notes: str = ""):
        """Replace the typed text (tests and pre-filled copies)."""
        for entry, text in (
            (self.name_entry, name), (self.date_entry, date), (self.attendees_entry, attendees)
        ):
            entry.delete(0, "end")
            if text:
                entry.insert(0, text)
        self.notes_box.delete("1.0", "end")
        self.notes_box.insert("1.0", notes)
        self.date_changed()

    def on_submit(self) -> bool:
        errors = self._save(
            name=self.name_entry.get(),
            event_date=self.date_entry.get(),
            expected_attendees=self.attendees_entry.get(),
            notes=self.notes_box.get("1.0", "end-1c"),
        )
        if not errors:
            return True
        self.clear_errors()
        for field, message in errors.items():
            self.set_error(field or None, message)
        return False
