"""Benchmark figure for the batch optimiser: ``optimise_batches`` on the large
bakery's event (200 selected recipes, 300 lines), preview only."""

from __future__ import annotations

import statistics
import time
from pathlib import Path


def measure_optimise(path: Path, event_id: int, runs: int) -> dict:
    """optimise_large_ms (median, after one warm-up that also imports the solver)
    and the size of the proposal."""
    from src.db import open_database
    from src.services.aids.optimiser import optimise_batches

    db = open_database(path)
    try:
        proposal = optimise_batches(db, event_id, margin=5)
        samples = []
        for _ in range(runs):
            start = time.perf_counter()
            proposal = optimise_batches(db, event_id, margin=5)
            samples.append((time.perf_counter() - start) * 1000)
    finally:
        db.dispose()
    return {
        "optimise_large_ms": round(statistics.median(samples), 1),
        "samples_ms": [round(s, 1) for s in samples],
        "recipes": len(proposal.recipes),
        "meets_all_lines": proposal.meets_all_lines,
    }


if __name__ == "__main__":  # python bench/optimiser.py: the figure alone
    import sys
    import tempfile

    root = Path(__file__).resolve().parent.parent
    sys.path.insert(0, str(root))
    from bench.generate import SIZES, bakery
    from bench.run import build

    with tempfile.TemporaryDirectory(prefix="bake-bench-opt-") as tmp:
        db_path, event, _ = build(SIZES["large"], Path(tmp), bakery("large"))
        print(measure_optimise(db_path, event, 5))
