"""The built wheel works with no checkout: install it into a fresh venv in a
temporary folder and run the commands a new user runs (tests/packaging/smoke_wheel.py).

The venv gets the wheel alone (``--no-deps``) and borrows the already installed
dependencies through a .pth line, so the test measures the wheel's own content;
``make smoke-wheel`` and .ci/run do the full install with dependencies."""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

from tests.packaging.smoke_wheel import smoke

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    result = subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--outdir", str(out), str(ROOT)],
        capture_output=True, text=True, timeout=240,
    )
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    (built,) = out.glob("bake_planner-*.whl")
    return built


def test_the_wheel_carries_the_migrations_and_demo_data(wheel):
    import zipfile

    names = set(zipfile.ZipFile(wheel).namelist())
    assert "src/_alembic/env.py" in names
    assert any(n.startswith("src/_alembic/versions/0001") for n in names)
    assert "src/data/demo_bakery.json" in names
    assert not any(n.startswith("tests/") for n in names)


def test_installed_wheel_runs_outside_the_checkout(wheel, tmp_path):
    done = smoke(wheel, tmp_path, borrow_deps=Path(sysconfig.get_path("purelib")))
    assert any("identical" in step for step in done)
    assert any("writes nothing" in step for step in done)
    if os.environ.get("DISPLAY"):
        assert any("window opened" in step for step in done)
