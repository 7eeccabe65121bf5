"""The planning tab: one scrollable page from the event list down to production.

This is the view the presenter talks to (show_events, show_plan, show_error,
show_notice) and the one place the sections are built and wired to the
presenter. There is no Save or Refresh button: every change is saved by its
own service call and every section is updated from the one refreshed plan.
"""

from __future__ import annotations

import tkinter as tk
from collections.abc import Callable, Sequence

import customtkinter as ctk

from src.db import Database
from src.services import decisions
from src.services.events import EventView
from src.services.plan_dto import ComparisonView, PlanView
from src.ui import theme
from src.ui.dialogs import ask_confirm, show_notice
from src.ui.planning.aids_bar import AidsBar
from src.ui.planning.batches_section import BatchesSection
from src.ui.planning.change_watch import ChangeWatcher
from src.ui.planning.event_dialog import EventDialog
from src.ui.planning.events_section import EventsSection
from src.ui.planning.first_run import WelcomeGuide
from src.ui.planning.goods_section import GoodsSection
from src.ui.planning.header_section import HeaderSection
from src.ui.planning.presenter import PlanningPresenter
from src.ui.planning.production_section import ProductionSection
from src.ui.planning.recipes_section import RecipesSection
from src.ui.planning.shopping_section import ShoppingSection
from src.ui.planning.undo_keys import UndoControls


