"""Plain, frozen results of the batch optimiser and the pantry check."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True)
class UnitItems:
    unit_name: str
    items: int


@dataclass(frozen=True)
class RecipeProposal:
    """One recipe's proposed batches against the current decision."""

    recipe_id: int
    recipe_name: str
    current: int | None  # None: no decision yet
    proposed: int
    pinned: bool
    split: tuple[UnitItems, ...]  # items each needed yield type gets (by unit name)
    extras: tuple[UnitItems, ...]  # made − needed per yield type

    @property
    def changed(self) -> bool:
        return self.current != self.proposed


@dataclass(frozen=True)
class ShoppingChange:
    """An ingredient whose amount to buy differs between now and the proposal."""

    ingredient_name: str
    unit: str
    current: Decimal
    proposed: Decimal


@dataclass(frozen=True)
class Figures:
    """The objective's figures for one set of decisions."""

    extras: int  # extra items in total
    batches: int
    cost: Decimal | None  # None when no price is known
    ingredients_to_buy: int
    short_items: int  # items below the lines with the margin


@dataclass(frozen=True)
class OptimiseProposal:
    event_id: int
    objective: str  # "cost" when prices are known, else "extras"
    margin_percent: Decimal
    prefer_pantry: bool
    recipes: tuple[RecipeProposal, ...]  # by recipe name
    meets_all_lines: bool
    problems: tuple[str, ...]  # what cannot be met (pinned recipes too small)
    extras: tuple[UnitItems, ...]  # per yield type, by name
    proposed: Figures
    current: Figures | None  # None when some recipe with a need has no decision
    shopping: tuple[ShoppingChange, ...]  # by ingredient name
    missing_prices: tuple[str, ...]
    applied: bool = False

    @property
    def changes(self) -> int:
        return sum(1 for r in self.recipes if r.changed)


@dataclass(frozen=True)
class PantryCheck:
    """Which lines the pantry alone covers (no shopping), and what is missing."""

    event_id: int
    covered: tuple[str, ...]  # goods, in priority order
    not_covered: tuple[str, ...]
    batches: tuple[tuple[str, int], ...]  # (recipe, batches) for the covered lines
    missing: tuple[ShoppingChange, ...]  # to make every line: what to buy (current = 0)
