"""The recipe picker: every recipe with a check mark, variants under their base.

One ttk.Treeview row per recipe (a CTk check box per row costs milliseconds
each; a bakery can have hundreds). A click, Space or Enter on a row toggles
it. Rows are updated in place; the tree is rebuilt only when the catalog's
recipes change.
"""

from __future__ import annotations

import tkinter as tk
from collections.abc import Callable

import customtkinter as ctk

from src.services.plan.dto import PlanView, RecipeChoiceRow
from src.ui import theme
from src.ui.wording import count_of

CHECKED, UNCHECKED = "☑", "☐"
COLUMNS = ("category", "kind")


def row_text(row: RecipeChoiceRow) -> str:
    return f"{CHECKED if row.selected else UNCHECKED}  {row.name}"


def kind_text(row: RecipeChoiceRow) -> str:
    return row.base_recipe_name or "" if row.is_variant else ""  # under "Variant of"


def count_text(plan: PlanView) -> str:
    total = len(plan.recipes)
    return f"{plan.selected_count} of {count_of(total, 'recipe')} selected"


class RecipesSection(ctk.CTkFrame):
    """Recipes for the event. ``on_toggle(recipe_id)`` asks to (de)select one recipe."""

    def __init__(self, master: tk.Misc, *, on_toggle: Callable[[int], None], **kwargs) -> None:
        kwargs.setdefault("fg_color", theme.COLORS["section"])
        super().__init__(master, **kwargs)
        self._on_toggle = on_toggle
        self._enabled = True
        self._structure: tuple[tuple[int, int | None], ...] = ()
        self._rows: dict[int, RecipeChoiceRow] = {}
        self._children: dict[int, list[int]] = {}
        self._top: list[int] = []
        self._filter = ""

        header = ctk.CTkFrame(self, fg_color="transparent")
        header.pack(fill="x", padx=10, pady=(8, 2))
        ctk.CTkLabel(header, text="Recipes", font=theme.section_font()).pack(side="left")
        self.count_label = ctk.CTkLabel(header, text="", font=theme.font(13))
        self.count_label.pack(side="right")
        self.filter_entry = ctk.CTkEntry(
            self, placeholder_text="Filter recipes by name or category", height=28
        )
        self.filter_entry.pack(fill="x", padx=10, pady=(2, 4))
        self.filter_entry.bind("<KeyRelease>", lambda _e: self.set_filter(self.filter_entry.get()))
        self.note_label = ctk.CTkLabel(
            self, text="", font=theme.font(12), text_color=theme.COLORS["warning_fg"],
            anchor="w", justify="left", wraplength=660,
        )
        # Wrap at the section's width, whatever it is: a longer line is cut off at the edge.
        self.bind("<Configure>", self._fit_note, add="+")
        table = tk.Frame(self, bg=theme.color("section"))
        theme.on_appearance_change(table, lambda: table.configure(bg=theme.color("section")))
        table.pack(fill="both", expand=True, padx=10, pady=(0, 10))
        self.tree = theme.make_tree(table, COLUMNS, height=12, selectmode="browse")
        self.tree.heading("#0", text="Recipe", anchor="w")
        self.tree.column("#0", width=300, minwidth=200, stretch=True)
        self.tree.heading("category", text="Category", anchor="w")
        self.tree.column("category", width=100, stretch=False)
        self.tree.heading("kind", text="Variant of", anchor="w")
        self.tree.column("kind", width=215, stretch=False)
        self.tree.pack(side="left", fill="both", expand=True)
        theme.make_scrollbar(table, self.tree).pack(side="right", fill="y")
        self.tree.bind("<ButtonRelease-1>", self._clicked)
        self.tree.bind("<space>", lambda _e: self._toggle_focused())
        self.tree.bind("<Return>", lambda _e: self._toggle_focused())
        self._note_packed = False

    # -- showing -----------------------------------------------------------
    def show(self, plan: PlanView) -> None:
        """Show the catalog's recipes with the event's selection; rows update in place."""
        self._enabled = plan.allowed.edit_selection
        self.count_label.configure(text=count_text(plan))
        structure = tuple((r.id, r.base_recipe_id) for r in plan.recipes)
        if structure != self._structure:
            self._rebuild(plan.recipes)
            self._structure = structure
        else:
            for row in plan.recipes:
                if self._rows.get(row.id) != row:
                    self._rows[row.id] = row
                    self.tree.item(str(row.id), text=row_text(row),
                                   values=(row.category, kind_text(row)))
        self._show_enabled(plan)

    def _rebuild(self, rows: tuple[RecipeChoiceRow, ...]) -> None:
        self.tree.delete(*self.tree.get_children())
        self._rows = {r.id: r for r in rows}
        self._children = {}
        self._top = []
        for row in rows:
            parent = row.base_recipe_id if row.base_recipe_id in self._rows else None
            if parent is None:
                self._top.append(row.id)
            else:
                self._children.setdefault(parent, []).append(row.id)
        for rid in self._top:
            self._insert(self._rows[rid], "")
            for child in self._children.get(rid, []):
                self._insert(self._rows[child], str(rid))
            if rid in self._children:
                self.tree.item(str(rid), open=True)
        if self._filter:
            self.set_filter(self._filter)

    def _insert(self, row: RecipeChoiceRow, parent: str) -> None:
        self.tree.insert(parent, "end", iid=str(row.id), text=row_text(row),
                         values=(row.category, kind_text(row)))

    def _show_enabled(self, plan: PlanView) -> None:
        tags = () if self._enabled else ("muted",)
        for iid in self._rows:
            if tuple(self.tree.item(str(iid), "tags") or ()) != tags:
                self.tree.item(str(iid), tags=tags)
        if self._enabled:
            if self._note_packed:
                self.note_label.pack_forget()
                self._note_packed = False
            return
        self.note_label.configure(
            text=f"Recipes cannot change now. {plan.allowed.explanation}"
        )
        if not self._note_packed:
            self.note_label.pack(fill="x", padx=10, before=self.filter_entry)
            self._note_packed = True

    def _fit_note(self, event: tk.Event) -> None:
        width = max(200, event.width - 30)
        if self.note_label.cget("wraplength") != width:
            self.note_label.configure(wraplength=width)

    # -- filtering -----------------------------------------------------------
    def set_filter(self, text: str) -> None:
        """Show only recipes whose name or category contains ``text`` (a base stays
        visible when one of its variants matches, to keep the variant under it)."""
        self._filter = text.strip().lower()

        def matches(rid: int) -> bool:
            row = self._rows[rid]
            return not self._filter or self._filter in f"{row.name}\n{row.category}".lower()

        position = 0
        for rid in self._top:
            kids = self._children.get(rid, [])
            base_match = matches(rid)
            shown_kids = [k for k in kids if base_match or matches(k)]
            if base_match or shown_kids:
                self.tree.move(str(rid), "", position)
                position += 1
                for index, kid in enumerate(shown_kids):
                    self.tree.move(str(kid), str(rid), index)
                for kid in kids:
                    if kid not in shown_kids:
                        self.tree.detach(str(kid))
            else:
                self.tree.detach(str(rid))

    def visible_ids(self) -> list[int]:
        """Recipe ids shown now, top to bottom (variants after their base)."""
        shown: list[int] = []
        for iid in self.tree.get_children(""):
            shown.append(int(iid))
            shown.extend(int(k) for k in self.tree.get_children(iid))
        return shown

    def is_checked(self, recipe_id: int) -> bool:
        return str(self.tree.item(str(recipe_id), "text")).startswith(CHECKED)

    # -- user actions ------------------------------------------------------
    def toggle(self, recipe_id: int) -> None:
        """(De)select ``recipe_id`` as a click on its row does (ignored when locked)."""
        if self._enabled and recipe_id in self._rows:
            self._on_toggle(recipe_id)

    def _clicked(self, event: tk.Event) -> None:
        if self.tree.identify_region(event.x, event.y) not in ("tree", "cell"):
            return
        if "indicator" in str(self.tree.identify_element(event.x, event.y)):
            return  # the expand/collapse arrow, not a choice
        iid = self.tree.identify_row(event.y)
        if iid:
            self.toggle(int(iid))

    def _toggle_focused(self) -> str:
        iid = self.tree.focus()
        if iid:
            self.toggle(int(iid))
        return "break"
