"""One of the processes of the contention test: edits a shared database for a while.

    python contention_worker.py DB TAG SEED SECONDS SHARED_EVENT_ID RESULT_JSON

Loops for SECONDS: a third of the steps record one baked batch on the shared
event (in production) with ``notes=TAG``; the rest are random edits of every
other event (tests/reliability/editing.py). Refusals (ServiceError) are
normal use — except one that mentions a locked database, which is what the
user must never see. Any other exception is a crash. Writes
``{"steps", "records", "refused", "errors"}`` to RESULT_JSON, where
``records`` counts the production records the services confirmed.
"""

from __future__ import annotations

import json
import random
import sys
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from src.db import open_database  # noqa: E402
from src.services.errors import ServiceError  # noqa: E402
from src.services.plan.production import record_production  # noqa: E402
from src.services.plan.view import get_plan_view  # noqa: E402
from tests.reliability.editing import Editor  # noqa: E402


def main(db_path: str, tag: str, seed: int, seconds: float, shared_id: int, out: str) -> int:
    db = open_database(db_path)
    rng = random.Random(seed)
    editor = Editor(db, rng, marker=f"{tag}-", exclude={shared_id})
    recipes = [r.id for r in get_plan_view(db, shared_id).recipes if r.selected]
    result = {"steps": 0, "records": 0, "refused": 0, "errors": []}
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and len(result["errors"]) < 5:
        result["steps"] += 1
        try:
            if rng.random() < 1 / 3:
                record_production(db, shared_id, rng.choice(recipes), 1, notes=tag, over=True)
                result["records"] += 1
            else:
                outcome = editor.step()
                if outcome.startswith("refused"):
                    result["refused"] += 1
                    if "locked" in outcome.lower() and "database" in outcome.lower():
                        result["errors"].append(outcome)
        except ServiceError as exc:
            result["errors"].append(f"record refused: {exc.message}")
        except Exception:  # what a user would see as a crash
            result["errors"].append(traceback.format_exc())
    db.dispose()
    Path(out).write_text(json.dumps(result))
    return 0


if __name__ == "__main__":
    a = sys.argv[1:]
    sys.exit(main(a[0], a[1], int(a[2]), float(a[3]), int(a[4]), a[5]))
