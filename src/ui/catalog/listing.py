"""A filterable list: a filter box, a styled ttk.Treeview and a row of buttons.

Shared by the catalog sections and the pantry. Rows are plain data
(``ListRow``); the tree holds only Treeview items (no customtkinter widget per
row), so a thousand rows build and re-filter in milliseconds.
"""

from __future__ import annotations

import tkinter as tk
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import customtkinter as ctk

from src.ui import theme
from src.ui.wording import count_of, plural


@dataclass(frozen=True)
class ListRow:
    """One row: ``text`` in the tree column, ``values`` in the others; ``parent``
    is the iid of the row it sits under ("" for a top-level row)."""

    iid: str
    text: str
    values: tuple[str, ...] = ()
    parent: str = ""
    tags: tuple[str, ...] = ()

    @property
    def search_text(self) -> str:
        return " ".join((self.text, *self.values)).casefold()


@dataclass(frozen=True)
class Column:
    key: str
    heading: str
    width: int
    anchor: theme.Anchor = "w"
    stretch: bool = False


def visible_rows(rows: Sequence[ListRow], query: str) -> list[ListRow]:
    """The rows a filter shows, in their order: a row matches when every word of
    ``query`` occurs in its text (ignoring case). A match also shows its parent
    (so a variant stays under its base) and, for a parent, all its children."""
    words = query.casefold().split()
    if not words:
        return list(rows)
    hits = {r.iid for r in rows if all(w in r.search_text for w in words)}
    parents = {r.parent for r in rows if r.iid in hits and r.parent}
    return [r for r in rows if r.iid in hits or r.iid in parents or (r.parent and r.parent in hits)]


class ListPanel(ctk.CTkFrame):
    """Filter box + tree + buttons. ``on_activate(iid)`` runs on double-click or Enter."""

    def __init__(
        self,
        master: tk.Misc,
        *,
        tree_heading: str,
        tree_width: int,
        tree_stretch: bool = True,
        columns: Sequence[Column],
        buttons: Sequence[tuple[str, Callable[[], None]]] = (),
        on_activate: Callable[[str], None] | None = None,
        on_select: Callable[[str | None], None] | None = None,
        noun: str = "row",
    ) -> None:
        super().__init__(master, fg_color="transparent")
        self._rows: list[ListRow] = []
        self._on_activate = on_activate
        self._on_select = on_select
        self._noun = noun
        self.grid_columnconfigure(0, weight=1)
        self.grid_rowconfigure(1, weight=1)

        top = ctk.CTkFrame(self, fg_color="transparent")
        top.grid(row=0, column=0, columnspan=2, sticky="ew", pady=(0, 6))
        self.filter_entry = ctk.CTkEntry(
            top, width=280, placeholder_text=f"Filter {plural(noun, 2)}…", font=theme.font(13)
        )
        self.filter_entry.pack(side="left")
        self.filter_entry.bind("<KeyRelease>", lambda _e: self.apply_filter())
        self.count_label = ctk.CTkLabel(
            top, text="", text_color=theme.COLORS["muted"], font=theme.font(12)
        )
        self.count_label.pack(side="left", padx=10)
        self.buttons: dict[str, ctk.CTkButton] = {}
        for text, command in reversed(list(buttons)):
            button = ctk.CTkButton(top, text=text, width=90, command=command, font=theme.font(13))
            button.pack(side="right", padx=(6, 0))
            self.buttons[text] = button

        keys = tuple(c.key for c in columns)
        self.tree = theme.make_tree(self, keys, height=16, selectmode="browse")
        self.tree.heading("#0", text=tree_heading, anchor="w")
        self.tree.column("#0", width=tree_width, minwidth=120, stretch=tree_stretch)
        for col in columns:
            self.tree.heading(col.key, text=col.heading, anchor=col.anchor)
            self.tree.column(col.key, width=col.width, anchor=col.anchor, stretch=col.stretch)
        self.tree.grid(row=1, column=0, sticky="nsew")
        theme.make_scrollbar(self, self.tree).grid(row=1, column=1, sticky="ns")
        self.tree.bind("<Double-1>", self._double_click)
        self.tree.bind("<Return>", lambda _e: self._activate(self.selected()))
        self.tree.bind("<<TreeviewSelect>>", lambda _e: self._selected_changed())

    # -- data -------------------------------------------------------------
    def set_rows(self, rows: Sequence[ListRow]) -> None:
        """Replace every row and re-apply the current filter, keeping the selection."""
        self._rows = list(rows)
        self.apply_filter()

    def replace_row(self, row: ListRow) -> None:
        """Change one row (same iid) in place, without rebuilding the list."""
        self._rows = [row if r.iid == row.iid else r for r in self._rows]
        if self.tree.exists(row.iid):
            self.tree.item(row.iid, text=row.text, values=row.values, tags=row.tags)

    def rows(self) -> list[ListRow]:
        return list(self._rows)

    def filter_text(self) -> str:
        return self.filter_entry.get()

    def set_filter(self, text: str) -> None:
        self.filter_entry.delete(0, "end")
        if text:
            self.filter_entry.insert(0, text)
        self.apply_filter()

    def apply_filter(self) -> None:
        query = self.filter_text()
        keep = self.selected()
        shown = visible_rows(self._rows, query)
        tree = self.tree
        tree.delete(*tree.get_children())
        # Parents open: a variant is always seen under its base.
        for row in shown:
            tree.insert(
                row.parent, "end", iid=row.iid, text=row.text, values=row.values,
                tags=row.tags, open=True,
            )
        total = len(self._rows)
        if query.strip():
            self.count_label.configure(text=f"{len(shown)} of {count_of(total, self._noun)} shown")
        else:
            self.count_label.configure(text=count_of(total, self._noun))
        if keep and tree.exists(keep):
            tree.selection_set(keep)
            tree.see(keep)
        elif keep:
            self._selected_changed()

    def shown_iids(self) -> list[str]:
        """Every iid in the tree now, parents before their children."""
        out: list[str] = []
        for iid in self.tree.get_children(""):
            out.append(iid)
            out.extend(self.tree.get_children(iid))
        return out

    # -- selection ----------------------------------------------------------
    def selected(self) -> str | None:
        chosen = self.tree.selection()
        return chosen[0] if chosen else None

    def select(self, iid: str) -> None:
        if self.tree.exists(iid):
            self.tree.selection_set(iid)
            self.tree.focus(iid)
            self.tree.see(iid)

    def _selected_changed(self) -> None:
        if self._on_select is not None:
            self._on_select(self.selected())

    def _double_click(self, event: tk.Event) -> None:
        iid = self.tree.identify_row(event.y)
        if iid:
            self._activate(iid)

    def _activate(self, iid: str | None) -> None:
        if iid and self._on_activate is not None:
            self._on_activate(iid)
