"""The list of events: date, name, attendees, state; New / Edit / Delete."""

from __future__ import annotations

import tkinter as tk
import tkinter.font as tkfont
from collections.abc import Callable, Sequence
from tkinter import ttk

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
EVENTS_STYLE = f"Events.{theme.TREE_STYLE}"  # rows of two lines (three for a long name)
LINE_PAD = 10  # above and below a row's lines
TEXT_LEAD = 26  # where a row's text starts in the tree column (the item's indicator)


def row_date(event: EventView) -> str:
    """"Sat 19 Dec 2026"."""
    day = event.event_date
    return f"{day:%a} {day.day} {day:%b %Y}"


def wrap_name(name: str, room: int, measure: Callable[[str], int]) -> list[str]:
    """``name`` in lines of at most ``room`` pixels, broken between words (a word
    longer than a line is broken where the line ends)."""
    lines: list[str] = []
    for word in name.split():
        if lines and measure(f"{lines[-1]} {word}") <= room:
            lines[-1] = f"{lines[-1]} {word}"
            continue
        while len(word) > 1 and measure(word) > room:
            cut = next((n for n in range(len(word) - 1, 0, -1) if measure(word[:n]) <= room), 1)
            lines.append(word[:cut])
            word = word[cut:]
        lines.append(word)
    return lines or [name]


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
        self._events: dict[int, EventView] = {}

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
        # The side list is narrow: each event is a card of its whole name, then its
        # date and state on a second line (attendees are in the plan's header). The
        # values keep the four fields for ``rows()``.
        self.tree = theme.make_tree(table, COLUMNS, height=5, show="tree",
                                    selectmode="browse")
        self._font = tkfont.Font(self, font=theme.tk_font(10))
        self._lines_per_row = 0
        self.tree.configure(displaycolumns=(), style=EVENTS_STYLE)
        self.tree.column("#0", width=282, minwidth=80, stretch=True)  # the pane as before
        self._set_row_lines(2)
        self.tree.bind("<Configure>", lambda _e: self._write_cards(), add="+")
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
        self._events = {event.id: event for event in events}
        self._write_cards()
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

    def _set_row_lines(self, lines: int) -> None:
        if lines != self._lines_per_row:
            self._lines_per_row = lines
            height = lines * int(self._font.metrics("linespace")) + LINE_PAD
            ttk.Style(self).configure(EVENTS_STYLE, rowheight=height)

    def _write_cards(self) -> None:
        """Each row's text: the name wrapped to the list's width, then date · state."""
        room = max(self.tree.winfo_width(), int(self.tree.column("#0", "width")))
        room -= TEXT_LEAD + 8
        cards = {}
        for event_id, event in self._events.items():
            name = wrap_name(event.name, room, self._font.measure)
            state = STATE_TEXT.get(event.plan_state, event.plan_state)
            cards[event_id] = name + [f"{row_date(event)} · {state}"]
        self._set_row_lines(max([2, *(len(card) for card in cards.values())]))
        for event_id, card in cards.items():
            text = "\n".join(card)
            if self.tree.exists(str(event_id)) and self.tree.item(str(event_id), "text") != text:
                self.tree.item(str(event_id), text=text)

    def card_text(self, event_id: int) -> str:
        """The text of an event's row, as shown (its lines joined by newlines)."""
        return str(self.tree.item(str(event_id), "text"))

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
