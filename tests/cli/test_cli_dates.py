"""--date takes the same typed forms as the window (one parser)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "main.py", *args], cwd=ROOT, capture_output=True,
                          text=True, encoding="utf-8", timeout=120)


def test_plan_finds_the_event_by_a_typed_date(tmp_path: Path) -> None:
    db = str(tmp_path / "demo.db")
    assert run("demo", "--db", db).returncode == 0
    for typed in ("2026-12-19", "Dec 19 2026", "12/19/2026", "19 December 2026"):
        done = run("plan", "Holiday Cookie Exchange 2026", "--date", typed, "--db", db)
        assert done.returncode == 0, done.stderr
        assert "Holiday Cookie Exchange 2026" in done.stdout
    done = run("plan", "Holiday Cookie Exchange 2026", "--date", "Dec 32 2026", "--db", db)
    assert done.returncode == 1
    assert 'bake-planner: "Dec 32 2026" is not a date' in done.stderr
