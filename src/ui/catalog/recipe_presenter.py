"""The recipe editor's logic, apart from its widgets (tested with a fake view).

The view hands over what the user typed as a ``RecipeForm`` of plain text; the
presenter resolves names to ids, calls the catalog service, and tells the view
which messages to show where (keys as the service names its fields:
``name``, ``lines[2].quantity``, ``yields[0].items_per_batch`` …, with the
row numbers of the form, blank rows included) and which base lines a variant
inherits.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Protocol

from src.services.catalog.dto import (
    LineInput,
    RecipeInput,
    RecipeLineView,
    RecipeView,
    YieldInput,
)
from src.services.errors import ServiceError
from src.services.facade import Services
from src.services.formatting import format_decimal, unit_display
from src.services.validation import name_key

from .editor_presenter import EditorPresenter, renumber

NO_BASE = "none"
ITEMS_PER_BATCH = "items per batch"
SHARE_OF_BATCH = "share of a batch per item (%)"
MODE_LABELS = {"discrete_count": ITEMS_PER_BATCH, "batch_portion": SHARE_OF_BATCH}
MODES = {label: mode for mode, label in MODE_LABELS.items()}
UNKNOWN_ID = 0  # database ids start at 1


@dataclass
class LineForm:
    ingredient: str = ""
    quantity: str = ""
    unit: str = "g"


@dataclass
class YieldForm:
    name: str = ""
    mode: str = ITEMS_PER_BATCH
    amount: str = ""
    id: int | None = None


@dataclass
class RecipeForm:
    name: str = ""
    category: str = ""
    notes: str = ""
    base: str = NO_BASE
    lines: list[LineForm] = field(default_factory=list)
    yields: list[YieldForm] = field(default_factory=list)


@dataclass(frozen=True)
class InheritedLine:
    """A base recipe's line as the variant's editor shows it."""

    text: str  # "All-purpose flour: 2.75 cup"
    replaced: bool  # the variant has its own line for this ingredient


class RecipeEditorView(Protocol):
    def read_form(self) -> RecipeForm: ...
    def show_errors(self, errors: dict[str, str]) -> None: ...
    def show_inherited(self, base_name: str | None, lines: list[InheritedLine]) -> None: ...
    def mark_replacing(self, flags: list[bool]) -> None: ...
    def close(self) -> None: ...


def line_text(line: RecipeLineView) -> str:
    return f"{line.ingredient}: {format_decimal(line.quantity)} {unit_display(line.unit)}"


def form_from_recipe(recipe: RecipeView) -> RecipeForm:
    """The form showing ``recipe`` as saved (own lines only: inherited ones are shown apart)."""
    return RecipeForm(
        name=recipe.name,
        category=recipe.category,
        notes=recipe.notes,
        base=recipe.base_recipe_name or NO_BASE,
        lines=[LineForm(ln.ingredient, str(ln.quantity), ln.unit) for ln in recipe.own_lines],
        yields=[
            YieldForm(
                y.name,
                MODE_LABELS.get(y.mode, ITEMS_PER_BATCH),
                str(y.items_per_batch if y.mode == "discrete_count" else y.batch_percentage),
                y.id,
            )
            for y in recipe.yields
        ],
    )


def _blank_line(line: LineForm) -> bool:
    return not line.ingredient.strip() and not line.quantity.strip()


def _blank_yield(item: YieldForm) -> bool:
    return item.id is None and not item.name.strip() and not item.amount.strip()


class RecipeEditorPresenter(EditorPresenter[RecipeEditorView, RecipeView]):
    """Loads the choices, builds the service input from the form, saves."""

    def __init__(
        self,
        services: Services,
        view: RecipeEditorView,
        recipe_id: int | None = None,
        on_saved: Callable[[RecipeView], None] | None = None,
    ) -> None:
        super().__init__(services, view, on_saved)
        services = self.services
        self.recipe_id = recipe_id
        self.recipe = services.catalog.get_recipe(recipe_id) if recipe_id is not None else None
        ingredients = services.catalog.list_ingredients()
        self.ingredient_names = [i.name for i in ingredients]
        self._ingredient_ids = {name_key(i.name): i.id for i in ingredients}
        self._preferred_units = {name_key(i.name): i.preferred_unit for i in ingredients
                                 if i.preferred_unit}
        # A variant's base must be a base recipe, and never the recipe itself.
        bases = [
            r for r in services.catalog.list_recipes() if not r.is_variant and r.id != recipe_id
        ]
        self.base_names = [NO_BASE, *(r.name for r in bases)]
        self._base_ids = {name_key(r.name): r.id for r in bases}
        self._base_lines: dict[int, tuple[str, tuple[RecipeLineView, ...]]] = {}
        self._shown_base: int | None = None

    def initial_form(self) -> RecipeForm:
        if self.recipe is None:
            return RecipeForm(lines=[LineForm()], yields=[YieldForm()])
        return form_from_recipe(self.recipe)

    # -- variants -----------------------------------------------------------
    def base_id(self, text: str) -> int | None:
        """The base recipe named ``text`` (None for "none", blank or unknown)."""
        key = name_key(text)
        if key in ("", NO_BASE):
            return None
        return self._base_ids.get(key)

    def preferred_unit(self, ingredient: str) -> str | None:
        """The unit the baker prefers for ``ingredient`` (as shown), or None."""
        unit = self._preferred_units.get(name_key(ingredient))
        return unit_display(unit) if unit else None

    def form_changed(self) -> None:
        """Re-show the inherited lines for the chosen base and mark the own lines
        that replace one of them (after a base or a line's ingredient changed)."""
        form = self.view.read_form()
        base_id = self.base_id(form.base)
        own = {self._ingredient_id(ln.ingredient) for ln in form.lines}
        own.discard(None)
        if base_id is None:
            self._shown_base = None
            self.view.show_inherited(None, [])
            self.view.mark_replacing([False] * len(form.lines))
            return
        if base_id not in self._base_lines:
            try:
                base = self.services.catalog.get_recipe(base_id)
            except ServiceError as exc:
                self.view.show_errors({"base_recipe_id": exc.message})
                return
            self._base_lines[base_id] = (base.name, base.own_lines)
        name, lines = self._base_lines[base_id]
        base_ingredients = {ln.ingredient_id for ln in lines}
        self._shown_base = base_id
        self.view.show_inherited(
            name, [InheritedLine(line_text(ln), ln.ingredient_id in own) for ln in lines]
        )
        self.view.mark_replacing(
            [self._ingredient_id(ln.ingredient) in base_ingredients for ln in form.lines]
        )

    # -- saving -------------------------------------------------------------
    def _ingredient_id(self, text: str) -> int | None:
        return self._ingredient_ids.get(name_key(text))

    def build_input(
        self, form: RecipeForm
    ) -> tuple[RecipeInput, dict[str, str], list[int], list[int]]:
        """(service input, messages found before asking the service, form row of each
        line sent, form row of each yield sent). Blank rows are left out."""
        errors: dict[str, str] = {}
        base_id = self.base_id(form.base)
        if base_id is None and form.base.strip().casefold() not in ("", NO_BASE):
            errors["base_recipe_id"] = f'There is no base recipe named "{form.base.strip()}"'
            # An id no row has: the service refuses the save (and still reports
            # every other field) instead of saving a plain recipe by mistake.
            base_id = UNKNOWN_ID
        lines, line_rows = [], []
        for row, line in enumerate(form.lines):
            if _blank_line(line):
                continue
            text = line.ingredient.strip()
            ingredient_id = self._ingredient_ids.get(name_key(text)) if text else None
            if text and ingredient_id is None:
                errors[f"lines[{row}].ingredient_id"] = (
                    f'Line {row + 1}: there is no ingredient named "{text}" '
                    "(add it under Ingredients first)"
                )
            lines.append(LineInput(ingredient_id, line.quantity, line.unit))  # type: ignore[arg-type]
            line_rows.append(row)
        yields, yield_rows = [], []
        for row, item in enumerate(form.yields):
            if _blank_yield(item):
                continue
            mode = MODES.get(item.mode, "discrete_count")
            amount = item.amount
            yields.append(
                YieldInput(
                    name=item.name,
                    mode=mode,
                    items_per_batch=amount if mode == "discrete_count" else None,
                    batch_percentage=amount if mode == "batch_portion" else None,
                    id=item.id,
                )
            )
            yield_rows.append(row)
        data = RecipeInput(
            name=form.name,
            category=form.category,
            notes=form.notes,
            base_recipe_id=base_id,
            lines=tuple(lines),
            yields=tuple(yields),
        )
        return data, errors, line_rows, yield_rows

    def save(self) -> bool:
        """Save the form; True (and the view closed) on success. A refusal shows every
        message at its field and leaves the form as typed."""
        form = self.view.read_form()
        data, early, line_rows, yield_rows = self.build_input(form)
        recipe_id = self.recipe_id
        catalog = self.services.catalog

        def write() -> RecipeView:
            if recipe_id is None:
                return catalog.create_recipe(data)
            return catalog.update_recipe(recipe_id, data)

        # our "no such ingredient" (early) beats the service's "choose an ingredient"
        saved = self._write(write, early, lambda found: _to_form_rows(found, line_rows, yield_rows))
        return False if saved is None else self._done(saved)

def _to_form_rows(
    errors: dict[str, str], line_rows: list[int], yield_rows: list[int]
) -> dict[str, str]:
    """The service's keys (indexes into what was sent) renumbered to form rows."""
    out: dict[str, str] = {}
    for key, message in errors.items():
        renumbered = renumber(key, "lines", line_rows) or renumber(key, "yields", yield_rows)
        out[renumbered or key] = message
    return out

