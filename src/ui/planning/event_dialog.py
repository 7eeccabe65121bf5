"""Create or edit an event: name, date (YYYY-MM-DD), expected attendees, notes."""

from __future__ import annotations

import tkinter as tk
from collections.abc import Callable

import customtkinter as ctk

from src.services.events import EventView
from src.ui import theme
from src.ui.dialogs import FormDialog

DATE_HINT = "YYYY-MM-DD, e.g. 2026-12-20"

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
        self.date_entry = ctk.CTkEntry(self.body, width=300, placeholder_text="YYYY-MM-DD")
        self.add_field("Date", self.date_entry, name="event_date", hint=DATE_HINT)
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
        self.finish()

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
