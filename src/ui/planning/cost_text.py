"""Cost wording for the planning tab (issue 12): plain functions of the plan DTOs."""

from __future__ import annotations

from src.services.plan.cost_dto import StoreTotal
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
    """" · trip $148.52 + 1 without a price (Rainbow sprinkles)" for the shopping
    list's summary ("" without costs or nothing to buy)."""
    if plan.costs is None:
        return ""
    totals = plan.costs.shopping
    if not any(s.lines for s in totals.stores):
        return ""
    return f" · trip {totals.text}"


NO_STORE_SET = "no store set"


def store_total_text(total: StoreTotal) -> str:
    """"Grocer $134.53", "Warehouse club $13.99 + 1 without a price", "no store set:
    1 without a price" (no "$0.00" when none of the lines has a price)."""
    name = total.store or NO_STORE_SET
    if total.missing and len(total.missing) >= total.lines:
        return f"{name}: {len(total.missing)} without a price"
    return f"{name} {total.text}"


def stores_text(plan: PlanView) -> str:
    """"By store: Grocer $134.53 · no store set $4.19" when any line to buy has a
    store ("" otherwise: the trip total says it all)."""
    if plan.costs is None:
        return ""
    stores = [s for s in plan.costs.shopping.stores if s.lines]
    if not any(s.store for s in stores):
        return ""
    return "By store: " + " · ".join(store_total_text(s) for s in stores)
