"""Where the Alembic migrations are, and the Alembic configuration built in code.

An installed Bake Planner carries its migrations inside the package
(``src/_alembic``, copied there by the build step in setup.py); a checkout
(including an editable install) uses the top-level ``alembic/`` folder. No
``alembic.ini`` is read at run time.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Any

_PACKAGED = "_alembic"


class MigrationsMissingError(Exception):
    """The migration scripts are not where this installation expects them."""


def _looks_like_migrations(folder: Path) -> bool:
    return (folder / "env.py").is_file() and (folder / "versions").is_dir()


def candidate_dirs() -> list[Path]:
    """The folders searched, in order: inside the package, then the checkout."""
    package_root = Path(str(resources.files("src")))
    return [package_root / _PACKAGED, package_root.parent / "alembic"]


def migrations_dir() -> Path:
    """The folder holding env.py and versions/, or MigrationsMissingError."""
    for folder in candidate_dirs():
        if _looks_like_migrations(folder):
            return folder
    raise MigrationsMissingError(
        "this Bake Planner installation is incomplete: its database migrations are "
        f"missing (looked in {candidate_dirs()[0]}); reinstall bake-planner"
    )


def alembic_config(connection: Any = None) -> Any:
    """An alembic Config for our migrations; ``connection`` is handed to env.py."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(migrations_dir()))
    if connection is not None:
        config.attributes["connection"] = connection
    return config
