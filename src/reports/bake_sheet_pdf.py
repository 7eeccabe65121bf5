"""The bake sheet PDF: per recipe the batches and scaled ingredient lines,
then the assembly list per bundle, then (given the plan's costs) what the
batches, each event line and the whole event cost."""

from __future__ import annotations

import os

from src.services.bakedays.dto import ScheduleView
from src.services.plan.bake_sheet import BakeSheetView
from src.services.plan.cost_dto import CostsView

from .pdf_common import DEJAVU_DIR, Printout
from .schedule_pdf import add_schedule_pages

_LINE_WIDTHS = [95, 30, 25]


def _costs(pdf: Printout, costs: CostsView) -> None:
    pdf.heading(f"Costs — ingredients for the event: {costs.event.text}")
    for good in costs.goods:
        each = f" ({good.each.text} each)" if good.each.known else ""
        pdf.row([f"{good.good} × {good.quantity}", f"{good.line.text}{each}"], [70, 110])


def bake_sheet_pdf(sheet: BakeSheetView, *, font_dir=DEJAVU_DIR,
                   schedule: ScheduleView | None = None,
                   costs: CostsView | None = None) -> Printout:
    """The bake sheet printout, ready to save; with ``costs``, what the event's
    ingredients cost; with ``schedule``, one page per baking day follows (what to
    mix, bake and freeze)."""
    event = sheet.event
    pdf = Printout(f"Bake sheet — {event.name}", font_dir)
    pdf.title_block(f"Bake sheet — {event.name}",
                    f"{event.event_date.isoformat()} · plan {event.plan_state.replace('_', ' ')}")
    pdf.heading("Bake")
    if not sheet.recipes:
        pdf.line_text("No batch decisions yet.")
    for recipe in sheet.recipes:
        word = "batch" if recipe.batches == 1 else "batches"
        title = f"{recipe.recipe} — {recipe.batches} {word}"
        if recipe.baked:
            title += f" ({recipe.baked} baked, {recipe.remaining} to go)"
        pdf.heading(title, size=10)
        if recipe.yields:
            pdf.line_text("Makes " + "; ".join(recipe.yields), size=8)
        cost = costs.batch(recipe.recipe_id) if costs is not None else None
        if cost is not None:
            pdf.line_text(f"Cost: {cost.per_batch.text} a batch", size=8)
        for line in recipe.lines:
            pdf.row([line.ingredient, line.quantity_text, line.unit], _LINE_WIDTHS,
                    right=frozenset({1}))
        pdf.ln(2)
    pdf.heading("Assemble")
    if not sheet.assembly:
        pdf.line_text("Nothing to assemble.")
    for bundle in sheet.assembly:
        pdf.heading(f"{bundle.good} × {bundle.quantity}", size=10)
        for part in bundle.parts:
            pdf.row([f"{part.per_good} × {part.name}", f"{part.total} in all"], [95, 30],
                    right=frozenset({1}))
        pdf.ln(2)
    if costs is not None:
        _costs(pdf, costs)
    if schedule is not None:
        add_schedule_pages(pdf, schedule)
    return pdf


def write_bake_sheet_pdf(sheet: BakeSheetView, path: str | os.PathLike[str],
                         schedule: ScheduleView | None = None,
                         costs: CostsView | None = None) -> None:
    """Write the bake sheet PDF to ``path``; OSError when it cannot be written."""
    bake_sheet_pdf(sheet, schedule=schedule, costs=costs).save(path)
