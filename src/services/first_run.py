"""How far a new baker has got: the steps of the first-run guide, counted.

A plan needs ingredients, then a recipe with a yield type (its single-item
finished good comes with it, see single_goods.py), then an event. The window's
welcome guide shows these three steps with what is done and offers the next.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select

from src.db import Database
from src.models import Event, FinishedGood, FinishedUnit, Ingredient, Recipe


@dataclass(frozen=True)
class SetupProgress:
    ingredients: int
    recipes: int
    recipes_with_yield: int
    goods: int
    events: int

    @property
    def empty(self) -> bool:
        """Nothing at all yet: the demo bakery can be loaded."""
        return not (self.ingredients or self.recipes or self.goods or self.events)

    @property
    def next_step(self) -> int:
        """1 add ingredients, 2 add a recipe with its yield, 3 plan an event, 4 done."""
        if not self.ingredients:
            return 1
        if not self.recipes_with_yield:
            return 2
        if not self.events:
            return 3
        return 4


def setup_progress(db: Database) -> SetupProgress:
    """Counts of ingredients, recipes (and those with a yield type), goods and events."""
    with db.uow() as session:
        def count(model: type) -> int:
            return int(session.scalar(select(func.count()).select_from(model)) or 0)

        with_yield = session.scalar(select(func.count(func.distinct(FinishedUnit.recipe_id))))
        return SetupProgress(
            ingredients=count(Ingredient),
            recipes=count(Recipe),
            recipes_with_yield=int(with_yield or 0),
            goods=count(FinishedGood),
            events=count(Event),
        )
