"""Instructions per cold plan refresh, counted by valgrind: ``make bench-instructions``.

Times on this shared 2-core machine swing by ±10 % from one minute to the
next, more than most single changes gain. The number of instructions a cold
refresh executes does not: it is the same on every run, so two versions of
the code can be compared without the noise (``--compare DIR``: another
checkout, e.g. a ``git worktree`` of the commit before a change).

How: the large bakery is built once; then, for each checkout, a child
process opens it and refreshes the main event cold (``plan_cache(db).clear()``
and a full collection first, as ``make bench`` does) ``N`` times, under
``valgrind --tool=cachegrind``; the same with no refresh is subtracted and
the difference divided by ``N``. What is counted is CPU work, not waiting
(memory stalls and the machine's load do not show), so it complements the
timed figures of ``make bench``; it does not replace them. Needs valgrind
(Debian: ``apt-get install valgrind``); the runs take about 20 s each.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as a script: make the repository importable
    sys.path.insert(0, str(ROOT))

from bench.generate import SIZES  # noqa: E402
from bench.run import build  # noqa: E402

# Runs in the checkout under test (its own src), under valgrind.
_CHILD = """
import gc, sys
sys.path.insert(0, sys.argv[1])
from src.db import open_database
from src.services.plan.cache import plan_cache
from src.services.plan.view import get_plan_view
db = open_database(sys.argv[2])
event_id = int(sys.argv[3])
get_plan_view(db, event_id)
get_plan_view(db, event_id)
for _ in range(int(sys.argv[4])):
    plan_cache(db).clear()
    gc.collect()
    get_plan_view(db, event_id)
db.dispose()
"""


def _instructions(checkout: Path, db: Path, event_id: int, refreshes: int) -> int:
    """Instructions of one child process doing ``refreshes`` cold refreshes."""
    copy = Path(tempfile.mkdtemp(prefix="bake-instr-")) / "bakery.db"
    shutil.copy(db, copy)  # each run on its own copy: nothing shared, nothing written back
    cmd = ["valgrind", "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null",
           sys.executable, "-c", _CHILD, str(checkout), str(copy), str(event_id), str(refreshes)]
    done = subprocess.run(cmd, capture_output=True, text=True, check=False)
    found = re.search(r"I\s+refs:\s+([\d,]+)", done.stderr)
    if done.returncode != 0 or found is None:
        tail = (done.stderr.strip().splitlines() or ["no output"])[-1]
        raise SystemExit(f"valgrind run failed in {checkout} (exit {done.returncode}): {tail}")
    shutil.rmtree(copy.parent, ignore_errors=True)
    return int(found.group(1).replace(",", ""))


def per_refresh(checkout: Path, db: Path, event_id: int, refreshes: int) -> float:
    """Millions of instructions per cold refresh in ``checkout``."""
    base = _instructions(checkout, db, event_id, 0)
    with_refreshes = _instructions(checkout, db, event_id, refreshes)
    return (with_refreshes - base) / refreshes / 1e6


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--compare", type=Path, action="append", default=[],
                        help="another checkout to count the same way (repeatable)")
    parser.add_argument("--size", default="large", choices=sorted(SIZES))
    parser.add_argument("--refreshes", type=int, default=5)
    args = parser.parse_args()
    if shutil.which("valgrind") is None:
        raise SystemExit("valgrind is not installed (Debian: apt-get install valgrind)")
    with tempfile.TemporaryDirectory(prefix="bake-instr-") as tmp:
        db, event_id, _ = build(SIZES[args.size], Path(tmp))
        for checkout in [ROOT, *args.compare]:
            millions = per_refresh(checkout.resolve(), db, event_id, args.refreshes)
            print(f"{checkout}: {millions:.0f} M instructions per cold refresh ({args.size})")


if __name__ == "__main__":
    main()
