"""The plan report: the ``plan --json`` document (EXCHANGE.md) and a readable text table."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from src.services.plan.dto import BatchRow, OptionRow, PlanView, ShoppingLineRow

from .cost_report import add_cost_fields, buying_fields
from .shopping_text import buying_lines


def _option(option: OptionRow) -> dict[str, Any]:
    return {
        "batches": option.batches,
        "kind": option.kind,
        "yield": None
        if option.yield_items is None
        else {u.unit_name: u.items for u in option.yield_items},
        "difference_items": option.difference_items,
        "difference_batches": option.difference_batches_text,
    }


def _recipe(row: BatchRow) -> dict[str, Any]:
    decision = row.decision
    return {
        "recipe": row.recipe_name,
        "needed": {u.unit_name: u.items for u in row.needed},
        "batches_needed": row.batches_needed_text,
        "options": [_option(o) for o in row.options],
        "decision": None
        if decision is None
        else {"batches": decision.batches, "yield": decision.yield_name, "stale": decision.stale},
        "progress": {
            "baked": row.progress.baked,
            "remaining": row.progress.remaining,
            "overage": row.progress.overage,
            "batches": row.progress.batches,
        },
    }


def shopping_entry(row: ShoppingLineRow) -> dict[str, Any]:
    """One shopping-list row as the report writes it ("note" only when there is one)."""
    entry: dict[str, Any] = {
        "ingredient": row.ingredient,
        "needed": row.needed_text,
        "unit": row.unit,
        "on_hand": row.on_hand_text,
        "to_buy": row.to_buy_text,
        "status": row.status,
    }
    if row.note:
        entry["note"] = row.note
    entry.update(buying_fields(row))
    return entry


def plan_report(view: PlanView) -> dict[str, Any]:
    """The ``plan --json`` report of EXCHANGE.md, built from the plan view."""
    event = view.event
    report: dict[str, Any] = {
        "event": {
            "name": event.name,
            "date": event.event_date.isoformat(),
            "plan_state": event.plan_state,
            "expected_attendees": event.expected_attendees,
        },
        "recipes": [_recipe(row) for row in view.batches],
        "shopping_list": [shopping_entry(row) for row in view.shopping],
        "assembly": [
            {
                "finished_good": line.good,
                "quantity": line.quantity,
                "status": line.status,
                "can_make": line.can_make,
            }
            for line in view.assembly.lines
        ],
        "complete": view.complete,
        "report_version": 2,
        "undecided": list(view.undecided),
        "amendments": [
            {
                "type": a.kind,
                "reason": a.reason,
                "created_at": a.created_at.replace(microsecond=0).isoformat() + "Z",
                "summary": a.summary,
                **a.details,
            }
            for a in view.amendments
        ],
        "production": [
            {
                "recipe": r.recipe_name,
                "batches": r.batches,
                "recorded_at": r.recorded_at.replace(microsecond=0).isoformat() + "Z",
                "notes": r.notes,
            }
            for r in view.production_runs
        ],
    }
    add_cost_fields(report, view)
    return report


def _table(headers: list[str], rows: list[list[str]], right: set[int]) -> list[str]:
    widths = [max(len(h), *(len(r[i]) for r in rows)) if rows else len(h)
              for i, h in enumerate(headers)]

    def fmt(cells: list[str]) -> str:
        parts = [c.rjust(w) if i in right else c.ljust(w)
                 for i, (c, w) in enumerate(zip(cells, widths, strict=True))]
        return "  ".join(parts).rstrip()

    return [fmt(headers), fmt(["-" * w for w in widths]), *(fmt(r) for r in rows)]


def _option_text(option: OptionRow) -> str:
    text = f"{option.batches} {option.kind}"
    if option.difference_items is not None:
        text += f" ({option.difference_items:+d})"
    return text


def _decision_text(row: BatchRow) -> str:
    if row.decision is None:
        return "—"
    text = str(row.decision.batches)
    if row.decision.yield_name:
        text += f" ({row.decision.yield_name})"
    return text + (" STALE" if row.decision.stale else "")


NOT_COUNTED = "not counted: no batch decision"


def not_counted_lines(undecided: Iterable[str]) -> list[str]:
    """One line per recipe with a need and no batch decision, e.g. "Pumpkin Pie —
    not counted: no batch decision" (its ingredients are not on the list)."""
    return [f"{name} — {NOT_COUNTED}" for name in undecided]


def shopping_lines(
    rows: tuple[ShoppingLineRow, ...] | list[ShoppingLineRow], undecided: Iterable[str] = ()
) -> list[str]:
    """The shopping list as text: recipes not counted, "To buy", "Already have"."""
    out: list[str] = ["  " + line for line in not_counted_lines(undecided)]
    if out:
        out = ["Not counted (decide their batches)", *out, ""]
    for title, status in (("To buy", "to_buy"), ("Already have", "sufficient")):
        chosen = [r for r in rows if r.status == status]
        out.append(f"{title} ({len(chosen)})")
        if not chosen:
            out.append("  nothing")
        else:
            table = _table(
                ["ingredient", "needed", "unit", "on hand", "to buy"],
                [[r.ingredient, r.needed_text, r.unit, r.on_hand_text, r.to_buy_text]
                 for r in chosen],
                right={1, 3, 4},
            )
            out.extend("  " + line for line in table)
            out.extend(f"  note, {r.ingredient}: {r.note}" for r in chosen if r.note)
        out.append("")
    return out


def plan_text(view: PlanView) -> str:
    """A readable plan: recipes (need, options, decision, progress), shopping
    list, assembly and whether the plan is complete."""
    event = view.event
    attendees = "" if event.expected_attendees is None else f", {event.expected_attendees} guests"
    out = [f"{event.name} — {event.event_date.isoformat()} ({event.plan_state}{attendees})", ""]
    if view.cycle_error:
        out += [f"Cannot plan: {view.cycle_error}", ""]
    out.append(f"Recipes ({view.decided_count} of {len(view.batches)} decided)")
    if view.batches:
        rows = [
            [b.recipe_name, ", ".join(f"{u.items} {u.unit_name}" for u in b.needed),
             b.batches_needed_text, " / ".join(_option_text(o) for o in b.options),
             _decision_text(b), str(b.progress.baked), str(b.progress.remaining)]
            for b in view.batches
        ]
        table = _table(["recipe", "needed", "batches", "options", "decision", "baked", "left"],
                       rows, right={2, 5, 6})
        out.extend("  " + line for line in table)
    else:
        out.append("  no recipe has a need yet")
    lines = (buying_lines(view.shopping, view.costs.shopping, view.undecided) if view.costs
             else shopping_lines(view.shopping, view.undecided))
    out += ["", "Shopping list", *("  " + line if line else "" for line in lines), ""]
    if view.costs is not None:
        out.append(f"Costs (event: {view.costs.event.text})")
        out.extend(f"  {g.good} × {g.quantity}: {g.line.text}"
                   + (f" ({g.each.text} each)" if g.each.known else "")
                   for g in view.costs.goods)
        out.extend(f"  {b.recipe_name}: {c.per_batch.text} per batch"
                   for b in view.batches if (c := view.costs.batch(b.recipe_id)))
        out.append("")
    out.append(f"Assembly: {view.assembly.overall}")
    if view.assembly.lines:
        table = _table(["finished good", "wanted", "can make", "status"],
                       [[a.good, str(a.quantity), str(a.can_make), a.status]
                        for a in view.assembly.lines], right={1, 2})
        out.extend("  " + line for line in table)
    out += ["", "Plan complete: " + ("yes" if view.complete else "no")]
    return "\n".join(out) + "\n"
