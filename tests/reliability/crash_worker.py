"""Child process for the crash-safety test: edits a database until it is killed.

Started once per test as ``python crash_worker.py``; it imports the
application once, then serves commands on stdin so that each trial costs a
``fork`` instead of a fresh interpreter:

    run DB LOG COUNTER_EVENT_ID SEED   fork an editor; answers "pid N"
    reap PID                           wait for a killed editor; answers "reaped"

An editor opens DB, writes "started" to LOG, then loops: one random edit
(tests/reliability/editing.py), then a durability mark — the counter event's
notes set to "seq N" — and only after that call returns, "seq N" appended to
LOG. The test kills the editor with SIGKILL at a random moment and checks the
database. The serving process itself never opens a database, so the forked
editors share no connection.
"""

from __future__ import annotations

import os
import random
import sys
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from src.db import open_database  # noqa: E402
from src.services.plan import events as events_service  # noqa: E402
from tests.reliability.editing import Editor  # noqa: E402


def edit_forever(db_path: str, log_path: str, counter_id: int, seed: int) -> None:
    log = open(log_path, "a", buffering=1, encoding="utf-8")  # line-buffered
    try:
        db = open_database(db_path)
        counter = events_service.get_event(db, counter_id)
        editor = Editor(db, random.Random(seed), marker=f"s{seed}-", exclude={counter_id})
        log.write("started\n")
        seq = 0
        while True:
            editor.step()
            seq += 1
            events_service.update_event(db, counter_id, name=counter.name,
                                        event_date=counter.event_date, notes=f"seq {seq}")
            log.write(f"seq {seq}\n")
    except BaseException:
        log.write("error " + traceback.format_exc().replace("\n", " | ") + "\n")
        raise


def warm_up() -> None:
    """Load what every editor needs once, here, so forked editors start editing at once."""
    from decimal import Decimal

    from sqlalchemy.orm import configure_mappers

    from src.planning.units import convert

    configure_mappers()
    convert(Decimal(1), "cup", "g", Decimal("0.5"))


def serve() -> None:
    warm_up()
    for line in sys.stdin:
        parts = line.split()
        if not parts:
            continue
        if parts[0] == "run":
            db_path, log_path, counter_id, seed = parts[1], parts[2], int(parts[3]), int(parts[4])
            pid = os.fork()
            if pid == 0:  # the editor
                code = 0
                try:
                    edit_forever(db_path, log_path, counter_id, seed)
                except BaseException:
                    code = 1
                os._exit(code)
            print(f"pid {pid}", flush=True)
        elif parts[0] == "reap":
            _, status = os.waitpid(int(parts[1]), 0)
            print(f"reaped {status}", flush=True)
        elif parts[0] == "quit":
            return


if __name__ == "__main__":
    serve()
