"""The plan header: the event's details, its state badge and the state transitions."""

from __future__ import annotations

import tkinter as tk
from collections.abc import Callable

import customtkinter as ctk

from src.services.plan.dto import PlanView
from src.ui import theme
from src.ui.wording import count_of

from .cost_text import event_cost_text

# confirm(title, message, on_answer, confirm_text)
ConfirmCallback = Callable[[str, str, Callable[[bool], None], str], None]

STATE_TEXT = {
    "draft": "DRAFT",
    "locked": "LOCKED",
    "in_production": "IN PRODUCTION",
    "completed": "COMPLETED",
}
NOTES_SHOWN = 24  # characters of the notes beside the date and cost (all of them: Edit details)
NAME_SHOWN = 34  # characters of the event's name beside its state and the transitions
# transition -> button text, in the order the plan moves through them
BUTTONS: dict[str, str] = {
    "lock": "Lock plan",
    "unlock": "Unlock",
    "start_production": "Start production",
    "complete": "Complete",
}


def details_text(plan: PlanView) -> str:
    """"Sunday 20 December 2026 · 50 attendees · ingredients $148.20" (attendees
    left out when unknown, the cost when nothing is planned)."""
    event = plan.event
    day = event.event_date
    text = f"{day:%A} {day.day} {day:%B %Y}"
    if event.expected_attendees is not None:
        n = event.expected_attendees
        text += f" · {count_of(n, 'attendee')}"
    return text + event_cost_text(plan)


def transition_question(plan: PlanView, transition: str) -> tuple[str, str]:
    """(title, message) of the confirmation for ``transition``: what it does."""
    name = plan.event.name
    if transition == "lock":
        return (
            "Lock the plan",
            f'Lock the plan for "{name}"?\n\nRecipes and quantities are frozen; batch '
            "decisions and the event's details stay editable. You can unlock it again.",
        )
    if transition == "unlock":
        return (
            "Unlock the plan",
            f'Unlock the plan for "{name}"?\n\nIt goes back to draft, so recipes and '
            "quantities can change again.",
        )
    if transition == "start_production":
        undecided = len(plan.undecided)
        warning = ""
        if undecided > 0:
            warning = (
                f"\n\nNote: {undecided} recipe{'s have' if undecided != 1 else ' has'} "
                "no batch decision yet."
            )
        elif not plan.complete:
            warning = "\n\nNote: some batch decisions are stale (quantities changed)."
        return (
            "Start production",
            f'Start production for "{name}"?\n\nThe plan as it is now is saved as a '
            "snapshot. From then on recipes, quantities and batches change only through "
            f"amendments with a reason, and baked batches can be recorded.{warning}",
        )
    return (
        "Complete the plan",
        f'Mark "{name}" as completed?\n\nThe plan becomes read-only. This cannot be undone.',
    )


def notes_line(notes: str, limit: int = NOTES_SHOWN) -> str:
    """``notes`` (or a name) on one line, cut at ``limit`` characters ("…" when cut)."""
    line = " ".join(notes.split())
    return line if len(line) <= limit else line[: limit - 1].rstrip() + "…"


