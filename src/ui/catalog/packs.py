"""Purchase packs in the ingredient editor: the list of an ingredient's packs
(label, size, price, store, preferred) with Add / Edit / Delete, and the pack
form. Every save goes straight to the catalog service (no unsaved state)."""

from __future__ import annotations

import tkinter as tk
from collections.abc import Callable

import customtkinter as ctk

from src.services.catalog.packs import PackView
from src.services.errors import ServiceError
from src.services.formatting import SUPPORTED_UNITS
from src.ui import theme
from src.ui.dialogs import FormDialog, ask_confirm, show_notice

PACK_COLUMNS = ("size", "price", "store", "preferred")


def pack_values(pack: PackView, currency: str) -> tuple[str, str, str, str]:
    """The list's cells for a pack: size, price, store, preferred mark."""
    return (pack.size_text, pack.price_text(currency), pack.store or "",
            "preferred" if pack.preferred else "")  # fmt: skip


class PackDialog(FormDialog):
    """Create (``pack`` None) or edit a pack of ingredient ``ingredient_id``;
    ``on_saved(view)`` after a save. A refused save shows each message at its field."""

    def __init__(self, parent: tk.Misc, db, ingredient_id: int, pack: PackView | None,
                 on_saved: Callable[[PackView], None]) -> None:
        super().__init__(parent, "Edit pack" if pack else "New pack", "Save")
        self._db, self._ingredient_id = db, ingredient_id
        self._pack, self._on_saved = pack, on_saved
        self.label_entry = ctk.CTkEntry(self.body, width=220, font=theme.font(13),
                                        placeholder_text="5 lb bag")
        self.quantity_entry = ctk.CTkEntry(self.body, width=100, font=theme.font(13))
        self.unit_menu = ctk.CTkOptionMenu(self.body, values=list(SUPPORTED_UNITS), width=100,
                                           font=theme.font(13))
        self.price_entry = ctk.CTkEntry(self.body, width=100, font=theme.font(13),
                                        placeholder_text="optional")
        self.store_entry = ctk.CTkEntry(self.body, width=220, font=theme.font(13),
                                        placeholder_text="optional")
        self.preferred_box = ctk.CTkCheckBox(self.body, text="Preferred (costs use its price)",
                                             font=theme.font(13))
        self.add_field("Label", self.label_entry, name="label")
        self.add_field("Size", self.quantity_entry, name="quantity")
        self.add_field("Unit", self.unit_menu, name="unit")
        self.add_field("Price", self.price_entry, name="price", hint="empty: no price yet")
        self.add_field("Store", self.store_entry, name="store")
        self.add_field("", self.preferred_box, name="preferred")
        for widget in (self.quantity_entry, self.unit_menu, self.price_entry):
            widget.grid_configure(sticky="w")
        if pack is None:
            self.unit_menu.set("lb")
        else:
            self.label_entry.insert(0, pack.label)
            self.quantity_entry.insert(0, str(pack.quantity))
            self.unit_menu.set(pack.unit)
            if pack.price is not None:
                self.price_entry.insert(0, str(pack.price))
            self.store_entry.insert(0, pack.store or "")
            if pack.preferred:
                self.preferred_box.select()
        self.finish()

    def on_submit(self) -> bool:
        values = dict(label=self.label_entry.get(), quantity=self.quantity_entry.get(),
                      unit=self.unit_menu.get(), price=self.price_entry.get(),
                      store=self.store_entry.get(), preferred=bool(self.preferred_box.get()))
        if self._pack is None:
            iid = self._ingredient_id
            return self.save_with(lambda: self._db.catalog_packs.create_pack(iid, **values),
                                  self._on_saved)
        pack_id = self._pack.id
        return self.save_with(lambda: self._db.catalog_packs.update_pack(pack_id, **values),
                              self._on_saved)


