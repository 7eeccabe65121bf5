"""Notices changes another window or computer saved, every couple of seconds.

While the planning tab is on screen, ``ChangeWatcher`` asks the presenter to
poll (one cheap query, ``plan_watch.plan_version``); when something changed,
the presenter reloads the plan (fields the baker is typing in keep their
text) and the watcher shows the notice in a bar above the page until it is
dismissed or replaced by the next one. A hidden tab is not polled: it reloads when shown.
"""

from __future__ import annotations

import tkinter as tk
from collections.abc import Callable

import customtkinter as ctk

from src.ui import theme

POLL_MS = 2000


class ChangeWatcher:
    """Polls ``poll()`` every ``interval_ms`` while ``owner`` is mapped and shows the
    text it returns in a notice bar packed into ``owner`` above ``before``."""

    def __init__(self, owner: tk.Misc, poll: Callable[[], str | None], *, before: tk.Misc,
                 interval_ms: int = POLL_MS) -> None:
        self.owner = owner
        self.poll = poll
        self.before = before
        self.interval_ms = interval_ms
        self._job: str | None = None
        self.bar = ctk.CTkFrame(owner, fg_color=theme.COLORS["exact_bg"], corner_radius=6)
        self.label = ctk.CTkLabel(
            self.bar, text="", text_color=theme.COLORS["exact_fg"], anchor="w",
            justify="left", wraplength=1100, font=theme.font(13),
        )
        self.label.pack(side="left", fill="x", expand=True, padx=10, pady=4)
        ctk.CTkButton(
            self.bar, text="Dismiss", width=70, height=24, command=self.hide,
            fg_color="transparent", border_width=1, text_color=theme.COLORS["exact_fg"],
        ).pack(side="right", padx=8)

    def start(self) -> None:
        if self._job is None:
            self._job = self.owner.after(self.interval_ms, self._tick)

    def stop(self) -> None:
        if self._job is not None:
            self.owner.after_cancel(self._job)
            self._job = None

    def _tick(self) -> None:
        self._job = None
        try:
            self.check_now()
        finally:
            if self.owner.winfo_exists():
                self._job = self.owner.after(self.interval_ms, self._tick)

    def check_now(self) -> str | None:
        """Poll once (when the owner is on screen); the notice shown, if any."""
        if not self.owner.winfo_ismapped():
            return None
        text = self.poll()
        if text:
            self.show(text)
        return text

    def show(self, text: str) -> None:
        self.label.configure(text=text)
        if not self.bar.winfo_manager():
            self.bar.pack(fill="x", padx=4, pady=(4, 0), before=self.before)

    def hide(self) -> None:
        if self.bar.winfo_manager():
            self.bar.pack_forget()
            self.label.configure(text="")

    @property
    def text(self) -> str:
        return str(self.label.cget("text")) if self.bar.winfo_manager() else ""
