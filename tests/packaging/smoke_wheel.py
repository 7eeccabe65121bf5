"""Install a built wheel into a fresh venv outside the checkout and use it.

    python tests/packaging/smoke_wheel.py dist/bake_planner-*.whl [--borrow-deps SITE]

Without ``--borrow-deps`` the wheel is installed with its dependencies, as
``pipx install`` does (pip's cache makes a second run quick). With it, the
venv gets only the wheel (``--no-deps``) and sees the dependencies already
installed in SITE (a site-packages folder) through a ``.pth`` line: the
packaging test uses that to stay fast. Either way the commands run from a
temporary folder with no checkout on the path, and the check that ``src`` was
imported from the venv proves it.

Exit status 0 when every step did what a user expects; otherwise the failing
step is printed.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import sysconfig
import tempfile
from collections.abc import Sequence
from pathlib import Path

EVENT = "Holiday Cookie Exchange 2026"


class SmokeFailure(Exception):
    """A step of the smoke run did not do what a user expects."""


def _run(cmd: Sequence[str | Path], cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(c) for c in cmd], cwd=cwd, env=env, capture_output=True, text=True, timeout=180
    )


def _check(result: subprocess.CompletedProcess, step: str) -> str:
    if result.returncode != 0:
        raise SmokeFailure(
            f"{step}: exit {result.returncode}\n{result.stdout}\n{result.stderr}".rstrip()
        )
    return result.stdout


def _clean_env(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV"))}
    env.pop("BAKE_PLANNER_DB", None)
    env["HOME"] = str(home)  # the user data folder is created under here, not in ~
    env["XDG_DATA_HOME"] = str(home / ".local" / "share")
    return env


def make_venv(wheel: Path, venv: Path, borrow_deps: Path | None, env: dict[str, str]) -> Path:
    """A fresh venv holding the wheel; returns its bin folder."""
    cwd = venv.parent
    if borrow_deps is None:
        _check(_run([sys.executable, "-m", "venv", venv], cwd, env), "create the venv")
        _check(
            _run([venv / "bin" / "python", "-m", "pip", "install", "-q", wheel], cwd, env),
            "pip install the wheel",
        )
        return venv / "bin"
    _check(_run([sys.executable, "-m", "venv", "--without-pip", venv], cwd, env), "create venv")
    probe = _run(
        [venv / "bin" / "python", "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
        cwd, env,
    )
    site = Path(_check(probe, "find the venv's site-packages").strip())
    (site / "_borrowed_dependencies.pth").write_text(f"{borrow_deps}\n", encoding="utf-8")
    install = [
        sys.executable, "-m", "pip", "--python", venv / "bin" / "python",
        "install", "-q", "--no-deps", "--no-index", wheel,
    ]
    _check(_run(install, cwd, env), "pip install --no-deps the wheel")
    return venv / "bin"


def smoke(wheel: Path, work: Path, borrow_deps: Path | None = None) -> list[str]:
    """Run every step in ``work``; returns what was checked, raises SmokeFailure."""
    done: list[str] = []
    env = _clean_env(work / "home")
    (work / "home").mkdir(parents=True, exist_ok=True)
    bin_dir = make_venv(wheel.resolve(), work / "venv", borrow_deps, env)
    app = bin_dir / "bake-planner"

    where = _check(_run([bin_dir / "python", "-c", "import src; print(src.__file__)"], work, env),
                   "import the package")
    if not Path(where.strip()).resolve().is_relative_to((work / "venv").resolve()):
        raise SmokeFailure(f"src was imported from {where.strip()}, not from the fresh venv")
    done.append(f"the package is imported from the venv ({where.strip()})")

    missing = work / "no-such-folder" / "x.db"
    result = _run([app, "events", "--db", missing], work, env)
    if result.returncode != 1 or "bake-planner demo" not in result.stderr:
        raise SmokeFailure(f"events on a missing database: {result.stderr or result.stdout}")
    if missing.parent.exists():
        raise SmokeFailure("a read-only command created a folder")
    done.append("a read-only command on a missing database says how to create one")

    first, second = work / "first.db", work / "second.db"
    _check(_run([app, "demo", "--db", first], work, env), "demo into a new database")
    done.append("demo created and filled a new database")
    report = json.loads(_check(_run([app, "plan", EVENT, "--db", first, "--json"], work, env),
                               "plan --json"))
    if report.get("event", {}).get("name") != EVENT:
        raise SmokeFailure(f"plan --json gave an unexpected report: {str(report)[:200]}")
    done.append("plan --json printed the event's plan")
    exported, again = work / "bakery.json", work / "again.json"
    _check(_run([app, "export", exported, "--db", first], work, env), "export")
    _check(_run([app, "import", exported, "--db", second], work, env), "import into a second db")
    _check(_run([app, "export", again, "--db", second], work, env), "export the second db")
    if exported.read_bytes() != again.read_bytes():
        raise SmokeFailure("the second database exports differently from the first")
    done.append("export, import into a second database, and its export is identical")

    if os.environ.get("DISPLAY"):
        # No arguments at all: the window on a new database in the user data folder.
        window = _run([app], work, {**env, "BAKE_PLANNER_EXIT_AFTER_IDLE": "1"})
        if "startup_ms=" not in _check(window, "open the window"):
            raise SmokeFailure(f"the window did not start: {window.stdout} {window.stderr}")
        made = Path(env["XDG_DATA_HOME"]) / "bake-planner" / "bake_planner.db"
        if not made.is_file():
            raise SmokeFailure(f"the window did not create its database at {made}")
        done.append("the window opened with no arguments on a new database")

    # Last, as it breaks the install: without its migrations the app says so and writes nothing.
    site = Path(where.strip()).parent
    for item in sorted((site / "_alembic").rglob("*"), reverse=True):
        item.rmdir() if item.is_dir() else item.unlink()
    (site / "_alembic").rmdir()
    fresh = work / "fresh" / "x.db"
    result = _run([app, "demo", "--db", fresh], work, env)
    lines = result.stderr.strip().splitlines()
    if result.returncode != 1 or len(lines) != 1 or "migrations are missing" not in lines[0]:
        raise SmokeFailure(f"without migrations: exit {result.returncode}, {result.stderr!r}")
    if fresh.parent.exists():
        raise SmokeFailure("without migrations a folder was still created")
    done.append("without its migrations the app says so in one line and writes nothing")
    return done


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("wheel", type=Path)
    parser.add_argument("--borrow-deps", type=Path, default=None, metavar="SITE_PACKAGES")
    parser.add_argument("--here", action="store_true",
                        help="borrow the dependencies of the running interpreter")
    args = parser.parse_args(argv)
    borrow = Path(sysconfig.get_path("purelib")) if args.here else args.borrow_deps
    with tempfile.TemporaryDirectory(prefix="bake-planner-smoke-") as folder:
        try:
            for line in smoke(args.wheel, Path(folder), borrow):
                print(f"ok: {line}")
        except SmokeFailure as exc:
            print(f"smoke test FAILED: {exc}", file=sys.stderr)
            return 1
    print("wheel smoke test passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
