"""Recipes and their variants: the one home of the base chain.

A variant names a base recipe (``base_id``); the catalog refuses a variant of
a variant, but data imported or edited elsewhere may hold longer chains, so
every function here follows the chain through any depth and stops at a loop
or at a base that is not in the catalog. Inheritance of ingredient lines
along the chain is :func:`src.planning.aggregation.effective_lines`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from .aggregation import IngredientLine, effective_lines
from .records import record

__all__ = [
    "RecipeInfo",
    "base_chain",
    "with_ancestors",
    "effective_recipe_lines",
    "variant_order",
]


@record
class RecipeInfo:
    """What the plan needs to know about a recipe."""

    id: int
    name: str
    category: str
    base_id: int | None


def base_chain(recipes: Mapping[int, RecipeInfo], recipe_id: int) -> list[int]:
    """``recipe_id`` followed by its base, the base's base, … (ids in the catalog only)."""
    chain: list[int] = []
    rid: int | None = recipe_id
    while rid is not None and rid in recipes and rid not in chain:
        chain.append(rid)
        rid = recipes[rid].base_id
    return chain


def with_ancestors(recipes: Mapping[int, RecipeInfo], recipe_ids: Iterable[int]) -> set[int]:
    """``recipe_ids`` and every base they inherit from, through any depth."""
    out: set[int] = set()
    for first in recipe_ids:
        rid: int | None = first
        while rid is not None and rid not in out and rid in recipes:
            out.add(rid)
            rid = recipes[rid].base_id
    return out


def effective_recipe_lines(
    recipes: Mapping[int, RecipeInfo],
    own_lines: Mapping[int, Sequence[IngredientLine]],
    recipe_id: int,
) -> tuple[IngredientLine, ...]:
    """The recipe's lines after inheritance from its base chain (a variant's
    own line for an ingredient replaces its base's). ``own_lines`` holds each
    recipe's own lines, in entry order, for the recipe and its bases."""
    info = recipes.get(recipe_id)
    if info is not None and (info.base_id is None or info.base_id not in recipes):
        return tuple(own_lines.get(recipe_id, ()))  # not a variant: its own lines
    lines: tuple[IngredientLine, ...] | None = None
    for rid in reversed(base_chain(recipes, recipe_id)):
        lines = effective_lines(own_lines.get(rid, ()), lines)
    return lines or ()


def variant_order(recipes: Mapping[int, RecipeInfo]) -> list[RecipeInfo]:
    """Bases by name, each followed by its variants (depth-first, by name); a
    recipe on a base loop, reachable from no base, comes last, by name."""
    children: dict[int | None, list[RecipeInfo]] = {}
    for r in recipes.values():
        parent = r.base_id if r.base_id in recipes else None
        children.setdefault(parent, []).append(r)
    for group in children.values():
        group.sort(key=lambda r: (r.name.casefold(), r.id))
    order: list[RecipeInfo] = []
    seen: set[int] = set()
    stack = list(reversed(children.get(None, [])))
    while stack:
        r = stack.pop()
        if r.id in seen:
            continue
        seen.add(r.id)
        order.append(r)
        stack.extend(reversed(children.get(r.id, [])))
    order += sorted((r for r in recipes.values() if r.id not in seen), key=lambda r: r.name)
    return order
