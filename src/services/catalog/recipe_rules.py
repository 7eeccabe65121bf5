"""Validation of a recipe save (RecipeInput): every field error of one save at once.

Private to the catalog services: takes an open session, writes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from src.models import FinishedUnit, Ingredient, Recipe
from src.models.types import QUANTITY_DIGITS, SHARE_DIGITS, Digits
from src.planning.types import BATCH_PORTION, DISCRETE_COUNT

from ..errors import ValidationError
from ..validation import clean_name, parse_decimal, parse_whole
from .common import clean_category, name_taken, try_field
from .dto import RecipeInput, YieldInput
from .ingredients import parse_unit

_MODE_WORDS = {
    DISCRETE_COUNT: DISCRETE_COUNT,
    BATCH_PORTION: BATCH_PORTION,
    "discrete count": DISCRETE_COUNT,
    "batch portion": BATCH_PORTION,
}


@dataclass(frozen=True)
class CleanLine:
    ingredient_id: int
    quantity: Decimal
    unit: str


@dataclass(frozen=True)
class CleanYield:
    id: int | None
    name: str
    mode: str
    items_per_batch: int | None
    batch_percentage: Decimal | None


@dataclass(frozen=True)
class CleanRecipe:
    name: str
    category: str
    notes: str
    base_recipe_id: int | None
    lines: tuple[CleanLine, ...]
    yields: tuple[CleanYield, ...]


def check_recipe_name_free(session: Session, name: str, own_id: int | None) -> str | None:
    """The clashing message for a recipe name already used (ignoring case), else None."""
    clash = name_taken(session.execute(select(Recipe.id, Recipe.name)).all(), name, own_id)
    return None if clash is None else f'A recipe named "{clash}" already exists'


def validate_recipe(session: Session, data: RecipeInput, own: Recipe | None) -> CleanRecipe:
    """``data`` checked against every rule, for a new recipe (``own`` None) or
    for ``own``. Raises ValidationError carrying every bad field in ``errors``."""
    errors: dict[str, str] = {}
    name = try_field(errors, "name", lambda: clean_name(data.name, what="Recipe name"))
    if name is not None:
        clash = check_recipe_name_free(session, name, own.id if own else None)
        if clash:
            errors["name"] = clash
    category = try_field(errors, "category", lambda: clean_category(data.category))
    _check_base(session, data.base_recipe_id, own, errors)
    lines = _check_lines(session, data.lines, errors)
    yields = _check_yields(session, data.yields, own, errors)
    if errors:
        raise ValidationError.from_errors(errors)
    return CleanRecipe(
        name=name,
        category=category,
        notes=(data.notes or "").strip(),
        base_recipe_id=data.base_recipe_id,
        lines=lines,
        yields=yields,
    )


def _check_base(
    session: Session, base_id: int | None, own: Recipe | None, errors: dict[str, str]
) -> None:
    if base_id is None:
        return
    field = "base_recipe_id"
    base = session.get(Recipe, base_id)
    if base is None:
        errors[field] = f"Base recipe {base_id} does not exist (it may have been deleted)"
    elif own is not None and base.id == own.id:
        errors[field] = "A recipe cannot be a variant of itself"
    elif base.base_recipe_id is not None:
        errors[field] = (
            f'"{base.name}" is itself a variant of "{_name_of(base.base_recipe)}"; a variant\'s '
            "base must be a base recipe (variants are only one level deep)"
        )
    elif own is not None and own.variants:
        names = ", ".join(f'"{v.name}"' for v in sorted(own.variants, key=_by_name))
        errors[field] = (
            f'"{own.name}" has variants ({names}), so it cannot become a variant itself '
            "(variants are only one level deep)"
        )


def _by_name(row) -> tuple[str, int]:
    return (row.name.casefold(), row.id)


def _check_lines(session: Session, lines, errors: dict[str, str]) -> tuple[CleanLine, ...]:
    wanted = {line.ingredient_id for line in lines if isinstance(line.ingredient_id, int)}
    names = dict(
        session.execute(
            select(Ingredient.id, Ingredient.name).where(Ingredient.id.in_(wanted))
        ).all()
    )
    first_line: dict[int, int] = {}
    clean: list[CleanLine] = []
    for i, line in enumerate(lines):
        where = f"lines[{i}]"
        ing_name = names.get(line.ingredient_id)
        prefix = f"Line {i + 1}" + (f" ({ing_name})" if ing_name else "")
        if line.ingredient_id is None:
            errors[f"{where}.ingredient_id"] = f"Line {i + 1}: choose an ingredient"
        elif ing_name is None:
            errors[f"{where}.ingredient_id"] = (
                f"Line {i + 1}: ingredient {line.ingredient_id} does not exist "
                "(it may have been deleted)"
            )
        elif line.ingredient_id in first_line:
            errors[f"{where}.ingredient_id"] = (
                f'{prefix}: "{ing_name}" is already on line {first_line[line.ingredient_id]}; '
                "a recipe has one line per ingredient"
            )
        else:
            first_line[line.ingredient_id] = i + 1
        quantity = try_field(
            errors,
            f"{where}.quantity",
            parse_decimal,
            line.quantity,
            what=f"{prefix}: quantity",
            field=f"{where}.quantity",
        )
        unit = try_field(
            errors,
            f"{where}.unit",
            parse_unit,
            line.unit,
            what=f"{prefix}: unit",
            field=f"{where}.unit",
        )
        if ing_name is not None and quantity is not None and unit is not None:
            clean.append(CleanLine(line.ingredient_id, quantity, unit))
    return tuple(clean)


def _check_yields(
    session: Session, yields, own: Recipe | None, errors: dict[str, str]
) -> tuple[CleanYield, ...]:
    # This recipe's own yield types are either kept (renamed in place) or
    # removed by this save, so only other recipes' names can clash.
    query = select(FinishedUnit.id, FinishedUnit.recipe_id, FinishedUnit.name)
    others = [
        (uid, name) for uid, rid, name in session.execute(query) if own is None or rid != own.id
    ]
    own_ids = {u.id for u in own.finished_units} if own is not None else set()
    seen_names: dict[str, int] = {}
    seen_ids: set[int] = set()
    clean: list[CleanYield] = []
    for i, item in enumerate(yields):
        result = _check_yield(i, item, others, own_ids, seen_names, seen_ids, errors)
        if result is not None:
            clean.append(result)
    return tuple(clean)


def _check_yield(
    i: int,
    item: YieldInput,
    others: list[tuple[int, str]],
    own_ids: set[int],
    seen_names: dict[str, int],
    seen_ids: set[int],
    errors: dict[str, str],
) -> CleanYield | None:
    where = f"yields[{i}]"
    label = f"Yield type {i + 1}"
    before = len(errors)
    if item.id is not None:
        if item.id not in own_ids:
            errors[f"{where}.id"] = f"{label}: yield type {item.id} is not one of this recipe's"
        elif item.id in seen_ids:
            errors[f"{where}.id"] = f"{label}: yield type {item.id} is listed twice"
        seen_ids.add(item.id)
    name = try_field(
        errors,
        f"{where}.name",
        lambda: clean_name(item.name, what=f"{label}: name", field=f"{where}.name"),
    )
    if name is not None:
        label = f'{label} ("{name}")'
        clash = name_taken(others, name, None)
        if clash is not None:
            errors[f"{where}.name"] = (
                f'{label}: a yield type named "{clash}" already exists '
                "(yield type names are unique across all recipes)"
            )
        elif name.casefold() in seen_names:
            errors[f"{where}.name"] = (
                f"{label}: the same name is used by yield type {seen_names[name.casefold()]}"
            )
        else:
            seen_names[name.casefold()] = i + 1
    mode = _MODE_WORDS.get(str(item.mode or "").strip().lower().replace("-", "_"))
    items = percentage = None
    if mode is None:
        errors[f"{where}.mode"] = (
            f'{label}: kind must be "discrete_count" (items per batch) or '
            f'"batch_portion" (share of a batch per item), not "{item.mode}"'
        )
    elif mode == DISCRETE_COUNT:
        items = try_field(
            errors,
            f"{where}.items_per_batch",
            lambda: parse_whole(
                item.items_per_batch,
                what=f"{label}: items per batch",
                field=f"{where}.items_per_batch",
            ),
        )
    else:
        percentage = try_field(
            errors,
            f"{where}.batch_percentage",
            lambda: _parse_percentage(item.batch_percentage, label, where),
        )
    if len(errors) > before:
        return None
    return CleanYield(item.id, name, mode, items, percentage)  # type: ignore[arg-type]


def _parse_percentage(value: object, label: str, where: str) -> Decimal:
    field = f"{where}.batch_percentage"
    # Decimals as the column keeps them; the size limit is the 100 % below.
    digits = Digits(QUANTITY_DIGITS.precision, SHARE_DIGITS.scale)
    number = parse_decimal(
        value, what=f"{label}: share of a batch (%)", field=field, digits=digits
    )
    if number > 100:
        raise ValidationError(
            f"{label}: share of a batch must be at most 100 %, not {number}", field=field
        )
    return number


def _name_of(recipe: Recipe | None) -> str:
    """A related recipe's name ("" when the relation is not loaded)."""
    return recipe.name if recipe is not None else ""
