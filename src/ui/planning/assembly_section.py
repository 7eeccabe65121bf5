"""The assembly check of the planning tab: can every finished good be put together?

One overall badge and a line per finished good (met / partial / short /
undecided, "can make N of M"), in a styled ttk.Treeview refilled on every plan.
"""

from __future__ import annotations

import tkinter as tk

import customtkinter as ctk

from src.services.plan.dto import AssemblyLineRow, AssemblyView, PlanView
from src.ui import theme

# overall status -> (badge text, (background, foreground) colour names)
OVERALL: dict[str, tuple[str, tuple[str, str]]] = {
    "met": ("Every finished good can be assembled", ("ok_bg", "ok_fg")),
    "partial": ("Some finished goods can be only partly assembled", ("warning_bg", "warning_fg")),
    "short": ("Some finished goods cannot be assembled at all", ("short_bg", "short_fg")),
    "undecided": ("Decide every recipe's batches to check assembly", ("exact_bg", "exact_fg")),
    "empty": ("No finished goods to assemble yet", ("surface", "muted")),
}
LINE_STATUS = {"met": "Met", "partial": "Partial", "short": "Short", "undecided": "Undecided"}
LINE_TAG = {"met": "ok", "partial": "warning", "short": "short", "undecided": "muted"}


def assembly_line_text(line: AssemblyLineRow) -> str:
    if line.status == "undecided":
        return "waiting for batch decisions"
    return f"{line.can_make} of {line.quantity}"  # under the "Can make" heading


class AssemblySection(ctk.CTkFrame):
    """The overall assembly status and one line per finished good of the plan."""

    def __init__(self, master: tk.Misc, **kwargs: object) -> None:
        kwargs.setdefault("fg_color", theme.COLORS["section"])
        super().__init__(master, **kwargs)
        header = ctk.CTkFrame(self, fg_color="transparent")
        header.pack(fill="x", padx=10, pady=(8, 2))
        ctk.CTkLabel(header, text="Assembly", font=theme.section_font()).pack(side="left")
        self.badge = ctk.CTkLabel(header, text="", corner_radius=8, font=theme.font(12),
                                  height=24)
        self.badge.pack(side="left", padx=12)
        holder = self._holder = tk.Frame(self, bg=theme.color("section"))
        holder.pack(fill="both", expand=True, padx=10, pady=(2, 10))
        self.tree = theme.make_tree(
            holder, ("good", "wanted", "status", "detail"), height=5, show="headings"
        )
        for column, title, width in (
            ("good", "Finished good", 240),
            ("wanted", "Wanted", 80),
            ("status", "Status", 110),
            ("detail", "Can make", 260),
        ):
            self.tree.heading(column, text=title, anchor="w")
            self.tree.column(column, width=width, anchor="w", stretch=column == "detail")
        bar = theme.make_scrollbar(holder, self.tree)
        self.tree.pack(side="left", fill="both", expand=True)
        bar.pack(side="right", fill="y")
        theme.on_appearance_change(holder, lambda: holder.configure(bg=theme.color("section")))

    def show(self, plan: PlanView) -> None:
        """Show the plan's assembly status."""
        self._show_assembly(plan.assembly)

    def _show_assembly(self, assembly: AssemblyView) -> None:
        text, (bg, fg) = OVERALL.get(assembly.overall, OVERALL["empty"])
        self.badge.configure(text=f"  {text}  ", fg_color=theme.COLORS[bg],
                             text_color=theme.COLORS[fg])
        self.tree.delete(*self.tree.get_children())
        for line in assembly.lines:
            self.tree.insert(
                "", "end", iid=f"good-{line.good_id}",
                values=(line.good, line.quantity, LINE_STATUS.get(line.status, line.status),
                        assembly_line_text(line)),
                tags=(LINE_TAG.get(line.status, "muted"),),
            )

    def assembly_rows(self) -> list[tuple[tuple, tuple]]:
        """(values, tags) of each assembly line, in order."""
        return [
            (tuple(self.tree.item(iid, "values")), tuple(self.tree.item(iid, "tags")))
            for iid in self.tree.get_children()
        ]
