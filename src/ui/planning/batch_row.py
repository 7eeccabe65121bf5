"""One recipe's card in the batch decisions section (its words: ``batch_words``).

The row is plain tk widgets (customtkinter widgets cost milliseconds each),
updated in place: a card of two lines. The top line is the recipe's name, the
need, the cost and the decision; the bottom line the floor / ceil options as
radio buttons, a picker for the decision's yield type when the recipe has
several, and Clear. A stale decision's warning and a refused choice's message
get a line of their own. Nothing on a card is ever cut: when a line is too long
for the card's width, its text wraps and its options go on the next line
(``card_fit``), so a card is taller only when it must be.
"""

from __future__ import annotations

import tkinter as tk
import tkinter.font as tkfont
from collections.abc import Callable
from typing import TYPE_CHECKING

from src.services.plan.dto import BatchRow, OptionRow
from src.ui import theme
from src.ui.planning.batch_words import (
    DECIDED_MIX,
    NO_YIELD,
    decision_text,
    default_yield,
    needed_text,
    option_text,
    yield_label,
)
from src.ui.planning.card_fit import MIN_WRAP as MIN_WIDTH
from src.ui.planning.card_fit import flow, name_wrap, wrap_at
from src.ui.radio_images import big_radio_options, radio_images

if TYPE_CHECKING:  # the section drives its rows; the rows call back into it
    from src.ui.planning.batches_section import BatchesSection

NO_CHOICE = 0  # radio value meaning "no option selected" (0 batches is never offered)
EDGE, GAP = 8, 12  # pixels: card edge to its text, between the pieces of a line
RADIO_GAP = 16  # pixels after each option


def text_label(master: tk.Misc, font: tuple[str, int, str]) -> tk.Label:
    """A label exactly as wide as its text (no padding), so that a line's widths add
    up; wrapped lines are left-aligned."""
    return tk.Label(master, font=font, anchor="w", justify="left", borderwidth=0, padx=0,
                    highlightthickness=0)


