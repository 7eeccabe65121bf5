"""The batch decisions section of the planning tab.

One row per recipe with a need (see ``batch_row``): what is needed, the exact
batch need, the floor / ceil options as radio buttons (shortfall in the
warning colour, the exact option highlighted), the yield type when the recipe
has several, the current decision and whether it went stale. Rows are kept in
place by recipe id, so a refresh touches only the rows whose data changed.
"""

from __future__ import annotations

import tkinter as tk
from collections.abc import Callable

import customtkinter as ctk

from src.services.plan.dto import PlanView
from src.ui import theme
from src.ui.planning.batch_row import NO_CHOICE, RecipeRow
from src.ui.planning.batch_words import shortfall_question
from src.ui.scrolling import ScrollArea

from .cost_text import batch_cost_text

ChooseCallback = Callable[[int, int, "int | None"], "str | None"]
ClearCallback = Callable[[int], "str | None"]
ConfirmCallback = Callable[[str, str, Callable[[bool], None]], None]


def completeness_text(plan: PlanView) -> str:
    """'X of Y decided' and whether the plan is complete, in one line."""
    total = len(plan.batches)
    if total == 0:
        return "No recipe needs batches yet — add finished goods to the event"
    stale = [b.recipe_name for b in plan.batches if b.decision and b.decision.stale]
    head = f"{plan.decided_count} of {total} decided"
    if plan.complete:
        return f"{head} · Plan complete"
    missing = len(plan.undecided)
    notes = []
    if missing:
        notes.append(f"{missing} to decide")
    if stale:
        notes.append(f"{len(stale)} to choose again ({', '.join(stale)})")
    return f"{head} · Plan incomplete: " + "; ".join(notes)


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
        self._rows: dict[int, RecipeRow] = {}
        self._order: list[int] = []
        self._enabled = True
        bg = theme.color("section")
        header = ctk.CTkFrame(self, fg_color="transparent")
        header.pack(fill="x", padx=10, pady=(8, 2))
        self.title_label = ctk.CTkLabel(header, text="Batch decisions", font=theme.section_font())
        self.title_label.pack(side="left")
        self.summary_label = ctk.CTkLabel(header, text="", font=theme.font(13), justify="right")
        self.summary_label.pack(side="right")
        # A long summary (many recipes to choose again) wraps beside the title.
        header.bind("<Configure>", lambda e: self._fit_summary(e.width), add="+")
        self.note_label = ctk.CTkLabel(self, text="", text_color=theme.COLORS["muted"],
                                       font=theme.font(12), anchor="w", justify="left")
        # The rows scroll inside the section (the page around them does not scroll).
        self.scroll = ScrollArea(self)
        self.scroll.pack(fill="both", expand=True, padx=10, pady=(2, 10))
        self.body = self.scroll.body
        self.body.columnconfigure(0, weight=1)
        self.empty_label = tk.Label(self.body, bg=bg, fg=theme.color("muted"),
                                    font=theme.tk_font(10), anchor="w")
        # The rows repaint themselves; the plain tk body and empty line are ours.
        theme.on_appearance_change(self.body, self._paint)

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
                row = self._rows[batch_row.recipe_id] = RecipeRow(
                    self, self.body, batch_row.recipe_id
                )
            row.update(batch_row, self._enabled)
            row.show_cost(batch_cost_text(plan, batch_row.recipe_id))
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

    def _fit_summary(self, width: int) -> None:
        room = max(200, width - self.title_label.winfo_reqwidth() - 16)
        if self.summary_label.cget("wraplength") != room:
            self.summary_label.configure(wraplength=room)

    def _show_note(self, plan: PlanView) -> None:
        if plan.allowed.edit_decisions:
            self.note_label.pack_forget()
            return
        if plan.event.plan_state == "in_production":
            text = "In production, batches change through an amendment (Amend… below)."
        else:
            text = plan.allowed.explanation
        self.note_label.configure(text=text)
        self.note_label.pack(fill="x", padx=10, before=self.scroll)

    def _paint(self) -> None:
        self.body.configure(bg=theme.color("section"))
        self.empty_label.configure(bg=theme.color("section"), fg=theme.color("muted"))

    # -- queries for tests and the presenter ---------------------------------
    def row_ids(self) -> list[int]:
        return list(self._order)

    def row_widgets(self, recipe_id: int) -> RecipeRow:
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
            def answered(keep: bool, row: RecipeRow = row) -> None:
                if self._rows.get(recipe_id) is not row:
                    return  # the row went away while the question was open
                if keep:
                    self._apply(row, batches)
                else:
                    row.restore()

            self._confirm("Keep a shortfall?", shortfall_question(row.data[0], option), answered)
        else:
            self._apply(row, batches)

    def _apply(self, row: RecipeRow, batches: int) -> None:
        assert row.data is not None
        # The yield type shown (decided, picked before the batches, or the only one needed).
        error = self._on_choose(row.recipe_id, batches, row.unit_id)
        if self._rows.get(row.recipe_id) is not row:
            return  # the presenter refreshed the plan and this recipe is gone
        if error:
            row.restore()
            row.show_error(error)
            return
        row.current = batches
        row.var.set(batches)
        row.pending_unit = False
        row.show_error(None)

    def _yield_picked(self, recipe_id: int, unit_id: int) -> None:
        """A yield type was chosen: saved at once with the decided batches, or kept
        to be saved with the batches once they are chosen."""
        row = self._rows.get(recipe_id)
        if row is None or row.data is None or not self._enabled or unit_id == row.unit_id:
            return
        decision = row.data[0].decision
        if decision is None:
            row.pending_unit = True
            row.show_yield(unit_id)
            row.show_error(None)
            return
        previous = row.unit_id
        row.show_yield(unit_id)
        error = self._on_choose(recipe_id, decision.batches, unit_id)
        if self._rows.get(recipe_id) is not row:
            return
        if error:
            row.show_yield(previous)
            row.show_error(error)
        else:
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
