"""The Pantry tab: every ingredient with what is on hand, edited beside the list.

Select an ingredient, type the quantity, pick a unit (any supported unit: the
shopping list converts), Save; Remove forgets the stock. Each save is its own
transaction, so there is nothing unsaved to lose.
"""

from __future__ import annotations

import tkinter as tk
from collections.abc import Callable, Sequence
from datetime import UTC, datetime

import customtkinter as ctk

from src.services.catalog.dto import PantryRow
from src.services.errors import ServiceError, ValidationError
from src.services.facade import Services, as_services
from src.services.formatting import unit_display
from src.ui import theme
from src.ui.catalog.listing import Column, ListPanel, ListRow
from src.ui.unit_box import UnitBox

DEFAULT_UNIT = "g"
NOTHING = "—"


def local_time_text(moment: datetime | None) -> str:
    """A stored UTC time as local "YYYY-MM-DD HH:MM" ("" for None)."""
    if moment is None:
        return ""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


def pantry_row(row: PantryRow) -> ListRow:
    recorded = row.quantity is not None
    return ListRow(
        iid=str(row.ingredient_id),
        text=row.ingredient,
        values=(
            row.category,
            row.quantity_text if recorded else NOTHING,
            unit_display(row.unit) if row.unit else "",
            local_time_text(row.updated_at),
        ),
        tags=() if recorded else ("muted",),
    )


class PantryPresenter:
    """The pantry's intents: list every ingredient's stock, record one, remove one.
    Refusals raise the service's error (ValidationError names the field)."""

    def __init__(self, services: Services) -> None:
        self.services = services

    def list_pantry(self) -> list[PantryRow]:
        return self.services.pantry.list_pantry()

    def set_quantity(self, ingredient_id: int, text: str, unit: str) -> PantryRow:
        """Record ``text`` ``unit`` on hand; returns the row as saved."""
        return self.services.pantry.set_pantry_quantity(ingredient_id, text, unit)

    def remove(self, ingredient_id: int) -> None:
        """Record nothing on hand for the ingredient."""
        self.services.pantry.remove_pantry_item(ingredient_id)


