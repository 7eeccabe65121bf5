"""Production progress of one recipe: decided vs baked batches."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Progress", "recipe_progress"]


@dataclass(frozen=True)
class Progress:
    """Decided and baked batches, what remains to bake, and any overage."""

    decided: int
    baked: int
    remaining: int
    overage: int


def recipe_progress(decided: int, baked: int) -> Progress:
    """``remaining = max(0, decided − baked)``, ``overage = max(0, baked −
    decided)``. Raises ValueError for a negative count."""
    if decided < 0 or baked < 0:
        raise ValueError("batch counts must not be negative")
    return Progress(decided, baked, max(0, decided - baked), max(0, baked - decided))
