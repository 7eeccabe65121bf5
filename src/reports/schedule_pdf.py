"""Bake days in print: one page per baking day with what to mix, bake and freeze
(and a page for what does not fit). Also added to the bake sheet."""

from __future__ import annotations

import os
from pathlib import Path

from src.services.bakedays.dto import DayRow, ScheduleView

from .pdf_common import DEJAVU_DIR, Printout

_WIDTHS: list[float] = [28, 100, 22, 30]
_SECTIONS = (("mix", "Mix"), ("bake", "Bake"), ("freeze", "Freeze"))


def _day_page(pdf: Printout, view: ScheduleView, day: DayRow) -> None:
    pdf.add_page()
    pdf.title_block(f"{day.day.strftime('%A')} {day.day.isoformat()}",
                    f"Bake days — {view.event.name} ({view.event.event_date.isoformat()}) · "
                    f"baking {day.start}–{day.end}")
    for action, title in _SECTIONS:
        rows = [s for s in day.sessions if s.action == action]
        if not rows:
            continue
        pdf.heading(title)
        pdf.row(["time", "recipe", "batches", "oven" if action == "bake" else ""], _WIDTHS,
                bold=True, right=frozenset({2}))
        for s in rows:
            pdf.row([f"{s.start}–{s.end}", s.recipe + (" *" if s.flagged else ""),
                     str(s.batches), f"oven {s.oven}" if s.oven is not None else ""],
                    _WIDTHS, right=frozenset({2}))
        pdf.ln(3)
    if any(s.flagged for s in day.sessions):
        pdf.line_text("* no timing set for this recipe: scheduled with default times", size=8)


def add_schedule_pages(pdf: Printout, view: ScheduleView) -> None:
    """One page per baking day, then what does not fit (if anything)."""
    for day in view.days:
        _day_page(pdf, view, day)
    if view.problems or view.notes:
        pdf.add_page()
        pdf.heading("Bake days: does not fit" if view.problems else "Bake days: notes")
        for text in view.problems + view.notes:
            pdf.line_text(text)


def schedule_pdf(view: ScheduleView, *, font_dir: Path | None = DEJAVU_DIR) -> Printout:
    pdf = Printout(f"Bake days — {view.event.name}", font_dir)
    ovens = "1 oven" if view.ovens == 1 else f"{view.ovens} ovens"
    pdf.title_block(f"Bake days — {view.event.name}",
                    f"{view.event.event_date.isoformat()} · baking from "
                    f"{view.first_day.isoformat()} · {ovens}")
    if not view.days:
        pdf.line_text("Nothing scheduled: see below why." if view.problems
                      else "Nothing to bake.")
    for day in view.days:
        bakes = sum(s.batches for s in day.sessions if s.action == "bake")
        pdf.line_text(f"{day.day.strftime('%a')} {day.day.isoformat()}: {bakes} "
                      f"batch{'es' if bakes != 1 else ''} to bake", size=10)
    add_schedule_pages(pdf, view)
    return pdf


def write_schedule_pdf(view: ScheduleView, path: str | os.PathLike[str]) -> None:
    """Write the bake-days PDF to ``path``; OSError when it cannot be written."""
    schedule_pdf(view).save(path)