class RecipeRow:
    """The widgets of one recipe's decision, updated in place."""

    def __init__(self, section: BatchesSection, master: tk.Misc, recipe_id: int) -> None:
        self.recipe_id = recipe_id
        self.data: tuple[BatchRow, bool] | None = None
        self.current = NO_CHOICE  # the decided batches the radios show when idle
        self.unit_id: int | None = None  # the yield type the picker shows
        self.pending_unit = False  # chosen before any batches: saved with them
        self.var = tk.IntVar(master, value=NO_CHOICE)
        self.frame = tk.Frame(master, highlightthickness=1)
        self.frame.columnconfigure(0, weight=1)
        # The top line: name, need (it stretches), cost, decision.
        self.top = tk.Frame(self.frame)
        self.top.grid(row=0, column=0, sticky="ew", padx=EDGE, pady=(5, 0))
        self.top.columnconfigure(1, weight=1)
        self.title = text_label(self.top, theme.tk_font(11, "bold"))
        self.title.grid(row=0, column=0, sticky="nw")
        self.need = text_label(self.top, theme.tk_font(10))
        self.need.grid(row=0, column=1, sticky="w", padx=(GAP, 0))
        self.cost = text_label(self.top, theme.tk_font(10))
        self.cost.grid(row=0, column=2, sticky="e", padx=(GAP, 0))
        self.cost.grid_remove()  # shown with a cost
        # The bottom line: options (they stretch), yield type picker, Clear.
        self.bottom = tk.Frame(self.frame)
        self.bottom.grid(row=1, column=0, sticky="ew", padx=EDGE, pady=(2, 4))
        self.bottom.columnconfigure(0, weight=1)
        self.options = tk.Frame(self.bottom)
        self.options.grid(row=0, column=0, sticky="w")
        self.radios: list[tk.Radiobutton] = []
        self._radio_font = tkfont.Font(self.frame, font=theme.tk_font(11))
        self.yield_box = tk.Frame(self.bottom)
        self.yield_caption = tk.Label(self.yield_box, text="Yield type", font=theme.tk_font(10))
        self.yield_caption.pack(side="left", padx=(0, 4))
        self.yield_button = tk.Menubutton(self.yield_box, font=theme.tk_font(10), relief="flat",
                                          indicatoron=True, padx=8, pady=1, anchor="w",
                                          highlightthickness=1)
        self.yield_menu = tk.Menu(self.yield_button, tearoff=False, font=theme.tk_font(10))
        self.yield_button.configure(menu=self.yield_menu)
        self.yield_button.pack(side="left")
        self.clear = tk.Button(self.bottom, text="Clear", font=theme.tk_font(9), relief="flat",
                               padx=10, pady=1, highlightthickness=1,
                               command=lambda: section._clear(recipe_id))
        self.clear.grid(row=0, column=3, sticky="ne", padx=(GAP, 0), pady=2)
        # The decision ends the top line, or has a line of its own when it went stale
        # (a child of the card, made after the lines so that it shows above them).
        self.status = text_label(self.frame, theme.tk_font(10))
        self.error = tk.Label(self.frame, anchor="w", font=theme.tk_font(10), wraplength=600,
                              justify="left")
        self.status_alone = False  # the decision has a line of its own (it went stale)
        self.status_below = False  # the decision is on the bottom line, before Clear
        self._fitted: tuple[object, ...] = ()
        for line in (self.top, self.bottom):
            line.bind("<Configure>", lambda _e: self.fit(), add="+")
        self._section = section
        self.paint()
        # Plain tk widgets hold one resolved colour: repaint them when the mode changes.
        theme.on_appearance_change(self.frame, self.paint)

    def paint(self) -> None:
        """Colour the plain tk widgets for the current appearance mode."""
        bg = theme.color("section")
        border = theme.color("border")
        self.frame.configure(bg=bg, highlightbackground=border, highlightcolor=border)
        for widget in (self.top, self.bottom, self.options, self.yield_box):
            widget.configure(bg=bg)
        self.title.configure(bg=bg, fg=theme.color("text"))
        self.need.configure(bg=bg, fg=theme.color("muted"))
        self.cost.configure(bg=bg, fg=theme.color("muted"))
        self.yield_caption.configure(bg=bg, fg=theme.color("muted"))
        self.status.configure(bg=bg)
        self.error.configure(bg=bg, fg=theme.color("error"))
        for button in (self.clear, self.yield_button):
            button.configure(
                bg=theme.color("surface"), fg=theme.color("text"),
                activebackground=theme.color("border"), activeforeground=theme.color("text"),
                highlightbackground=border, highlightcolor=border,
                disabledforeground=theme.color("disabled_text"),
            )
        self.yield_menu.configure(
            bg=theme.color("tree_bg"), fg=theme.color("text"),
            activebackground=theme.color("tree_select_bg"), activeforeground="#FFFFFF",
        )
        if self.data is not None:  # option and status colours depend on the row's data
            data, self.data = self.data, None
            self.update(*data)

    def update(self, row: BatchRow, enabled: bool) -> None:
        """Show ``row``; a no-op when neither the row nor the enabled state changed."""
        if self.data == (row, enabled):
            return
        self.data = (row, enabled)
        self.title.configure(text=row.recipe_name)
        self.need.configure(text=needed_text(row))
        options = [o for o in row.options if o.batches > 0]
        while len(self.radios) < len(options):
            radio = tk.Radiobutton(
                self.options, variable=self.var, anchor="w", justify="left",
                font=theme.tk_font(11),
                bg=theme.color("section"), activebackground=theme.color("section"),
                highlightthickness=0, command=lambda: self._section._picked(self.recipe_id),
            )
            self.radios.append(radio)
        for index, radio in enumerate(self.radios):
            if index >= len(options):
                radio.grid_remove()
                continue
            option = options[index]
            self._style_radio(radio, row, option)
            radio.configure(state="normal" if enabled else "disabled")
            radio.grid(row=0, column=index, sticky="w", padx=(0, RADIO_GAP), pady=2)
        self.current = row.decision.batches if row.decision else NO_CHOICE
        self.var.set(self.current)
        self._show_yields(row, enabled)
        stale = row.decision is not None and row.decision.stale
        self.status.configure(
            text=decision_text(row),
            fg=theme.color("warning_fg") if stale or row.decision is None else theme.color("ok_fg"),
        )
        self.status_alone = stale
        if stale:  # the long warning gets a line of its own, under the options
            self.status_below = False
            self.status.grid(in_=self.frame, row=2, column=0, sticky="w", padx=EDGE,
                             pady=(0, 4))
            self.status.lift()
        else:  # the decision ends the top line (or the bottom one: see fit)
            self._put_status(self.status_below)
        self.clear.configure(state="normal" if enabled and row.decision else "disabled")
        self.show_error(None)
        self.fit()

    def show_cost(self, text: str) -> None:
        """The batch's cost ("$4.50 a batch · $36.00 for 8") between the need and the
        decision; unchanged text is left alone."""
        if self.cost.cget("text") != text:
            self.cost.configure(text=text)
            if text:
                self.cost.grid()
            else:
                self.cost.grid_remove()
            self.fit()

    def fit(self) -> None:
        """Fit both lines to the card's width: the decision ends the top line, or the
        bottom one when only there it leaves the need whole; the name and the need
        wrap, and the options go on more lines, only when they would not fit."""
        shown = [r for r in self.radios if r.winfo_manager()]
        top, bottom = self.top.winfo_width(), self.bottom.winfo_width()
        texts = [w.cget("text") for w in (self.title, self.need, self.cost, self.status,
                                          self.error, self.yield_button, *shown)]
        key = (top, bottom, self.status_alone, bool(self.yield_box.winfo_manager()), *texts)
        if top <= 1 or key == self._fitted:
            return
        self._fitted = key
        for label in (self.title, self.need, self.status):
            label.configure(wraplength=0)
        for radio in shown:
            radio.configure(wraplength=0)
        self.title.configure(wraplength=name_wrap(self.title.winfo_reqwidth(), top))
        options = sum(r.winfo_reqwidth() + RADIO_GAP for r in shown)
        status = self.status.winfo_reqwidth() + GAP
        if not self.status_alone:
            below = not self._top_fits(top, status) and options + status <= self._room(bottom)
            self._put_status(below)
        self._fit_need(top)
        self._fit_options(shown, bottom)
        wide = max(MIN_WIDTH, top)
        self.error.configure(wraplength=wide)
        if self.status_alone:
            self.status.configure(wraplength=wide)

    def _put_status(self, below: bool) -> None:
        """The decision at the end of the top line, or before Clear when ``below``."""
        self.status_below = below
        if below:
            self.status.grid(in_=self.bottom, row=0, column=2, sticky="ne", padx=(GAP, 0),
                             pady=4)
        else:
            self.status.grid(in_=self.top, row=0, column=3, sticky="e", padx=(GAP, 0), pady=0)
        self.status.lift()

    def _top_taken(self, status: int) -> int:
        """Pixels the top line's name, cost and (``status`` wide) decision take."""
        taken = self.title.winfo_reqwidth() + GAP + status
        if self.cost.cget("text"):
            taken += self.cost.winfo_reqwidth() + GAP
        return taken

    def _top_fits(self, width: int, status: int) -> bool:
        return self._top_taken(status) + self.need.winfo_reqwidth() <= width

    def _fit_need(self, width: int) -> None:
        """Wrap the need to what the name, cost and decision leave of the top line."""
        on_top = not (self.status_alone or self.status_below)
        room = width - self._top_taken(self.status.winfo_reqwidth() + GAP if on_top else 0)
        self.need.configure(wraplength=wrap_at(self.need.winfo_reqwidth(), room))

    def _room(self, width: int) -> int:
        """Pixels the bottom line leaves the options beside the picker and Clear."""
        room = width - self.clear.winfo_reqwidth() - GAP
        if self.yield_box.winfo_manager():
            room -= self.yield_box.winfo_reqwidth() + GAP
        return room

    def _fit_options(self, shown: list[tk.Radiobutton], width: int) -> None:
        """Options beside each other while they fit before the picker (the decision)
        and Clear, else on the next line; an option wider than the room wraps."""
        room = self._room(width)
        if self.status_below:
            room -= self.status.winfo_reqwidth() + GAP
        widths = []
        for radio in shown:
            natural = radio.winfo_reqwidth()
            if natural + RADIO_GAP > room:  # the words wrap; the circle stays beside them
                text = self._radio_font.measure(str(radio.cget("text")))
                radio.configure(wraplength=max(MIN_WIDTH, room - RADIO_GAP - (natural - text)))
            widths.append(radio.winfo_reqwidth() + RADIO_GAP)
        for radio, (line, column) in zip(shown, flow(widths, room), strict=True):
            radio.grid_configure(row=line, column=column)

    def _show_yields(self, row: BatchRow, enabled: bool) -> None:
        """The yield type picker, shown only when the recipe has several yield types."""
        if len(row.yield_choices) < 2:
            self.yield_box.grid_remove()
            self.unit_id, self.pending_unit = default_yield(row), False
            return
        if row.decision is not None or not self.pending_unit:
            self.unit_id, self.pending_unit = default_yield(row), False
        self.yield_menu.delete(0, "end")
        for choice in row.yield_choices:
            self.yield_menu.add_command(
                label=yield_label(choice),
                command=self._yield_command(choice.unit_id),
            )
        # As wide as its longest words (in widths of "0", as Tk counts): none is cut.
        font = tkfont.Font(self.yield_button, font=self.yield_button.cget("font"))
        words = [NO_YIELD, DECIDED_MIX, *(yield_label(c) for c in row.yield_choices)]
        self.yield_button.configure(
            width=-(-max(font.measure(w) for w in words) // font.measure("0")))
        self.show_yield(self.unit_id)
        self.yield_button.configure(state="normal" if enabled else "disabled")
        self.yield_box.grid(row=0, column=1, sticky="ne", padx=(GAP, 0), pady=2)

    def _yield_command(self, unit_id: int) -> Callable[[], None]:
        """The yield type menu's command for ``unit_id``."""
        return lambda: self._section._yield_picked(self.recipe_id, unit_id)

    def show_yield(self, unit_id: int | None) -> None:
        """Show ``unit_id`` (None: no yield type chosen yet) on the picker."""
        self.unit_id = unit_id
        choices = self.data[0].yield_choices if self.data else ()
        chosen = next((c for c in choices if c.unit_id == unit_id), None)
        decided = self.data is not None and self.data[0].decision is not None
        self.yield_button.configure(
            text=yield_label(chosen) if chosen else (DECIDED_MIX if decided else NO_YIELD))

    def yield_text(self) -> str:
        """What the yield type picker shows ("" when the recipe has one yield type)."""
        return str(self.yield_button.cget("text")) if self.yield_box.winfo_manager() else ""

    def _style_radio(self, radio: tk.Radiobutton, row: BatchRow, option: OptionRow) -> None:
        bg = theme.color("section")
        fg = theme.color("text")
        if option.kind == "shortfall":
            fg = theme.color("warning_fg")
        elif option.kind == "exact":
            bg = theme.color("exact_bg")
            fg = theme.color("exact_fg")
        off, on = radio_images(radio, theme.color("muted"), theme.color("tree_bg"),
                               theme.color("accent"))
        radio.configure(
            text=option_text(row, option), value=option.batches, fg=fg, bg=bg,
            activebackground=bg, disabledforeground=theme.color("disabled_text"),
            **big_radio_options(off, on, bg),
        )

    def option(self, batches: int) -> OptionRow | None:
        if self.data is None:
            return None
        return next((o for o in self.data[0].options if o.batches == batches), None)

    def restore(self) -> None:
        self.var.set(self.current)

    def show_error(self, message: str | None) -> None:
        if message:
            self.error.configure(text=message)
            self.error.grid(row=3, column=0, sticky="w", padx=EDGE, pady=(0, 6))
        else:
            self.error.grid_remove()
