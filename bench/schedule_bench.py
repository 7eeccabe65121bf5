"""Bake days on the large synthetic bakery: ``get_schedule`` for its main event
(200 recipes with decisions), with seeded timing for every recipe, a
bakery of 3 ovens and the default hours, baking from two weeks before."""

from __future__ import annotations

import copy
import random
import statistics
import time
from collections.abc import Callable
from pathlib import Path


def with_timing(doc: dict, seed: int = 2026) -> dict:
    """A copy of ``doc`` whose recipes have timing and whose bakery is set."""
    rng = random.Random(f"timing:{seed}")
    out = copy.deepcopy(doc)
    out["version"] = 2
    for recipe in out["recipes"]:
        recipe["timing"] = {
            "active_minutes": rng.choice([10, 15, 20, 30, 45]),
            "rest_minutes": rng.choice([0, 0, 0, 60, 120, 600]),
            "oven_minutes": rng.choice([8, 10, 12, 15, 25, 35, 50]),
            "loads_per_batch": rng.randint(1, 3),
            "days_fresh": rng.randint(2, 14),
            "freezes": rng.random() < 0.5,
        }
    days = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
    out["bakery"] = {"ovens": 3, "days_off": [], "hours": [
        {"day": d, "start": "18:00" if i < 5 else "09:00", "end": "22:00" if i < 5 else "17:00"}
        for i, d in enumerate(days)]}
    return out


def measure_schedule(large_doc: dict, workdir: Path, runs: int,
                     median_ms: Callable[..., tuple[float, list[float]]]) -> dict:
    from src.db import open_database
    from src.services.bakedays.schedule import get_schedule
    from src.services.exchange import import_document
    from src.services.plan.events import find_event

    db = open_database(workdir / f"schedule-{time.monotonic_ns()}.db")
    try:
        import_document(db, with_timing(large_doc))
        event_id = find_event(db, "Benchmark large").id
        ms, samples = median_ms(lambda: get_schedule(db, event_id), runs)
        view = get_schedule(db, event_id)
    finally:
        db.dispose()
    bakes = [s for d in view.days for s in d.sessions if s.action == "bake"]
    return {
        "schedule_large_ms": round(ms, 1),
        "schedule_large_samples_ms": [round(s, 1) for s in samples],
        "schedule_large_days": len(view.days),
        "schedule_large_batches_placed": sum(s.batches for s in bakes),
        "schedule_large_feasible": view.feasible,
        "schedule_large_problems": len(view.problems),
        "schedule_large_spread_ms": round(statistics.pstdev(samples), 1),
    }
