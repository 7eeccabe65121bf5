"""The ``schedule --json`` report of EXCHANGE.md ("Version 2 additions") and the
same schedule as text for the terminal."""

from __future__ import annotations

from typing import Any

from src.services.bakedays.dto import ScheduleView, SessionRow

ACTION_WORDS = {"mix": "Mix", "bake": "Bake", "freeze": "Freeze"}


def schedule_report(view: ScheduleView) -> dict[str, Any]:
    """``{"event", "feasible", "days": [{"date", "sessions": [...]}], "problems"}``;
    ``problems`` lists what did not fit, then the recipes scheduled with default
    timing."""
    event = view.event
    return {
        "event": {
            "name": event.name,
            "date": event.event_date.isoformat(),
            "plan_state": event.plan_state,
            "expected_attendees": event.expected_attendees,
        },
        "feasible": view.feasible,
        "days": [
            {"date": day.day.isoformat(),
             "sessions": [
                 {"start": s.start, "end": s.end, "oven": s.oven, "recipe": s.recipe,
                  "batches": s.batches, "action": s.action}
                 for s in day.sessions]}
            for day in view.days
        ],
        "problems": list(view.problems) + list(view.notes),
    }


def session_text(s: SessionRow) -> str:
    """ "18:00–18:48  Bake   Gingerbread Dough × 2 (oven 1)"."""
    word = "batch" if s.batches == 1 else "batches"
    where = f" (oven {s.oven})" if s.oven is not None else ""
    flag = " *" if s.flagged else ""
    return (f"{s.start}–{s.end}  {ACTION_WORDS[s.action]:<6} {s.recipe}, "
            f"{s.batches} {word}{where}{flag}")


def schedule_text(view: ScheduleView) -> str:
    event = view.event
    ovens = "1 oven" if view.ovens == 1 else f"{view.ovens} ovens"
    lines = [f"Bake days — {event.name} ({event.event_date.isoformat()})",
             f"Baking from {view.first_day.isoformat()}"
             + (" (default: two weeks before)" if view.first_day_is_default else "")
             + f", {ovens}", ""]
    if not view.days:
        lines.append("Nothing scheduled: see below why." if view.problems else "Nothing to bake.")
    for day in view.days:
        lines.append(f"{day.day.strftime('%a')} {day.day.isoformat()}  ({day.start}–{day.end})")
        lines.extend("  " + session_text(s) for s in day.sessions)
        lines.append("")
    if view.problems:
        lines.append("Does not fit:")
        lines.extend(f"  {p}" for p in view.problems)
    if view.notes:
        lines.append("* Scheduled with default timing:")
        lines.extend(f"  {n}" for n in view.notes)
    return "\n".join(lines).rstrip("\n") + "\n"