class PacksPanel(ctk.CTkFrame):
    """An ingredient's packs with Add / Edit / Delete (each saved at once)."""

    def __init__(self, master: tk.Misc, db, ingredient_id: int,
                 on_changed: Callable[[], None] | None = None) -> None:
        super().__init__(master, fg_color="transparent")
        self._db, self._ingredient_id = db, ingredient_id
        self._on_changed = on_changed
        self._packs: dict[str, PackView] = {}
        self.dialog: PackDialog | None = None
        holder = tk.Frame(self, bg=theme.color("section"))
        holder.pack(fill="x")
        self.tree = theme.make_tree(holder, PACK_COLUMNS, height=4, selectmode="browse")
        self.tree.heading("#0", text="Pack", anchor="w")
        self.tree.column("#0", width=150)
        specs: tuple[tuple[str, str, int, theme.Anchor], ...] = (
            ("size", "Size", 64, "e"), ("price", "Price", 66, "e"), ("store", "Store", 120, "w"),
            ("preferred", "", 70, "w"),
        )
        for key, title, width, anchor in specs:
            self.tree.heading(key, text=title, anchor=anchor)
            self.tree.column(key, width=width, anchor=anchor)
        self.tree.pack(fill="x")
        self.tree.bind("<Double-1>", lambda _e: self.edit())
        buttons = ctk.CTkFrame(self, fg_color="transparent")
        buttons.pack(fill="x", pady=(4, 0))
        self.buttons: dict[str, ctk.CTkButton] = {}
        for text, command in (("Add pack", self.add), ("Edit pack", self.edit),
                              ("Delete pack", self.delete)):
            button = ctk.CTkButton(buttons, text=text, width=96, command=command,
                                   font=theme.font(12))
            button.pack(side="left", padx=(0, 6))
            self.buttons[text] = button
        self.refresh()

    def refresh(self) -> None:
        currency = self._db.settings.get_currency_symbol()
        packs = self._db.catalog_packs.list_packs(self._ingredient_id)
        keep = self.selected()
        self.tree.delete(*self.tree.get_children())
        self._packs = {str(p.id): p for p in packs}
        for p in packs:
            self.tree.insert("", "end", iid=str(p.id), text=p.label,
                             values=pack_values(p, currency))
        if keep is not None and self.tree.exists(str(keep.id)):
            self.tree.selection_set(str(keep.id))

    def rows(self) -> list[tuple[str, tuple]]:
        """(label, cells) of each pack shown, in order (for tests)."""
        return [(self.tree.item(i, "text"), tuple(self.tree.item(i, "values")))
                for i in self.tree.get_children()]

    def selected(self) -> PackView | None:
        chosen = self.tree.selection()
        return self._packs.get(chosen[0]) if chosen else None

    def select(self, pack_id: int) -> None:
        if self.tree.exists(str(pack_id)):
            self.tree.selection_set(str(pack_id))

    def add(self) -> None:
        self.dialog = PackDialog(self, self._db, self._ingredient_id, None, self._saved)

    def edit(self) -> None:
        pack = self.selected()
        if pack is None:
            show_notice(self, "Edit pack", "Select a pack to edit first.")
            return
        self.dialog = PackDialog(self, self._db, self._ingredient_id, pack, self._saved)

    def delete(self) -> None:
        pack = self.selected()
        if pack is None:
            show_notice(self, "Delete pack", "Select a pack to delete first.")
            return

        def answer(yes: bool) -> None:
            if not yes:
                return
            try:
                self._db.catalog_packs.delete_pack(pack.id)
            except ServiceError as exc:
                show_notice(self, "Cannot delete", exc.message)
            self.refresh()
            if self._on_changed is not None:
                self._on_changed()

        ask_confirm(self, "Delete pack", f'Delete the pack "{pack.label}"?', answer, "Delete")

    def _saved(self, pack: PackView) -> None:
        self.refresh()
        self.select(pack.id)
        if self._on_changed is not None:
            self._on_changed()
