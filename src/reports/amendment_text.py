"""Words for an amendment's preview: what the change does to each recipe (the
amend dialog and ``amend --preview`` say the same)."""

from __future__ import annotations

from src.services.plan.amendment_dto import AmendmentPreview, RecipeEffect


def _batches(text: str) -> str:
    return f"{text} batch" if text == "1" else f"{text} batches"


def effect_text(effect: RecipeEffect) -> str:
    """e.g. "Sugar Cookie Dough: need 8.333 → 10 batches (options: 10); 9 decided,
    2 baked → 1 batch short"."""
    need = (
        _batches(effect.new_need_text)
        if effect.old_need == effect.new_need
        else f"{effect.old_need_text} → {_batches(effect.new_need_text)}"
    )
    options = ", ".join(str(o.batches) for o in effect.options) or "none"
    if effect.outcome == "deselected":
        return f"{effect.recipe_name}: no longer needed, nothing baked → deselected"
    if effect.decided is None:
        plan = "no decision"
    else:
        plan = f"{effect.decided} decided"
    if effect.new_batches is not None and effect.new_batches != effect.decided:
        plan += f" → {effect.new_batches}"
    if effect.baked:
        plan += f", {effect.baked} baked"
    diff = effect.difference_batches_text.lstrip("-")
    result = {
        "short": f"{_batches(diff)} short",
        "extra": f"{_batches(diff)} extra",
        "exact": "exact",
        "undecided": "not counted until its batches are decided",
    }[effect.outcome]
    if effect.difference_items is not None and effect.outcome in ("short", "extra"):
        result += f" ({abs(effect.difference_items)} items)"
    return f"{effect.recipe_name}: need {need} (options: {options}); {plan} → {result}"


def preview_text(preview: AmendmentPreview, hint: str = "set new batches below") -> str:
    """The whole preview as lines: the change, then each affected recipe, then
    what stays short (with ``hint``: how to give new batch counts)."""
    lines = [preview.summary]
    lines += [effect_text(e) for e in preview.recipes]
    if preview.selected:
        lines.append("Also selects " + ", ".join(preview.selected))
    short = [e.recipe_name for e in preview.shortfalls]
    if short:
        lines.append(f"Still short: {', '.join(short)} — {hint}")
    return "\n".join(lines)


def suggested_batches(effect: RecipeEffect) -> int | None:
    """The smallest option that covers the new need (never below what is baked)."""
    if not effect.options:
        return None
    return max(effect.options[-1].batches, effect.baked, 1)


__all__ = ["effect_text", "preview_text", "suggested_batches"]
