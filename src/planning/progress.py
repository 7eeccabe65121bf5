"""Production progress of one recipe: decided vs baked batches.

The one rule every panel counts batches by: :func:`effective_batches` =
``max(decided, baked)`` (what will exist once the plan is baked).
"""

from __future__ import annotations

from collections.abc import Iterable

from .records import record

__all__ = ["Progress", "effective_batches", "recipe_progress", "baked_by_recipe"]


@record
class Progress:
    """Decided and baked batches, what remains to bake, any overage, and the
    batches that count (``max(decided, baked)``)."""

    decided: int
    baked: int
    remaining: int
    overage: int
    batches: int = 0


def effective_batches(decided: int | None, baked: int) -> int:
    """The batches a plan counts for a recipe: ``max(decided, baked)``."""
    return max(decided or 0, baked)


def recipe_progress(decided: int, baked: int) -> Progress:
    """``remaining = max(0, decided − baked)``, ``overage = max(0, baked −
    decided)``, ``batches = max(decided, baked)``. Raises ValueError for a
    negative count."""
    if decided < 0 or baked < 0:
        raise ValueError("batch counts must not be negative")
    return Progress(
        decided,
        baked,
        max(0, decided - baked),
        max(0, baked - decided),
        effective_batches(decided, baked),
    )


def baked_by_recipe(runs: Iterable[tuple[int, int]]) -> dict[int, int]:
    """recipe id → batches baked, from production runs as (recipe id, batches)."""
    out: dict[int, int] = {}
    for recipe_id, batches in runs:
        out[recipe_id] = out.get(recipe_id, 0) + batches
    return out
