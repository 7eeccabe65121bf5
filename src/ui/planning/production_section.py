"""The production part of the planning tab: progress, runs, amendments, comparison.

Shown only while the plan is in production or completed; in draft and locked
plans the section collapses to nothing. Progress rows are plain tk widgets
kept in place by recipe id; runs and amendments are styled Treeviews.
"""

from __future__ import annotations

import tkinter as tk
from collections.abc import Callable
from tkinter import ttk

import customtkinter as ctk

from src.services.plan.dto import BatchRow, ComparisonView, PlanView
from src.ui import theme
from src.ui.planning.amend_dialog import QUANTITY, AmendCallback, AmendDialog, PreviewCallback
from src.ui.planning.compare_dialog import CompareDialog, local_time_text
from src.ui.planning.record_dialog import RecordCallback, RecordDialog
from src.ui.wording import count_of

# Fresh comparison for "Compare…", or a message saying why there is none.
CompareCallback = Callable[[], "ComparisonView | str"]

VISIBLE_STATES = ("in_production", "completed")
KIND_TEXT = {"drop_fg": "Dropped line", "add_fg": "Added line", "modify_fg": "Quantity",
             "modify_batch": "Batches"}
BAR_STYLES = {  # progress bar style -> colour name of the bar
    "Bake.Horizontal.TProgressbar": "accent",
    "BakeDone.Horizontal.TProgressbar": "ok_fg",
    "BakeOver.Horizontal.TProgressbar": "warning_fg",
}


def progress_text(row: BatchRow) -> str:
    """'3 of 9 batches baked · 6 to go', with the overage when more were baked than decided."""
    p = row.progress
    if p.decided == 0:
        return f"{p.baked} baked · no batches decided"
    head = f"{p.baked} of {count_of(p.decided, 'batch')} baked"
    if p.overage:
        return f"{head} · {count_of(p.overage, 'extra batch')}"
    if p.remaining:
        return f"{head} · {p.remaining} to go"
    return f"{head} · done"


def _style_bars(widget: tk.Misc) -> None:
    # Style settings belong to a ttk theme: switch to the shared one ("clam") first.
    theme.style_treeviews(widget.winfo_toplevel())
    style = ttk.Style(widget)
    for name, colour in BAR_STYLES.items():
        style.configure(name, background=theme.color(colour), troughcolor=theme.color("surface"),
                        bordercolor=theme.color("border"), lightcolor=theme.color(colour),
                        darkcolor=theme.color(colour), thickness=12)


class _ProgressRow:
    def __init__(self, master: tk.Misc) -> None:
        self.data: BatchRow | None = None
        self.frame = tk.Frame(master)
        self.name = tk.Label(self.frame, anchor="w", width=26, font=theme.tk_font(10, "bold"))
        self.name.pack(side="left")
        self.bar = ttk.Progressbar(self.frame, length=260, mode="determinate",
                                   style="Bake.Horizontal.TProgressbar")
        self.bar.pack(side="left", padx=(4, 10))
        self.text = tk.Label(self.frame, anchor="w", font=theme.tk_font(10))
        self.text.pack(side="left", fill="x")
        self.paint()
        # Plain tk widgets hold one resolved colour: repaint them when the mode changes.
        theme.on_appearance_change(self.frame, self.paint)

    def paint(self) -> None:
        """Colour the plain tk widgets for the current appearance mode."""
        bg = theme.color("section")
        self.frame.configure(bg=bg)
        self.name.configure(bg=bg, fg=theme.color("text"))
        self.text.configure(bg=bg)
        if self.data is not None:
            data, self.data = self.data, None
            self.update(data)

    def update(self, row: BatchRow) -> None:
        if row == self.data:
            return
        self.data = row
        p = row.progress
        self.name.configure(text=row.recipe_name)
        self.bar.configure(maximum=max(p.decided, 1), value=min(p.baked, max(p.decided, 1)))
        if p.overage or not p.decided:
            style, colour = "BakeOver.Horizontal.TProgressbar", "warning_fg"
        elif p.decided and not p.remaining:
            style, colour = "BakeDone.Horizontal.TProgressbar", "ok_fg"
        else:
            style, colour = "Bake.Horizontal.TProgressbar", "text"
        self.bar.configure(style=style)
        self.text.configure(text=progress_text(row), fg=theme.color(colour))


