""""Compare…": the plan as it was when production started, next to the plan now.

Recipes, finished-good lines and batch decisions, each marked added, removed,
changed or unchanged, coloured the same way everywhere (added green, removed
red, changed amber, unchanged muted).
"""

from __future__ import annotations

import tkinter as tk
from datetime import UTC, datetime

import customtkinter as ctk

from src.services.plan.dto import ComparisonView
from src.ui import theme
from src.ui.dialogs import FormDialog

SECTIONS = {"recipe": "Recipe", "finished_good": "Finished good", "batch_decision": "Batches"}
CHANGES = {"added": "Added", "removed": "Removed", "changed": "Changed", "unchanged": "—"}
CHANGE_TAG = {"added": "ok", "removed": "short", "changed": "warning", "unchanged": "muted"}


def local_time_text(moment: datetime) -> str:
    """A stored (naive UTC) time shown in the computer's local time, to the minute."""
    aware = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    return aware.astimezone().strftime("%Y-%m-%d %H:%M")


def comparison_summary(view: ComparisonView) -> str:
    counts = {change: 0 for change in CHANGES}
    for line in view.lines:
        counts[line.change] = counts.get(line.change, 0) + 1
    if not view.has_changes:
        return "Nothing has changed since production started."
    parts = [f"{counts[c]} {c}" for c in ("added", "removed", "changed") if counts[c]]
    return "Since production started: " + ", ".join(parts) + "."


class CompareDialog(FormDialog):
    """A read-only window: snapshot vs now, one row per recipe, line and decision."""

    def __init__(self, parent: tk.Misc, view: ComparisonView) -> None:
        super().__init__(parent, "Plan changes since production started", ok_text="Close")
        if self.cancel_button is not None:  # nothing to cancel: Close and Escape both close
            self.cancel_button.pack_forget()
        self.view = view
        ctk.CTkLabel(
            self.body, text=f"Plan when production started ({local_time_text(view.taken_at)}) "
            "compared with the plan now", anchor="w", font=theme.font(13, "bold"),
        ).grid(row=0, column=0, columnspan=3, sticky="w")
        self.summary_label = ctk.CTkLabel(self.body, text=comparison_summary(view), anchor="w",
                                          font=theme.font(12))
        self.summary_label.grid(row=1, column=0, columnspan=3, sticky="w", pady=(0, 6))
        table = tk.Frame(self.body)
        table.grid(row=2, column=0, columnspan=3, sticky="nsew")
        columns = ("section", "name", "before", "after", "change")
        self.tree = theme.make_tree(table, columns, height=min(14, max(4, len(view.lines))),
                                    show="headings")
        for column, title, width in (
            ("section", "What", 110),
            ("name", "Name", 220),
            ("before", "At the start", 150),
            ("after", "Now", 160),
            ("change", "Change", 90),
        ):
            self.tree.heading(column, text=title, anchor="w")
            self.tree.column(column, width=width, anchor="w", stretch=column == "name")
        scrollbar = theme.make_scrollbar(table, self.tree)
        self.tree.pack(side="left", fill="both", expand=True)
        scrollbar.pack(side="right", fill="y")
        for index, line in enumerate(view.lines):
            self.tree.insert(
                "", "end", iid=f"line-{index}",
                values=(SECTIONS.get(line.section, line.section), line.name,
                        line.before or "—", line.after or "—",
                        CHANGES.get(line.change, line.change)),
                tags=(CHANGE_TAG.get(line.change, "muted"),),
            )
        self.finish(focus=self.ok_button)

    def rows(self) -> list[tuple[tuple, tuple]]:
        """(values, tags) of each line shown, in order."""
        return [
            (tuple(self.tree.item(iid, "values")), tuple(self.tree.item(iid, "tags")))
            for iid in self.tree.get_children()
        ]
