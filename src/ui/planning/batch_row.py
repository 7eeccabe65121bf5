"""One recipe's row in the batch decisions section, and the words it shows.

The row is plain tk widgets (customtkinter widgets cost milliseconds each),
updated in place. It shows the need, the floor / ceil options as radio
buttons, the decision, and — when the recipe has several yield types — a
picker for the decision's yield type.
"""

from __future__ import annotations

import tkinter as tk
from collections.abc import Callable
from typing import TYPE_CHECKING

from src.services.plan.dto import BatchRow, OptionRow, UnitCount
from src.ui import theme
from src.ui.radio_images import big_radio_options, radio_images
from src.ui.wording import count_of, lower_name, plural

if TYPE_CHECKING:  # the section drives its rows; the rows call back into it
    from src.ui.planning.batches_section import BatchesSection

NO_CHOICE = 0  # radio value meaning "no option selected" (0 batches is never offered)
NO_YIELD = "Choose…"  # the yield picker's text while no yield type is chosen
DECIDED_MIX = "As the plan needs"  # a saved decision that names no yield type


def units_text(count: int, name: str) -> str:
    """'200 sugar cookies', '3 pumpkin loaves', '1 gingerbread man'."""
    return f"{count} {plural(lower_name(name), count)}"


def option_text(row: BatchRow, option: OptionRow) -> str:
    """The label of one option: batches, yield and difference in words, short
    enough that two options fit side by side on a laptop screen ("8 batches:
    192 sugar cookies, 8 short"; the unit is named once)."""
    parts = [count_of(option.batches, "batch")]
    if option.yield_items is not None and option.difference_items is not None:
        made = ", ".join(units_text(u.items, u.unit_name) for u in option.yield_items)
        parts.append(made)
        diff = option.difference_items
        if diff < 0:
            parts.append(f"{-diff} short")
        elif diff > 0:
            parts.append(f"{diff} extra")
        else:
            parts.append("exact")
    else:
        text = option.difference_batches_text.lstrip("-")
        if option.kind == "shortfall":
            parts.append(f"{text} of a batch short")
        elif option.kind == "extra":
            parts.append(f"{text} of a batch extra")
        else:
            parts.append("exact")
    return f"{parts[0]}: {', '.join(parts[1:])}"


def shortfall_question(row: BatchRow, option: OptionRow) -> str:
    """The confirmation asked before keeping a shortfall option."""
    if option.difference_items is not None and row.needed:
        what = units_text(-option.difference_items, row.needed[0].unit_name)
    else:
        what = f"{option.difference_batches_text.lstrip('-')} of a batch"
    return f"You'll be {what} short — keep {count_of(option.batches, 'batch')}?"


def needed_text(row: BatchRow) -> str:
    items = ", ".join(units_text(u.items, u.unit_name) for u in row.needed)
    return f"Needed: {items} · {row.batches_needed_text} batches"


def decision_text(row: BatchRow) -> str:
    if row.decision is None:
        return "Not decided yet"
    if row.decision.stale:
        return (
            f"Quantities changed: {count_of(row.decision.batches, 'batch')} is no longer an"
            " option — choose again"
        )
    text = f"Decided: {count_of(row.decision.batches, 'batch')}"
    p = row.progress
    if p.baked:  # batches count as max(decided, baked): say what is baked, and any extras
        text += f" · {p.baked} baked"
        if p.overage:
            text += f" ({count_of(p.overage, 'extra batch')})"
    return text


def yield_label(choice: UnitCount) -> str:
    """A yield type as the picker lists it: 'Brownie square (24 per batch)'."""
    if choice.items:
        return f"{choice.unit_name} ({choice.items} per batch)"
    return f"{choice.unit_name} (part of a batch)"


