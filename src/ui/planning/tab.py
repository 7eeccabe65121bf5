"""The planning tab: events as a side list, the chosen plan in sub-views.

This is the view the presenter talks to (show_events, show_plan, show_error,
show_notice) and the one place the layout is built; the sub-views and their
order are ``views.VIEWS`` (one line per view). There is no Save or Refresh
button: every change is saved by its own service call and every section is
updated from the one refreshed plan.
"""

from __future__ import annotations

import tkinter as tk
from collections.abc import Callable, Sequence

import customtkinter as ctk

from src.services.facade import Services
from src.services.plan.dto import ComparisonView, PlanView
from src.services.plan.events import EventView
from src.ui import theme
from src.ui.dialogs import ask_confirm, show_notice
from src.ui.keyboard import make_buttons_focusable
from src.ui.planning.aids_bar import AidsBar
from src.ui.planning.assembly_section import AssemblySection
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
from src.ui.planning.subviews import SubViewBar
from src.ui.planning.undo_keys import UndoControls
from src.ui.planning.views import VIEWS

SIDE_WIDTH = 300  # the events side list


class PlanningTab(ctk.CTkFrame):
    """The planning tab on ``services``. Call ``start()`` once it is laid out.

    Events are a side list; the chosen event's header sits over a bar of
    sub-views (``views.VIEWS``: Plan, Shopping, Assembly, Production, …), so
    nothing needs the page to scroll on a 1366×768 screen."""

    def __init__(self, master: tk.Misc, services: Services, **kwargs) -> None:
        kwargs.setdefault("fg_color", "transparent")
        super().__init__(master, **kwargs)
        # Refreshes after an edit run once the editing widget's handler has returned.
        self.presenter = PlanningPresenter(services, self, defer=self.after_idle)
        self.last_dialog: ctk.CTkToplevel | None = None
        self._showing_welcome: bool | None = None
        self._shown_key: tuple[int, str] | None = None
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
        # the welcome or the page (events on the left, the plan on the right).
        self.content = ctk.CTkFrame(self, fg_color="transparent")
        self.content.pack(fill="both", expand=True)
        # Changes saved by another window or computer: polled, then shown with a notice.
        self.watcher = ChangeWatcher(self, p.poll, before=self.content)
        self.welcome = WelcomeGuide(self.content, p.services, on_demo=self.load_demo,
                                    on_new=self.new_event)
        self.page = ctk.CTkFrame(self.content, fg_color="transparent")
        self.page.grid_columnconfigure(0, weight=0, minsize=SIDE_WIDTH)
        self.page.grid_columnconfigure(1, weight=1)
        self.page.grid_rowconfigure(0, weight=1)
        self.events = EventsSection(
            self.page, on_select=p.select_event, on_new=self.new_event,
            on_edit=self.edit_event, on_delete=self.delete_event, width=SIDE_WIDTH,
        )
        self.events.grid(row=0, column=0, sticky="nsew", padx=(0, 8))
        self.plan_side = ctk.CTkFrame(self.page, fg_color="transparent")
        self.plan_side.grid(row=0, column=1, sticky="nsew")
        self.no_event_label = ctk.CTkLabel(
            self.plan_side, text="Choose an event on the left, or create one with “New event…”.",
            font=theme.font(14), text_color=theme.COLORS["muted"],
        )
        self.plan_area = ctk.CTkFrame(self.plan_side, fg_color="transparent")
        self.header = HeaderSection(
            self.plan_area, on_transition=p.transition, confirm=self.confirm,
            on_edit=lambda: self.edit_event(p.event_id) if p.event_id else None,
        )
        self.header.pack(fill="x", pady=(0, 4))
        p.add_section(self.header)
        self.bar = SubViewBar(self.plan_area, self, VIEWS, on_built=self._view_built)
        self.bar.pack(fill="both", expand=True)
        make_buttons_focusable(self)
        self._bind_keys()

    def _view_built(self, view: object) -> None:
        """A sub-view was just built: it gets the plan from now on, and keyboard access."""
        if hasattr(view, "show"):
            self.presenter.add_section(view)
        if isinstance(view, tk.Misc):
            make_buttons_focusable(view)

    # The built-in sections, by the names the rest of the code and the tests use
    # (asking for one builds its view if it has not been shown yet).
    @property
    def recipes(self) -> RecipesSection:
        return self.bar.view("plan").recipes

    @property
    def goods(self) -> GoodsSection:
        return self.bar.view("plan").goods

    @property
    def batches(self) -> BatchesSection:
        return self.bar.view("plan").batches

    @property
    def aids(self) -> AidsBar:
        return self.bar.view("plan").aids

    @property
    def shopping(self) -> ShoppingSection:
        return self.bar.view("shopping")

    @property
    def assembly(self) -> AssemblySection:
        return self.bar.view("assembly")

    @property
    def production(self) -> ProductionSection:
        return self.bar.view("production").section

    def show_view(self, key: str) -> None:
        """Show the sub-view ``key`` ("plan", "shopping", "assembly", "production", …)."""
        self.bar.show_view(key)

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
            self._shown_key = None
            self.plan_area.pack_forget()
            if not self.no_event_label.winfo_manager():
                self.no_event_label.pack(pady=40)
            return
        if not self.plan_area.winfo_manager():
            self.no_event_label.pack_forget()
            self.plan_area.pack(fill="both", expand=True)
        # A newly opened event, or one whose state changed, opens on its lead view
        # (Production while baking); otherwise the baker stays where they are.
        key = (plan.event.id, plan.event.plan_state)
        if key != self._shown_key:
            self._shown_key = key
            self.bar.show_view(self.bar.lead_view(plan.event.plan_state))

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

    def load_demo(self) -> None:
        self.presenter.load_demo()

    # -- keyboard ------------------------------------------------------------
    def _bind_keys(self) -> None:
        window = self.winfo_toplevel()
        for sequence in ("<Control-n>", "<Control-N>"):
            window.bind(sequence, self._on_ctrl_n, add="+")
        window.bind("<Delete>", self._on_delete_key, add="+")
        self.undo_controls = UndoControls(self)
        for digit in range(1, 10):
            window.bind(f"<Control-Key-{digit}>", self._on_ctrl_digit, add="+")

    def _active(self) -> bool:
        return bool(self.winfo_ismapped())

    def _on_ctrl_n(self, _event: tk.Event) -> str | None:
        if not self._active():
            return None
        self.new_event()
        return "break"

    def _on_ctrl_digit(self, event: tk.Event) -> str | None:
        """Ctrl+1 … Ctrl+9 show the first … ninth sub-view."""
        if not self._active() or not self.plan_area.winfo_ismapped():
            return None
        return "break" if self.bar.show_nth(int(event.keysym) - 1) else None

    def _on_delete_key(self, event: tk.Event) -> str | None:
        # Delete in a text field edits the text; it never deletes an event.
        if not self._active() or isinstance(event.widget, tk.Entry | tk.Text):
            return None
        if self.events.selected_id is not None:
            self.delete_event(self.events.selected_id)
            return "break"
        return None
