"""The "Bake days" view: the event's schedule as a day-by-day timeline.

One row per baking day; inside it a lane for mixing and one per oven, with a
block per session carrying the recipe's name; today is marked. Above it the
first baking day (editable) and the bakery settings; below it what does not
fit. Self-contained: give it the services and an event id; it calls them and
redraws on ``refresh()``. ``BakeDaysWindow`` shows it on its own.
"""

from __future__ import annotations

import hashlib
import tkinter as tk
from collections.abc import Callable
from datetime import date
from tkinter import filedialog
from typing import Any

import customtkinter as ctk

from src.services.bakedays.dto import DayRow, ScheduleView, SessionRow
from src.services.errors import ServiceError
from src.services.facade import Services, as_services
from src.ui import theme
from src.ui.planning.bakery_dialog import BakeryDialog

LABEL_W = 150  # the day labels and lane names
LANE_H = 22
ROW_GAP = 12
TICKS = 14  # the hour labels above each day
TODAY = "#D03030"
PALETTE = ("#F4C27A", "#9CC9F0", "#B6E0A8", "#F2A7A0", "#D3B8F0", "#F7E08A", "#A8E0D8",
           "#F0B8D8", "#C8D0A0", "#E8C0A0")
ACTION_FILL = {"freeze": "#7FB3E6"}


def recipe_color(name: str) -> str:
    """The same colour for a recipe on every day and every run."""
    digest = hashlib.sha1(name.encode("utf-8")).digest()
    return PALETTE[digest[0] % len(PALETTE)]


def block_text(s: SessionRow) -> str:
    word = {"mix": "mix ", "bake": "", "freeze": "freeze "}[s.action]
    return f"{word}{s.recipe} ×{s.batches}" + (" *" if s.flagged else "")


