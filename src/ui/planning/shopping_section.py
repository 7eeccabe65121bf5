"""The shopping list of the planning tab.

The shopping list is a styled ttk.Treeview grouped into "To buy" and
"Already have", figures kitchen-rounded in each ingredient's display unit, with
the packs to buy, their cost and the trip's total; lines that could not be
converted to one unit keep their own unit and carry a note. Export buttons
ask for a file name (through an injectable chooser, so tests never block on a
native dialog) and hand the path to the presenter. The assembly check is
``assembly_section``.
"""

from __future__ import annotations

import tkinter as tk
from collections.abc import Callable
from tkinter import filedialog

import customtkinter as ctk

from src.reports.plan_report import not_counted_lines
from src.services.formatting import unit_display
from src.services.plan.dto import PlanView, ShoppingLineRow
from src.ui import theme

from .column_fit import INDENT, fit_width
from .cost_text import stores_text, trip_text

ExportCallback = Callable[[str], "str | None"]
# (kind "csv" | "pdf", suggested file name) -> chosen path, or None when cancelled
PathChooser = Callable[[str, str], "str | None"]

TO_BUY_GROUP = "group-to-buy"
HAVE_GROUP = "group-have"
DETAIL_HINT = "Select a line to read it whole here."
# Columns sized to their text; "buy" (and "note" when shown) take the rest.
FITTED = ("needed", "on_hand", "to_buy", "unit", "cost", "store")
BUY_MIN = 200


def ask_save_path(kind: str, suggested: str) -> str | None:
    """The native save dialog (blocking, so tests inject their own chooser)."""
    extension = f".{kind}"
    label = "CSV file" if kind == "csv" else "PDF document"
    path = filedialog.asksaveasfilename(
        title=f"Export shopping list as {kind.upper()}",
        defaultextension=extension,
        initialfile=suggested,
        filetypes=[(label, f"*{extension}"), ("All files", "*")],
    )
    return path or None


def suggested_name(plan: PlanView, kind: str) -> str:
    """A file name from the event's name and date: 'Christmas-2026-2026-12-20-shopping.csv'."""
    safe = "".join(c if c.isalnum() or c in "-_" else "-" for c in plan.event.name).strip("-")
    return f"{safe or 'event'}-{plan.event.event_date.isoformat()}-shopping.{kind}"


def kitchen(with_unit: str, exact: str) -> str:
    """The kitchen-rounded figure of "6.75 cup" ("6.75"); the exact text when there is none."""
    # The figure is the first word: a unit may have a space of its own ("16 fl oz").
    return with_unit.split(" ", 1)[0] if with_unit else exact


def detail_text(line: ShoppingLineRow) -> str:
    """The whole line in words, for the line under the table: "Unsalted butter: buy
    2 × 1 lb box of 4 sticks + 3 × 4 lb block (leaves 1.2 lb) · $62.48 · at Grocer"."""
    needed = line.needed_kitchen or line.needed_text
    if line.status != "to_buy":
        have = line.on_hand_kitchen or line.on_hand_text
        text = f"{line.ingredient}: need {needed}, already have {have}"
    else:
        text = f"{line.ingredient}: need {needed}, buy {line.to_buy_kitchen or line.to_buy_text}"
        if buy_cell(line):
            text += f" — {buy_cell(line)}"
        if line.cost_text:
            text += f" · {line.cost_text}"
        if line.store:
            text += f" · at {line.store}"
    if line.note:
        text += f" · {line.note}"
    return text


def buy_cell(line: ShoppingLineRow) -> str:
    """"1 × 5 lb bag (leaves 2.6 lb)", "no packs", or "" for a line already at hand."""
    if line.status != "to_buy":
        return ""
    if line.buy:
        return f"{line.buy_text} (leaves {line.leftover_kitchen})"
    return line.buy_text.split(":")[0]


