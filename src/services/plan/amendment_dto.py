"""Frozen data the amendment preview returns (what a change would do, before it is made)."""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from .dto import OptionRow


@dataclass(frozen=True)
class RecipeEffect:
    """How one recipe's need and batches change with a proposed amendment.

    ``new_batches`` is the decision after the amendment (None: no decision, or
    deselected); ``difference_batches`` = counted batches − new need (negative:
    short, zero: exact, positive: extras); ``outcome`` is ``short``, ``exact``,
    ``extra``, ``undecided`` (a need and no batches) or ``deselected``."""

    recipe_id: int
    recipe_name: str
    old_need: Fraction
    new_need: Fraction
    old_need_text: str
    new_need_text: str
    options: tuple[OptionRow, ...]  # the batch options of the new need
    decided: int | None  # the decision now
    baked: int
    new_batches: int | None
    difference_batches: Fraction
    difference_batches_text: str
    difference_items: int | None  # set when the new need has one yield type
    outcome: str
    stale: bool  # the decision after the amendment no longer fits the need


@dataclass(frozen=True)
class AmendmentPreview:
    """What an amendment would change, computed by the same code that makes it."""

    kind: str  # "drop_fg" | "add_fg" | "modify_fg" | "modify_batch"
    summary: str  # e.g. "Cookie tin: 20 → 24"
    recipes: tuple[RecipeEffect, ...]  # affected recipes, by name
    selected: tuple[str, ...]  # recipes the amendment selects
    deselected: tuple[str, ...]  # recipes the amendment deselects (decision removed)

    @property
    def shortfalls(self) -> tuple[RecipeEffect, ...]:
        return tuple(r for r in self.recipes if r.outcome in ("short", "undecided"))
