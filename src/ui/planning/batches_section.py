"""The batch decisions section of the planning tab.

One row per recipe with a need: what is needed, the exact batch need, the
floor / ceil options as radio buttons (shortfall in the warning colour, the
exact option highlighted), the current decision and whether it went stale.
Rows are plain tk widgets kept in place by recipe id, so a refresh touches
only the rows whose data changed (customtkinter widgets cost milliseconds each).
"""

from __future__ import annotations

import tkinter as tk
from collections.abc import Callable

import customtkinter as ctk

from src.services.plan_dto import BatchRow, OptionRow, PlanView
from src.ui import theme

ChooseCallback = Callable[[int, int, "int | None"], "str | None"]
ClearCallback = Callable[[int], "str | None"]
ConfirmCallback = Callable[[str, str, Callable[[bool], None]], None]

NO_CHOICE = 0  # radio value meaning "no option selected" (0 batches is never offered)


def plural(name: str, count: int) -> str:
    """``name`` in lower case (unless it looks like an acronym), pluralised for ``count``."""
    text = name[:1].lower() + name[1:] if name[1:2].islower() else name
    if abs(count) == 1:
        return text
    lower = text.lower()
    # Baking words that a plain "+s" gets wrong: gingerbread men, pumpkin loaves, halves.
    if lower.endswith("man") and not lower.endswith(("human", "german")):
        return text[:-3] + text[-3] + "en"
    for single, many in (("loaf", "loaves"), ("half", "halves"), ("leaf", "leaves"),
                         ("knife", "knives"), ("shelf", "shelves")):
        if lower.endswith(single):
            return text[: -len(single)] + many
    if lower.endswith(("s", "x", "z", "ch", "sh")):
        return text + "es"
    if lower.endswith("y") and lower[-2:-1] not in "aeiou":
        return text[:-1] + "ies"
    return text + "s"


def _batches(count: int) -> str:
    return f"{count} batch" if count == 1 else f"{count} batches"


def option_text(row: BatchRow, option: OptionRow) -> str:
    """The label of one option: batches, yield and difference in words."""
    parts = [_batches(option.batches)]
    if option.yield_items is not None and option.difference_items is not None:
        made = ", ".join(f"{u.items} {plural(u.unit_name, u.items)}" for u in option.yield_items)
        parts.append(f"make {made}")
        diff = option.difference_items
        unit = row.needed[0].unit_name if row.needed else "item"
        if diff < 0:
            parts.append(f"{-diff} {plural(unit, -diff)} short")
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
        short = -option.difference_items
        what = f"{short} {plural(row.needed[0].unit_name, short)}"
    else:
        what = f"{option.difference_batches_text.lstrip('-')} of a batch"
    return f"You'll be {what} short — keep {_batches(option.batches)}?"


def needed_text(row: BatchRow) -> str:
    items = ", ".join(f"{u.items} {plural(u.unit_name, u.items)}" for u in row.needed)
    return f"Needed: {items} · {row.batches_needed_text} batches"


def decision_text(row: BatchRow) -> str:
    if row.decision is None:
        return "Not decided yet"
    if row.decision.stale:
        return (
            f"Quantities changed: {_batches(row.decision.batches)} is no longer an option"
            " — choose again"
        )
    return f"Decided: {_batches(row.decision.batches)}"


def completeness_text(plan: PlanView) -> str:
    """'X of Y decided' and whether the plan is complete, in one line."""
    total = len(plan.batches)
    if total == 0:
        return "No recipe needs batches yet — add finished goods to the event"
    stale = [b.recipe_name for b in plan.batches if b.decision and b.decision.stale]
    head = f"{plan.decided_count} of {total} decided"
    if plan.complete:
        return f"{head} · Plan complete"
    missing = total - plan.decided_count
    notes = []
    if missing:
        notes.append(f"{missing} to decide")
    if stale:
        notes.append(f"{len(stale)} to choose again ({', '.join(stale)})")
    return f"{head} · Plan incomplete: " + "; ".join(notes)


