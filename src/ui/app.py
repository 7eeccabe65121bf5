"""Application entry: opens the database and the main window.

Environment:
- ``BAKE_PLANNER_APPEARANCE=light|dark`` pins the appearance (default: follow the system);
- ``BAKE_PLANNER_EXIT_AFTER_IDLE=1`` prints ``startup_ms=<ms since the process started>``
  and quits once the window is idle (the start-up benchmark).
"""

from __future__ import annotations

import os
import sys
import tkinter as tk

from src.db import Database
from src.ui.boot import ms_since_process_start

EXIT_AFTER_IDLE = "BAKE_PLANNER_EXIT_AFTER_IDLE"
APPEARANCE = "BAKE_PLANNER_APPEARANCE"

def run_app(
    db: Database | str | None = None,
    demo: bool = False,
    root: tk.Tk | None = None,
    first_paint_ms: float | None = None,
    skeleton: tk.Misc | None = None,
) -> int:
    """Open the window on ``db`` (a Database, a path or URL, or None for the default;
    with ``demo`` and no ``db``: the demo database, loaded with the demo bakery when
    empty). ``root``: a window already shown with its title and ``skeleton``
    (src.ui.boot), which the real window replaces. Returns the process exit status."""
    import customtkinter as ctk

    from src.db import DatabaseError, demo_db_path, open_database
    from src.ui import theme
    from src.ui.main_window import build_main_window

    theme.apply_appearance_from_env(os.environ.get(APPEARANCE))
    owned = not isinstance(db, Database)
    try:
        if isinstance(db, Database):
            database = db
        else:
            database = open_database(demo_db_path() if demo and db is None else db)
    except DatabaseError as exc:
        print(f"bake-planner: {exc}", file=sys.stderr)
        if root is not None:
            root.destroy()
        return 1
    if database.backup_path is not None:
        print(f"bake-planner: backed up the database before upgrading it: "
              f"{database.backup_path}", file=sys.stderr)
    try:
        if demo:
            from src.services.demo import load_demo_if_empty

            load_demo_if_empty(database)
        if root is None:
            root = ctk.CTk()
        else:
            _adopt(root)
        build_main_window(root, database)
        if skeleton is not None:
            skeleton.destroy()
        if os.environ.get(EXIT_AFTER_IDLE) == "1":
            shown_root = root

            def report_and_quit() -> None:
                shown_root.update_idletasks()
                if first_paint_ms is not None:
                    print(f"first_paint_ms={first_paint_ms:.0f}", flush=True)
                print(f"startup_ms={ms_since_process_start():.0f}", flush=True)
                shown_root.quit()

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
        if owned:
            database.dispose()
    return 0


def _adopt(root: tk.Tk) -> None:
    """Give a plain Tk root (the skeleton's) the window colour, in both modes."""
    from src.ui import theme

    def paint() -> None:
        root.configure(bg=theme.color("window"))

    paint()
    theme.on_appearance_change(root, paint)
