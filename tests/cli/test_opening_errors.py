"""Opening a database that is not there, or cannot be reached: one line, nothing written."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from src.db import DatabaseError, open_database

ROOT = Path(__file__).resolve().parents[2]


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "main.py", *args], cwd=ROOT, capture_output=True,
                          text=True, encoding="utf-8", timeout=120)


def one_line_error(done: subprocess.CompletedProcess) -> str:
    assert done.returncode == 1, done.stdout + done.stderr
    assert "Traceback" not in done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    return lines[0]


@pytest.mark.parametrize(
    "command",
    [
        ["events"],
        ["plan", "Party"],
        ["shopping-list", "Party"],
        ["bake-sheet", "Party", "--pdf", "sheet.pdf"],
        ["export", "out.json"],
    ],
)
def test_read_only_commands_create_no_folder_or_file(tmp_path, command):
    target = tmp_path / "nope-dir" / "x.db"
    line = one_line_error(run(*command, "--db", str(target)))
    assert f"no Bake Planner database at {target}" in line
    assert "bake-planner demo" in line and "import" in line and "window" in line
    assert not target.parent.exists()


def test_read_only_command_on_an_empty_file_leaves_it_empty(tmp_path):
    empty = tmp_path / "empty.db"
    empty.touch()
    one_line_error(run("events", "--db", str(empty)))
    assert empty.read_bytes() == b""
    assert sorted(p.name for p in tmp_path.iterdir()) == ["empty.db"]


def test_demo_still_creates_the_folder_and_database(tmp_path):
    target = tmp_path / "new-dir" / "x.db"
    assert run("demo", "--db", str(target)).returncode == 0
    assert run("events", "--db", str(target)).returncode == 0


def test_unknown_url_scheme_is_one_line(tmp_path):
    line = one_line_error(run("events", "--db", "mongodb://host/bakery"))
    assert "unknown database type 'mongodb'" in line and "postgresql://" in line


def test_missing_postgres_driver_names_the_extra(monkeypatch):
    monkeypatch.setitem(sys.modules, "psycopg", None)  # import psycopg -> ImportError
    with pytest.raises(DatabaseError) as caught:
        open_database("postgresql://baker@db.example/bakery")
    assert "pip install 'bake-planner[postgres]'" in str(caught.value)


def test_unreachable_server_names_host_and_port_and_hides_the_password():
    pytest.importorskip("psycopg", reason="the [postgres] extra is installed by make")
    done = run("events", "--db", "postgresql://baker:s3cret@127.0.0.1:1/bakery")
    line = one_line_error(done)
    assert "cannot reach the database server at 127.0.0.1:1 (database bakery)" in line
    assert "s3cret" not in done.stderr


def test_a_missing_migrations_folder_is_one_line_and_nothing_written(tmp_path, monkeypatch):
    import src.migrations as migrations

    monkeypatch.setattr(migrations, "candidate_dirs", lambda: [tmp_path / "gone"])
    target = tmp_path / "new" / "x.db"
    with pytest.raises(DatabaseError) as caught:
        open_database(target)
    assert "migrations are missing" in str(caught.value)
    assert "\n" not in str(caught.value)
    assert not target.parent.exists()
