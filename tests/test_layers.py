"""Layer rules that import-linter cannot express: src/planning uses only the stdlib and pint."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

SRC = Path(__file__).resolve().parent.parent / "src"


def _imported_top_levels(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module)
    return names


def test_planning_core_imports_only_stdlib_and_pint():
    allowed = set(sys.stdlib_module_names) | {"pint"}
    bad = []
    for path in sorted((SRC / "planning").rglob("*.py")):
        for name in _imported_top_levels(path):
            top = name.split(".")[0]
            if name.startswith("src.planning") or top in allowed:
                continue
            bad.append(f"{path.relative_to(SRC.parent)} imports {name}")
    assert bad == []


def test_ui_never_imports_models_or_sqlalchemy():
    bad = []
    for path in sorted((SRC / "ui").rglob("*.py")):
        for name in _imported_top_levels(path):
            if name.startswith(("src.models", "sqlalchemy", "alembic")):
                bad.append(f"{path.relative_to(SRC.parent)} imports {name}")
    assert bad == []
