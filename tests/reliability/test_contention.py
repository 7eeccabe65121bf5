"""Contention: two processes edit the same database at once (5 s in `make test`,
30 s in `make soak`). No "database is locked" — nor any other crash — reaches
the user, no confirmed edit is lost (every production record a process was
told it saved is in the database), and the plans still satisfy every invariant.
On a SQLite file, and (`make test-postgres`) on a PostgreSQL server.
"""

from __future__ import annotations

import json
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from bench.generate import bakery
from src.db import open_database
from src.services.errors import ServiceError
from src.services.exchange import import_document
from src.services.plan import decisions
from src.services.plan.events import find_event
from src.services.plan.lifecycle import lock_plan, start_production
from src.services.plan.view import get_plan_view

from ..conftest import BACKENDS
from . import invariants
from .conftest import soak_or

ROOT = Path(__file__).resolve().parents[2]
SECONDS = soak_or(5, 30)


@pytest.fixture(scope="module", params=BACKENDS)
def contended(request, tmp_path_factory):
    """Run the two workers once; (database path or URL, shared event id, their results)."""
    tmp_path = tmp_path_factory.mktemp("contention")
    if request.param == "postgres":
        cluster = request.getfixturevalue("pg_cluster")
        path = cluster.create_database()
        request.addfinalizer(lambda: cluster.drop_database(path))
    else:
        path = str(tmp_path / "bakery.db")
    db = open_database(path)
    import_document(db, bakery("small"))
    event_id = find_event(db, "Benchmark small").id
    lock_plan(db, event_id)
    start_production(db, event_id)
    db.dispose()

    script = Path(__file__).with_name("contention_worker.py")
    procs = {}
    for n, tag in enumerate(("first", "second")):
        out = tmp_path / f"{tag}.json"
        procs[tag] = (subprocess.Popen(
            [sys.executable, str(script), str(path), tag, str(n + 1), str(SECONDS),
             str(event_id), str(out)],
            cwd=ROOT, stderr=subprocess.PIPE, text=True), out)
    results = {}
    for tag, (proc, out) in procs.items():
        _, stderr = proc.communicate(timeout=SECONDS + 120)
        assert proc.returncode == 0, f"{tag} worker exited {proc.returncode}: {stderr[-2000:]}"
        results[tag] = json.loads(out.read_text())
    print(f"\ncontention: {SECONDS} s, " + ", ".join(
        f"{tag} {r['steps']} steps / {r['records']} records / {r['refused']} refusals"
        for tag, r in results.items()))
    return path, event_id, results


def test_no_locked_database_or_crash_reaches_the_user(contended):
    _, _, results = contended
    for tag, result in results.items():
        assert result["errors"] == [], f"{tag} saw: {result['errors'][0]}"
        assert result["steps"] > 10, f"{tag} hardly ran: {result}"


def test_no_confirmed_edit_is_lost(contended):
    path, event_id, results = contended
    conn = invariants.connect_readonly(path)
    try:
        saved = dict(conn.execute(
            "SELECT notes, count(*) FROM production_runs WHERE event_id = ? GROUP BY notes",
            (event_id,)).fetchall())
    finally:
        conn.close()
    assert saved == {tag: r["records"] for tag, r in results.items() if r["records"]}


def test_plans_stay_consistent_under_contention(contended):
    path, _, _ = contended
    found = invariants.problems(path)
    assert not found, "\n".join(found)


def test_a_decision_racing_start_of_production_keeps_the_plan_consistent(
        shared_bakery, monkeypatch):
    """Two windows on one database: one saves a batch decision on a locked plan while
    the other starts production. Whichever wins, the plan in production must equal its
    snapshot plus amendments — a decision may not slip in after the snapshot."""
    path, event_id = shared_bakery
    first, second = open_database(path), open_database(path)
    try:
        lock_plan(first, event_id)
        row = get_plan_view(first, event_id).batches[0]
        real_check = decisions.recipe_need_or_error
        other = threading.Thread(target=start_production, args=(second, event_id))

        def check_while_the_other_window_starts(*args, **kwargs):
            # Between the state check and the write: the other window starts
            # production (it may have to wait for this transaction; give it 1 s).
            if not other.is_alive() and other.ident is None:
                other.start()
                other.join(timeout=1)
            return real_check(*args, **kwargs)

        monkeypatch.setattr(decisions, "recipe_need_or_error",
                            check_while_the_other_window_starts)
        try:
            decisions.set_batch_decision(first, event_id, row.recipe_id,
                                         row.options[0].batches + 7)
        except ServiceError:
            pass  # refused because the plan is in production now: fine
        other.join(timeout=120)  # a bound for a loaded machine, not a speed test
        assert not other.is_alive()
    finally:
        first.dispose()
        second.dispose()
    found = invariants.problems(path)
    assert not found, "\n".join(found)
