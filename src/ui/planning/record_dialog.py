""""Record batches…": which recipe, how many batches were baked, and notes.

The batch count is checked here first so its message shows under its own
field; whatever the service still refuses (the plan left production, the
recipe was deselected) shows above the buttons and the dialog stays open.
"""

from __future__ import annotations

import tkinter as tk
from collections.abc import Callable

import customtkinter as ctk

from src.services.errors import ValidationError
from src.services.plan.dto import BatchRow
from src.services.validation import parse_whole
from src.ui import theme
from src.ui.dialogs import FormDialog, ask_confirm
from src.ui.wording import count_of

ConfirmCallback = Callable[[str, str, Callable[[bool], None]], None]

# (recipe_id, batches, notes, over) -> None on success or a message to show; ``over``
# is True once the baker confirmed recording beyond the decided batches
RecordCallback = Callable[[int, int, str, bool], "str | None"]


def over_question(row: BatchRow, batches: int) -> str | None:
    """The question asked before recording beyond the decision, or None when
    the batches stay within it."""
    p = row.progress
    total = p.baked + batches
    if total <= p.decided:
        return None
    decided = "no batches decided" if p.decided == 0 else f"{count_of(p.decided, 'batch')} decided"
    return (
        f"{row.recipe_name}: {decided}, {p.baked} baked. Recording {batches} more makes "
        f"{total}, {total - p.decided} over the plan; the extra batches show as extras. "
        "Record them?"
    )


def progress_hint(row: BatchRow) -> str:
    p = row.progress
    if p.decided == 0:
        return f"{p.baked} baked, no batches decided"
    return f"{p.baked} of {p.decided} baked"


class RecordDialog(FormDialog):
    """Record a production run for one of ``rows`` (the plan's recipes)."""

    def __init__(
        self,
        parent: tk.Misc,
        rows: tuple[BatchRow, ...],
        on_record: RecordCallback,
        recipe_id: int | None = None,
        confirm: ConfirmCallback | None = None,
    ) -> None:
        super().__init__(parent, "Record batches baked", ok_text="Record")
        self._on_record = on_record
        self._confirm_over = confirm or (
            lambda title, message, answer: setattr(
                self, "question", ask_confirm(self, title, message, answer, "Record")
            )
        )
        self.question: ctk.CTkToplevel | None = None
        self._rows = {row.recipe_name: row for row in rows}
        names = list(self._rows)
        first = next((r.recipe_name for r in rows if r.recipe_id == recipe_id), None)
        if first is None:  # default: the first recipe with batches still to bake
            first = next((r.recipe_name for r in rows if r.progress.remaining > 0),
                         names[0] if names else "")
        self.recipe_menu = ctk.CTkOptionMenu(
            self.body, values=names or ["(no recipes)"], command=self._recipe_changed,
            width=280, dynamic_resizing=False,
        )
        self.recipe_menu.set(first or "(no recipes)")
        self.add_field("Recipe", self.recipe_menu, name="recipe")
        self.progress_label = ctk.CTkLabel(self.body, text="", anchor="w", font=theme.font(12),
                                           text_color=theme.COLORS["muted"])
        self.add_field("So far", self.progress_label, name="progress")
        self.batches_entry = ctk.CTkEntry(self.body, width=120, placeholder_text="e.g. 2")
        self.add_field("Batches baked", self.batches_entry, name="batches")
        self.notes_entry = ctk.CTkEntry(self.body, width=280, placeholder_text="optional")
        self.add_field("Notes", self.notes_entry, name="notes")
        self._recipe_changed(self.recipe_menu.get())
        self.finish(focus=self.batches_entry)

    def _recipe_changed(self, name: str) -> None:
        row = self._rows.get(name)
        self.progress_label.configure(text=progress_hint(row) if row else "")

    def on_submit(self) -> bool:
        self.clear_errors()
        row = self._rows.get(self.recipe_menu.get())
        if row is None:
            self.set_error("recipe", "Choose the recipe that was baked")
            return False
        try:
            batches = parse_whole(self.batches_entry.get(), what="Batches baked", field="batches")
        except ValidationError as exc:
            self.set_error("batches", exc.message)
            return False
        question = over_question(row, batches)
        if question is None:
            return self._send(row.recipe_id, batches, False)

        def answered(yes: bool) -> None:
            if yes and self._send(row.recipe_id, batches, True):
                self._close()

        self._confirm_over("More than decided?", question, answered)
        return False

    def _send(self, recipe_id: int, batches: int, over: bool) -> bool:
        error = self._on_record(recipe_id, batches, self.notes_entry.get().strip(), over)
        if error:
            self.set_error(None, error)
            return False
        return True