class PlanningTab(ctk.CTkFrame):
    """The planning page for ``db``. Call ``start()`` once it is laid out."""

    def __init__(self, master: tk.Misc, db: Database, **kwargs) -> None:
        kwargs.setdefault("fg_color", "transparent")
        super().__init__(master, **kwargs)
        self.presenter = PlanningPresenter(db, self)
        self.last_dialog: ctk.CTkToplevel | None = None
        self._showing_welcome: bool | None = None
        p = self.presenter

        self.error_bar = ctk.CTkFrame(self, fg_color=theme.COLORS["short_bg"], corner_radius=6)
        self.error_label = ctk.CTkLabel(
            self.error_bar, text="", text_color=theme.COLORS["short_fg"], anchor="w",
            justify="left", wraplength=1100, font=theme.font(13),
        )
        self.error_label.pack(side="left", fill="x", expand=True, padx=10, pady=4)
        ctk.CTkButton(
            self.error_bar, text="Dismiss", width=70, height=24, command=self.clear_error,
            fg_color="transparent", border_width=1, text_color=theme.COLORS["short_fg"],
        ).pack(side="right", padx=8)

        # The error bar is packed above ``content`` when needed; content holds either
        # the welcome or the scrolling page.
        self.content = ctk.CTkFrame(self, fg_color="transparent")
        self.content.pack(fill="both", expand=True)
        # Changes saved by another window or computer: polled, then shown with a notice.
        self.watcher = ChangeWatcher(self, p.poll, before=self.content)
        self.welcome = WelcomeGuide(self.content, db, on_demo=self.load_demo,
                                    on_new=self.new_event)
        self.page = ctk.CTkScrollableFrame(self.content, fg_color="transparent")
        self.events = EventsSection(
            self.page, on_select=p.select_event, on_new=self.new_event,
            on_edit=self.edit_event, on_delete=self.delete_event,
        )
        self.events.pack(fill="x", padx=4, pady=(4, 8))
        self.no_event_label = ctk.CTkLabel(
            self.page, text="Choose an event above, or create one with “New event…”.",
            font=theme.font(14), text_color=theme.COLORS["muted"],
        )
        self.plan_area = ctk.CTkFrame(self.page, fg_color="transparent")
        self.header = HeaderSection(
            self.plan_area, on_transition=p.transition, confirm=self.confirm,
            on_edit=lambda: self.edit_event(p.event_id) if p.event_id else None,
        )
        self.header.pack(fill="x", padx=4, pady=(0, 8))
        self.bake_days_button = ctk.CTkButton(  # issue 14: opens the Bake days view
            self.plan_area, text="Bake days…", width=130, command=self.open_bake_days)
        self.bake_days_button.pack(anchor="e", padx=4, pady=(0, 8))
        self.aids = AidsBar(self.plan_area, p, self)
        self.aids.pack(fill="x", padx=4, pady=(0, 8))
        pair = ctk.CTkFrame(self.plan_area, fg_color="transparent")
        pair.pack(fill="x", padx=4, pady=(0, 8))
        # The recipe list needs the width (variant names are indented); goods are short.
        pair.grid_columnconfigure(0, weight=3, uniform="pair")
        pair.grid_columnconfigure(1, weight=2, uniform="pair")
        self.recipes = RecipesSection(pair, on_toggle=p.toggle_recipe)
        self.recipes.grid(row=0, column=0, sticky="nsew", padx=(0, 4))
        self.goods = GoodsSection(pair, on_quantity=p.set_quantity, on_focus=self.scroll_to)
        self.goods.grid(row=0, column=1, sticky="nsew", padx=(4, 0))
        self.batches = BatchesSection(
            self.plan_area,
            on_choose=lambda rid, n, unit: p.run(decisions.set_batch_decision, rid, n, unit),
            on_clear=lambda rid: p.run(decisions.clear_batch_decision, rid),
            confirm=self.confirm,
        )
        self.batches.pack(fill="x", padx=4, pady=(0, 8))
        self.shopping = ShoppingSection(
            self.plan_area,
            on_export_csv=lambda path: p.export_shopping("csv", path),
            on_export_pdf=lambda path: p.export_shopping("pdf", path),
        )
        self.shopping.pack(fill="x", padx=4, pady=(0, 8))
        self.production = ProductionSection(
            self.plan_area,
            on_record=p.record_production,
            on_amend=p.amend,
            on_preview=p.preview_amendment,
            on_compare=self.fresh_comparison,
        )
        self.production.pack(fill="x", padx=4, pady=(0, 8))
        for section in (self.header, self.recipes, self.goods, self.batches, self.shopping,
                        self.production, self.aids):
            p.add_section(section)
        self._bind_keys()

    def start(self) -> None:
        """Load the events and show the newest one; start watching for changes."""
        self.presenter.load()
        self.watcher.start()

    def reload(self) -> None:
        """Load the events and the shown plan again (the catalog or pantry changed)."""
        self.presenter.plan = None
        self.presenter.load()

    def fresh_comparison(self) -> ComparisonView | str:
        """The snapshot-vs-now comparison of a plan loaded now (not the one shown since
        the last refresh: another computer may have amended it), or why there is none."""
        plan = self.presenter.refresh()
        if plan is None:
            return "The event is no longer there: choose another one."
        if plan.comparison is None:
            return "There is no snapshot to compare with: production has not started."
        return plan.comparison

    # -- PlanningView ----------------------------------------------------------
    def show_events(self, events: Sequence[EventView], selected_id: int | None) -> None:
        self.events.show_events(events, selected_id)
        welcome = not events
        if welcome:
            self.welcome.refresh()
        if welcome == self._showing_welcome:
            return
        self._showing_welcome = welcome
        if welcome:
            self.page.pack_forget()
            self.welcome.pack(fill="both", expand=True)
        else:
            self.welcome.pack_forget()
            self.page.pack(fill="both", expand=True)

    def show_plan(self, plan: PlanView | None) -> None:
        if plan is None:
            self.plan_area.pack_forget()
            self.no_event_label.pack(pady=40)
        elif not self.plan_area.winfo_manager():
            self.no_event_label.pack_forget()
            self.plan_area.pack(fill="x")

    def show_error(self, text: str) -> None:
        self.error_label.configure(text=text)
        if not self.error_bar.winfo_manager():
            self.error_bar.pack(fill="x", padx=4, pady=(4, 0), before=self.content)

    def clear_error(self) -> None:
        if self.error_bar.winfo_manager():
            self.error_bar.pack_forget()
            self.error_label.configure(text="")

    @property
    def error_text(self) -> str:
        return str(self.error_label.cget("text")) if self.error_bar.winfo_manager() else ""

    def show_notice(self, title: str, text: str) -> None:
        self.last_dialog = show_notice(self, title, text)

    def confirm(
        self, title: str, message: str, on_answer: Callable[[bool], None], confirm_text: str = "OK"
    ) -> None:
        """Ask without blocking (the sections' ``confirm`` callback)."""
        self.last_dialog = ask_confirm(self, title, message, on_answer, confirm_text)

    # -- events --------------------------------------------------------------
    def new_event(self) -> None:
        def save(**values) -> dict[str, str]:
            return self.presenter.save_event(None, **values)

        self.last_dialog = EventDialog(self, save)

    def edit_event(self, event_id: int) -> None:
        event = next((e for e in self.presenter.events if e.id == event_id), None)
        if event is None:
            return

        def save(**values) -> dict[str, str]:
            return self.presenter.save_event(event_id, **values)

        self.last_dialog = EventDialog(self, save, event)

    def delete_event(self, event_id: int) -> None:
        question = self.presenter.delete_question(event_id)
        if question is None:
            return

        def answered(yes: bool) -> None:
            if yes:
                self.presenter.delete_event(event_id)

        self.last_dialog = ask_confirm(
            self, "Delete event", question, answered, confirm_text="Delete"
        )

    def open_bake_days(self) -> None:
        from src.ui.planning.bake_days import BakeDaysWindow

        if self.presenter.event_id is not None:
            self.last_dialog = BakeDaysWindow(self, self.presenter.db, self.presenter.event_id)

    def load_demo(self) -> None:
        self.presenter.load_demo()

    def scroll_to(self, widget: tk.Misc) -> None:
        """Scroll the page so ``widget`` (inside it) is visible, e.g. a field reached by Tab."""
        # CTkScrollableFrame keeps its canvas private; it is the only way to scroll it.
        canvas = self.page._parent_canvas
        total = self.page.winfo_height()
        if total <= 1:
            return
        top = widget.winfo_rooty() - self.page.winfo_rooty()
        seen_from = canvas.canvasy(0)
        seen = canvas.winfo_height()
        if seen_from <= top and top + widget.winfo_height() <= seen_from + seen:
            return
        canvas.yview_moveto(max(0.0, (top - seen / 3) / total))

    # -- keyboard ------------------------------------------------------------
    def _bind_keys(self) -> None:
        window = self.winfo_toplevel()
        for sequence in ("<Control-n>", "<Control-N>"):
            window.bind(sequence, self._on_ctrl_n, add="+")
        window.bind("<Delete>", self._on_delete_key, add="+")
        self.undo_controls = UndoControls(self)

    def _active(self) -> bool:
        return bool(self.winfo_ismapped())

    def _on_ctrl_n(self, _event: tk.Event) -> str | None:
        if not self._active():
            return None
        self.new_event()
        return "break"

    def _on_delete_key(self, event: tk.Event) -> str | None:
        # Delete in a text field edits the text; it never deletes an event.
        if not self._active() or isinstance(event.widget, tk.Entry | tk.Text):
            return None
        if self.events.selected_id is not None:
            self.delete_event(self.events.selected_id)
            return "break"
        return None