class ProductionSection(ctk.CTkFrame):
    """Progress per recipe, "Record batches…", amendments with "Amend…", "Compare…".

    Every callback returns None on success or a message to show:
    ``on_record(recipe_id, batches, notes, over)`` (``over`` once the baker
    confirmed baking beyond the decision), ``on_amend(kind, what, reason)``.
    ``on_preview(kind, what)`` returns what an amendment would do (or why it
    cannot be made). ``on_compare()`` returns the comparison to show (or a
    message); without it the plan's own ``comparison`` is shown.
    """

    def __init__(
        self,
        master: tk.Misc,
        *,
        on_record: RecordCallback,
        on_amend: AmendCallback,
        on_preview: PreviewCallback | None = None,
        on_compare: CompareCallback | None = None,
        **kwargs,
    ) -> None:
        kwargs.setdefault("fg_color", theme.COLORS["section"])
        super().__init__(master, **kwargs)
        self._on_record = on_record
        self._on_amend, self._on_preview = on_amend, on_preview
        self._on_compare = on_compare
        self._plan: PlanView | None = None
        self._rows: dict[int, _ProgressRow] = {}
        self._order: list[int] = []
        self._dialog: ctk.CTkToplevel | None = None
        self.visible = True
        self._holders: list[tk.Frame] = []
        _style_bars(self)

        self.content = ctk.CTkFrame(self, fg_color="transparent")
        self.content.pack(fill="both", expand=True)
        header = ctk.CTkFrame(self.content, fg_color="transparent")
        header.pack(fill="x", padx=10, pady=(8, 2))
        ctk.CTkLabel(header, text="Production", font=theme.section_font()).pack(side="left")
        self.compare_button = ctk.CTkButton(header, text="Compare…", width=100,
                                            command=self.open_compare)
        self.compare_button.pack(side="right")
        self.amend_button = ctk.CTkButton(header, text="Amend…", width=100,
                                          command=self.open_amend)
        self.amend_button.pack(side="right", padx=(0, 8))
        self.record_button = ctk.CTkButton(header, text="Record batches…", width=140,
                                           command=self.open_record)
        self.record_button.pack(side="right", padx=(0, 8))
        self.state_label = ctk.CTkLabel(self.content, text="", anchor="w", font=theme.font(12),
                                        text_color=theme.COLORS["muted"])
        self.state_label.pack(fill="x", padx=10)
        self.message_label = ctk.CTkLabel(self.content, text="", anchor="w", font=theme.font(12),
                                          text_color=theme.COLORS["error"])
        self.progress_frame = tk.Frame(self.content, bg=theme.color("section"))
        self.progress_frame.pack(fill="x", padx=10, pady=(4, 6))
        self.empty_label = tk.Label(self.progress_frame, bg=theme.color("section"),
                                    fg=theme.color("muted"), font=theme.tk_font(10),
                                    text="No recipe of the plan needs batches")
        # The rows repaint themselves; the bar styles and plain tk holders are ours.
        theme.on_appearance_change(self.progress_frame, self._paint)

        self.runs_tree = self._table("Batches baked", (
            ("when", "When", 130), ("recipe", "Recipe", 250),
            ("batches", "Batches", 70), ("notes", "Notes", 300)), height=4)
        self.amend_tree = self._table("Amendments", (
            ("when", "When", 130), ("kind", "Kind", 110),
            ("summary", "Change", 420), ("reason", "Reason", 300)), height=4)

    def _table(self, title: str, columns, height: int) -> ttk.Treeview:
        ctk.CTkLabel(self.content, text=title, anchor="w", font=theme.font(13, "bold")).pack(
            fill="x", padx=10, pady=(6, 0))
        holder = tk.Frame(self.content, bg=theme.color("section"))
        self._holders.append(holder)
        holder.pack(fill="x", padx=10, pady=(2, 8))
        tree = theme.make_tree(holder, tuple(c[0] for c in columns), height=height,
                               show="headings")
        for column, heading, width in columns:
            tree.heading(column, text=heading, anchor="w")
            stretch = column in ("notes", "summary", "reason")
            tree.column(column, width=width, anchor="w", stretch=stretch)
        bar = theme.make_scrollbar(holder, tree)
        tree.pack(side="left", fill="x", expand=True)
        bar.pack(side="right", fill="y")
        return tree

    # -- showing -----------------------------------------------------------
    def show(self, plan: PlanView) -> None:
        """Show production for ``plan``; collapse when the plan is not in production
        or completed."""
        self._plan = plan
        if plan.event.plan_state not in VISIBLE_STATES:
            self._set_visible(False)
            return
        self._set_visible(True)
        allowed = plan.allowed
        self.record_button.configure(
            state="normal" if allowed.record_production and plan.batches else "disabled")
        self.amend_button.configure(state="normal" if allowed.amend else "disabled")
        has_comparison = plan.comparison is not None or self._on_compare is not None
        self.compare_button.configure(state="normal" if has_comparison else "disabled")
        if plan.event.plan_state == "completed":
            kept = ""
            if plan.completed_at is not None:
                kept = f" Its figures are kept as at {local_time_text(plan.completed_at)}."
            self.state_label.configure(text="The plan is completed: production is closed." + kept)
        else:
            self.state_label.configure(
                text="Record batches as they come out of the oven; change the plan with Amend…")
        self._show_progress(plan)
        self._show_runs(plan)
        self._show_amendments(plan)

    def _set_visible(self, visible: bool) -> None:
        if visible == self.visible:
            return
        self.visible = visible
        if visible:
            self.configure(fg_color=theme.COLORS["section"])
            self.content.pack(fill="both", expand=True)
        else:
            # An emptied frame keeps its last size in Tk; ask for 1 px so it collapses.
            self.content.pack_forget()
            self.configure(fg_color="transparent", height=1)

    def _show_progress(self, plan: PlanView) -> None:
        rows = list(plan.batches)  # undecided ones too: they still need an amendment
        wanted = [b.recipe_id for b in rows]
        for recipe_id in list(self._rows):
            if recipe_id not in wanted:
                self._rows.pop(recipe_id).frame.destroy()
        for row in rows:
            widget = self._rows.get(row.recipe_id)
            if widget is None:
                widget = self._rows[row.recipe_id] = _ProgressRow(self.progress_frame)
            widget.update(row)
        if wanted != self._order:
            for index, recipe_id in enumerate(wanted):
                self._rows[recipe_id].frame.grid(row=index, column=0, sticky="w", pady=2)
            self._order = wanted
        if rows:
            self.empty_label.grid_remove()
        else:
            self.empty_label.grid(row=0, column=0, sticky="w")

    def _show_runs(self, plan: PlanView) -> None:
        self.runs_tree.delete(*self.runs_tree.get_children())
        for run in reversed(plan.production_runs):  # newest first: what was just recorded
            self.runs_tree.insert("", "end", iid=f"run-{run.id}", values=(
                local_time_text(run.recorded_at), run.recipe_name, run.batches, run.notes))

    def _show_amendments(self, plan: PlanView) -> None:
        self.amend_tree.delete(*self.amend_tree.get_children())
        for amendment in reversed(plan.amendments):
            self.amend_tree.insert("", "end", iid=f"amendment-{amendment.id}", values=(
                local_time_text(amendment.created_at),
                KIND_TEXT.get(amendment.kind, amendment.kind),
                amendment.summary, amendment.reason))

    def _paint(self) -> None:
        _style_bars(self)
        bg = theme.color("section")
        for frame in (self.progress_frame, *self._holders):
            frame.configure(bg=bg)
        self.empty_label.configure(bg=bg, fg=theme.color("muted"))

    # -- queries for tests ---------------------------------------------------
    def progress_rows(self) -> dict[int, str]:
        """recipe id -> the progress text shown."""
        return {rid: str(self._rows[rid].text.cget("text")) for rid in self._order}

    def progress_bar(self, recipe_id: int) -> ttk.Progressbar:
        return self._rows[recipe_id].bar

    def amendment_lines(self) -> list[tuple]:
        return [tuple(self.amend_tree.item(i, "values")) for i in self.amend_tree.get_children()]

    # -- dialogs -------------------------------------------------------------
    def _open(self, dialog: ctk.CTkToplevel) -> ctk.CTkToplevel:
        self._dialog = dialog
        return dialog

    def _busy(self) -> bool:
        """True (and the open dialog raised) when one of this section's dialogs is open."""
        dialog = self._dialog
        if dialog is not None and not getattr(dialog, "closed", True) and dialog.winfo_exists():
            dialog.lift()
            return True
        return False

    def open_record(self, recipe_id: int | None = None) -> RecordDialog | None:
        """Open "Record batches…" (None when not allowed now or another dialog is open)."""
        plan = self._plan
        if plan is None or not plan.allowed.record_production or not plan.batches or self._busy():
            return None
        return self._open(RecordDialog(self, plan.batches, self._on_record, recipe_id))

    def open_amend(self, kind: str = QUANTITY) -> AmendDialog | None:
        """Open "Amend…" on ``kind`` (None when amendments are not allowed now)."""
        plan = self._plan
        if plan is None or not plan.allowed.amend or self._busy():
            return None
        return self._open(AmendDialog(self, plan, on_amend=self._on_amend,
                                      on_preview=self._on_preview, kind=kind))

    def open_compare(self) -> CompareDialog | None:
        """Open the snapshot-vs-now comparison (None, with a message, when there is none)."""
        plan = self._plan
        if plan is None or self._busy():
            return None
        view: ComparisonView | str | None = plan.comparison
        if self._on_compare is not None:
            view = self._on_compare()
        if not isinstance(view, ComparisonView):
            self.message_label.configure(
                text=view or "There is no snapshot to compare with: production has not started.")
            self.message_label.pack(fill="x", padx=10, after=self.state_label)
            return None
        self.message_label.pack_forget()
        return self._open(CompareDialog(self, view))
