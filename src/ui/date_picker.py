"""A small month calendar that pops up under a date field (plain Tk widgets).

Built from tk.Label cells rather than tkcalendar: tkcalendar is a ttk widget
with its own styling, is not themed like customtkinter, and would be one more
dependency for ~100 lines; forty-two tk labels build in a few milliseconds.
Non-blocking: ``on_pick(date)`` is called with the clicked day and the popup
closes; ✕, Escape, "Pick…" again or closing the dialog close it without a pick.
"""

from __future__ import annotations

import calendar
import tkinter as tk
from collections.abc import Callable
from datetime import date

from src.ui import theme

_WEEK_HEAD = ("Mo", "Tu", "We", "Th", "Fr", "Sa", "Su")


def _shift_month(year: int, month: int, step: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + step
    return index // 12, index % 12 + 1


class DatePicker(tk.Toplevel):
    """A month grid starting on ``shown`` (default today), ``selected`` highlighted."""

    def __init__(
        self,
        anchor: tk.Misc,
        on_pick: Callable[[date], None],
        selected: date | None = None,
        today: date | None = None,
    ) -> None:
        super().__init__(anchor)
        self.withdraw()
        self.overrideredirect(True)
        self._on_pick = on_pick
        self._today = today or date.today()
        self._selected = selected
        start = selected or self._today
        self.year, self.month = start.year, start.month
        bg = theme.color("tree_bg")
        self.configure(bg=theme.color("border"), padx=1, pady=1)
        self.inner = tk.Frame(self, bg=bg, padx=6, pady=6)
        self.inner.pack()
        head = tk.Frame(self.inner, bg=bg)
        head.grid(row=0, column=0, columnspan=7, sticky="ew")
        self.prev_button = tk.Button(head, text="‹", width=2, relief="flat", bg=bg,
                                     command=lambda: self.show_month(-1))
        self.prev_button.pack(side="left")
        self.next_button = tk.Button(head, text="›", width=2, relief="flat", bg=bg,
                                     command=lambda: self.show_month(1))
        self.close_button = tk.Button(head, text="✕", width=2, relief="flat", bg=bg,
                                      command=self.close)
        self.close_button.pack(side="right")
        self.next_button.pack(side="right")
        self.title_label = tk.Label(head, bg=bg, font=theme.tk_font(11, "bold"),
                                    fg=theme.color("text"))
        self.title_label.pack(side="top")
        for col, name in enumerate(_WEEK_HEAD):
            tk.Label(self.inner, text=name, bg=bg, fg=theme.color("muted"), width=3,
                     font=theme.tk_font(10)).grid(row=1, column=col)
        self.cells: list[tk.Label] = []
        for index in range(42):
            cell = tk.Label(self.inner, width=3, bg=bg, font=theme.tk_font(11), cursor="hand2")
            cell.grid(row=2 + index // 7, column=index % 7, padx=1, pady=1)
            cell.bind("<Button-1>", self._clicker(index))
            self.cells.append(cell)
        self.days: list[date | None] = [None] * 42
        self.bind("<Escape>", lambda _e: self.close())
        self._render()
        self.update_idletasks()
        x, y = anchor.winfo_rootx(), anchor.winfo_rooty() + anchor.winfo_height() + 2
        self.geometry(f"+{x}+{y}")
        self.deiconify()
        self.lift()
        self.focus_force()

    def show_month(self, step: int) -> None:
        """Move ``step`` months forward (negative: back)."""
        self.year, self.month = _shift_month(self.year, self.month, step)
        self._render()

    def _render(self) -> None:
        self.title_label.configure(text=f"{calendar.month_name[self.month]} {self.year}")
        weeks = calendar.Calendar(firstweekday=0).monthdatescalendar(self.year, self.month)
        flat = [d for week in weeks for d in week]
        bg, text = theme.color("tree_bg"), theme.color("text")
        for index, cell in enumerate(self.cells):
            day = flat[index] if index < len(flat) else None
            shown = day if day is not None and day.month == self.month else None
            self.days[index] = shown
            if shown is None:
                cell.configure(text="", bg=bg)
                continue
            chosen = day == self._selected
            cell.configure(
                text=str(shown.day),
                bg=theme.color("accent") if chosen else bg,
                fg=theme.color("accent_text") if chosen else text,
                relief="solid" if day == self._today else "flat",
                borderwidth=1 if day == self._today else 0,
            )

    def day_cell(self, day: date) -> tk.Label | None:
        """The cell showing ``day`` in the current month, if it is shown (tests)."""
        for cell, shown in zip(self.cells, self.days, strict=True):
            if shown == day:
                return cell
        return None

    def pick(self, day: date) -> None:
        self.close()
        self._on_pick(day)

    def _clicker(self, index: int) -> Callable[[object], None]:
        """The click handler of the cell at ``index``."""
        return lambda _event: self._click(index)

    def _click(self, index: int) -> None:
        day = self.days[index]
        if day is not None:
            self.pick(day)

    def close(self) -> None:
        if self.winfo_exists():
            self.destroy()
