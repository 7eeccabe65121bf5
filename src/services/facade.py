"""The services bound to one database: what the window holds instead of the database.

``Services(db)`` exposes each service module as an attribute whose functions
take the database already: ``services.selection.set_quantity(event_id, good_id,
"12")`` calls ``selection.set_quantity(db, event_id, good_id, "12")``. Only the
public functions whose first parameter is the database are offered, so a view
cannot reach a session-taking helper. The UI imports this module (and DTO and
error modules), never ``src.db``: ``open_services`` opens the database for it.

Any other module of ``src.services`` is reached the same way by its name
(``services.costs.event_costs(event_id)``). When the services are reorganised,
this file is the one place the UI's view of them changes.
"""

from __future__ import annotations

import importlib
import inspect
import os
from collections.abc import Callable
from functools import partial
from pathlib import Path
from types import ModuleType
from typing import Any

from src.db import Database, DatabaseError, demo_db_path, open_database

__all__ = ["BoundServices", "DatabaseError", "Services", "as_services", "open_services"]


class BoundServices:
    """The public functions of one service module with the database bound."""

    def __init__(self, module: ModuleType, db: Database) -> None:
        self._module = module
        self._db = db

    def __getattr__(self, name: str) -> Callable[..., Any]:
        function = getattr(self._module, name, None) if not name.startswith("_") else None
        if not callable(function) or not _takes_database(function):
            raise AttributeError(f"{self._module.__name__} offers no service {name!r}")
        return partial(function, self._db)

    def __repr__(self) -> str:
        return f"<services {self._module.__name__}>"


def _takes_database(function: Callable[..., Any]) -> bool:
    try:
        parameters = list(inspect.signature(function).parameters)
    except (TypeError, ValueError):
        return False
    return bool(parameters) and parameters[0] == "db"


# attribute -> its module under src.services: the window's names for the services
# (flat, as the window has always called them) to the packages they live in.
AREAS = {
    "amendment_dto": "plan.amendment_dto",
    "amendment_effects": "plan.amendment_effects",
    "amendments": "plan.amendments",
    "bake_sheet": "plan.bake_sheet",
    "bakery_settings": "bakedays.settings",
    "catalog_common": "catalog.common",
    "catalog_dto": "catalog.dto",
    "catalog_goods": "catalog.goods",
    "catalog_ingredients": "catalog.ingredients",
    "catalog_packs": "catalog.packs",
    "catalog_recipe_rules": "catalog.recipe_rules",
    "catalog_recipes": "catalog.recipes",
    "cloning": "aids.cloning",
    "completion": "plan.completion",
    "cost_dto": "plan.cost_dto",
    "decisions": "plan.decisions",
    "demo": "exchange.demo",
    "events": "plan.events",
    "exchange_bake_days": "exchange.bake_days",
    "exchange_export": "exchange.export",
    "exchange_import": "exchange.reading",
    "exchange_json": "exchange.json_data",
    "exchange_packs": "exchange.packs",
    "exchange_problems": "exchange.problems",
    "exchange_replay": "exchange.replay",
    "exchange_schema": "exchange.schema",
    "exchange_writer": "exchange.writer",
    "leftovers": "aids.leftovers",
    "lifecycle": "plan.lifecycle",
    "optimiser": "aids.optimiser",
    "optimiser_dto": "aids.optimiser_dto",
    "optimiser_solver": "aids.solver",
    "pantry": "catalog.pantry",
    "pantry_check": "aids.pantry_check",
    "plan": "plan.view",
    "plan_dto": "plan.dto",
    "plan_loading": "plan.loading",
    "plan_cache": "plan.cache",
    "plan_catalog_rows": "plan.catalog_rows",
    "plan_undo": "plan.undo",
    "plan_view": "plan.view",
    "plan_watch": "plan.watch",
    "planning_aids_dto": "aids.dto",
    "production": "plan.production",
    "reads": "plan.reads",
    "schedule": "bakedays.schedule",
    "schedule_dto": "bakedays.dto",
    "selection": "plan.selection",
    "single_goods": "catalog.single_goods",
    "snapshot": "plan.snapshot",
    "suggestions": "aids.suggestions",
}


class Services:
    """Every service the window uses, bound to ``db``. A module is imported the first
    time it is used (start-up pays only for what the first screen needs)."""

    events: BoundServices
    plan: BoundServices  # plan_view
    lifecycle: BoundServices
    selection: BoundServices
    decisions: BoundServices
    production: BoundServices
    amendments: BoundServices
    demo: BoundServices
    catalog: BoundServices
    pantry: BoundServices

    def __init__(self, db: Database) -> None:
        self._db = db

    def __getattr__(self, name: str) -> BoundServices:
        """The service module ``name`` (``services.costs`` binds ``src.services.costs``),
        so a new service needs no line here."""
        if name.startswith("_") or not name.isidentifier():
            raise AttributeError(name)
        module_name = f"src.services.{AREAS.get(name, name)}"
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as exc:
            if exc.name != module_name:
                raise  # the module exists but an import inside it failed: say so
            raise AttributeError(f"there is no service module {name!r}") from None
        bound = BoundServices(module, self._db)
        setattr(self, name, bound)
        return bound

    @property
    def backup_path(self) -> Path | None:
        """The copy (SQLite) or JSON backup (a server) taken before this opening
        upgraded the database; None when nothing was upgraded."""
        return self._db.backup_path

    def dispose(self) -> None:
        """Close the database's connections (the window is closing)."""
        self._db.dispose()


def as_services(handle: Services | Database) -> Services:
    """``handle`` as services: a Database (tests, scripts) is bound on the way in."""
    return handle if isinstance(handle, Services) else Services(handle)


def open_services(location: str | os.PathLike[str] | None = None, *,
                  demo_database: bool = False) -> Services:
    """Open (creating and migrating) the database at ``location`` — a path or URL, None
    for the default, or with ``demo_database`` and no location the demo's own — and
    bind the services to it. Raises DatabaseError when it cannot be used."""
    if location is None and demo_database:
        location = demo_db_path()
    return Services(open_database(location))
