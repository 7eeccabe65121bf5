"""The bundled demo bakery: a realistic catalog, pantry and three events.

The data lives in ``src/data/demo_bakery.json`` (an exchange document, read
as package data) and is loaded through the ordinary importer, so the demo is
also a standing test of the exchange format. Dates are fixed around
2026-11-26: last year's completed exchange, this week's bake sale in
production, and next month's cookie exchange in draft.
"""

from __future__ import annotations

import json
from importlib import resources
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select

from src.db import Database
from src.models import Event, FinishedGood, Ingredient, Recipe

from ..errors import ConflictError

if TYPE_CHECKING:
    from . import ImportResult


def demo_document() -> dict[str, Any]:
    """A fresh copy of the demo bakery document."""
    text = (resources.files("src") / "data" / "demo_bakery.json").read_text(encoding="utf-8")
    return json.loads(text)


def database_is_empty(db: Database) -> bool:
    """True when the database holds no ingredients, recipes, goods or events."""
    with db.uow() as session:
        for model in (Ingredient, Recipe, FinishedGood, Event):
            if session.scalar(select(func.count()).select_from(model)):
                return False
        return True


def load_demo(db: Database, *, replace: bool = False) -> ImportResult:
    """Import the demo bakery. Refused (ConflictError) when the database already
    has data, unless ``replace``: then the demo's things overwrite those of the
    same name and everything else is kept."""
    # The importer (and pydantic) load only when the demo is really loaded:
    # the window asks database_is_empty() at every start.
    from . import import_document

    if not replace and not database_is_empty(db):
        raise ConflictError(
            "This database already has data; the demo bakery is loaded only into an empty "
            "database (use --replace to overwrite the demo's recipes and events in it)"
        )
    return import_document(db, demo_document(), replace=replace)


def load_demo_if_empty(db: Database) -> bool:
    """Load the demo bakery when the database is empty; True when it was loaded."""
    if not database_is_empty(db):
        return False
    from . import import_document

    import_document(db, demo_document())
    return True
