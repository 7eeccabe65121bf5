"""Units as bakers type them, through the command line's import (one parser for all)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "main.py", *args], cwd=ROOT, capture_output=True,
                          text=True, encoding="utf-8", timeout=120)


def document(units: list[str]) -> dict:
    return {
        "format": "bake-planner", "version": 1,
        "ingredients": [{"name": "Flour", "category": "Dry", "preferred_unit": "c"}],
        "recipes": [{"name": "Bread", "ingredients": [
            {"ingredient": "Flour", "quantity": "1", "unit": unit} for unit in units[:1]]}],
        "pantry": [{"ingredient": "Flour", "quantity": "2", "unit": units[-1]}],
    }


def test_import_accepts_baker_spellings_and_stores_the_unit(tmp_path: Path) -> None:
    doc, out, db = tmp_path / "in.json", tmp_path / "out.json", str(tmp_path / "x.db")
    doc.write_text(json.dumps(document(["T", "lbs."])), encoding="utf-8")
    done = run("import", str(doc), "--db", db)
    assert done.returncode == 0, done.stderr
    assert run("export", str(out), "--db", db).returncode == 0
    exported = json.loads(out.read_text(encoding="utf-8"))
    assert exported["ingredients"][0]["display_unit"] == "cup"  # version 2's name for it
    assert exported["recipes"][0]["ingredients"][0]["unit"] == "tbsp"
    assert exported["pantry"][0]["unit"] == "lb"


def test_import_names_an_unknown_unit(tmp_path: Path) -> None:
    doc = tmp_path / "in.json"
    doc.write_text(json.dumps(document(["tt", "g"])), encoding="utf-8")
    done = run("import", str(doc), "--db", str(tmp_path / "x.db"))
    assert done.returncode == 1
    assert 'recipes[0].ingredients[0].unit: unknown unit "tt"' in done.stderr
