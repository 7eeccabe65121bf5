"""Window measurements, each in its own process (run by bench/run.py under Xvfb).

    python bench/gui_probe.py startup      --db NEW_DEMO_DB --runs N
    python bench/gui_probe.py gui-update   --db MEDIUM_DB --event-id ID --runs N
    python bench/gui_probe.py catalog-open --db LARGE_DB --runs N
    python bench/gui_probe.py rss          --db LARGE_DB --event-id ID

Prints one JSON line: ``{"ok": true, "value": <median or figure>, ...}`` or
``{"ok": false, "reason": "..."}``. Needs $DISPLAY.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def _answer(**fields) -> int:
    print(json.dumps(fields), flush=True)
    return 0


def _root():
    import customtkinter as ctk

    import src.ui  # noqa: F401  (fonts copied safely before customtkinter loads)

    ctk.set_appearance_mode("light")
    ctk.deactivate_automatic_dpi_awareness()
    ctk.set_widget_scaling(1.0)
    ctk.set_window_scaling(1.0)
    root = ctk.CTk()
    root.geometry("1280x800")
    return root


def _pump(root, times: int = 3) -> None:
    for _ in range(times):
        root.update_idletasks()
        root.update()


def startup(args) -> int:
    """Cold start of ``main.py --db DEMO`` to the first idle, as the app reports it,
    and the wall time of the whole process (start, show, quit) seen from outside."""
    from src.db import open_database
    from src.services.exchange.demo import load_demo

    demo = Path(args.db)  # created here, filled with the bundled demo bakery
    db = open_database(demo)
    load_demo(db)
    db.dispose()
    env = {**os.environ, "BAKE_PLANNER_EXIT_AFTER_IDLE": "1", "BAKE_PLANNER_APPEARANCE": "light"}
    # An installed app has its bytecode cached; a checkout run with this set would
    # compile every module of the project from source at each start (~0.4 s).
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    reported, wall, painted = [], [], []
    for _ in range(args.runs + 1):  # the first run warms the disk cache
        start = time.perf_counter()
        done = subprocess.run([sys.executable, str(ROOT / "main.py"), "--db", str(demo)],
                              capture_output=True, text=True, env=env, cwd=ROOT, timeout=60,
                              check=False)
        wall.append((time.perf_counter() - start) * 1000)
        found = re.search(r"startup_ms=(\d+(?:\.\d+)?)", done.stdout)
        if done.returncode != 0 or not found:
            return _answer(ok=False, reason=f"main.py exited {done.returncode} without "
                           f"startup_ms: {(done.stderr or done.stdout)[-300:]}")
        reported.append(float(found.group(1)))
        paint = re.search(r"first_paint_ms=(\d+(?:\.\d+)?)", done.stdout)
        painted.append(float(paint.group(1)) if paint else float("nan"))
    reported, wall, painted = reported[1:], wall[1:], painted[1:]
    return _answer(ok=True, value=round(statistics.median(reported), 1),
                   samples=reported, process_wall_ms=round(statistics.median(wall), 1),
                   first_paint_ms=round(statistics.median(painted), 1), first_paint_samples=painted,
                   load=os.getloadavg()[0])


def gui_update(args) -> int:
    """A quantity edit on the planning tab until every section has been updated
    and laid out: presenter.set_quantity (save) then update_idletasks (the deferred
    refresh: every section's show, then layout)."""
    from src.db import open_database
    from src.ui.main_window import build_main_window

    db = open_database(args.db)
    root = _root()
    window = build_main_window(root, db)
    presenter = window.planning.presenter
    presenter.select_event(args.event_id)
    _pump(root)
    line = next(g for g in presenter.plan.goods if g.quantity is not None)
    samples = []
    for i in range(args.runs + 1):
        quantity = line.quantity + 1 + i % 2  # alternate, so every edit changes the plan
        start = time.perf_counter()
        result = presenter.set_quantity(line.id, str(quantity))
        root.update_idletasks()  # runs the deferred refresh of every section, then layout
        samples.append((time.perf_counter() - start) * 1000)
        if result.error:
            return _answer(ok=False, reason=f"the quantity edit was refused: {result.error}")
        _pump(root)
    samples = samples[1:]
    return _answer(ok=True, value=round(statistics.median(samples), 1),
                   samples=[round(s, 1) for s in samples], good=line.name,
                   batches=len(presenter.plan.batches))


def catalog_open(args) -> int:
    """Building the Catalog tab (recipe list shown) until it is laid out."""
    from src.db import open_database
    from src.ui.catalog.tab import CatalogTab

    db = open_database(args.db)
    root = _root()
    _pump(root)
    samples = []
    for _ in range(args.runs + 1):
        start = time.perf_counter()
        tab = CatalogTab(root, db)
        tab.pack(fill="both", expand=True)
        root.update_idletasks()
        samples.append((time.perf_counter() - start) * 1000)
        _pump(root)
        tab.destroy()
        _pump(root)
    samples = samples[1:]
    return _answer(ok=True, value=round(statistics.median(samples), 1),
                   samples=[round(s, 1) for s in samples])


def peak_rss_mb() -> float:
    """This process's peak resident memory. Linux keeps ``getrusage``'s maxrss across
    exec, so a child forked from a big parent (the benchmark) would report the parent's
    peak; /proc's VmHWM belongs to this program's own memory. Elsewhere: getrusage."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024  # kB
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def rss(args) -> int:
    """Peak resident memory of a window showing the large bakery's plan, then also
    after its Catalog tab has been shown."""
    from src.db import open_database
    from src.ui.main_window import CATALOG, PLANNING, build_main_window

    db = open_database(args.db)
    root = _root()
    window = build_main_window(root, db)
    window.planning.presenter.select_event(args.event_id)
    _pump(root, 5)
    planning = peak_rss_mb()
    window.show_tab(CATALOG)
    _pump(root, 5)
    window.show_tab(PLANNING)
    _pump(root, 5)
    with_catalog = peak_rss_mb()
    return _answer(ok=True, value=round(planning, 1), with_catalog_mb=round(with_catalog, 1),
                   getrusage_maxrss_mb=round(
                       resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("kind", choices=["startup", "gui-update", "catalog-open", "rss"])
    parser.add_argument("--db", required=True)
    parser.add_argument("--event-id", type=int)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    if not os.environ.get("DISPLAY"):
        return _answer(ok=False, reason="no $DISPLAY")
    try:
        return {"startup": startup, "gui-update": gui_update, "catalog-open": catalog_open,
                "rss": rss}[args.kind](args)
    except ImportError as exc:  # a part of the window that does not exist yet
        return _answer(ok=False, reason=f"not measurable yet: {exc}")


if __name__ == "__main__":
    sys.exit(main())
