""""Clone event": start a new event from the shown one.

The new event gets the selection, lines and batch decisions; quantities may be
scaled by the attendee ratio, and lines whose leftovers were recorded start
from what was used. After saving, a notice says what was adjusted and which
decisions no longer fit.
"""

from __future__ import annotations

import tkinter as tk
from collections.abc import Callable
from datetime import date

import customtkinter as ctk

from src.services.aids.dto import CloneResult
from src.services.plan.events import EventView
from src.ui import theme
from src.ui.dialogs import FormDialog

# (name, date text, attendees text, scale, use leftovers) -> CloneResult, or raises
CloneCall = Callable[[str, str, str, bool, bool], CloneResult]


def next_year_name(name: str, year: int) -> str:
    """"Christmas 2026" → "Christmas 2027"; otherwise "<name> (copy)"."""
    if str(year) in name:
        return name.replace(str(year), str(year + 1))
    return f"{name} (copy)"


def next_year(day: date) -> date:
    try:
        return day.replace(year=day.year + 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year + 1, day=28)


def clone_summary(result: CloneResult) -> str:
    e = result.event
    parts = [f'"{e.name}" ({e.event_date.isoformat()}) starts from "{result.source.name}": '
             f"{len(result.lines)} line{'s' if len(result.lines) != 1 else ''}, "
             f"{result.decisions} batch decision{'s' if result.decisions != 1 else ''}."]
    for note in result.notes:
        parts.append(note[0].upper() + note[1:] + ".")
    if result.stale_recipes:
        parts.append("These decisions no longer fit the quantities (shown as stale): "
                     + ", ".join(result.stale_recipes) + ". “Optimise batches…” proposes "
                     "new counts for all of them at once.")
    return "\n\n".join(parts)


class CloneDialog(FormDialog):
    def __init__(self, parent: tk.Misc, source: EventView, clone: CloneCall,
                 on_cloned: Callable[[CloneResult], None]) -> None:
        super().__init__(parent, f"Clone “{source.name}”", ok_text="Clone")
        self._clone, self._on_cloned = clone, on_cloned
        self.name_entry = ctk.CTkEntry(self.body, width=280)
        self.name_entry.insert(0, next_year_name(source.name, source.event_date.year))
        self.add_field("New name", self.name_entry, name="name")
        self.date_entry = ctk.CTkEntry(self.body, width=140)
        self.date_entry.insert(0, next_year(source.event_date).isoformat())
        self.add_field("Date", self.date_entry, name="event_date", hint="YYYY-MM-DD")
        self.attendees_entry = ctk.CTkEntry(self.body, width=100)
        if source.expected_attendees is not None:
            self.attendees_entry.insert(0, str(source.expected_attendees))
        self.add_field("Attendees", self.attendees_entry, name="attendees",
                       hint=f"was {source.expected_attendees or '—'}")
        self.scale_box = ctk.CTkCheckBox(self.body, text="Scale quantities by attendees")
        self.add_field("", self.scale_box, name="scale")
        self.leftovers_box = ctk.CTkCheckBox(self.body, text="Start from what was used "
                                             "(recorded leftovers)")
        self.leftovers_box.select()
        self.add_field(" ", self.leftovers_box, name="leftovers")
        ctk.CTkLabel(self.body, text="Selection, quantities and batch decisions are copied.",
                     font=theme.font(12), text_color=theme.COLORS["muted"]).grid(
            row=self._row, column=0, columnspan=3, sticky="w")
        self._row += 1
        self.finish(focus=self.name_entry)

    def on_submit(self) -> bool:
        self.clear_errors()
        return self.save_with(
            lambda: self._clone(
                self.name_entry.get(), self.date_entry.get(), self.attendees_entry.get(),
                bool(self.scale_box.get()), bool(self.leftovers_box.get()),
            ),
            self._on_cloned,
        )
