"""The SQLAlchemy schema. Importing this package registers every table on ``Base.metadata``."""

from .bake_schedule import (
    BakeryDayOff,
    BakerySettings,
    BakingHours,
    EventBakingStart,
    RecipeTiming,
)
from .base import Base, BaseModel
from .batch_decision import BatchDecision
from .event import Event, OutputMode, PlanState
from .event_finished_good import EventFinishedGood
from .event_recipe import EventRecipe
from .finished_good import FinishedGood, FinishedGoodComponent
from .finished_unit import FinishedUnit, YieldMode
from .ingredient import Ingredient
from .pantry_item import PantryItem
from .plan_amendment import AmendmentType, PlanAmendment
from .plan_snapshot import PlanSnapshot
from .production_run import ProductionRun
from .recipe import Recipe, RecipeIngredient

__all__ = [
    "AmendmentType",
    "BakeryDayOff",
    "BakerySettings",
    "BakingHours",
    "EventBakingStart",
    "RecipeTiming",
    "Base",
    "BaseModel",
    "BatchDecision",
    "Event",
    "EventFinishedGood",
    "EventRecipe",
    "FinishedGood",
    "FinishedGoodComponent",
    "FinishedUnit",
    "Ingredient",
    "OutputMode",
    "PantryItem",
    "PlanAmendment",
    "PlanSnapshot",
    "PlanState",
    "ProductionRun",
    "Recipe",
    "RecipeIngredient",
    "YieldMode",
]
