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

from src.ui.boot import ms_since_process_start

EXIT_AFTER_IDLE = "BAKE_PLANNER_EXIT_AFTER_IDLE"
APPEARANCE = "BAKE_PLANNER_APPEARANCE"


def run_app(
    db: object = None,
    demo: bool = False,
    root: tk.Tk | None = None,
    first_paint_ms: float | None = None,
    skeleton: tk.Misc | None = None,
) -> int:
    """Open the window on ``db`` (opened services or a database handle, a path or
    URL, or None for the default;
    with ``demo`` and no ``db``: the demo database, loaded with the demo bakery when
    empty). ``root``: a window already shown with its title and ``skeleton``
    (src.ui.boot), which the real window replaces. Returns the process exit status."""
    import customtkinter as ctk

    from src.services.facade import DatabaseError, as_services, open_services
    from src.ui import theme
    from src.ui.main_window import build_main_window

    theme.apply_appearance_from_env(os.environ.get(APPEARANCE))
    try:
        if db is None or isinstance(db, str | os.PathLike):
            services = open_services(db, demo_database=demo)
        else:  # already open (tests, the start-up probe)
            services = as_services(db)  # type: ignore[arg-type]
    except DatabaseError as exc:
        print(f"bake-planner: {exc}", file=sys.stderr)
        if root is not None:
            root.destroy()
        return 1
    if services.backup_path is not None:
        print(f"bake-planner: backed up the database before upgrading it: "
              f"{services.backup_path}", file=sys.stderr)
    try:
        if demo:
            services.demo.load_demo_if_empty()
        if root is None:
            root = ctk.CTk()
        else:
            _adopt(root)
        build_main_window(root, services)
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
        services.dispose()
    return 0


def _adopt(root: tk.Tk) -> None:
    """Give a plain Tk root (the skeleton's) the window colour, in both modes."""
    from src.ui import theme

    def paint() -> None:
        root.configure(bg=theme.color("window"))

    paint()
    theme.on_appearance_change(root, paint)
