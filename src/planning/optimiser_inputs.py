"""Ingredient amounts for the optimiser: one figure per ingredient and unit group.

An ingredient's lines (over the recipes given) fall into groups of units that
convert into each other (:func:`aggregation.unit_groups`, the shopping list's
rule). Each group is one key ``"<ingredient id>:<unit>"`` in its canonical
unit: the ingredient's preferred unit when it belongs to the group, else the
group's first unit. A pantry line is credited to the first group it converts
into, as on the shopping list.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from fractions import Fraction

from .aggregation import IngredientInfo, IngredientLine, unit_groups
from .shopping import PantryLine
from .units import can_convert, convert, normalize_unit

__all__ = ["IngredientKey", "ingredient_amounts"]

IngredientKey = tuple[int, str]  # (ingredient id, canonical unit)


def _key(ingredient_id: int, unit: str) -> str:
    return f"{ingredient_id}:{unit}"


def ingredient_amounts(
    lines: Mapping[int, Sequence[IngredientLine]],
    ingredients: Mapping[int, IngredientInfo],
    pantry: Iterable[PantryLine],
) -> tuple[dict[int, dict[str, Fraction]], dict[str, Fraction], dict[str, IngredientKey]]:
    """(recipe id → key → amount per batch, key → on hand, key → (ingredient, unit))."""
    units_of: dict[int, set[str]] = {}
    for recipe_lines in lines.values():
        for line in recipe_lines:
            units_of.setdefault(line.ingredient_id, set()).add(normalize_unit(line.unit))
    canonical: dict[int, list[tuple[list[str], str]]] = {}
    keys: dict[str, IngredientKey] = {}
    for ing, units in units_of.items():
        info = ingredients[ing]
        groups = []
        for group in unit_groups(units, info.density_g_per_ml):
            preferred = info.preferred_unit
            unit = normalize_unit(preferred) if preferred and preferred in group else group[0]
            groups.append((group, unit))
            keys[_key(ing, unit)] = (ing, unit)
        canonical[ing] = groups

    def place(ing: int, unit: str) -> str | None:
        density = ingredients[ing].density_g_per_ml
        for _, target in canonical.get(ing, ()):
            if can_convert(unit, target, density):
                return target
        return None

    amounts: dict[int, dict[str, Fraction]] = {}
    for rid, recipe_lines in lines.items():
        per: dict[str, Fraction] = {}
        for line in recipe_lines:
            target = place(line.ingredient_id, line.unit)
            if target is None:  # cannot happen: every line's unit is in a group
                continue
            density = ingredients[line.ingredient_id].density_g_per_ml
            value = Fraction(convert(line.quantity, line.unit, target, density))
            key = _key(line.ingredient_id, target)
            per[key] = per.get(key, Fraction(0)) + value
        amounts[rid] = per
    on_hand: dict[str, Fraction] = {}
    for p in pantry:
        if p.ingredient_id not in canonical:
            continue
        target = place(p.ingredient_id, p.unit)
        if target is None:
            continue
        density = ingredients[p.ingredient_id].density_g_per_ml
        key = _key(p.ingredient_id, target)
        on_hand[key] = on_hand.get(key, Fraction(0)) + Fraction(
            convert(p.quantity, p.unit, target, density)
        )
    return amounts, on_hand, keys
