"""Import of the large bakery on PostgreSQL, when a server can be had.

Starts a throwaway server with tests/pg.py (or uses BAKE_PLANNER_TEST_PG_URL),
imports the document into a fresh database ``runs`` times and reports the
median. Without PostgreSQL the figure is "not measured" with the reason.

    python bench/postgres.py [--runs N]      # just this figure
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as a script: make the repository importable
    sys.path.insert(0, str(ROOT))

from bench.generate import bakery  # noqa: E402


def pg_import(doc: dict, runs: int) -> dict:
    """{"ok", "value" (median ms), "samples"} or {"ok": False, "reason"}."""
    try:
        from tests.pg import PgCluster, PgUnavailable
    except ImportError as exc:  # psycopg missing
        return {"ok": False, "reason": f"no PostgreSQL driver: {exc}"}
    from src.db import open_database
    from src.services.exchange import import_document

    try:
        cluster = PgCluster.start()
    except PgUnavailable as exc:
        return {"ok": False, "reason": str(exc).splitlines()[0]}
    samples: list[float] = []
    try:
        for _ in range(runs):
            url = cluster.create_database()
            db = open_database(url)
            try:
                start = time.perf_counter()
                import_document(db, doc)
                samples.append((time.perf_counter() - start) * 1000)
            finally:
                db.dispose()
                cluster.drop_database(url)
    finally:
        cluster.stop()
    return {"ok": True, "value": round(statistics.median(samples), 1),
            "samples": [round(s, 1) for s in samples]}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="PostgreSQL import of the large bakery")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    print(pg_import(bakery("large"), args.runs))
    return 0


if __name__ == "__main__":
    sys.exit(main())
