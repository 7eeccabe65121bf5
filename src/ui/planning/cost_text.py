"""Cost wording for the planning tab (issue 12): plain functions of the plan DTOs."""

from __future__ import annotations

from src.services.plan.dto import PlanView


def batch_cost_text(plan: PlanView, recipe_id: int) -> str:
    """"$4.50 a batch · $36.00 for 8"; "cost unknown" without every price (the
    header names what is missing: a card has no room for a list), "" without costs."""
    row = plan.costs.batch(recipe_id) if plan.costs else None
    if row is None:
        return ""
    if not row.per_batch.known:
        return "cost unknown"
    text = f"{row.per_batch.text} a batch"
    if row.batches:
        text += f" · {row.total.text} for {row.batches}"
    return text


def good_cost_text(plan: PlanView, good_id: int) -> str:
    """"$36.85 ($3.69 each)" for a line of the event: the line's total first, then
    one good's cost rounded ("$3.69 × 10" would not make the exact total); "cost
    unknown" without every price (the header names what is missing), "" for a good
    that is not a line."""
    row = plan.costs.good(good_id) if plan.costs else None
    if row is None:
        return ""
    if not row.each.known:
        return "cost unknown"
    return f"{row.line.text} ({row.each.text} each)"


def event_cost_text(plan: PlanView) -> str:
    """" · ingredients $148.20" for the header ("" without costs)."""
    if plan.costs is None or not plan.batches:
        return ""
    return f" · ingredients {plan.costs.event.text}"


def trip_text(plan: PlanView) -> str:
    """The trip's total and per store, for the shopping list's summary."""
    if plan.costs is None:
        return ""
    totals = plan.costs.shopping
    if not any(s.lines for s in totals.stores):
        return ""
    text = f" · trip {totals.text}"
    if any(s.store for s in totals.stores):
        text += " · " + ", ".join(f"{s.store or 'any store'} {s.text}" for s in totals.stores)
    return text