class Timeline(tk.Canvas):
    """The drawing: rows of lanes on a shared hour scale."""

    def __init__(self, master: tk.Misc, **kwargs: Any) -> None:
        super().__init__(master, highlightthickness=0, background=theme.color("tree_bg"),
                         **kwargs)
        self.view: ScheduleView | None = None
        self.today = date.today()
        self.blocks: list[tuple[date, SessionRow, int]] = []  # (day, session, canvas item)
        self.colors: dict[str, str] = {}  # recipe → fill, distinct by name order
        self.bind("<Configure>", lambda _e: self.draw())

    def show(self, view: ScheduleView | None, today: date) -> None:
        self.view, self.today = view, today
        self.draw()

    def draw(self) -> None:
        """Each day's row spans the full width for that day's hours (an evening of
        4 hours is as readable as a weekend day), with its own hour ticks."""
        self.delete("all")
        self.blocks = []
        view = self.view
        width = max(self.winfo_width(), 400)
        if view is None or not view.days:
            self.create_text(16, 20, anchor="w", font=theme.tk_font(11),
                             fill=theme.color("muted"),
                             text="" if view is None else
                             "Nothing scheduled: see below why." if view.problems else
                             "Nothing to bake: no batch decisions still to bake.")
            self.configure(scrollregion=(0, 0, width, 60))
            return
        names = sorted({s.recipe for d in view.days for s in d.sessions}, key=str.casefold)
        self.colors = {n: PALETTE[i % len(PALETTE)] for i, n in enumerate(names)}
        lanes = 1 + view.ovens
        y: float = 4
        marked = False
        for day in view.days:
            if not marked and day.day >= self.today:
                marked = True
                if day.day > self.today:  # today is no baking day: a line before this row
                    self._today_line(y - 2, width)
            y = self._row(day, y, lanes, width) + ROW_GAP
        if not marked:  # every baking day is past
            self._today_line(y - 2, width)
        self.configure(scrollregion=(0, 0, width, y + 4))

    def _today_line(self, y: float, width: int) -> None:
        self.create_line(0, y, width, y, fill=TODAY, dash=(4, 2), width=2)
        # Left, under the line: free of the hour labels, which sit on the right.
        self.create_text(6, y + 1, anchor="nw", fill=TODAY,
                         text=f"today {self.today:%a %d %b}", font=theme.tk_font(8, "bold"))

    def _row(self, day: DayRow, y: float, lanes: int, width: int) -> float:
        """Draw one day from ``y`` down; returns the row's bottom."""
        text, muted, grid = theme.color("text"), theme.color("muted"), theme.color("border")
        lo, hi = day.start_minute, day.end_minute
        span = width - LABEL_W - 26  # room for the last hour's label

        def x(minute: int) -> float:
            return LABEL_W + (minute - lo) * span / max(1, hi - lo)

        top = y + TICKS
        bottom = top + lanes * LANE_H
        if day.day == self.today:
            self.create_rectangle(1, y, width - 1, bottom + 3, outline=TODAY, width=2,
                                  fill=theme.color("short_bg"))
        self.create_text(6, top + 8, anchor="w", fill=text, font=theme.tk_font(10, "bold"),
                         text=f"{day.day:%a %d %b}")
        self.create_text(6, top + 25, anchor="w", fill=muted, font=theme.tk_font(9),
                         text=f"{day.start}–{day.end}")
        if day.day == self.today:
            self.create_text(6, top + 41, anchor="w", fill=TODAY, text="today",
                             font=theme.tk_font(9, "bold"))
        for hour in range(-(-lo // 60) * 60, hi + 1, 60):
            self.create_line(x(hour), top - 3, x(hour), bottom, fill=grid, dash=(1, 3))
            self.create_text(x(hour), top - 3, anchor="s", text=f"{hour // 60:02d}:00",
                             fill=muted, font=theme.tk_font(8))
        self.create_rectangle(x(lo), top, x(hi), bottom, outline=grid)
        for lane in range(lanes):
            self.create_text(LABEL_W - 4, top + lane * LANE_H + LANE_H / 2, anchor="e",
                             text="mix" if lane == 0 else f"oven {lane}", fill=muted,
                             font=theme.tk_font(8))
        for s in day.sessions:
            lane = s.oven if s.action == "bake" and s.oven else 0
            y0 = top + lane * LANE_H + 2
            x0, x1 = x(s.start_minute), x(min(hi, max(s.end_minute, s.start_minute + 5)))
            item = self.create_rectangle(
                x0, y0, x1, y0 + LANE_H - 4, outline="#555555",
                fill=ACTION_FILL.get(s.action, self.colors.get(s.recipe, recipe_color(s.recipe))),
                dash=(3, 2) if s.action == "mix" else "", tags=("block",))
            self.blocks.append((day.day, s, item))
            label = block_text(s)
            room = int((x1 - x0 - 6) / 6.5)
            if room >= 3:
                shown = label if len(label) <= room else label[: room - 1] + "…"
                self.create_text(x0 + 3, y0 + (LANE_H - 4) / 2, anchor="w", text=shown,
                                 fill="#1A1A1A", font=theme.tk_font(8))
        return bottom


class BakeDaysView(ctk.CTkFrame):
    """The Bake days view for one event (see the module docstring)."""

    def __init__(self, master: tk.Misc, services: Services, event_id: int, *,
                 today: Callable[[], date] = date.today, **kwargs: Any) -> None:
        kwargs.setdefault("fg_color", "transparent")
        super().__init__(master, **kwargs)
        self._services, self.event_id, self._today = as_services(services), event_id, today
        self.view: ScheduleView | None = None
        self.dialog: ctk.CTkToplevel | None = None
        self.title = ctk.CTkLabel(self, text="Bake days", font=theme.section_font(),
                                  anchor="w")
        self.title.pack(fill="x", padx=10, pady=(8, 2))
        bar = ctk.CTkFrame(self, fg_color="transparent")
        bar.pack(fill="x", padx=8, pady=(0, 4))
        ctk.CTkLabel(bar, text="Bake from", font=theme.font(13)).pack(side="left", padx=(2, 6))
        self.first_entry = ctk.CTkEntry(bar, width=110, placeholder_text="YYYY-MM-DD")
        self.first_entry.pack(side="left")
        self.first_button = ctk.CTkButton(bar, text="Set", width=50, command=self.set_first_day)
        self.first_button.pack(side="left", padx=(4, 16))
        ctk.CTkButton(bar, text="Bakery settings…", width=140,
                      command=self.open_settings).pack(side="left")
        self.refresh_button = ctk.CTkButton(bar, text="Refresh", width=80,
                                            command=self.refresh)
        self.refresh_button.pack(side="right", padx=(8, 0))
        for kind, label in (("pdf", "Print (PDF)…"), ("ics", "Calendar (.ics)…")):
            ctk.CTkButton(bar, text=label, width=120,
                          command=lambda k=kind: self.ask_and_export(k)).pack(
                side="right", padx=(8, 0))
        self.summary = ctk.CTkLabel(self, text="", anchor="w", justify="left",
                                    font=theme.font(13))
        self.summary.pack(fill="x", padx=10)
        # Packed before the timeline, at the bottom: every line of why something does
        # not fit stays on screen however little room the timeline leaves.
        self.problems = ctk.CTkLabel(self, text="", anchor="w", justify="left",
                                     text_color=theme.COLORS["short_fg"], wraplength=1000,
                                     font=theme.font(12))
        self.problems.pack(side="bottom", fill="x", padx=10, pady=(0, 8))
        box = ctk.CTkFrame(self, fg_color="transparent")
        box.pack(fill="both", expand=True, padx=8, pady=4)
        self.timeline = Timeline(box, height=360)
        bar_y = ctk.CTkScrollbar(box, command=self.timeline.yview)
        self.timeline.configure(yscrollcommand=bar_y.set)
        bar_y.pack(side="right", fill="y")
        self.timeline.pack(side="left", fill="both", expand=True)
        self.refresh()

    def show_event(self, event_id: int) -> None:
        """Show another event's bake days (as a sub-view that follows the chosen event)."""
        self.event_id = event_id
        self.refresh()

    def refresh(self) -> None:
        """Read the schedule again (after batches, timing or settings changed)."""
        try:
            view = self._services.schedule.get_schedule(self.event_id)
        except ServiceError as exc:
            self.view = None
            self.summary.configure(text=exc.message)
            self.timeline.show(None, self._today())
            return
        self.view = view
        self.title.configure(text=f"Bake days — {view.event.name}")
        self.first_entry.delete(0, "end")
        self.first_entry.insert(0, view.first_day.isoformat())
        baked = sum(s.batches for d in view.days for s in d.sessions if s.action == "bake")
        ovens = "1 oven" if view.ovens == 1 else f"{view.ovens} ovens"
        state = "everything fits" if view.feasible else "does not all fit"
        self.summary.configure(
            text=f"{view.event.event_date:%A %d %B %Y} · {baked} batches on "
                 f"{len(view.days)} days · {ovens} · {state}"
                 + (" · baking from two weeks before (default)" if view.first_day_is_default
                    else ""))
        lines = list(view.problems) + [f"* {n}" for n in view.notes]
        self.problems.configure(text="\n".join(lines))
        self.timeline.show(view, self._today())

    def ask_and_export(self, kind: str) -> None:
        """Ask where to save ("ics" or "pdf"), then write it."""
        if self.view is None:
            return
        extension = ".ics" if kind == "ics" else ".pdf"
        path = filedialog.asksaveasfilename(
            title="Save the bake days as " + ("a calendar file" if kind == "ics" else "PDF"),
            defaultextension=extension,
            initialfile=f"Bake days - {self.view.event.name}{extension}",
            filetypes=[("Calendar" if kind == "ics" else "PDF", f"*{extension}"),
                       ("All files", "*")])
        if path:
            self.export(kind, path)

    def export(self, kind: str, path: str) -> str | None:
        """Write the shown schedule to ``path`` as "ics" (one calendar entry per
        session) or "pdf" (a page per day). None when written, else the problem,
        which is also shown."""
        if self.view is None:
            return "Nothing to export"
        # Imported here: the PDF and calendar libraries are slow to import.
        from src.reports.schedule_ics import write_schedule_ics
        from src.reports.schedule_pdf import write_schedule_pdf

        try:
            (write_schedule_ics if kind == "ics" else write_schedule_pdf)(self.view, path)
        except OSError as exc:
            problem = f"Could not write {path}: {exc.strerror or exc}"
            self.summary.configure(text=problem)
            return problem
        return None

    def set_first_day(self) -> None:
        try:
            self._services.bakery_settings.set_first_baking_day(self.event_id,
                                                                self.first_entry.get())
        except ServiceError as exc:
            self.summary.configure(text=exc.message)
            return
        self.refresh()

    def open_settings(self) -> None:
        self.dialog = BakeryDialog(self, self._services, on_saved=lambda _v: self.refresh())


class BakeDaysWindow(ctk.CTkToplevel):
    """The view in its own window, sized to fit a 1366 × 768 screen."""

    def __init__(self, master: tk.Misc, services: Services, event_id: int,
                 **kwargs: Any) -> None:
        super().__init__(master.winfo_toplevel())
        self.title("Bake days")
        owner = master.winfo_toplevel()
        self.geometry(f"1200x660+{owner.winfo_rootx() + 40}+{owner.winfo_rooty() + 30}")
        self.view = BakeDaysView(self, services, event_id, **kwargs)
        self.view.pack(fill="both", expand=True)
