"""The PostgreSQL test harness itself: in CI a server that cannot start fails the
PostgreSQL tests; elsewhere they are skipped with the reason."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.postgres
ROOT = Path(__file__).resolve().parent.parent
ONE_TEST = "tests/migrations/test_migrations_postgres.py::test_empty_database_upgrades_to_head"


def _run_without_server(ci: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "BAKE_PLANNER_TEST_PG_URL"}
    env.update(CI=ci, BAKE_PLANNER_TEST_PG="1", BAKE_PLANNER_PG_BIN=str(ROOT / "no-such-bin"))
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:randomly", "-rs", ONE_TEST],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)


def test_in_ci_a_server_that_cannot_start_fails_the_tests():
    done = _run_without_server("true")
    assert done.returncode == 1, done.stdout[-2000:]
    assert "PostgreSQL could not start (CI must run these tests)" in done.stdout
    assert "initdb, pg_ctl) not found" in done.stdout


def test_outside_ci_they_are_skipped_with_the_reason():
    done = _run_without_server("")
    assert done.returncode == 0, done.stdout[-2000:]
    assert "1 skipped" in done.stdout and "initdb, pg_ctl) not found" in done.stdout