class PantryTab(ctk.CTkFrame):
    """The pantry editor. ``on_pantry_changed()`` runs after every saved edit."""

    def __init__(
        self, master: tk.Misc, services: Services,
        on_pantry_changed: Callable[[], None] | None = None,
    ) -> None:
        super().__init__(master, fg_color="transparent")
        self.presenter = PantryPresenter(as_services(services))
        self._on_pantry_changed = on_pantry_changed
        self._rows: dict[str, PantryRow] = {}
        # The row in the editor and the (text, unit) put there: anything else is typed.
        self._editing: tuple[str | None, str, str] = (None, "", DEFAULT_UNIT)
        self.grid_columnconfigure(0, weight=1)
        self.grid_rowconfigure(1, weight=1)
        ctk.CTkLabel(self, text="Pantry", font=theme.title_font(), anchor="w").grid(
            row=0, column=0, columnspan=2, sticky="w", padx=16, pady=(12, 8)
        )
        self.panel = ListPanel(
            self,
            tree_heading="Ingredient",
            tree_width=260,
            columns=(
                Column("category", "Category", 160),
                Column("quantity", "On hand", 100, "e"),
                Column("unit", "Unit", 70),
                Column("changed", "Last changed", 150, stretch=True),
            ),
            on_select=self._selection_changed,
            on_activate=lambda _iid: self._focus_quantity(),
            noun="ingredient",
        )
        self.panel.grid(row=1, column=0, sticky="nsew", padx=(16, 12), pady=(0, 12))
        self._build_editor()
        self._selection_changed(None)

    def _build_editor(self) -> None:
        box = ctk.CTkFrame(self, width=300, fg_color=theme.COLORS["section"], corner_radius=8)
        box.grid(row=1, column=1, sticky="n", padx=(0, 16), pady=(42, 12))
        self.editor = box
        self.selected_label = ctk.CTkLabel(box, text="", font=theme.section_font(), anchor="w",
                                           justify="left", wraplength=260)
        self.selected_label.pack(fill="x", padx=16, pady=(14, 8))
        ctk.CTkLabel(box, text="On hand", anchor="w", font=theme.font(13)).pack(fill="x", padx=16)
        row = ctk.CTkFrame(box, fg_color="transparent")
        row.pack(fill="x", padx=16)
        self.quantity_entry = ctk.CTkEntry(row, width=140, font=theme.font(13))
        self.quantity_entry.pack(side="left")
        self.quantity_entry.bind("<Return>", lambda _e: self.save())
        self.quantity_entry.bind("<KP_Enter>", lambda _e: self.save())
        self.unit_menu = UnitBox(row, width=100)
        self.unit_menu.set(DEFAULT_UNIT)
        self.unit_menu.pack(side="left", padx=(8, 0))
        self._border = self.quantity_entry.cget("border_color")
        self.error_label = ctk.CTkLabel(box, text="", text_color=theme.COLORS["error"],
                                        anchor="w", justify="left", wraplength=260,
                                        font=theme.font(12))
        self.error_label.pack(fill="x", padx=16, pady=(4, 0))
        buttons = ctk.CTkFrame(box, fg_color="transparent")
        buttons.pack(fill="x", padx=16, pady=(4, 8))
        self.save_button = ctk.CTkButton(buttons, text="Save", width=100, command=self.save)
        self.save_button.pack(side="left")
        self.remove_button = ctk.CTkButton(
            buttons, text="Remove", width=100, command=self.remove, fg_color="transparent",
            border_width=1, text_color=theme.COLORS["text"],
        )
        self.remove_button.pack(side="left", padx=(8, 0))
        self.status_label = ctk.CTkLabel(box, text="", text_color=theme.COLORS["muted"],
                                         anchor="w", justify="left", wraplength=260,
                                         font=theme.font(12))
        self.status_label.pack(fill="x", padx=16, pady=(0, 14))

    # -- data ----------------------------------------------------------------
    def refresh(self) -> None:
        """Reload every ingredient's stock (after catalog edits or an import). A quantity
        being typed for the selected ingredient is kept."""
        self.show(self.presenter.list_pantry())

    def show(self, rows: Sequence[PantryRow]) -> None:
        self._rows = {str(r.ingredient_id): r for r in rows}
        self.panel.set_rows([pantry_row(r) for r in rows])
        self._selection_changed(self.panel.selected())

    def selected(self) -> PantryRow | None:
        iid = self.panel.selected()
        return self._rows.get(iid) if iid else None

    def select_ingredient(self, name: str) -> None:
        for iid, row in self._rows.items():
            if row.ingredient.casefold() == name.casefold():
                self.panel.select(iid)
                self._selection_changed(iid)
                return
        raise KeyError(name)

    # -- editing -------------------------------------------------------------
    def unsaved(self) -> bool:
        """True when the editor holds a quantity or unit typed but not saved."""
        iid, text, unit = self._editing
        return iid is not None and (
            self.quantity_entry.get() != text or self.unit_menu.get() != unit
        )

    def _selection_changed(self, iid: str | None, keep_typed: bool = True) -> None:
        """Show the row ``iid`` in the editor. Typed, unsaved text stays when the same
        row is shown again (a refresh re-selects it) unless ``keep_typed`` is False."""
        typed = None
        if keep_typed and iid is not None and iid == self._editing[0] and self.unsaved():
            typed = (self.quantity_entry.get(), self.unit_menu.get(),
                     str(self.error_label.cget("text")))
        self._load_editor(self._rows.get(iid) if iid else None)
        self._editing = (iid if iid in self._rows else None, self.quantity_entry.get(),
                         self.unit_menu.get())
        if typed is not None:
            text, unit, error = typed
            self.quantity_entry.delete(0, "end")
            self.quantity_entry.insert(0, text)
            self.unit_menu.set(unit)
            self._show_error(error)

    def _load_editor(self, row: PantryRow | None) -> None:
        self._show_error("")
        self.quantity_entry.delete(0, "end")
        state = "normal" if row is not None else "disabled"
        for widget in (self.quantity_entry, self.unit_menu, self.save_button,
                       self.remove_button):
            widget.configure(state=state)
        if row is None:
            self.selected_label.configure(text="Select an ingredient")
            self.status_label.configure(
                text="Choose a row to record how much is on hand, in any unit."
                if self._rows else "No ingredients yet: add them in the Catalog tab."
            )
            return
        self.selected_label.configure(text=row.ingredient)
        if row.quantity is not None:
            self.quantity_entry.insert(0, str(row.quantity))
            self.unit_menu.set(unit_display(row.unit) if row.unit else DEFAULT_UNIT)
            self.status_label.configure(text=f"Last changed {local_time_text(row.updated_at)}")
        else:
            # Offer the unit the baker prefers for this ingredient, if any.
            if row.preferred_unit:
                self.unit_menu.set(unit_display(row.preferred_unit))
            self.status_label.configure(text="Nothing recorded yet")
        self.remove_button.configure(state="normal" if row.quantity is not None else "disabled")

    def _focus_quantity(self) -> None:
        self.quantity_entry.focus_set()

    def _show_error(self, text: str) -> None:
        self.error_label.configure(text=text)
        self.quantity_entry.configure(
            border_color=theme.COLORS["error"] if text else self._border
        )

    def save(self) -> None:
        """Record the typed quantity and unit; a refusal shows why and keeps the text."""
        row = self.selected()
        if row is None:
            return
        try:
            saved = self.presenter.set_quantity(
                row.ingredient_id, self.quantity_entry.get(), self.unit_menu.get()
            )
        except ValidationError as exc:
            self._show_error("\n".join(dict.fromkeys((exc.errors or {"": exc.message}).values())))
            return
        except ServiceError as exc:
            self._show_error(exc.message)
            return
        self._replace(saved)
        self.status_label.configure(
            text=f"Saved: {saved.quantity_text} {unit_display(saved.unit) if saved.unit else ''} "
            f"(last changed {local_time_text(saved.updated_at)})"
        )
        if self._on_pantry_changed is not None:
            self._on_pantry_changed()

    def remove(self) -> None:
        row = self.selected()
        if row is None:
            return
        try:
            self.presenter.remove(row.ingredient_id)
        except ServiceError as exc:
            self._show_error(exc.message)
            return
        self._replace(PantryRow(row.ingredient_id, row.ingredient, row.category, None, None,
                                None, "", row.preferred_unit))
        self.status_label.configure(text="Removed: nothing recorded now")
        if self._on_pantry_changed is not None:
            self._on_pantry_changed()

    def _replace(self, row: PantryRow) -> None:
        """Put ``row`` in place in the list (only that row changes)."""
        iid = str(row.ingredient_id)
        self._rows[iid] = row
        self.panel.replace_row(pantry_row(row))
        self._selection_changed(iid, keep_typed=False)  # saved: show what is recorded
