"""Crash safety: an editor killed with SIGKILL at random moments never leaves a
half-written edit behind, never loses a confirmed edit, and the application
opens the file and shows every plan afterwards.

50 trials in `make test`, 500 in `make soak`. Each trial forks an editor
from tests/reliability/crash_worker.py, lets it edit for a random 0–350 ms,
kills it, and checks the database (see invariants.py), plus two rules of
this harness: a tiny imported document is there wholly or not at all, and
the last edit the editor saw confirmed is in the file.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from src.db import open_database
from src.services.errors import ServiceError
from src.services.plan.events import create_event, list_events
from src.services.plan.view import get_plan_view

from . import invariants
from .conftest import soak_or
from .editing import IMPORT_PREFIX

ROOT = Path(__file__).resolve().parents[2]
TRIALS = soak_or(50, 500)
pytestmark = pytest.mark.timeout(soak_or(300, 1800))  # 500 kills can pass 300 s
KINDS = {  # table -> name pattern of one tiny document's part
    "ingredients": f"{IMPORT_PREFIX} flour %",
    "recipes": f"{IMPORT_PREFIX} dough %",
    "finished_units": f"{IMPORT_PREFIX} bite %",
    "finished_goods": f"{IMPORT_PREFIX} box %",
    "events": f"{IMPORT_PREFIX} import %",
}


class Worker:
    """The serving process of crash_worker.py."""

    def __init__(self) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, str(Path(__file__).with_name("crash_worker.py"))],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, cwd=ROOT,
        )

    def ask(self, line: str) -> str:
        self.proc.stdin.write(line + "\n")
        self.proc.stdin.flush()
        answer = self.proc.stdout.readline()
        assert answer, f"crash worker died (exit {self.proc.poll()})"
        return answer.strip()

    def close(self) -> None:
        if self.proc.poll() is None:
            self.proc.stdin.write("quit\n")
            self.proc.stdin.close()
            self.proc.wait(timeout=30)


def _wait_for_edits(log: Path, at_least: int, timeout: float = 120) -> None:
    """Wait until the editor has confirmed ``at_least`` edits (0: until it started).

    The kill then lands while it is editing, however slow the machine is: the
    test waits for progress instead of assuming how much a fixed sleep buys."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if log.exists():
            text = log.read_text()
            assert "error " not in text, text
            if "started" in text and text.count("\nseq ") >= at_least:
                return
        time.sleep(0.005)
    raise AssertionError(f"the editor did not confirm {at_least} edits within {timeout} s")


def _import_problems(path: Path) -> list[str]:
    """A tiny document's parts must all be there or none (markers by name)."""
    conn = invariants.connect_readonly(path)
    try:
        markers = {}
        for table, pattern in KINDS.items():
            prefix = pattern[:-1]
            markers[table] = {n[len(prefix):] for (n,) in conn.execute(
                f"SELECT name FROM {table} WHERE name LIKE ?", (pattern,))}
    finally:
        conn.close()
    every = set().union(*markers.values())
    return [f"import {m!r} is partial: only in {sorted(t for t in KINDS if m in markers[t])}"
            for m in sorted(every) if any(m not in markers[t] for t in KINDS)]


def _counter_seq(path: Path, counter_id: int) -> int:
    conn = invariants.connect_readonly(path)
    try:
        (notes,) = conn.execute("SELECT notes FROM events WHERE id = ?", (counter_id,)).fetchone()
    finally:
        conn.close()
    return int(notes.split()[1])


def _reset_counter(path: Path, counter_id: int) -> None:
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("UPDATE events SET notes = 'seq 0' WHERE id = ?", (counter_id,))
    conn.close()


def _app_still_works(path: Path) -> None:
    """What a restarted application does first: open the file, show every plan."""
    db = open_database(path)
    try:
        for event in list_events(db):
            try:
                get_plan_view(db, event.id)
            except ServiceError as exc:  # a message for the user is fine, a crash is not
                assert exc.message
    finally:
        db.dispose()


def test_editor_killed_at_random_moments_leaves_a_consistent_database(small_bakery, tmp_path):
    path, _ = small_bakery
    db = open_database(path)
    counter_id = create_event(db, name="Durability counter", event_date="2026-01-01",
                              notes="seq 0").id
    db.dispose()
    rng = random.Random(20261220)
    worker = Worker()
    edits = []
    try:
        for trial in range(TRIALS):
            _reset_counter(path, counter_id)
            log = tmp_path / f"trial-{trial}.log"
            pid = int(worker.ask(f"run {path} {log} {counter_id} {trial}").split()[1])
            # Most kills land mid-run after some confirmed edits; some right at start.
            _wait_for_edits(log, at_least=rng.choice((0, 1, 1, 2, 3)))
            time.sleep(rng.uniform(0, 0.05))
            os.kill(pid, signal.SIGKILL)
            assert worker.ask(f"reap {pid}").startswith("reaped")

            lines = log.read_text().splitlines()
            errors = [x for x in lines if x.startswith("error ")]
            assert not errors, f"trial {trial}: the editor crashed by itself: {errors[0]}"
            confirmed = max((int(x.split()[1]) for x in lines if x.startswith("seq ")),
                            default=0)
            edits.append(confirmed)
            found = invariants.problems(path) + _import_problems(path)
            seq = _counter_seq(path, counter_id)
            if seq not in (confirmed, confirmed + 1):
                found.append(f"confirmed edit {confirmed} lost: the file holds seq {seq}")
            assert not found, f"trial {trial} (pid {pid}): " + "; ".join(found)
            if trial % 10 == 9 or trial == TRIALS - 1:
                _app_still_works(path)
    finally:
        worker.close()
    print(f"\ncrash safety: {TRIALS} kills, {sum(edits)} confirmed edits "
          f"(median {sorted(edits)[len(edits) // 2]} per trial)")
