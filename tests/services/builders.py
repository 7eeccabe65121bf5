"""Test helpers that build catalog rows straight through the ORM.

The catalog service is written elsewhere; these builders insert the rows the
plan services read (ingredients, recipes and their lines, yield types,
finished goods and components, pantry) so the plan tests do not depend on it.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy.orm import Session

from src.db import Database
from src.models import (
    FinishedGood,
    FinishedGoodComponent,
    FinishedUnit,
    Ingredient,
    PantryItem,
    Recipe,
    RecipeIngredient,
    YieldMode,
)
from src.services.plan.events import create_event


def add_ingredient(
    session: Session, name: str, *, density: str | None = None, category: str = ""
) -> Ingredient:
    row = Ingredient(
        name=name, category=category, density_g_per_ml=Decimal(density) if density else None
    )
    session.add(row)
    session.flush()
    return row


def add_recipe(
    session: Session,
    name: str,
    *,
    base: Recipe | None = None,
    lines: tuple[tuple[Ingredient, str, str], ...] = (),
    category: str = "",
) -> Recipe:
    """A recipe with lines given as (ingredient, quantity text, unit)."""
    row = Recipe(name=name, category=category, base_recipe_id=base.id if base else None)
    session.add(row)
    session.flush()
    for ingredient, qty, unit in lines:
        session.add(
            RecipeIngredient(
                recipe_id=row.id, ingredient_id=ingredient.id, quantity=Decimal(qty), unit=unit
            )
        )
    session.flush()
    return row


def add_unit(
    session: Session,
    recipe: Recipe,
    name: str,
    *,
    per_batch: int | None = None,
    percentage: str | None = None,
) -> FinishedUnit:
    if percentage is None:
        row = FinishedUnit(
            name=name,
            recipe_id=recipe.id,
            yield_mode=YieldMode.DISCRETE_COUNT,
            items_per_batch=per_batch,
        )
    else:
        row = FinishedUnit(
            name=name,
            recipe_id=recipe.id,
            yield_mode=YieldMode.BATCH_PORTION,
            batch_percentage=Decimal(percentage),
        )
    session.add(row)
    session.flush()
    return row


def add_good(
    session: Session, name: str, *components: tuple[FinishedUnit | FinishedGood, int]
) -> FinishedGood:
    """A finished good made of (finished unit or finished good, quantity) components."""
    row = FinishedGood(name=name)
    session.add(row)
    session.flush()
    for part, qty in components:
        if isinstance(part, FinishedUnit):
            session.add(
                FinishedGoodComponent(
                    finished_good_id=row.id, finished_unit_id=part.id, quantity=qty
                )
            )
        else:
            session.add(
                FinishedGoodComponent(
                    finished_good_id=row.id, component_good_id=part.id, quantity=qty
                )
            )
    session.flush()
    return row


def add_pantry(session: Session, ingredient: Ingredient, quantity: str, unit: str) -> None:
    session.add(PantryItem(ingredient_id=ingredient.id, quantity=Decimal(quantity), unit=unit))
    session.flush()


@dataclass(frozen=True)
class Bakery:
    """Ids of the small example bakery of DESIGN.md / EXCHANGE.md."""

    flour: int
    sugar: int
    cocoa: int
    cream: int
    sugar_dough: int  # "Sugar Cookie Dough": 2.75 cup flour, 1 cup sugar; 24 per batch
    choc_dough: int  # variant of it: + 0.5 cup cocoa, sugar replaced by 1.25 cup
    truffles: int  # "Truffles": 1 cup cream; 12 per batch
    cake: int  # "Vanilla Cake": 3 cup flour; a 9-inch cake is 50 % of a batch
    u_cookie: int
    u_choc: int
    u_truffle: int
    u_cake: int
    g_cookie: int  # "Sugar cookie" = 1 sugar cookie
    g_choc: int  # "Chocolate sugar cookie"
    g_truffle_box: int  # "Truffle box" = 4 truffles
    g_tin: int  # "Cookie tin" = 6 sugar cookies + 1 truffle box
    g_cake: int  # "Vanilla cake" = 1 cake


def build_bakery(db: Database) -> Bakery:
    """The example bakery, with 5 lb of flour in the pantry."""
    with db.uow() as s:
        flour = add_ingredient(s, "All-purpose flour", density="0.53", category="Dry goods")
        sugar = add_ingredient(s, "Granulated sugar", density="0.85", category="Dry goods")
        cocoa = add_ingredient(s, "Cocoa powder", category="Dry goods")
        cream = add_ingredient(s, "Heavy cream", category="Dairy")
        sugar_dough = add_recipe(
            s,
            "Sugar Cookie Dough",
            category="Cookies",
            lines=((flour, "2.75", "cup"), (sugar, "1", "cup")),
        )
        choc = add_recipe(
            s,
            "Chocolate Sugar Cookie Dough",
            base=sugar_dough,
            lines=((cocoa, "0.5", "cup"), (sugar, "1.25", "cup")),
        )
        truffles = add_recipe(s, "Truffles", lines=((cream, "1", "cup"),))
        cake = add_recipe(s, "Vanilla Cake", lines=((flour, "3", "cup"),))
        u_cookie = add_unit(s, sugar_dough, "Sugar cookie", per_batch=24)
        u_choc = add_unit(s, choc, "Chocolate sugar cookie", per_batch=24)
        u_truffle = add_unit(s, truffles, "Truffle", per_batch=12)
        u_cake = add_unit(s, cake, "9-inch vanilla cake", percentage="50")
        g_cookie = add_good(s, "Sugar cookie", (u_cookie, 1))
        g_choc = add_good(s, "Chocolate sugar cookie", (u_choc, 1))
        g_box = add_good(s, "Truffle box", (u_truffle, 4))
        g_tin = add_good(s, "Cookie tin", (u_cookie, 6), (g_box, 1))
        g_cake = add_good(s, "Vanilla cake", (u_cake, 1))
        add_pantry(s, flour, "5", "lb")
        return Bakery(
            flour.id,
            sugar.id,
            cocoa.id,
            cream.id,
            sugar_dough.id,
            choc.id,
            truffles.id,
            cake.id,
            u_cookie.id,
            u_choc.id,
            u_truffle.id,
            u_cake.id,
            g_cookie.id,
            g_choc.id,
            g_box.id,
            g_tin.id,
            g_cake.id,
        )


def new_event(db: Database, name: str = "Christmas 2026") -> int:
    return create_event(db, name=name, event_date="2026-12-20").id


@dataclass(frozen=True)
class ScaledCatalog:
    recipe_ids: tuple[int, ...]
    good_ids: tuple[int, ...]  # one single good per recipe, then one bundle per two recipes


def build_scaled(db: Database, n: int, *, prefix: str = "R") -> ScaledCatalog:
    """``n`` recipes (each a variant of the previous even one, 3 lines, one yield
    type), a single good per recipe and a bundle per pair; pantry for each
    ingredient. Used to check that loading does not grow with size."""
    with db.uow() as s:
        ings = [
            add_ingredient(s, f"{prefix} ingredient {i}", density="0.5" if i % 2 else None)
            for i in range(max(3, n // 5))
        ]
        recipes: list[Recipe] = []
        units: list[FinishedUnit] = []
        goods: list[FinishedGood] = []
        for i in range(n):
            base = recipes[i - 1] if i % 2 else None
            lines = tuple(
                (ings[(i + k) % len(ings)], f"{k + 1}.5", ("cup", "g", "tbsp")[k]) for k in range(3)
            )
            r = add_recipe(s, f"{prefix} recipe {i:04d}", base=base, lines=lines)
            recipes.append(r)
            units.append(add_unit(s, r, f"{prefix} unit {i:04d}", per_batch=12 + i % 5))
        for i in range(n):
            goods.append(add_good(s, f"{prefix} single {i:04d}", (units[i], 1)))
        for i in range(0, n - 1, 2):
            goods.append(add_good(s, f"{prefix} bundle {i:04d}", (units[i], 2), (goods[i + 1], 3)))
        for i, ing in enumerate(ings):
            add_pantry(s, ing, str(100 + i), "g" if i % 2 else "cup")
        return ScaledCatalog(tuple(r.id for r in recipes), tuple(g.id for g in goods))


def planned_event(db: Database, b: Bakery, state: str = "draft") -> int:
    """An event selecting Sugar Cookie Dough and Truffles, with 200 sugar
    cookies and 10 truffle boxes, Sugar Cookie Dough decided at 9 batches,
    moved on to ``state`` (draft, locked, in_production, completed)."""
    from src.services.plan import lifecycle
    from src.services.plan.decisions import set_batch_decision
    from src.services.plan.selection import set_quantity, set_selected_recipes

    event_id = new_event(db)
    set_selected_recipes(db, event_id, [b.sugar_dough, b.truffles])
    set_quantity(db, event_id, b.g_cookie, 200)
    set_quantity(db, event_id, b.g_truffle_box, 10)
    set_batch_decision(db, event_id, b.sugar_dough, 9, b.u_cookie)
    steps = {
        "draft": (),
        "locked": (lifecycle.lock_plan,),
        "in_production": (lifecycle.lock_plan, lifecycle.start_production),
        "completed": (lifecycle.lock_plan, lifecycle.start_production, lifecycle.complete_plan),
    }[state]
    for step in steps:
        step(db, event_id)
    return event_id


def plan_everything(db: Database, catalog: ScaledCatalog, lines: int | None = None) -> int:
    """A draft event selecting every recipe, with a line (quantity 5 + i % 7)
    for the first ``lines`` goods and a decision (the ceiling of the need)
    for every recipe with a need; rows inserted directly for speed."""
    import math

    from src.models import BatchDecision, Event, EventFinishedGood, EventRecipe
    from src.planning.batches import batch_need
    from src.planning.plan_view.batches import needs_by_recipe
    from src.services.plan.catalog_rows import load_goods, load_units

    event_id = new_event(db, "Large")
    chosen = catalog.good_ids[: len(catalog.good_ids) if lines is None else lines]
    quantities = {gid: 5 + i % 7 for i, gid in enumerate(chosen)}
    with db.uow() as s:
        event = s.get(Event, event_id)
        units = load_units(s)
        needs = needs_by_recipe(quantities, load_goods(s), units)
        event.event_recipes.extend(EventRecipe(recipe_id=r) for r in catalog.recipe_ids)
        event.event_finished_goods.extend(
            EventFinishedGood(finished_good_id=g, quantity=q) for g, q in quantities.items()
        )
        event.batch_decisions.extend(
            BatchDecision(recipe_id=r, batches=max(1, math.ceil(batch_need(n, units))))
            for r, n in needs.items()
        )
    return event_id
