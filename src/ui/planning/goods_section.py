"""Finished goods for the event: each available good with a quantity field.

Fields are plain tk widgets kept by good id across refreshes, so a refresh
never clobbers what the user is typing: a field's text is replaced only when
it still shows the last saved value. A quantity is saved when the field loses
focus or on Enter; invalid text stays in the field with the service's message
under it and nothing is saved; an empty field removes the line.

The list is the section: one line a good (name, quantity, cost), its message on a
line of its own under it, then the notes (which goods need other recipes, how
to remove a line) at the end of the list. The name wraps to what the quantity
and cost leave, so no text is ever cut at the section's right edge, and a
laptop screen shows eight goods or more.
"""

from __future__ import annotations

import tkinter as tk
from collections.abc import Callable
from typing import Literal

import customtkinter as ctk

from src.services.plan.dto import GoodRow, PlanView
from src.ui import theme
from src.ui.planning.presenter import SaveResult
from src.ui.scrolling import ScrollArea
from src.ui.wording import count_of

from .cost_text import good_cost_text

# (good id, text) -> what was saved, or the message for the field
QuantityCallback = Callable[[int, str], SaveResult]
MAX_UNAVAILABLE_NAMED = 2
HINT = "Type how many of each; an empty field removes the line."
NAME_GAP, COLUMN_GAP = 8, 10  # pixels between name and field, field and cost
MIN_NAME_WIDTH = 80  # a name never wraps narrower than this
ROW_PAD = 1  # pixels above and below a good's line


def quantity_field(master: tk.Misc) -> tk.Entry:
    """A good's quantity field (uncoloured): room for six digits."""
    return tk.Entry(master, width=6, justify="right", font=theme.tk_font(10), relief="flat",
                    borderwidth=1, highlightthickness=1)


def good_label(row: GoodRow) -> str:
    return f"{row.name} (bundle)" if row.is_bundle else row.name


def unavailable_text(plan: PlanView) -> str:
    """Which goods are not offered and why, shortly."""
    missing = [g for g in plan.goods if not g.available and g.quantity is None]
    if not missing:
        return ""
    named = [
        f"{g.name} (needs {', '.join(g.missing_recipes)})" if g.missing_recipes else g.name
        for g in missing[:MAX_UNAVAILABLE_NAMED]
    ]
    more = len(missing) - len(named)
    tail = f" and {more} more" if more > 0 else ""
    n = len(missing)
    return (
        f"{count_of(n, 'more finished good')} {'needs' if n == 1 else 'need'} recipes that are "
        "not selected: "
        f"{'; '.join(named)}{tail}."
    )


class _GoodRow:
    """One good's widgets: name, quantity field and cost on one line, the message
    (shown only when there is one) on the line under it."""

    def __init__(self, section: GoodsSection, good_id: int) -> None:
        body = section.body
        self.good_id = good_id
        self.saved_text = ""  # what the field showed after the last save / refresh
        self.label = tk.Label(body, font=theme.tk_font(10), anchor="w", justify="left")
        self.entry = quantity_field(body)
        self.message = tk.Label(body, font=theme.tk_font(9), anchor="w", justify="left")
        self.cost = tk.Label(body, font=theme.tk_font(9), anchor="e")
        self.index = -1
        self.recolor()
        self.entry.bind("<FocusOut>", lambda _e: section.commit(good_id))
        self.entry.bind("<Return>", lambda _e: section.commit(good_id))
        self.entry.bind("<KP_Enter>", lambda _e: section.commit(good_id))
        self.entry.bind("<FocusIn>", lambda _e: section.focused(self.entry))
        self.name = ""

    def recolor(self) -> None:
        bg = theme.color("section")
        self.label.configure(bg=bg, fg=theme.color("text"))
        self.entry.configure(
            bg=theme.color("tree_bg"), fg=theme.color("text"),
            insertbackground=theme.color("text"), highlightcolor=theme.color("accent"),
            highlightbackground=theme.color("border"),
            disabledbackground=bg, disabledforeground=theme.color("muted"),
        )
        self.message.configure(bg=bg, fg=theme.color("error"))
        self.cost.configure(bg=bg, fg=theme.color("muted"))

    def place(self, index: int) -> None:
        """Grid the row as the ``index``-th good (two grid rows: the line, the message)."""
        self.index = index
        line = 2 * index
        self.label.grid(row=line, column=0, sticky="w", padx=(0, NAME_GAP), pady=ROW_PAD)
        self.entry.grid(row=line, column=1, sticky="e", pady=ROW_PAD)
        self.cost.grid(row=line, column=2, sticky="e", padx=(COLUMN_GAP, 0), pady=ROW_PAD)
        self.show_message(str(self.message.cget("text")))

    def show_message(self, text: str) -> None:
        """Show ``text`` under the field, or no message line at all when it is empty."""
        self.message.configure(text=text)
        if text and self.index >= 0:
            self.message.grid(row=2 * self.index + 1, column=0, columnspan=3, sticky="w",
                              pady=(0, 2))
        else:
            self.message.grid_remove()

    def destroy(self) -> None:
        for widget in (self.label, self.entry, self.message, self.cost):
            widget.destroy()