class ShoppingSection(ctk.CTkFrame):
    """Shopping list with exports.

    ``on_export_csv(path)`` / ``on_export_pdf(path)`` return None on success or
    a message to show. ``choose_path(kind, suggested_name)`` defaults to the
    native save dialog.
    """

    def __init__(
        self,
        master: tk.Misc,
        *,
        on_export_csv: ExportCallback,
        on_export_pdf: ExportCallback,
        choose_path: PathChooser = ask_save_path,
        **kwargs,
    ) -> None:
        kwargs.setdefault("fg_color", theme.COLORS["section"])
        super().__init__(master, **kwargs)
        self._exports = {"csv": on_export_csv, "pdf": on_export_pdf}
        self._choose_path = choose_path
        self._plan: PlanView | None = None

        header = ctk.CTkFrame(self, fg_color="transparent")
        header.pack(fill="x", padx=10, pady=(8, 2))
        ctk.CTkLabel(header, text="Shopping list", font=theme.section_font()).pack(side="left")
        self.pdf_button = ctk.CTkButton(header, text="Export PDF…", width=110,
                                        command=lambda: self.export("pdf"))
        self.pdf_button.pack(side="right")
        self.csv_button = ctk.CTkButton(header, text="Export CSV…", width=110,
                                        command=lambda: self.export("csv"))
        self.csv_button.pack(side="right", padx=(0, 8))
        # The summary wraps to the section's width: the trip, then per store.
        self.summary_label = ctk.CTkLabel(self, text="", anchor="w", font=theme.font(12),
                                          justify="left", text_color=theme.COLORS["muted"])
        self.summary_label.pack(fill="x", padx=10)
        self.summary_label.bind("<Configure>", self._wrap_summary, add="+")
        self.export_label = ctk.CTkLabel(self, text="", anchor="w", font=theme.font(12),
                                         justify="left", wraplength=700)

        table = self._table_holder = tk.Frame(self, bg=theme.color("section"))
        table.pack(fill="both", expand=True, padx=10, pady=(2, 10))
        # Buying columns (issue 12) come after the first five in ``values`` but are
        # shown before the note.
        columns = ("needed", "on_hand", "to_buy", "unit", "note", "buy", "cost", "store")
        self.tree = theme.make_tree(table, columns, height=9, selectmode="browse")
        self.tree.heading("#0", text="Ingredient", anchor="w")
        self.tree.column("#0", width=220, stretch=True)
        specs: tuple[tuple[str, str, int, theme.Anchor], ...] = (
            ("needed", "Needed", 70, "e"),
            ("on_hand", "On hand", 70, "e"),
            ("to_buy", "To buy", 70, "e"),
            ("unit", "Unit", 56, "center"),
            ("note", "Note", 160, "w"),
            ("buy", "Buy", 360, "w"),
            ("cost", "Cost", 70, "e"),
            ("store", "Store", 80, "w"),
        )
        self._titles = {column: title for column, title, _w, _a in specs}
        for column, title, width, anchor in specs:
            self.tree.heading(column, text=title, anchor=anchor)
            self.tree.column(column, width=width, anchor=anchor,
                             minwidth=BUY_MIN if column == "buy" else 40,
                             stretch=column in ("note", "buy"))
        self.tree.tag_configure("group", font=theme.tk_font(10, "bold"))
        scrollbar = theme.make_scrollbar(table, self.tree)
        # The scrollbar first: a tree wider than the room must not push it out of sight.
        scrollbar.pack(side="right", fill="y")
        self.tree.pack(side="left", fill="both", expand=True)
        self._lines: dict[str, ShoppingLineRow] = {}
        self.tree.bind("<<TreeviewSelect>>", self._show_detail, add="+")
        self.tree.bind("<Configure>", self._share_width, add="+")
        # What a cell has no room for is read whole on this line (keyboard or mouse).
        self.detail_label = ctk.CTkLabel(self, text=DETAIL_HINT, anchor="w", justify="left",
                                         font=theme.font(12), text_color=theme.COLORS["muted"])
        table.pack_configure(pady=(2, 4))
        self.detail_label.pack(fill="x", padx=10, pady=(0, 8), after=table)
        self.detail_label.bind("<Configure>", self._wrap_detail, add="+")

        # The trees follow the mode through the theme; the plain tk holders are ours.
        theme.on_appearance_change(self._table_holder, self._paint)

    # -- showing -----------------------------------------------------------
    def show(self, plan: PlanView) -> None:
        """Show the plan's shopping list."""
        self._plan = plan
        self._show_shopping(plan.shopping, plan.event.plan_state == "in_production")
        if plan.undecided:  # named, never silently left out (DESIGN.md "One story")
            missing = "; ".join(not_counted_lines(plan.undecided))
            self.summary_label.configure(
                text=f"{self.summary_label.cget('text')}\n{missing}", justify="left")

    def _show_shopping(self, lines: tuple[ShoppingLineRow, ...], in_production: bool) -> None:
        # A Treeview refills in well under a millisecond, so a full refill is simplest.
        open_state = {
            group: bool(self.tree.item(group, "open")) if self.tree.exists(group) else True
            for group in (TO_BUY_GROUP, HAVE_GROUP)
        }
        self.tree.delete(*self.tree.get_children())
        self._lines = {}
        to_buy = [line for line in lines if line.status == "to_buy"]
        have = [line for line in lines if line.status != "to_buy"]
        for group, title, group_lines in (
            (TO_BUY_GROUP, "To buy", to_buy),
            (HAVE_GROUP, "Already have", have),
        ):
            self.tree.insert("", "end", iid=group, text=f"{title} ({len(group_lines)})",
                             open=open_state[group], tags=("group",))
            for index, line in enumerate(group_lines):
                tags = ("warning",) if line.note else ()
                self._lines[f"{group}-{index}"] = line
                self.tree.insert(
                    group, "end", iid=f"{group}-{index}",
                    text=line.ingredient,
                    values=(kitchen(line.needed_kitchen, line.needed_text),
                            kitchen(line.on_hand_kitchen, line.on_hand_text),
                            kitchen(line.to_buy_kitchen, line.to_buy_text)
                            if line.status == "to_buy" else "—",
                            unit_display(line.unit), line.note or "", buy_cell(line),
                            line.cost_text,
                            line.store if line.status == "to_buy" else ""),
                    tags=tags,
                )
        if not lines:
            summary = "Nothing to buy yet."
        else:
            summary = f"{len(to_buy)} to buy, {len(have)} already in the pantry"
            if in_production:
                summary += " (counting only the batches still to bake)"
            if self._plan is not None:
                summary += trip_text(self._plan)
                by_store = stores_text(self._plan)
                if by_store:
                    summary += f"\n{by_store}"
        self.summary_label.configure(text=summary)
        self._fit_columns(lines)
        self._show_detail()
        state = "normal" if lines else "disabled"
        self.csv_button.configure(state=state)
        self.pdf_button.configure(state=state)

    def _fit_columns(self, lines: tuple[ShoppingLineRow, ...]) -> None:
        """Short columns as wide as their longest text; the note column only when a
        line has a note; Buy takes the rest of the width."""
        rows = [tuple(self.tree.item(iid, "values")) for iid in self._lines]
        for position, column in enumerate(self.tree["columns"]):
            if column in FITTED:
                self.tree.column(column, width=fit_width(
                    self.tree, self._titles[column], (str(r[position]) for r in rows)))
        # The group titles ("Already have (6)", bold) are shorter than a name with its indent.
        names = [line.ingredient for line in lines] + ["Already have (00)"]
        self.tree.column("#0", width=fit_width(self.tree, "Ingredient", names, lead=2 * INDENT - 2))
        shown = ["needed", "on_hand", "to_buy", "unit", "buy", "cost", "store"]
        if any(line.note for line in lines):
            shown.append("note")
        self.tree.configure(displaycolumns=shown)
        self._share_width()

    def _share_width(self, _event: tk.Event | None = None) -> None:
        """Buy (with the note, when shown) gets the width the fitted columns leave: a
        tree whose columns are wider than itself cuts the last ones at its edge."""
        shown = list(self.tree["displaycolumns"])
        fixed = sum(int(self.tree.column(c, "width")) for c in ["#0", *shown]
                    if c not in ("buy", "note"))
        room = max(self.tree.winfo_width() - fixed, 0)
        if "note" in shown:
            self.tree.column("note", width=max(room // 3, 120))
            room -= int(self.tree.column("note", "width"))
        self.tree.column("buy", width=max(room, BUY_MIN))

    def _wrap_summary(self, event: tk.Event) -> None:
        self.summary_label.configure(wraplength=max(event.width - 8, 200))

    def _wrap_detail(self, event: tk.Event) -> None:
        self.detail_label.configure(wraplength=max(event.width - 8, 200))

    def _show_detail(self, _event: tk.Event | None = None) -> None:
        chosen = self.tree.selection()
        line = self._lines.get(chosen[0]) if chosen else None
        self.detail_label.configure(text=DETAIL_HINT if line is None else detail_text(line),
                                    text_color=theme.COLORS["muted" if line is None else "text"])

    def _paint(self) -> None:
        self._table_holder.configure(bg=theme.color("section"))

    # -- queries for tests ---------------------------------------------------
    def group_lines(self, group: str) -> list[tuple[str, tuple]]:
        """(ingredient, values) of the rows under ``group`` (TO_BUY_GROUP / HAVE_GROUP)."""
        return [
            (self.tree.item(iid, "text"), tuple(self.tree.item(iid, "values")))
            for iid in self.tree.get_children(group)
        ]

    # -- user actions --------------------------------------------------------
    def export(self, kind: str) -> None:
        """Ask for a file name and export the shopping list as ``kind`` ("csv" / "pdf")."""
        if self._plan is None:
            return
        path = self._choose_path(kind, suggested_name(self._plan, kind))
        if not path:
            return  # cancelled: nothing to say
        error = self._exports[kind](path)
        if error:
            self.export_label.configure(text=error, text_color=theme.COLORS["error"])
        else:
            self.export_label.configure(text=f"Saved the shopping list to {path}",
                                        text_color=theme.COLORS["ok_fg"])
        self.export_label.pack(fill="x", padx=10, after=self.summary_label)
