"""Build step: copy the top-level ``alembic/`` migrations into the package.

Everything else is in pyproject.toml. The repository keeps its migrations in
``alembic/`` (where the ``alembic`` command line looks for them); an installed
Bake Planner finds them inside the package as ``src/_alembic`` (see
src/migrations.py), so a wheel works with no checkout present.
"""

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = Path(__file__).resolve().parent


class build_py_with_migrations(build_py):  # noqa: N801 (setuptools command naming)
    def run(self) -> None:
        super().run()
        if self.editable_mode:
            return  # an editable install reads alembic/ from the checkout
        target = Path(self.build_lib) / "src" / "_alembic"
        if target.exists():
            shutil.rmtree(target)
        shutil.copytree(
            HERE / "alembic",
            target,
            ignore=shutil.ignore_patterns("__pycache__", "*.pyc"),
        )


setup(cmdclass={"build_py": build_py_with_migrations})
