"""What the Catalog tab's list sections share: a ``ListPanel`` of the items, the
list presenter's view (``show``, ``select``, ``show_notice``, ``changed``) and
the New / Edit / Delete flow.

A section (ingredients, recipes, finished goods) says only what is its own:
its columns, its rows, its editor, its words and which presenter intent
deletes an item.
"""

from __future__ import annotations

import tkinter as tk
from abc import ABC, abstractmethod
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import ClassVar, Generic, Protocol, TypeVar

import customtkinter as ctk

from src.services.errors import ServiceError
from src.services.facade import Services
from src.ui.dialogs import FormDialog, ask_confirm, show_notice

from .list_presenters import ListPresenter, ListView
from .listing import Column, ListPanel, ListRow


class CatalogItem(Protocol):
    """What the flow needs of an item: its id (the row's iid) and its name."""

    @property
    def id(self) -> int: ...

    @property
    def name(self) -> str: ...


@dataclass(frozen=True)
class ListLayout:
    """How a section's list looks: ``noun`` names the items (in the filter, the
    count and the titles) and heads the name column; ``columns`` follow it."""

    noun: str
    name_width: int
    columns: tuple[Column, ...]
    name_stretch: bool = True

    @property
    def name_heading(self) -> str:
        return self.noun[:1].upper() + self.noun[1:]


ItemT = TypeVar("ItemT", bound=CatalogItem)
PresenterT = TypeVar("PresenterT", bound=ListPresenter)
Button = tuple[str, Callable[[], None]]


class ListSection(ctk.CTkFrame, ABC, Generic[ItemT, PresenterT]):
    """A catalog list with New / Edit / Delete; ``on_changed()`` after every saved edit.

    Double-click or Enter on a row edits it. Edit and Delete with nothing selected
    say what to select; an item that cannot be opened any more (deleted in another
    window) is named in a notice and the list reloads."""

    layout: ClassVar[ListLayout]

    def __init__(
        self,
        master: tk.Misc,
        services: Services,
        on_changed: Callable[[], None],
        presenter: Callable[[Services, ListView], PresenterT],
    ) -> None:
        super().__init__(master, fg_color="transparent")
        self._services = services
        self.presenter = presenter(services, self)
        self._on_changed = on_changed
        self._items: dict[str, ItemT] = {}
        self.dialog: FormDialog | None = None
        layout = self.layout
        self.panel = ListPanel(
            self,
            tree_heading=layout.name_heading,
            tree_width=layout.name_width,
            tree_stretch=layout.name_stretch,
            columns=layout.columns,
            buttons=self._buttons(),
            on_activate=lambda _iid: self.edit(),
            noun=layout.noun,
        )
        self.panel.pack(fill="both", expand=True)

    # -- what each section says for itself -------------------------------------
    @abstractmethod
    def _rows(self, items: Sequence[ItemT]) -> list[ListRow]:
        """The list's rows for ``items``, in their order."""

    @abstractmethod
    def _open_editor(self, item: ItemT | None) -> FormDialog:
        """The editor of ``item`` (a new one for None). Raises ServiceError when
        ``item`` can no longer be loaded."""

    @abstractmethod
    def _delete_question(self, item: ItemT) -> str:
        """The question asked before ``item`` is deleted."""

    @abstractmethod
    def _delete(self, item: ItemT) -> None:
        """Delete ``item`` (the user said yes) through the presenter's intent."""

    def _buttons(self) -> list[Button]:
        return [("New", self.new), ("Edit", self.edit), ("Delete", self.delete)]

    def _select_first(self, action: str) -> str:
        """The notice of ``action`` ("Edit", "Delete", …) with nothing selected."""
        return f"Select a {self.layout.noun} first."

    # -- the presenter's view --------------------------------------------------
    def refresh(self) -> None:
        self.presenter.load()

    def show(self, items: Sequence[ItemT]) -> None:
        self._items = {str(i.id): i for i in items}
        self.panel.set_rows(self._rows(items))

    def select(self, iid: str) -> None:
        self.panel.select(iid)

    def show_notice(self, title: str, text: str) -> None:
        show_notice(self, title, text)

    def changed(self) -> None:
        self._on_changed()

    def selected(self) -> ItemT | None:
        iid = self.panel.selected()
        return self._items.get(iid) if iid else None

    # -- New / Edit / Delete ---------------------------------------------------
    def _need_selection(self, action: str) -> ItemT | None:
        item = self.selected()
        if item is None:
            show_notice(self, f"{action} {self.layout.noun}", self._select_first(action))
        return item

    def new(self) -> None:
        self.dialog = self._open_editor(None)

    def edit(self) -> None:
        item = self._need_selection("Edit")
        if item is None:
            return
        try:
            self.dialog = self._open_editor(item)
        except ServiceError as exc:  # deleted meanwhile in another window
            show_notice(self, f"Edit {self.layout.noun}", exc.message)
            self.refresh()

    def delete(self) -> None:
        item = self._need_selection("Delete")
        if item is None:
            return

        def answer(yes: bool) -> None:
            if yes:
                self._delete(item)

        title = f"Delete {self.layout.noun}"
        ask_confirm(self, title, self._delete_question(item), answer, "Delete")

    def _saved(self, item: CatalogItem) -> None:
        """An editor saved ``item``: the list shows it selected."""
        self.presenter.saved(item.id)