class HeaderSection(ctk.CTkFrame):
    """Name, date, attendees, state badge, what the state allows, and the transition
    buttons — each enabled only when ``plan.allowed.transitions`` lists it and each
    confirmed with ``confirm(title, message, on_answer, confirm_text)`` before
    ``on_transition(name)``."""

    def __init__(
        self,
        master: tk.Misc,
        *,
        on_transition: Callable[[str], None],
        confirm: ConfirmCallback,
        on_edit: Callable[[], None] | None = None,
        **kwargs,
    ) -> None:
        kwargs.setdefault("fg_color", theme.COLORS["section"])
        super().__init__(master, **kwargs)
        self._on_transition = on_transition
        self._confirm = confirm
        self._plan: PlanView | None = None
        self._shown: tuple | None = None

        # Three short lines: name, state and the transitions; date, notes and "Edit
        # details…"; what the state allows (the plan under it needs the height).
        top = ctk.CTkFrame(self, fg_color="transparent")
        top.pack(fill="x", padx=12, pady=(8, 0))
        self.name_label = ctk.CTkLabel(top, text="", font=theme.title_font(), anchor="w")
        self.badge = ctk.CTkLabel(
            top, text="", font=theme.font(12, "bold"), corner_radius=10, height=24, padx=10
        )
        self.buttons: dict[str, ctk.CTkButton] = {}
        for transition in reversed(tuple(BUTTONS)):
            button = ctk.CTkButton(
                top, text=BUTTONS[transition], width=112, height=28,
                command=lambda t=transition: self.request(t),
                text_color_disabled=theme.COLORS["disabled_text"],
            )
            button.pack(side="right", padx=(8, 0))
            self.buttons[transition] = button
        # Tab goes through the transitions in the order the plan moves.
        for button in self.buttons.values():
            button.lift()
        # Packed after the buttons: a long name is cut, never the buttons.
        self.badge.pack(side="left", padx=(12, 0))
        self.name_label.pack(side="left", before=self.badge)
        second = ctk.CTkFrame(self, fg_color="transparent")
        second.pack(fill="x", padx=12, pady=(2, 0))
        self.details_label = ctk.CTkLabel(second, text="", font=theme.font(13), anchor="w")
        self.details_label.pack(side="left")
        if on_edit is not None:
            self.edit_button = ctk.CTkButton(
                second, text="Edit details…", width=110, height=26, command=on_edit,
                fg_color="transparent", border_width=1, text_color=theme.COLORS["text"],
            )
            self.edit_button.pack(side="right", padx=(8, 0))
        self.notes_label = ctk.CTkLabel(
            second, text="", font=theme.font(12), anchor="w", text_color=theme.COLORS["muted"],
        )
        self.notes_label.pack(side="left", padx=(12, 0))
        self.allows_label = ctk.CTkLabel(
            self, text="", font=theme.font(12), anchor="w", justify="left",
            text_color=theme.COLORS["muted"], wraplength=900,
        )
        self.allows_label.pack(fill="x", padx=12, pady=(0, 6))

    def show(self, plan: PlanView) -> None:
        """Show the event's details and enable exactly the allowed transitions."""
        self._plan = plan
        event, allowed = plan.event, plan.allowed
        shown = (event, allowed.transitions, allowed.explanation, allowed.edit_details)
        if shown == self._shown:
            return
        self._shown = shown
        self.name_label.configure(text=notes_line(event.name, NAME_SHOWN))
        bg, fg = theme.STATE_BADGES.get(event.plan_state, ("surface", "text"))
        self.badge.configure(
            text=STATE_TEXT.get(event.plan_state, event.plan_state.upper()),
            fg_color=theme.COLORS[bg], text_color=theme.COLORS[fg],
        )
        self.details_label.configure(text=details_text(plan))
        self.notes_label.configure(text=notes_line(event.notes))
        self.allows_label.configure(text=allowed.explanation)
        for transition, button in self.buttons.items():
            enabled = transition in allowed.transitions
            # A disabled CTk button keeps its blue; grey it so it does not read as a choice.
            button.configure(
                state="normal" if enabled else "disabled",
                fg_color=theme.COLORS["accent"] if enabled else theme.COLORS["button_off"],
            )
        if hasattr(self, "edit_button"):
            self.edit_button.configure(state="normal" if allowed.edit_details else "disabled")

    def enabled_transitions(self) -> list[str]:
        """The transitions whose buttons are enabled now."""
        return [t for t in BUTTONS if self.buttons[t].cget("state") == "normal"]

    def request(self, transition: str) -> None:
        """Ask for confirmation, then perform ``transition``; Cancel changes nothing."""
        plan = self._plan
        if plan is None or transition not in plan.allowed.transitions:
            return
        title, message = transition_question(plan, transition)

        def answered(yes: bool) -> None:
            if yes:
                self._on_transition(transition)

        self._confirm(title, message, answered, BUTTONS[transition])
