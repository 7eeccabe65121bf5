"""The first paint: the window's title and a skeleton before anything heavy loads.

``main.py`` calls :func:`start` when no command is given (the window is wanted).
Only the standard library and tkinter are imported here; the root is a plain
``tk.Tk`` titled "Bake Planner" showing grey placeholders of the tab bar and
the page, painted at once. Then the command line, customtkinter, SQLAlchemy
and the database are loaded and the real window is built into the same root
(``run_app(root=...)``), replacing the skeleton, so the window never closes
and reopens. ``first_paint_ms`` is printed next to ``startup_ms`` by the
start-up benchmark (``BAKE_PLANNER_EXIT_AFTER_IDLE=1``).
"""

from __future__ import annotations

import os
import sys
import time
import tkinter as tk
from collections.abc import Callable, Sequence

TITLE = "Bake Planner"
WIDTH, HEIGHT = 1280, 800
_DARK = os.environ.get("BAKE_PLANNER_APPEARANCE") == "dark"
# The theme's window / section colours (light, dark), without importing it.
BACKGROUND = "gray14" if _DARK else "gray92"
PLACEHOLDER = "gray22" if _DARK else "gray84"
TEXT = "gray65" if _DARK else "gray35"

# Fallback start time when /proc is not there: as early as this module is imported.
_IMPORTED_AT = time.time()

# Options that take a value, and commands, as src.cli defines them.
_VALUE_OPTIONS = {"--db"}


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


def gui_requested(argv: Sequence[str]) -> bool:
    """True when ``argv`` names no command (the window is wanted) and asks for no help."""
    skip = False
    for arg in argv:
        if skip:
            skip = False
            continue
        if arg in _VALUE_OPTIONS:
            skip = True
        elif arg.startswith("--db="):
            continue
        elif arg in ("-h", "--help") or not arg.startswith("-"):
            return False
    return True


def paint_skeleton() -> tuple[tk.Tk, tk.Frame, float]:
    """A titled root showing the skeleton, painted; (root, skeleton, first_paint_ms)."""
    root = tk.Tk(className="bake-planner")
    root.title(TITLE)
    root.geometry(f"{WIDTH}x{HEIGHT}")
    root.configure(bg=BACKGROUND)
    skeleton = tk.Frame(root, bg=BACKGROUND)
    skeleton.pack(fill="both", expand=True)
    tabs = tk.Frame(skeleton, bg=BACKGROUND)
    tabs.pack(anchor="nw", padx=16, pady=(8, 4))
    for name in ("Planning", "Catalog", "Pantry"):
        tk.Label(tabs, text=name, bg=PLACEHOLDER, fg=TEXT, padx=10, pady=3).pack(
            side="left", padx=(0, 2))
    page = tk.Frame(skeleton, bg=PLACEHOLDER)
    page.pack(fill="both", expand=True, padx=8, pady=(0, 8))
    tk.Label(page, text="Opening your bakery…", bg=PLACEHOLDER, fg=TEXT,
             font=("DejaVu Sans", 14)).place(relx=0.5, rely=0.4, anchor="center")
    root.update_idletasks()
    root.update()
    return root, skeleton, ms_since_process_start()


def start(argv: Sequence[str], run: Callable[..., int]) -> int:
    """Paint the skeleton, then ``run(argv, root=, first_paint_ms=, skeleton=)``: the
    command line's entry (main.py passes it; the UI does not import the CLI), which
    opens the real window into the same root."""
    try:
        root, skeleton, first_paint = paint_skeleton()
    except tk.TclError as exc:  # no display, or one that refuses us
        print(f"bake-planner: cannot open the window ({exc}); the commands work without "
              "one: see --help", file=sys.stderr)
        return 1
    # The heavy imports, with a repaint between them (an uncovered or resized window
    # shows its skeleton again rather than garbage while the rest loads).
    import customtkinter  # noqa: F401

    root.update()
    return run(argv, root=root, first_paint_ms=first_paint, skeleton=skeleton)
