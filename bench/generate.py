"""Deterministic synthetic bakeries as exchange documents (docs/EXCHANGE.md, version 2).

``bakery(size)`` returns the same JSON-ready dict for the same size and seed on
every machine: a catalog of ingredients (with densities where real kitchens
have them), recipes (some variants, some with two yield types), finished goods
(single items and bundles nested up to ``size.max_depth`` levels), a pantry,
and one main event whose lines are all available from its selected recipes,
with a batch decision for every recipe that has a need. The documents are
loaded with the real importer, so generating is also how import is measured.

Run ``python bench/generate.py large -o large.json`` to write one to a file.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import sys
from dataclasses import dataclass, replace
from fractions import Fraction

MAIN_EVENT_DATE = "2026-12-20"


@dataclass(frozen=True)
class Size:
    """How big a bakery is. ``goods`` counts singles and bundles together."""

    name: str
    recipes: int
    ingredients: int
    goods: int
    selected: int  # recipes selected for the main event
    lines: int  # finished-good lines of the main event
    max_depth: int  # deepest bundle nesting (a bundle of single items is level 1)


SIZES: dict[str, Size] = {
    "small": Size("small", recipes=50, ingredients=40, goods=90, selected=30, lines=40,
                  max_depth=3),
    "medium": Size("medium", recipes=100, ingredients=80, goods=220, selected=80, lines=150,
                   max_depth=4),
    "large": Size("large", recipes=1000, ingredients=400, goods=1500, selected=200, lines=300,
                  max_depth=5),
}  # fmt: skip


def scaled(size: Size, factor: int) -> Size:
    """``size`` with the catalog and the event multiplied by ``factor``."""
    return replace(
        size,
        name=f"{size.name}x{factor}",
        recipes=size.recipes * factor,
        ingredients=size.ingredients * factor,
        goods=size.goods * factor,
        selected=size.selected * factor,
        lines=size.lines * factor,
    )


# (name, category, density g/ml or None, units a recipe uses it in)
_INGREDIENTS = [
    ("All-purpose flour", "Dry goods", "0.53", ("cup", "g")),
    ("Bread flour", "Dry goods", "0.55", ("cup", "g")),
    ("Cake flour", "Dry goods", "0.48", ("cup",)),
    ("Whole wheat flour", "Dry goods", "0.51", ("cup", "g")),
    ("Granulated sugar", "Sweeteners", "0.85", ("cup", "g", "tbsp")),
    ("Brown sugar", "Sweeteners", "0.93", ("cup", "g")),
    ("Powdered sugar", "Sweeteners", "0.56", ("cup",)),
    ("Honey", "Sweeteners", "1.42", ("tbsp", "cup", "ml")),
    ("Maple syrup", "Sweeteners", "1.32", ("tbsp", "ml")),
    ("Unsalted butter", "Dairy", "0.911", ("cup", "g", "tbsp", "oz")),
    ("Whole milk", "Dairy", "1.03", ("cup", "ml")),
    ("Heavy cream", "Dairy", "1.01", ("cup", "ml")),
    ("Cream cheese", "Dairy", None, ("oz", "g")),
    ("Sour cream", "Dairy", "1.05", ("cup",)),
    ("Eggs", "Dairy", None, ("each",)),
    ("Egg yolks", "Dairy", None, ("each",)),
    ("Baking soda", "Leavening", "0.87", ("tsp",)),
    ("Baking powder", "Leavening", "0.9", ("tsp", "tbsp")),
    ("Instant yeast", "Leavening", None, ("g", "tsp")),
    ("Salt", "Spices", "1.2", ("tsp", "g")),
    ("Ground cinnamon", "Spices", "0.56", ("tsp", "tbsp")),
    ("Ground ginger", "Spices", "0.45", ("tsp",)),
    ("Nutmeg", "Spices", None, ("tsp",)),
    ("Vanilla extract", "Flavorings", "0.88", ("tsp", "tbsp")),
    ("Almond extract", "Flavorings", "0.88", ("tsp",)),
    ("Cocoa powder", "Chocolate", "0.42", ("cup", "tbsp", "g")),
    ("Dark chocolate", "Chocolate", None, ("g", "oz")),
    ("Chocolate chips", "Chocolate", None, ("cup", "oz")),
    ("White chocolate", "Chocolate", None, ("g", "oz")),
    ("Rolled oats", "Dry goods", "0.41", ("cup",)),
    ("Chopped walnuts", "Nuts", "0.47", ("cup", "g")),
    ("Sliced almonds", "Nuts", "0.38", ("cup",)),
    ("Pecans", "Nuts", None, ("g", "cup")),
    ("Raisins", "Fruit", "0.65", ("cup",)),
    ("Dried cranberries", "Fruit", "0.5", ("cup", "g")),
    ("Lemon zest", "Fruit", None, ("tbsp", "tsp")),
    ("Orange juice", "Fruit", "1.04", ("cup", "ml", "fl_oz")),
    ("Vegetable oil", "Fats", "0.92", ("cup", "ml", "tbsp")),
    ("Molasses", "Sweeteners", "1.4", ("tbsp", "cup")),
    ("Cornstarch", "Dry goods", "0.54", ("tbsp", "tsp")),
]
_FLAVORS = ["Vanilla", "Chocolate", "Brown Butter", "Lemon", "Gingerbread", "Almond",
            "Cinnamon", "Maple", "Cranberry", "Espresso", "Pistachio", "Salted Caramel",
            "Orange", "Coconut", "Raspberry", "Peanut Butter", "Hazelnut", "Cardamom"]
_KINDS = [("Cookie Dough", "Cookies", "cookie", "discrete"),
          ("Shortbread", "Cookies", "shortbread round", "discrete"),
          ("Brownie Batter", "Bars", "brownie square", "discrete"),
          ("Truffle Ganache", "Candy", "truffle", "discrete"),
          ("Layer Cake", "Cakes", "9-inch cake", "portion"),
          ("Loaf Cake", "Cakes", "loaf", "portion"),
          ("Scone Dough", "Pastry", "scone", "discrete"),
          ("Muffin Batter", "Pastry", "muffin", "discrete")]  # fmt: skip
_SECOND_YIELD = [("mini", "discrete"), ("sheet", "portion"), ("bite", "discrete")]
_BUNDLES = ["Gift tin", "Cookie box", "Holiday hamper", "Party platter", "Tasting flight",
            "Thank-you bag", "Sampler crate", "Dessert table"]
_PORTIONS = ["100", "50", "25", "20", "12.5"]
_PANTRY_UNITS = {"cup": ("lb", "kg", "cup"), "g": ("kg", "lb", "g"), "tbsp": ("cup", "g"),
                 "tsp": ("g", "oz"), "ml": ("l", "ml"), "oz": ("lb", "oz"),
                 "each": ("each", "dozen"), "fl_oz": ("l",)}  # fmt: skip


def _qty(rng: random.Random, unit: str) -> str:
    """A kitchen-looking quantity for ``unit``."""
    if unit in ("g", "ml"):
        return str(rng.choice([25, 50, 75, 100, 125, 150, 200, 225, 250, 300, 454]))
    if unit == "each":
        return str(rng.randint(1, 6))
    if unit in ("cup", "oz", "fl_oz"):
        return rng.choice(["0.25", "0.333", "0.5", "0.75", "1", "1.25", "1.5", "2", "2.75"])
    return rng.choice(["0.25", "0.5", "1", "1.5", "2", "3"])  # tsp, tbsp


def _ingredients(rng: random.Random, n: int) -> list[dict]:
    out = []
    for i in range(n):
        name, category, density, units = _INGREDIENTS[i % len(_INGREDIENTS)]
        lot = i // len(_INGREDIENTS)
        if lot:
            name = f"{name} no. {lot + 1}"
            if density is not None:  # another brand, a slightly different density
                density = str(round(float(density) * rng.uniform(0.95, 1.05), 3))
        out.append({"name": name, "category": category, "density_g_per_ml": density,
                    "_units": units})
    return out


def _recipes(rng: random.Random, n: int, ingredients: list[dict]) -> list[dict]:
    """Recipes with lines and yields; about one in five is a variant of an earlier base."""
    recipes: list[dict] = []
    for i in range(n):
        flavor = _FLAVORS[i % len(_FLAVORS)]
        kind, category, item, mode = _KINDS[(i // len(_FLAVORS)) % len(_KINDS)]
        bases = [r for r in recipes if "base" not in r]
        is_variant = bases and rng.random() < 0.2
        count = rng.randint(1, 3) if is_variant else rng.randint(4, 9)
        lines = []
        for ing in rng.sample(ingredients, count):
            unit = rng.choice(ing["_units"])
            lines.append({"ingredient": ing["name"], "quantity": _qty(rng, unit), "unit": unit})
        recipe = {"name": f"{flavor} {kind} {i + 1}", "category": category,
                  "notes": "", "ingredients": lines}
        if is_variant:
            recipe["base"] = rng.choice(bases)["name"]
        yields = [_yield(rng, f"{flavor} {item} {i + 1}", mode)]
        if rng.random() < 0.2:  # a second yield type from the same batch
            label, second_mode = rng.choice(_SECOND_YIELD)
            yields.append(_yield(rng, f"{flavor} {label} {item} {i + 1}", second_mode))
        recipe["yields"] = yields
        recipes.append(recipe)
    return recipes


def _yield(rng: random.Random, name: str, mode: str) -> dict:
    if mode == "discrete":
        return {"name": name, "mode": "discrete_count",
                "items_per_batch": rng.choice([12, 16, 18, 24, 30, 36, 48])}
    return {"name": name, "mode": "batch_portion", "batch_percentage": rng.choice(_PORTIONS)}


@dataclass
class _GoodInfo:
    name: str
    level: int  # 0 = a single item, k = a bundle nesting k levels
    recipes: frozenset[int]
    units: dict[str, int]  # unit name -> items in ONE of this good


def _goods(rng: random.Random, size: Size, recipes: list[dict], selected: set[int]):
    """Singles (one per yield type, selected recipes first) and bundles; 40 % of the
    bundles are made only of selected recipes' items, so the event has lines to pick."""
    units = [(ri, y["name"]) for ri, r in enumerate(recipes) for y in r["yields"]]
    n_bundles = max(size.goods // 3, size.max_depth * 2)
    n_singles = min(len(units), size.goods - n_bundles)
    n_bundles = size.goods - n_singles
    first_of_selected = [(ri, recipes[ri]["yields"][0]["name"]) for ri in sorted(selected)]
    rest = [u for u in units if u not in set(first_of_selected)]
    rng.shuffle(rest)
    infos: list[_GoodInfo] = []
    docs: list[dict] = []
    for ri, unit in (first_of_selected + rest)[:n_singles]:
        infos.append(_GoodInfo(unit, 0, frozenset({ri}), {unit: 1}))
        docs.append({"name": unit, "components": [{"unit": unit, "quantity": 1}]})
    unit_recipe = dict((name, ri) for ri, name in units)
    for b in range(n_bundles):
        in_pool = rng.random() < 0.4
        target = 1 + b % size.max_depth
        candidates = [g for g in infos if g.level < target
                      and (not in_pool or g.recipes <= selected)]
        below = [g for g in candidates if g.level == target - 1]
        chosen: list[_GoodInfo] = [rng.choice(below)] if below else []
        extra = rng.sample(candidates, min(len(candidates), rng.randint(1, 4)))
        chosen += [g for g in extra if g not in chosen]
        components, bundle_units, bundle_recipes = [], {}, set()
        for child in chosen:
            qty = rng.randint(1, 2) if child.level else rng.randint(1, 6)
            if child.level == 0 and rng.random() < 0.5:  # the bare item, not its single good
                (unit,) = child.units
                components.append({"unit": unit, "quantity": qty})
            else:
                components.append({"good": child.name, "quantity": qty})
            for unit, n in child.units.items():
                bundle_units[unit] = bundle_units.get(unit, 0) + qty * n
            bundle_recipes |= child.recipes
        name = f"{_BUNDLES[b % len(_BUNDLES)]} {b + 1}"
        level = 1 + max((g.level for g in chosen), default=0)
        infos.append(_GoodInfo(name, level, frozenset(bundle_recipes), bundle_units))
        docs.append({"name": name, "components": components})
    return infos, docs, unit_recipe


def _event(rng, size, recipes, selected, infos, unit_recipe) -> dict:
    """The main event: every selected recipe needed, decisions for all of them."""
    first = infos[: len(selected)]  # each selected recipe's first single, in order
    pool = [g for g in infos[len(selected):] if g.recipes and g.recipes <= selected]
    rng.shuffle(pool)
    picked = first + pool[: max(0, size.lines - len(first))]
    lines = []
    need_items: dict[str, int] = {}
    for g in picked:
        qty = rng.randint(12, 120) if g.level == 0 else rng.randint(5, 30)
        lines.append({"good": g.name, "quantity": qty})
        for unit, n in g.units.items():
            need_items[unit] = need_items.get(unit, 0) + qty * n
    yields = {y["name"]: y for r in recipes for y in r["yields"]}
    need_batches: dict[int, Fraction] = {}
    for unit, items in need_items.items():
        y = yields[unit]
        per_item = (Fraction(1, y["items_per_batch"]) if y["mode"] == "discrete_count"
                    else Fraction(y["batch_percentage"]) / 100)
        ri = unit_recipe[unit]
        need_batches[ri] = need_batches.get(ri, Fraction(0)) + items * per_item
    decisions = []
    for ri in sorted(need_batches):
        need = need_batches[ri]
        batches = math.floor(need) if rng.random() < 0.2 and need >= 2 else math.ceil(need)
        decision = {"recipe": recipes[ri]["name"], "batches": batches}
        if len(recipes[ri]["yields"]) > 1:
            decision["yield"] = recipes[ri]["yields"][0]["name"]
        decisions.append(decision)
    return {"name": f"Benchmark {size.name}", "date": MAIN_EVENT_DATE,
            "expected_attendees": 120, "notes": "generated", "plan_state": "draft",
            "recipes": [recipes[ri]["name"] for ri in sorted(selected)],
            "finished_goods": lines, "batch_decisions": decisions, "production": [],
            "snapshot": None, "amendments": []}


def _pantry(rng: random.Random, ingredients: list[dict]) -> list[dict]:
    pantry = []
    for ing in ingredients:
        if rng.random() < 0.6:
            unit = rng.choice(_PANTRY_UNITS[ing["_units"][0]])
            pantry.append({"ingredient": ing["name"], "quantity": str(rng.randint(1, 20)),
                           "unit": unit})
    return pantry


# Packs a shop sells, by the unit a recipe first uses the ingredient in: (label, qty, unit).
_PACKS = {"cup": (("2 lb bag", "2", "lb"), ("5 lb bag", "5", "lb"), ("25 lb sack", "25", "lb")),
          "g": (("1 lb box", "1", "lb"), ("4 lb block", "4", "lb")),
          "tbsp": (("8 oz tin", "8", "oz"), ("1 lb tub", "1", "lb")),
          "tsp": (("2 oz jar", "2", "oz"), ("8 oz jar", "8", "oz")),
          "ml": (("1 l carton", "1", "l"), ("half gallon", "8", "cup")),
          "oz": (("12 oz bag", "12", "oz"), ("3 lb bag", "3", "lb")),
          "each": (("dozen", "1", "dozen"), ("5 dozen flat", "5", "dozen")),
          "fl_oz": (("2 fl oz bottle", "2", "fl_oz"), ("16 fl oz bottle", "16", "fl_oz"))}
_STORES = ("Grocer", "Warehouse club", None)


def _add_packs(size: Size, seed: int, ingredients: list[dict]) -> None:
    """Version 2 pack data (a separate random stream, so the rest of the document
    is what version 1 generated): every ingredient gets its shop's packs, the
    first preferred, about one in ten without a price."""
    rng = random.Random(f"{size.name}:{seed}:packs")
    for ing in ingredients:
        packs = []
        for n, (label, qty, unit) in enumerate(_PACKS[ing["_units"][0]]):
            pack: dict = {"label": label, "quantity": qty, "unit": unit}
            if rng.random() >= 0.1:
                pack["price"] = f"{float(qty) * rng.uniform(0.8, 3.5):.2f}"
            store = rng.choice(_STORES)
            if store:
                pack["store"] = store
            if n == 0:
                pack["preferred"] = True
            packs.append(pack)
        ing["packs"] = packs


def bakery(size: Size | str, seed: int = 2026) -> dict:
    """The exchange document of a synthetic bakery of ``size`` (same seed, same document)."""
    if isinstance(size, str):
        size = SIZES[size]
    if size.selected > size.recipes or size.lines < size.selected:
        raise ValueError(f"size {size.name}: needs selected ≤ recipes and lines ≥ selected")
    rng = random.Random(f"{size.name}:{seed}")
    ingredients = _ingredients(rng, size.ingredients)
    recipes = _recipes(rng, size.recipes, ingredients)
    selected = set(rng.sample(range(size.recipes), size.selected))
    infos, goods, unit_recipe = _goods(rng, size, recipes, selected)
    event = _event(rng, size, recipes, selected, infos, unit_recipe)
    pantry = _pantry(rng, ingredients)
    _add_packs(size, seed, ingredients)
    side = sorted(selected)[:3]  # a second, small event: the refresh must ignore it
    side_event = {"name": "Bake sale", "date": "2026-06-01", "expected_attendees": None,
                  "notes": "", "plan_state": "draft",
                  "recipes": [recipes[ri]["name"] for ri in side],
                  "finished_goods": [{"good": infos[i].name, "quantity": 24}
                                     for i, ri in enumerate(sorted(selected)) if ri in side],
                  "batch_decisions": [], "production": [], "snapshot": None,
                  "amendments": []}
    return {
        "format": "bake-planner",
        "version": 2,
        "ingredients": [{k: v for k, v in i.items() if not k.startswith("_")}
                        for i in ingredients],
        "recipes": recipes,
        "finished_goods": goods,
        "pantry": pantry,
        "events": [event, side_event],
    }


def nesting_depth(doc: dict) -> int:
    """The deepest bundle level in ``doc`` (a bundle of single items is 1)."""
    comps = {g["name"]: [c["good"] for c in g["components"] if "good" in c]
             for g in doc["finished_goods"]}
    depth: dict[str, int] = {}
    for name in comps:  # goods only refer to earlier goods, so one pass in order works
        children = comps[name]
        depth[name] = 1 + max((depth[c] for c in children), default=-1) if children else 0
    return max(depth.values(), default=0)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("size", help="small, medium, large, or medium*4 / medium*16")
    parser.add_argument("-o", "--output", default="-", help="file to write (default stdout)")
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args(argv)
    name, _, factor = args.size.partition("*")
    size = SIZES[name] if not factor else scaled(SIZES[name], int(factor))
    text = json.dumps(bakery(size, args.seed), indent=1, ensure_ascii=False)
    if args.output == "-":
        sys.stdout.write(text + "\n")
    else:
        with open(args.output, "w", encoding="utf-8") as out:
            out.write(text + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
