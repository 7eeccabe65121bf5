"""The application as a user starts it: ``main.py --demo`` under the X display."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from src.db import open_database
from src.services.plan import events as events_service

from .conftest import _display_or_skip

pytestmark = pytest.mark.gui

ROOT = Path(__file__).resolve().parents[2]


def _run(tmp_path, *args: str) -> subprocess.CompletedProcess:
    _display_or_skip()
    env = dict(os.environ)
    env.update(
        XDG_DATA_HOME=str(tmp_path / "data"),
        BAKE_PLANNER_EXIT_AFTER_IDLE="1",
        BAKE_PLANNER_APPEARANCE="light",
    )
    env.pop("BAKE_PLANNER_DB", None)
    return subprocess.run(
        [sys.executable, "main.py", *args], cwd=ROOT, env=env, capture_output=True,
        text=True, timeout=120,
    )


def test_demo_opens_the_demo_database_loads_it_and_reports_startup_time(tmp_path):
    result = _run(tmp_path, "--demo")
    assert result.returncode == 0, result.stderr
    # the skeleton is painted first, then the window is ready (src/ui/boot.py)
    assert re.fullmatch(r"first_paint_ms=\d+\nstartup_ms=\d+\n", result.stdout)
    demo_file = tmp_path / "data" / "bake-planner" / "demo_bakery.db"
    db = open_database(demo_file)
    try:
        assert len(events_service.list_events(db)) >= 2
    finally:
        db.dispose()
    # A second start keeps what is there (the demo loads only into an empty database).
    assert _run(tmp_path, "--demo").returncode == 0


def test_an_unopenable_database_is_a_message_not_a_traceback(tmp_path):
    bad = tmp_path / "not-a-db.db"
    bad.write_text("this is not sqlite", encoding="utf-8")
    result = _run(tmp_path, "--db", str(bad))
    assert result.returncode == 1
    assert result.stderr.startswith("bake-planner: ")
    assert "Traceback" not in result.stderr
