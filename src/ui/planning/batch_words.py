"""The words of a batch decision card: need, options, decision, yield type.

Plain functions of the plan's rows (no widgets), used by ``batch_row``.
"""

from __future__ import annotations

from src.services.plan.dto import BatchRow, OptionRow, UnitCount
from src.ui.wording import count_of, lower_name, plural

NO_YIELD = "Choose…"  # the yield picker's text while no yield type is chosen
DECIDED_MIX = "As the plan needs"  # a saved decision that names no yield type


def units_text(count: int, name: str) -> str:
    """'200 sugar cookies', '3 pumpkin loaves', '1 gingerbread man'."""
    return f"{count} {plural(lower_name(name), count)}"


def option_text(row: BatchRow, option: OptionRow) -> str:
    """The label of one option: batches, yield and difference in words, short
    enough that two options fit side by side on a laptop screen ("8 batches:
    192 sugar cookies, 8 short"; the unit is named once)."""
    parts = [count_of(option.batches, "batch")]
    if option.yield_items is not None and option.difference_items is not None:
        made = ", ".join(units_text(u.items, u.unit_name) for u in option.yield_items)
        parts.append(made)
        diff = option.difference_items
        if diff < 0:
            parts.append(f"{-diff} short")
        elif diff > 0:
            parts.append(f"{diff} extra")
        else:
            parts.append("exact")
    else:
        text = option.difference_batches_text.lstrip("-")
        if option.kind == "shortfall":
            parts.append(f"{text} of a batch short")
        elif option.kind == "extra":
            parts.append(f"{text} of a batch extra")
        else:
            parts.append("exact")
    return f"{parts[0]}: {', '.join(parts[1:])}"


def shortfall_question(row: BatchRow, option: OptionRow) -> str:
    """The confirmation asked before keeping a shortfall option."""
    if option.difference_items is not None and row.needed:
        what = units_text(-option.difference_items, row.needed[0].unit_name)
    else:
        what = f"{option.difference_batches_text.lstrip('-')} of a batch"
    return f"You'll be {what} short — keep {count_of(option.batches, 'batch')}?"


def needed_text(row: BatchRow) -> str:
    items = ", ".join(units_text(u.items, u.unit_name) for u in row.needed)
    return f"Needed: {items} · {row.batches_needed_text} batches"


def decision_text(row: BatchRow) -> str:
    if row.decision is None:
        return "Not decided yet"
    if row.decision.stale:
        return (
            f"Quantities changed: {count_of(row.decision.batches, 'batch')} is no longer an"
            " option — choose again"
        )
    text = f"Decided: {count_of(row.decision.batches, 'batch')}"
    p = row.progress
    if p.baked:  # batches count as max(decided, baked): say what is baked, and any extras
        text += f" · {p.baked} baked"
        if p.overage:
            text += f" ({count_of(p.overage, 'extra batch')})"
    return text


def yield_label(choice: UnitCount) -> str:
    """A yield type as the picker lists it: 'Brownie square (24 per batch)'."""
    if choice.items:
        return f"{choice.unit_name} ({choice.items} per batch)"
    return f"{choice.unit_name} (part of a batch)"


def default_yield(row: BatchRow) -> int | None:
    """The yield type a decision is saved with: the decided one, else the only one
    needed, else none."""
    if row.decision is not None and row.decision.finished_unit_id is not None:
        return row.decision.finished_unit_id
    if len(row.needed) == 1:
        return row.needed[0].unit_id
    return None
