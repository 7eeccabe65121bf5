"""Plain, frozen data the catalog and pantry services take and return.

The contract between src/services/catalog/__init__.py, src/services/catalog/pantry.py and the
Catalog / Pantry tabs. Inputs (``*Input``) carry user text or values; the
services validate them and raise ValidationError naming the field, e.g.
``field="lines[2].quantity"``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal


@dataclass(frozen=True)
class IngredientView:
    id: int
    name: str
    category: str
    density_g_per_ml: Decimal | None
    preferred_unit: str | None
    used_by_recipes: tuple[str, ...]
    packs: str = ""  # the packs in short: "5 lb bag $4.29 (preferred), 2 lb bag no price"


@dataclass(frozen=True)
class RecipeLineView:
    ingredient_id: int
    ingredient: str
    quantity: Decimal
    unit: str
    inherited: bool  # a base recipe's line, as a variant sees it
    replaces_base: bool  # a variant's own line that replaces the base's line


@dataclass(frozen=True)
class YieldView:
    id: int
    recipe_id: int
    name: str
    mode: str  # "discrete_count" | "batch_portion"
    items_per_batch: int | None
    batch_percentage: Decimal | None
    label: str  # "24 per batch" / "50 % of a batch per item"


@dataclass(frozen=True)
class RecipeSummary:
    """A row of the recipe list: bases each followed by their variants."""

    id: int
    name: str
    category: str
    base_recipe_id: int | None
    base_recipe_name: str | None
    is_variant: bool
    line_count: int
    yield_count: int


@dataclass(frozen=True)
class RecipeView:
    id: int
    name: str
    category: str
    notes: str
    base_recipe_id: int | None
    base_recipe_name: str | None
    own_lines: tuple[RecipeLineView, ...]
    effective_lines: tuple[RecipeLineView, ...]  # what a batch really uses
    yields: tuple[YieldView, ...]
    variant_names: tuple[str, ...]
    used_by_events: tuple[str, ...]


@dataclass(frozen=True)
class ComponentView:
    kind: str  # "unit" | "good"
    id: int  # the finished unit's or the finished good's id
    name: str
    quantity: int


@dataclass(frozen=True)
class FinishedGoodView:
    id: int
    name: str
    notes: str
    is_bundle: bool  # True unless it is exactly one yield type × 1
    components: tuple[ComponentView, ...]
    recipe_names: tuple[str, ...]  # made from these recipes, through nesting
    used_by_events: tuple[str, ...]


@dataclass(frozen=True)
class LineInput:
    ingredient_id: int
    quantity: str | Decimal | int
    unit: str


@dataclass(frozen=True)
class YieldInput:
    name: str
    mode: str  # "discrete_count" | "batch_portion"
    items_per_batch: str | int | None = None
    batch_percentage: str | Decimal | None = None
    id: int | None = None  # an existing yield type being edited


@dataclass(frozen=True)
class ComponentInput:
    quantity: str | int
    unit_id: int | None = None
    good_id: int | None = None


@dataclass(frozen=True)
class RecipeInput:
    name: str
    category: str = ""
    notes: str = ""
    base_recipe_id: int | None = None
    lines: tuple[LineInput, ...] = field(default_factory=tuple)
    yields: tuple[YieldInput, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class PantryRow:
    ingredient_id: int
    ingredient: str
    category: str
    quantity: Decimal | None  # None: nothing recorded
    unit: str | None
    updated_at: datetime | None
    quantity_text: str
    preferred_unit: str | None = None  # the unit the baker prefers for this ingredient
