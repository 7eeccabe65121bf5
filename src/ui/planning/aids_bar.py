"""The planning aids under the plan header: suggest, clone, optimise, pantry, leftovers.

A section like the others (``show(plan)`` enables what the plan's state
allows); each button opens its own dialog. Mounted by tab.py with one
``AidsBar(plan_area, presenter, view)`` packed below the header.
"""

from __future__ import annotations

import tkinter as tk
from typing import Protocol

import customtkinter as ctk

from src.services.aids import pantry_check
from src.services.aids.dto import CloneResult
from src.services.errors import ServiceError
from src.services.plan.dto import PlanView
from src.ui import theme
from src.ui.planning.clone_dialog import CloneDialog, clone_summary
from src.ui.planning.leftovers_dialog import LeftoversDialog
from src.ui.planning.optimise_dialog import OptimiseDialog
from src.ui.planning.presenter import PlanningPresenter
from src.ui.planning.suggest_dialog import SuggestDialog


class NoticeView(Protocol):
    def show_notice(self, title: str, text: str) -> None: ...
    def show_error(self, text: str) -> None: ...


def pantry_text(check: pantry_check.PantryCheck) -> str:
    parts = []
    if check.covered:
        parts.append("With no shopping at all you can make: " + ", ".join(check.covered) + ".")
        parts.append("Batches: " + ", ".join(f"{n} × {name}" for name, n in check.batches) + ".")
    else:
        parts.append("The pantry alone covers none of the lines.")
    if check.not_covered:
        parts.append("Not covered: " + ", ".join(check.not_covered) + ".")
        parts.append("To make every line, buy: " + ", ".join(
            f"{m.ingredient_name} {m.proposed} {m.unit}" for m in check.missing) + ".")
    return "\n\n".join(parts)


class AidsBar(ctk.CTkFrame):
    def __init__(self, master: tk.Misc, presenter: PlanningPresenter, view: NoticeView,
                 **kwargs: object) -> None:
        kwargs.setdefault("fg_color", "transparent")
        super().__init__(master, **kwargs)
        self.presenter, self.view = presenter, view
        self.plan: PlanView | None = None
        self.last_dialog: ctk.CTkToplevel | None = None
        self.buttons: dict[str, ctk.CTkButton] = {}
        for key, text, command in (
            ("suggest", "Suggest from attendees…", self.open_suggest),
            ("optimise", "Optimise batches…", self.open_optimise),
            ("pantry", "What can I make from my pantry?", self.show_pantry),
            ("clone", "Clone event…", self.open_clone),
            ("leftovers", "Record leftovers…", self.open_leftovers),
        ):
            button = ctk.CTkButton(
                self, text=text, height=28, command=command, fg_color="transparent",
                border_width=1, text_color=theme.COLORS["text"],
                text_color_disabled=theme.COLORS["disabled_text"],
            )
            button.pack(side="left", padx=(0, 8))
            self.buttons[key] = button

    def show(self, plan: PlanView) -> None:
        before = self.plan
        self.plan = plan
        state = plan.event.plan_state
        if (before is not None and before.event.id == plan.event.id
                and before.event.plan_state == "in_production" and state == "completed"
                and plan.goods):
            self.after_idle(self.offer_leftovers)
        enabled = {
            "suggest": plan.event.expected_attendees is not None and state != "completed",
            "optimise": bool(plan.batches),
            "pantry": bool(plan.batches),
            "clone": True,
            "leftovers": state in ("in_production", "completed"),
        }
        for key, button in self.buttons.items():
            button.configure(state="normal" if enabled[key] else "disabled")

    def offer_leftovers(self) -> None:
        """Just completed: ask (optionally) what was left over."""
        from src.ui.dialogs import ask_confirm

        def answered(yes: bool) -> None:
            if yes:
                self.open_leftovers()

        self.last_dialog = ask_confirm(
            self, "Record leftovers?",
            "The event is completed. Record how many of each good were left over? "
            "(Optional: a clone of this event then starts from what was used.)",
            answered, "Record leftovers…", "Not now",
        )

    # -- dialogs ---------------------------------------------------------------
    def _event_id(self) -> int:
        assert self.presenter.event_id is not None
        return self.presenter.event_id

    def open_suggest(self) -> None:
        if self.plan is None:
            return
        services, event_id = self.presenter.services, self._event_id()
        self.last_dialog = SuggestDialog(
            self, lambda: services.suggestions.suggest_quantities(event_id),
            self.presenter.apply_suggestions,
            services.suggestions.set_per_guest,
            can_accept=self.plan.allowed.edit_selection,
        )

    def open_optimise(self) -> None:
        if self.plan is None:
            return
        services, event_id = self.presenter.services, self._event_id()
        self.last_dialog = OptimiseDialog(
            self,
            lambda margin, pantry: services.optimiser.optimise_batches(event_id, margin, pantry),
            self.presenter.apply_optimisation,
            self.presenter.set_pinned,
            can_apply=self.plan.allowed.edit_decisions,
        )

    def show_pantry(self) -> None:
        if self.plan is None:
            return
        try:
            check = self.presenter.services.pantry_check.pantry_check(self._event_id())
        except ServiceError as exc:
            self.view.show_error(exc.message)
            return
        self.view.show_notice("What can I make from my pantry?", pantry_text(check))

    def open_clone(self) -> None:
        if self.plan is None:
            return
        services, source = self.presenter.services, self.plan.event

        def clone(name: str, day: str, attendees: str, scale: bool, used: bool):  # noqa: ANN202
            return services.cloning.clone_event(source.id, name, day, attendees.strip() or None,
                                                scale, used)

        def cloned(result: object) -> None:
            assert isinstance(result, CloneResult)
            self.presenter.load(select_id=result.event.id)
            self.view.show_notice("Event cloned", clone_summary(result))

        self.last_dialog = CloneDialog(self, source, clone, cloned)

    def open_leftovers(self) -> None:
        if self.plan is None:
            return
        services, event_id = self.presenter.services, self._event_id()
        try:
            rows = services.leftovers.event_leftovers(event_id)
        except ServiceError as exc:
            self.view.show_error(exc.message)
            return
        def saved(_rows: object) -> None:
            self.presenter.refresh()

        self.last_dialog = LeftoversDialog(
            self, rows, lambda values: services.leftovers.record_leftovers(event_id, values),
            saved,
        )