class GoodsSection(ctk.CTkFrame):
    """The event's finished-good quantities. ``on_quantity(good_id, text)`` saves one and
    returns a ``SaveResult``: the value saved, or the message to show beside the field;
    ``on_focus(entry)`` is told when a field gets the keyboard focus."""

    def __init__(
        self,
        master: tk.Misc,
        *,
        on_quantity: QuantityCallback,
        on_focus: Callable[[tk.Misc], None] | None = None,
        **kwargs,
    ) -> None:
        kwargs.setdefault("fg_color", theme.COLORS["section"])
        super().__init__(master, **kwargs)
        self._on_quantity = on_quantity
        # Told which field got the focus, so the page can scroll it into view.
        self.on_focus: Callable[[tk.Misc], None] = on_focus or (lambda _widget: None)
        self._rows: dict[int, _GoodRow] = {}
        self._order: list[int] = []
        self._enabled = True
        header = ctk.CTkFrame(self, fg_color="transparent")
        header.pack(fill="x", padx=10, pady=(8, 2))
        ctk.CTkLabel(header, text="Finished goods", font=theme.section_font()).pack(side="left")
        self.count_label = ctk.CTkLabel(header, text="", font=theme.font(13))
        self.count_label.pack(side="right")
        # The goods scroll inside the section (the page around them does not scroll);
        # the notes follow the last good, inside the list, so the goods get the height.
        self.scroll = ScrollArea(self)
        self.scroll.pack(fill="both", expand=True, padx=10, pady=(2, 8))
        self.body = self.scroll.body
        self.body.columnconfigure(0, weight=1)
        self.empty_label, self.unavailable_label, self.hint_label = self._notes = tuple(
            tk.Label(self.body, font=theme.tk_font(10), anchor="w", justify="left")
            for _ in range(3)
        )
        self._width = 0
        self.scroll.canvas.bind("<Configure>", lambda e: self._fit(e.width), add="+")
        self._recolor()
        theme.on_appearance_change(self, self._recolor)

    def _fit(self, width: int | None = None) -> None:
        """Wrap the names and notes to the list's width (it changes with the window):
        the quantity and cost columns keep their width, the names wrap in what is left."""
        if width is not None:
            self._width = width
        if self._width <= 1:
            return
        fixed = max((r.entry.winfo_reqwidth() for r in self._rows.values()), default=0)
        fixed += max((r.cost.winfo_reqwidth() for r in self._rows.values()), default=0)
        name_width = max(MIN_NAME_WIDTH, self._width - fixed - NAME_GAP - COLUMN_GAP)
        for row in self._rows.values():
            if row.label.cget("wraplength") != name_width:
                row.label.configure(wraplength=name_width)
            if row.message.cget("wraplength") != self._width:
                row.message.configure(wraplength=self._width)
        for label in self._notes:
            if label.cget("wraplength") != self._width:
                label.configure(wraplength=self._width)

    def _recolor(self) -> None:
        bg = theme.color("section")
        self.body.configure(bg=bg)
        for label in self._notes:
            label.configure(bg=bg, fg=theme.color("muted"))
        for row in self._rows.values():
            row.recolor()

    def height_for(self, rows: int) -> int:
        """The section's height that shows ``rows`` goods without scrolling."""
        self.update_idletasks()
        probe = quantity_field(self.body)
        line = probe.winfo_reqheight() + 2 * ROW_PAD
        probe.destroy()
        chrome = self.winfo_reqheight() - self.scroll.canvas.winfo_reqheight()
        return chrome + rows * line

    def focused(self, entry: tk.Entry) -> None:
        """A field got the keyboard focus (the area scrolls it into view): tell
        ``on_focus``."""
        self.on_focus(entry)

    # -- showing -----------------------------------------------------------
    def show(self, plan: PlanView) -> None:
        """Show the available goods (and any existing line) with their quantities."""
        self._enabled = plan.allowed.edit_selection
        shown = [g for g in plan.goods if g.available or g.quantity is not None]
        wanted = [g.id for g in shown]
        for gid in list(self._rows):
            if gid not in set(wanted):
                self._rows.pop(gid).destroy()
        for good in shown:
            row = self._rows.get(good.id)
            if row is None:
                row = self._rows[good.id] = _GoodRow(self, good.id)
            self._update_row(row, good)
            cost = good_cost_text(plan, good.id)
            if row.cost.cget("text") != cost:
                row.cost.configure(text=cost)
        if wanted != self._order:
            self._order = wanted
            for index, gid in enumerate(wanted):
                self._rows[gid].place(index)
                # Tab follows stacking order: restack so it matches the rows' order.
                self._rows[gid].entry.lift()
        lines = sum(1 for g in plan.goods if g.quantity is not None)
        self.count_label.configure(text=f"{lines} of {len(shown)} planned")
        self.empty_label.configure(
            text="" if shown
            else "No finished good can be planned yet: select the recipes they are made from."
            if plan.goods
            else "The catalog has no finished goods yet."
        )
        self.unavailable_label.configure(text=unavailable_text(plan))
        self.hint_label.configure(text=HINT if shown else "")
        self._place_notes(2 * len(shown))
        self._fit()

    def _place_notes(self, first: int) -> None:
        """The notes with text, in order, on the grid rows from ``first`` on."""
        for offset, label in enumerate(self._notes):
            if label.cget("text"):
                label.grid(row=first + offset, column=0, columnspan=3, sticky="ew",
                           pady=(6 if offset else 4, 0))
            else:
                label.grid_remove()

    def _update_row(self, row: _GoodRow, good: GoodRow) -> None:
        label = good_label(good)
        if row.name != label:
            row.name = label
            row.label.configure(text=label)
        saved = "" if good.quantity is None else str(good.quantity)
        entry = row.entry
        wanted_state: Literal["normal", "disabled"] = "normal" if self._enabled else "disabled"
        # Replace the text only when the user has not typed over the saved value.
        if saved != row.saved_text and entry.get() == row.saved_text:
            entry.configure(state="normal")
            entry.delete(0, "end")
            entry.insert(0, saved)
        if entry.get() == saved:
            row.show_message("")
        row.saved_text = saved
        if str(entry.cget("state")) != wanted_state:
            entry.configure(state=wanted_state)

    # -- saving ------------------------------------------------------------
    def commit(self, good_id: int) -> None:
        """Save the field's text for ``good_id`` if it changed; show any message beside it."""
        row = self._rows.get(good_id)
        if row is None or not self._enabled:
            return
        text = row.entry.get().strip()
        if text == row.saved_text and not row.message.cget("text"):
            return
        result = self._on_quantity(good_id, text)
        if result.error is not None:
            row.show_message(result.error)
            return
        # The saved value comes back ("007" is saved as 7 and reads back as 7); the
        # refreshed plan follows once this commit has returned.
        row.show_message("")
        row.saved_text = "" if result.saved is None else str(result.saved)
        if row.entry.get() != row.saved_text:
            row.entry.delete(0, "end")
            row.entry.insert(0, row.saved_text)

    # -- for tests and keyboard use -----------------------------------------
    def good_ids(self) -> list[int]:
        return list(self._order)

    def entry(self, good_id: int) -> tk.Entry:
        return self._rows[good_id].entry

    def cost(self, good_id: int) -> str:
        """The cost shown beside a good's quantity ("" when none)."""
        return str(self._rows[good_id].cost.cget("text"))

    def message(self, good_id: int) -> str:
        return str(self._rows[good_id].message.cget("text"))
