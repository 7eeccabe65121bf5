"""Application entry: opens the database and the main window.

Environment:
- ``BAKE_PLANNER_APPEARANCE=light|dark`` pins the appearance (default: follow the system);
- ``BAKE_PLANNER_EXIT_AFTER_IDLE=1`` prints ``startup_ms=<ms since the process started>``
  and quits once the window is idle (the start-up benchmark).
"""

from __future__ import annotations

import os
import sys
import time

EXIT_AFTER_IDLE = "BAKE_PLANNER_EXIT_AFTER_IDLE"
APPEARANCE = "BAKE_PLANNER_APPEARANCE"

# Fallback start time when /proc is not there: as early as this module is imported.
_IMPORTED_AT = time.time()


def ms_since_process_start() -> float:
    """Milliseconds since this process started (Linux /proc; else since this import)."""
    try:
        with open("/proc/self/stat", encoding="ascii") as stat:
            # The command name (field 2) may hold spaces; fields after ")" are fixed.
            fields = stat.read().rsplit(")", 1)[1].split()
        start_ticks = int(fields[19])  # field 22: start time, clock ticks after boot
        with open("/proc/uptime", encoding="ascii") as uptime:
            up = float(uptime.read().split()[0])
        return max(0.0, (up - start_ticks / os.sysconf("SC_CLK_TCK")) * 1000)
    except (OSError, ValueError, IndexError):
        return (time.time() - _IMPORTED_AT) * 1000


def run_app(db: str | None = None, demo: bool = False) -> int:
    """Open the window on the database ``db`` (a path or URL, or None for the default;
    with ``demo`` and no ``db``: the demo database, loaded with the demo bakery when
    empty). Returns the process exit status."""
    import customtkinter as ctk

    from src.services.facade import DatabaseError, open_services
    from src.ui import theme
    from src.ui.main_window import build_main_window

    theme.apply_appearance_from_env(os.environ.get(APPEARANCE))
    try:
        services = open_services(db, demo_database=demo)
    except DatabaseError as exc:
        print(f"bake-planner: {exc}", file=sys.stderr)
        return 1
    try:
        if demo:
            services.demo.load_demo_if_empty()
        root = ctk.CTk()
        build_main_window(root, services)
        if os.environ.get(EXIT_AFTER_IDLE) == "1":
            def report_and_quit() -> None:
                root.update_idletasks()
                print(f"startup_ms={ms_since_process_start():.0f}", flush=True)
                root.quit()

            # after(0) lets mainloop start; after_idle then waits for the first idle.
            root.after(0, lambda: root.after_idle(report_and_quit))
        root.mainloop()
        try:
            for job in root.tk.call("after", "info"):
                root.after_cancel(job)
            root.destroy()
        except Exception:  # noqa: BLE001 - the user may have closed the window already
            pass
    finally:
        services.dispose()
    return 0
