"""The texts the planning tab asks or tells after an edit: what a new recipe
selection removed, and what deleting an event takes with it."""

from __future__ import annotations

from src.services.plan.events import EventDeleteSummary
from src.services.plan.selection import SelectionResult
from src.ui.wording import count_of


def removal_notice(result: SelectionResult) -> str | None:
    """The text telling the user what a new selection removed from the plan, or None."""
    if not result.removed_lines and not result.removed_decisions:
        return None
    parts: list[str] = []
    if result.removed_lines:
        parts.append("Removed finished goods:")
        parts += [f"• {x.good_name} ({x.quantity}) — {x.reason}" for x in result.removed_lines]
    if result.removed_decisions:
        if parts:
            parts.append("")
        parts.append("Removed batch decisions:")
        parts += [
            f"• {x.recipe_name}: {count_of(x.batches, 'batch')} — {x.reason}"
            for x in result.removed_decisions
        ]
    return "\n".join(parts)


def delete_question(summary: EventDeleteSummary) -> str:
    """The confirmation text naming the event and everything deleting it removes."""
    event = summary.event
    counts = [
        (summary.recipes, "selected recipe"),
        (summary.lines, "finished-good line"),
        (summary.decisions, "batch decision"),
        (summary.production_runs, "production record"),
        (summary.amendments, "amendment"),
    ]
    listed = [count_of(n, noun) for n, noun in counts if n]
    what = ", ".join(listed) if listed else "nothing else (the plan is empty)"
    return (
        f'Delete "{event.name}" ({event.event_date.isoformat()})?\n\n'
        f"This also removes {what}. This cannot be undone."
    )