def default_yield(row: BatchRow) -> int | None:
    """The yield type a decision is saved with: the decided one, else the only one
    needed, else none."""
    if row.decision is not None and row.decision.finished_unit_id is not None:
        return row.decision.finished_unit_id
    if len(row.needed) == 1:
        return row.needed[0].unit_id
    return None


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
        self.title = tk.Label(self.frame, anchor="w", font=theme.tk_font(11, "bold"))
        # One compact card: name, need, yield type and Clear on top; options and the
        # decision below.
        self.title.grid(row=0, column=0, sticky="w", padx=(8, 4), pady=(5, 0))
        self.need = tk.Label(self.frame, anchor="w", font=theme.tk_font(10))
        self.need.grid(row=0, column=1, sticky="w", padx=4, pady=(5, 0))
        self.yield_box = tk.Frame(self.frame)
        self.yield_caption = tk.Label(self.yield_box, text="Yield type", font=theme.tk_font(10))
        self.yield_caption.pack(side="left", padx=(0, 4))
        self.yield_button = tk.Menubutton(self.yield_box, font=theme.tk_font(10), relief="flat",
                                          indicatoron=True, padx=8, pady=1, anchor="w",
                                          highlightthickness=1, width=26)
        self.yield_menu = tk.Menu(self.yield_button, tearoff=False, font=theme.tk_font(10))
        self.yield_button.configure(menu=self.yield_menu)
        self.yield_button.pack(side="left")
        self.clear = tk.Button(self.frame, text="Clear", font=theme.tk_font(9), relief="flat",
                               padx=10, pady=1, highlightthickness=1,
                               command=lambda: section._clear(recipe_id))
        self.clear.grid(row=0, column=4, sticky="e", padx=8, pady=(5, 0))
        # The cost has a column of its own beside the need (which stretches), so the
        # columns below (options, status) keep their width.
        self.cost = tk.Label(self.frame, anchor="e", font=theme.tk_font(10))
        self.cost.grid(row=0, column=2, sticky="e", padx=4, pady=(5, 0))
        self.options = tk.Frame(self.frame)
        self.options.grid(row=1, column=0, columnspan=3, sticky="w", padx=4, pady=(0, 4))
        self.radios: list[tk.Radiobutton] = []
        self.status = tk.Label(self.frame, anchor="w", font=theme.tk_font(10))
        self.error = tk.Label(self.frame, anchor="w", font=theme.tk_font(10), wraplength=600,
                              justify="left")
        self.frame.columnconfigure(1, weight=1)
        self._section = section
        self.paint()
        # Plain tk widgets hold one resolved colour: repaint them when the mode changes.
        theme.on_appearance_change(self.frame, self.paint)

    def paint(self) -> None:
        """Colour the plain tk widgets for the current appearance mode."""
        bg = theme.color("section")
        border = theme.color("border")
        self.frame.configure(bg=bg, highlightbackground=border, highlightcolor=border)
        for widget in (self.options, self.yield_box):
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
                self.options, variable=self.var, anchor="w", font=theme.tk_font(11),
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
            radio.grid(row=0, column=index, sticky="w", padx=(4, 16), pady=2)
        self.current = row.decision.batches if row.decision else NO_CHOICE
        self.var.set(self.current)
        self._show_yields(row, enabled)
        stale = row.decision is not None and row.decision.stale
        self.status.configure(
            text=decision_text(row),
            fg=theme.color("warning_fg") if stale or row.decision is None else theme.color("ok_fg"),
        )
        if stale:  # the long warning gets a line of its own, under the options
            self.status.grid(row=2, column=0, columnspan=5, sticky="w", padx=8, pady=(0, 4))
            self.options.grid_configure(columnspan=5)
        elif self.yield_box.winfo_manager():
            self.status.grid(row=1, column=3, columnspan=2, sticky="e", padx=8, pady=(0, 4))
            self.options.grid_configure(columnspan=3)
        else:  # beside the need, so the options have the whole width
            self.status.grid(row=0, column=3, columnspan=1, sticky="e", padx=8, pady=(5, 0))
            self.options.grid_configure(columnspan=5)
        self.clear.configure(state="normal" if enabled and row.decision else "disabled")
        self.show_error(None)

    def show_cost(self, text: str) -> None:
        """The batch's cost ("$4.50 a batch · $36.00 for 8") in its column beside the
        need; unchanged text is left alone."""
        if self.cost.cget("text") != text:
            self.cost.configure(text=text)

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
        self.show_yield(self.unit_id)
        self.yield_button.configure(state="normal" if enabled else "disabled")
        self.yield_box.grid(row=0, column=3, sticky="e", padx=4, pady=(5, 0))

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
            self.error.grid(row=3, column=0, columnspan=5, sticky="w", padx=8, pady=(0, 6))
        else:
            self.error.grid_remove()