class _RecipeRow:
    """The widgets of one recipe's decision, updated in place."""

    def __init__(self, section: BatchesSection, master: tk.Misc, recipe_id: int) -> None:
        self.recipe_id = recipe_id
        self.data: tuple[BatchRow, bool] | None = None
        self.current = NO_CHOICE  # the decided batches the radios show when idle
        self.var = tk.IntVar(master, value=NO_CHOICE)
        self.frame = tk.Frame(master, highlightthickness=1)
        self.title = tk.Label(self.frame, anchor="w", font=theme.tk_font(11, "bold"))
        # One compact card: name, need and Clear on top; options and the decision below.
        self.title.grid(row=0, column=0, sticky="w", padx=(8, 4), pady=(5, 0))
        self.clear = tk.Button(self.frame, text="Clear", font=theme.tk_font(9), relief="flat",
                               padx=10, pady=1, highlightthickness=1,
                               command=lambda: section._clear(recipe_id))
        self.clear.grid(row=0, column=2, sticky="e", padx=8, pady=(5, 0))
        self.need = tk.Label(self.frame, anchor="w", font=theme.tk_font(10))
        self.need.grid(row=0, column=1, sticky="w", padx=4, pady=(5, 0))
        self.options = tk.Frame(self.frame)
        self.options.grid(row=1, column=0, columnspan=2, sticky="w", padx=4, pady=(0, 4))
        self.radios: list[tk.Radiobutton] = []
        self.status = tk.Label(self.frame, anchor="w", font=theme.tk_font(10))
        self.error = tk.Label(self.frame, anchor="w", font=theme.tk_font(10), wraplength=600,
                              justify="left")
        self.frame.columnconfigure(1, weight=1)
        self._section = section
        self.paint()

    def paint(self) -> None:
        """Colour the plain tk widgets for the current appearance mode."""
        bg = theme.color("section")
        border = theme.color("border")
        self.frame.configure(bg=bg, highlightbackground=border, highlightcolor=border)
        self.options.configure(bg=bg)
        self.title.configure(bg=bg, fg=theme.color("text"))
        self.need.configure(bg=bg, fg=theme.color("muted"))
        self.status.configure(bg=bg)
        self.error.configure(bg=bg, fg=theme.color("error"))
        self.clear.configure(
            bg=theme.color("surface"), fg=theme.color("text"),
            activebackground=theme.color("border"), activeforeground=theme.color("text"),
            highlightbackground=border, highlightcolor=border,
            disabledforeground=theme.color("disabled_text"),
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
                self.options, variable=self.var, anchor="w", font=theme.tk_font(10),
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
        stale = row.decision is not None and row.decision.stale
        self.status.configure(
            text=decision_text(row),
            fg=theme.color("warning_fg") if stale or row.decision is None else theme.color("ok_fg"),
        )
        if stale:  # the long warning gets a line of its own, under the options
            self.status.grid(row=2, column=0, columnspan=3, sticky="w", padx=8, pady=(0, 4))
        else:
            self.status.grid(row=1, column=2, sticky="e", padx=8, pady=(0, 4))
        self.clear.configure(state="normal" if enabled and row.decision else "disabled")
        self.show_error(None)

    def _style_radio(self, radio: tk.Radiobutton, row: BatchRow, option: OptionRow) -> None:
        bg = theme.color("section")
        fg = theme.color("text")
        if option.kind == "shortfall":
            fg = theme.color("warning_fg")
        elif option.kind == "exact":
            bg = theme.color("exact_bg")
            fg = theme.color("exact_fg")
        radio.configure(
            text=option_text(row, option), value=option.batches, fg=fg, bg=bg,
            activebackground=bg, selectcolor=theme.color("tree_bg"),
            disabledforeground=theme.color("disabled_text"),
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
            self.error.grid(row=3, column=0, columnspan=3, sticky="w", padx=8, pady=(0, 6))
        else:
            self.error.grid_remove()


class BatchesSection(ctk.CTkFrame):
    """Batch decisions for every recipe with a need.

    ``on_choose(recipe_id, batches, finished_unit_id)`` and ``on_clear(recipe_id)``
    return None on success or a message to show; ``confirm(title, message,
    on_answer)`` asks the user and calls ``on_answer(bool)`` later.
    """

    def __init__(
        self,
        master: tk.Misc,
        *,
        on_choose: ChooseCallback,
        on_clear: ClearCallback,
        confirm: ConfirmCallback,
        **kwargs,
    ) -> None:
        kwargs.setdefault("fg_color", theme.COLORS["section"])
        super().__init__(master, **kwargs)
        self._on_choose = on_choose
        self._on_clear = on_clear
        self._confirm = confirm
        self._rows: dict[int, _RecipeRow] = {}
        self._order: list[int] = []
        self._enabled = True
        bg = theme.color("section")
        header = ctk.CTkFrame(self, fg_color="transparent")
        header.pack(fill="x", padx=10, pady=(8, 2))
        ctk.CTkLabel(header, text="Batch decisions", font=theme.section_font()).pack(side="left")
        self.summary_label = ctk.CTkLabel(header, text="", font=theme.font(13))
        self.summary_label.pack(side="right")
        self.note_label = ctk.CTkLabel(self, text="", text_color=theme.COLORS["muted"],
                                       font=theme.font(12), anchor="w", justify="left")
        self.body = tk.Frame(self, bg=bg)
        self.body.pack(fill="x", padx=10, pady=(2, 10))
        self.body.columnconfigure(0, weight=1)
        self.empty_label = tk.Label(self.body, bg=bg, fg=theme.color("muted"),
                                    font=theme.tk_font(10), anchor="w")

    # -- showing -----------------------------------------------------------
    def show(self, plan: PlanView) -> None:
        """Show the plan's batch rows, updating only the rows that changed."""
        self._enabled = plan.allowed.edit_decisions
        self.summary_label.configure(
            text=completeness_text(plan),
            text_color=theme.COLORS["ok_fg"] if plan.complete else theme.COLORS["warning_fg"],
        )
        self._show_note(plan)
        wanted = [b.recipe_id for b in plan.batches]
        for recipe_id in list(self._rows):
            if recipe_id not in wanted:
                self._rows.pop(recipe_id).frame.destroy()
        for batch_row in plan.batches:
            row = self._rows.get(batch_row.recipe_id)
            if row is None:
                row = self._rows[batch_row.recipe_id] = _RecipeRow(
                    self, self.body, batch_row.recipe_id
                )
            row.update(batch_row, self._enabled)
        if wanted != self._order:
            for index, recipe_id in enumerate(wanted):
                self._rows[recipe_id].frame.grid(row=index, column=0, sticky="ew", pady=3)
            self._order = wanted
        if plan.batches:
            self.empty_label.grid_remove()
        else:
            self.empty_label.configure(
                text=plan.cycle_error or "Choose finished goods above; their recipes appear here."
            )
            self.empty_label.grid(row=0, column=0, sticky="w", pady=4)

    def _show_note(self, plan: PlanView) -> None:
        if plan.allowed.edit_decisions:
            self.note_label.pack_forget()
            return
        if plan.event.plan_state == "in_production":
            text = "In production, batches change through an amendment (Amend… below)."
        else:
            text = plan.allowed.explanation
        self.note_label.configure(text=text)
        self.note_label.pack(fill="x", padx=10, before=self.body)

    def _set_appearance_mode(self, mode_string: str) -> None:
        # customtkinter recolours its own widgets; the plain tk rows are ours to repaint.
        super()._set_appearance_mode(mode_string)
        if not hasattr(self, "body"):
            return  # still being built
        self.body.configure(bg=theme.color("section"))
        self.empty_label.configure(bg=theme.color("section"), fg=theme.color("muted"))
        for row in self._rows.values():
            row.paint()

    # -- queries for tests and the presenter ---------------------------------
    def row_ids(self) -> list[int]:
        return list(self._order)

    def row_widgets(self, recipe_id: int) -> _RecipeRow:
        return self._rows[recipe_id]

    def selected_batches(self, recipe_id: int) -> int | None:
        value = self._rows[recipe_id].var.get()
        return None if value == NO_CHOICE else value

    # -- user actions --------------------------------------------------------
    def _picked(self, recipe_id: int) -> None:
        row = self._rows.get(recipe_id)
        if row is None or row.data is None or not self._enabled:
            return
        batches = row.var.get()
        if batches == row.current:
            return
        option = row.option(batches)
        if option is None:
            row.restore()
            return
        if option.kind == "shortfall":
            def answered(keep: bool, row: _RecipeRow = row) -> None:
                if self._rows.get(recipe_id) is not row:
                    return  # the row went away while the question was open
                if keep:
                    self._apply(row, batches)
                else:
                    row.restore()

            self._confirm("Keep a shortfall?", shortfall_question(row.data[0], option), answered)
        else:
            self._apply(row, batches)

    def _apply(self, row: _RecipeRow, batches: int) -> None:
        assert row.data is not None
        batch_row = row.data[0]
        unit_id = None
        if batch_row.decision is not None and batch_row.decision.finished_unit_id is not None:
            unit_id = batch_row.decision.finished_unit_id
        elif len(batch_row.needed) == 1:
            unit_id = batch_row.needed[0].unit_id
        error = self._on_choose(row.recipe_id, batches, unit_id)
        if self._rows.get(row.recipe_id) is not row:
            return  # the presenter refreshed the plan and this recipe is gone
        if error:
            row.restore()
            row.show_error(error)
            return
        row.current = batches
        row.var.set(batches)
        row.show_error(None)

    def _clear(self, recipe_id: int) -> None:
        row = self._rows.get(recipe_id)
        if row is None or not self._enabled:
            return
        error = self._on_clear(recipe_id)
        if self._rows.get(recipe_id) is not row:
            return
        if error:
            row.show_error(error)
            return
        row.current = NO_CHOICE
        row.var.set(NO_CHOICE)
        row.show_error(None)
