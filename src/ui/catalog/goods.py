"""The Finished goods section of the Catalog tab and the finished-good editor."""

from __future__ import annotations

import re
import tkinter as tk
from collections.abc import Callable, Sequence

import customtkinter as ctk

from src.services.catalog.dto import FinishedGoodView
from src.services.errors import ServiceError
from src.services.facade import Services
from src.ui import theme
from src.ui.dialogs import FormDialog

from .goods_presenter import ComponentForm, GoodEditorPresenter, GoodForm
from .list_presenters import GoodsListPresenter
from .list_section import ListLayout, ListSection
from .listing import Column, ListRow
from .suggest import SuggestBox

_ROW_KEY = re.compile(r"^components\[(\d+)\](?:\.(\w+))?$")


def good_row(good: FinishedGoodView) -> ListRow:
    parts = ", ".join(f"{c.quantity} × {c.name}" for c in good.components)
    return ListRow(
        iid=str(good.id),
        text=good.name,
        values=("bundle" if good.is_bundle else "single item", parts,
                ", ".join(good.recipe_names)),
    )


class ComponentRow:
    def __init__(self, dialog: GoodDialog, master: tk.Misc, form: ComponentForm) -> None:
        self.frame = ctk.CTkFrame(master, fg_color="transparent")
        self.frame.pack(fill="x", pady=(2, 0))
        self.choice = SuggestBox(self.frame, dialog.presenter.choices, initial=form.choice,
                                 width=430, on_change=lambda _t: dialog.presenter.form_changed())
        self.choice.grid(row=0, column=0, padx=(0, 4))
        self.quantity = ctk.CTkEntry(self.frame, width=70, font=theme.font(13))
        self.quantity.insert(0, form.quantity)
        self.quantity.grid(row=0, column=1, padx=(0, 4))
        self.remove = ctk.CTkButton(self.frame, text="✕", width=28,
                                    command=lambda: dialog.remove_component(self))
        self.remove.grid(row=0, column=2)
        self._borders = {w: w.cget("border_color") for w in (self.choice, self.quantity)}
        self.error = ctk.CTkLabel(self.frame, text="", text_color=theme.COLORS["error"],
                                  font=theme.font(12), anchor="w", justify="left", wraplength=460)

    def read(self) -> ComponentForm:
        return ComponentForm(self.choice.get(), self.quantity.get())

    def show_errors(self, messages: dict[str, str]) -> None:
        bad_qty = "quantity" in messages
        bad_choice = bool(messages) and not (bad_qty and len(messages) == 1)
        for widget, bad in ((self.choice, bad_choice), (self.quantity, bad_qty)):
            widget.configure(border_color=theme.COLORS["error"] if bad else self._borders[widget])
        text = "\n".join(dict.fromkeys(messages.values()))
        self.error.configure(text=text)
        if text:
            self.error.grid(row=1, column=0, columnspan=3, sticky="w")
        else:
            self.error.grid_remove()

    def error_text(self) -> str:
        return str(self.error.cget("text"))


class GoodDialog(FormDialog):
    """Create (``good_id`` None) or edit a finished good; ``on_saved(view)`` after a save."""

    def __init__(
        self, parent: tk.Misc, services: Services, good_id: int | None,
        on_saved: Callable[[FinishedGoodView], None],
    ) -> None:
        super().__init__(parent, "Edit finished good" if good_id else "New finished good", "Save")
        try:
            self.presenter = GoodEditorPresenter(services, self, good_id, on_saved)
        except ServiceError:
            self._close()  # e.g. deleted in another window: no half-built dialog left
            raise
        form = self.presenter.initial_form()
        self.name_entry = ctk.CTkEntry(self.body, width=430, font=theme.font(13))
        self.name_entry.insert(0, form.name)
        self.notes_entry = ctk.CTkEntry(self.body, width=430, font=theme.font(13))
        self.notes_entry.insert(0, form.notes)
        self.add_field("Name", self.name_entry, name="name")
        self.add_field("Notes", self.notes_entry, name="notes")
        box = ctk.CTkFrame(self.body, fg_color="transparent")
        self.add_field("Components", box, name="components")
        ctk.CTkLabel(box, text="a yield type or another finished good (type to search), "
                     "and how many", font=theme.font(12), text_color=theme.COLORS["muted"],
                     anchor="w").pack(fill="x")
        self.rows_frame = ctk.CTkScrollableFrame(box, width=560, height=180)
        self.rows_frame.pack(fill="x")
        self.add_button = ctk.CTkButton(box, text="Add component", width=120,
                                        command=lambda: self.add_component(ComponentForm()))
        self.add_button.pack(anchor="w", pady=(4, 0))
        self.made_from_label = ctk.CTkLabel(self.body, text="", anchor="w", justify="left",
                                            font=theme.font(13), wraplength=520)
        self.made_from_label.grid(row=self._row, column=1, sticky="w", pady=(4, 0))
        self.rows: list[ComponentRow] = []
        for item in form.components:
            self.add_component(item, quiet=True)
        self.presenter.form_changed()
        self.finish()

    def add_component(self, form: ComponentForm, quiet: bool = False) -> ComponentRow:
        row = ComponentRow(self, self.rows_frame, form)
        self.rows.append(row)
        if not quiet:
            self.presenter.form_changed()
        return row

    def remove_component(self, row: ComponentRow) -> None:
        self.rows.remove(row)
        row.frame.destroy()
        self.presenter.form_changed()

    # -- GoodEditorView -------------------------------------------------------------
    def read_form(self) -> GoodForm:
        return GoodForm(self.name_entry.get(), self.notes_entry.get(),
                        [r.read() for r in self.rows])

    def show_errors(self, errors: dict[str, str]) -> None:
        self.clear_errors()
        per_row: dict[int, dict[str, str]] = {}
        general: list[str] = []
        for key, message in errors.items():
            match = _ROW_KEY.match(key)
            if match and int(match[1]) < len(self.rows):
                per_row.setdefault(int(match[1]), {})[match[2] or ""] = message
            elif key in ("name", "notes", "components"):
                self.set_error(key, message)
            else:
                general.append(message)
        for i, row in enumerate(self.rows):
            row.show_errors(per_row.get(i, {}))
        self.set_error(None, "\n".join(general))

    def show_made_from(self, text: str) -> None:
        self.made_from_label.configure(text=text)

    def close(self) -> None:
        self._close()

    def on_submit(self) -> bool:
        self.presenter.save()  # closes the dialog itself on success
        return False


class GoodsSection(ListSection[FinishedGoodView, GoodsListPresenter]):
    """The finished goods list; ``on_changed()`` after every saved edit."""

    layout = ListLayout("finished good", 240, name_stretch=False, columns=(
        Column("kind", "Kind", 100),
        Column("components", "Components", 480, stretch=True),
        Column("recipes", "Made from recipes", 400, stretch=True),
    ))

    def __init__(self, master: tk.Misc, services: Services,
                 on_changed: Callable[[], None]) -> None:
        super().__init__(master, services, on_changed, GoodsListPresenter)

    def _open_editor(self, good: FinishedGoodView | None) -> GoodDialog:
        return GoodDialog(self, self._services, good.id if good is not None else None, self._saved)

    def _rows(self, goods: Sequence[FinishedGoodView]) -> list[ListRow]:
        return [good_row(g) for g in goods]

    def _delete_question(self, good: FinishedGoodView) -> str:
        return f'Delete "{good.name}"?'

    def _delete(self, good: FinishedGoodView) -> None:
        self.presenter.delete_good(good.id)
