"""The list of events: date, name, attendees, state; New / Edit / Delete."""

from __future__ import annotations

import tkinter as tk
from collections.abc import Callable, Sequence

import customtkinter as ctk

from src.services.plan.events import EventView
from src.ui import theme
from src.ui.wording import count_of

STATE_TEXT = {
    "draft": "Draft",
    "locked": "Locked",
    "in_production": "In production",
    "completed": "Completed",
}
COLUMNS = ("date", "name", "attendees", "state")


def event_values(event: EventView) -> tuple[str, str, str, str]:
    """The row shown for ``event``: attendees "—" when not given."""
    attendees = "—" if event.expected_attendees is None else str(event.expected_attendees)
    return (
        event.event_date.isoformat(),
        event.name,
        attendees,
        STATE_TEXT.get(event.plan_state, event.plan_state),
    )


class EventsSection(ctk.CTkFrame):
    """Events newest first (as the service orders them). ``on_select(event_id)`` runs when
    the user picks a row; ``on_new()``, ``on_edit(id)``, ``on_delete(id)`` for the buttons
    (Delete key and double-click too)."""

    def __init__(
        self,
        master: tk.Misc,
        *,
        on_select: Callable[[int], None],
        on_new: Callable[[], None],
        on_edit: Callable[[int], None],
        on_delete: Callable[[int], None],
        **kwargs,
    ) -> None:
        kwargs.setdefault("fg_color", theme.COLORS["section"])
        super().__init__(master, **kwargs)
        self._on_select = on_select
        self._on_edit = on_edit
        self._on_delete = on_delete
        self._shown_selection: int | None = None
        self._values: dict[int, tuple[str, ...]] = {}

        # A side list: title and count, the buttons under them, then the events.
        header = ctk.CTkFrame(self, fg_color="transparent")
        header.pack(fill="x", padx=10, pady=(8, 2))
        ctk.CTkLabel(header, text="Events", font=theme.section_font()).pack(side="left")
        self.count_label = ctk.CTkLabel(
            header, text="", font=theme.font(12), text_color=theme.COLORS["muted"]
        )
        self.count_label.pack(side="left", padx=(10, 0))
        buttons = ctk.CTkFrame(self, fg_color="transparent")
        buttons.pack(fill="x", padx=10, pady=(2, 6))
        self.new_button = ctk.CTkButton(buttons, text="New event…", width=104, command=on_new)
        self.new_button.pack(side="left")
        self.edit_button = ctk.CTkButton(
            buttons, text="Edit…", width=64, command=self._edit_selected
        )
        self.edit_button.pack(side="left", padx=(6, 0))
        self.delete_button = ctk.CTkButton(
            buttons, text="Delete…", width=72, command=self._delete_selected,
            fg_color="transparent", border_width=1, text_color=theme.COLORS["text"],
        )
        self.delete_button.pack(side="left", padx=(6, 0))

        table = tk.Frame(self, bg=theme.color("section"))
        theme.on_appearance_change(table, lambda: table.configure(bg=theme.color("section")))
        table.pack(fill="both", expand=True, padx=10, pady=(0, 10))
        self.tree = theme.make_tree(table, COLUMNS, height=5, show="headings",
                                    selectmode="browse")
        specs: tuple[tuple[str, str, int, theme.Anchor, bool], ...] = (
            ("date", "Date", 84, "w", False),
            ("name", "Event", 104, "w", True),
            ("attendees", "Attendees", 80, "e", False),
            ("state", "State", 94, "w", False),  # "In production" whole
        )
        for column, title, width, anchor, stretch in specs:
            self.tree.heading(column, text=title, anchor=anchor)
            self.tree.column(column, width=width, minwidth=40, anchor=anchor, stretch=stretch)
        # The side list is narrow: attendees are in the plan's header.
        self.tree.configure(displaycolumns=("date", "name", "state"))
        self.tree.pack(side="left", fill="both", expand=True)
        theme.make_scrollbar(table, self.tree).pack(side="right", fill="y")
        self.tree.bind("<<TreeviewSelect>>", self._selected)
        self.tree.bind("<Double-1>", lambda _e: self._edit_selected())
        self.tree.bind("<Return>", lambda _e: self._edit_selected())
        # "break": the window's own Delete shortcut must not ask a second time.
        self.tree.bind("<Delete>", self._delete_key)
        self._update_buttons()

    # -- showing -----------------------------------------------------------
    def show_events(self, events: Sequence[EventView], selected_id: int | None) -> None:
        """Show ``events`` in the given order, updating rows in place; select one."""
        wanted = [e.id for e in events]
        for iid in self.tree.get_children():
            if int(iid) not in set(wanted):
                self.tree.delete(iid)
                self._values.pop(int(iid), None)
        for index, event in enumerate(events):
            values = event_values(event)
            iid = str(event.id)
            if event.id not in self._values:
                self.tree.insert("", index, iid=iid, values=values)
            else:
                if self._values[event.id] != values:
                    self.tree.item(iid, values=values)
                if self.tree.index(iid) != index:
                    self.tree.move(iid, "", index)
            self._values[event.id] = values
        count = len(events)
        self.count_label.configure(text=count_of(count, "event"))
        self._shown_selection = selected_id
        if selected_id is not None and str(selected_id) in self.tree.get_children():
            if self.tree.selection() != (str(selected_id),):
                self.tree.selection_set(str(selected_id))
            self.tree.focus(str(selected_id))
            self.tree.see(str(selected_id))
        elif self.tree.selection():
            self.tree.selection_remove(*self.tree.selection())
        self._update_buttons()

    def rows(self) -> list[tuple[str, ...]]:
        """The rows as shown, top to bottom."""
        return [tuple(self.tree.item(iid, "values")) for iid in self.tree.get_children()]

    @property
    def selected_id(self) -> int | None:
        chosen = self.tree.selection()
        return int(chosen[0]) if chosen else None

    def select(self, event_id: int) -> None:
        """Select a row as a click would (tests and keyboard shortcuts)."""
        self.tree.selection_set(str(event_id))
        self.tree.focus(str(event_id))
        self._selected()

    # -- user actions ------------------------------------------------------
    def _update_buttons(self) -> None:
        state = "normal" if self.selected_id is not None else "disabled"
        self.edit_button.configure(state=state)
        self.delete_button.configure(state=state)

    def _selected(self, _event: tk.Event | None = None) -> None:
        self._update_buttons()
        chosen = self.selected_id
        # Selecting a row from show_events also fires this; only a new choice matters.
        if chosen is None or chosen == self._shown_selection:
            return
        self._shown_selection = chosen
        self._on_select(chosen)

    def _edit_selected(self) -> None:
        if self.selected_id is not None:
            self._on_edit(self.selected_id)

    def _delete_key(self, _event: object) -> str:
        self._delete_selected()
        return "break"

    def _delete_selected(self) -> None:
        if self.selected_id is not None:
            self._on_delete(self.selected_id)
