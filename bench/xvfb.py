"""A virtual X display for the window benchmarks: reuse $DISPLAY, or start Xvfb."""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def _display_works(display: str) -> bool:
    probe = shutil.which("xdpyinfo")
    if probe is None:  # cannot check; trust the caller's $DISPLAY
        return True
    result = subprocess.run(
        [probe, "-display", display], capture_output=True, timeout=10, check=False
    )
    return result.returncode == 0


@contextmanager
def virtual_display(width: int = 1280, height: int = 800) -> Iterator[str | None]:
    """Yields a DISPLAY value for child processes, or None when no X server can be had.

    An existing working $DISPLAY is used as it is; otherwise Xvfb is started on
    the first free display number from :99 and stopped afterwards."""
    current = os.environ.get("DISPLAY")
    if current and _display_works(current):
        yield current
        return
    xvfb = shutil.which("Xvfb")
    if xvfb is None:
        yield None
        return
    number = 99
    while Path(f"/tmp/.X11-unix/X{number}").exists() or Path(f"/tmp/.X{number}-lock").exists():
        number += 1
    display = f":{number}"
    proc = subprocess.Popen(
        [xvfb, display, "-screen", "0", f"{width}x{height}x24", "-dpi", "96", "-nolisten",
         "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 10
        while not Path(f"/tmp/.X11-unix/X{number}").exists():
            if proc.poll() is not None or time.monotonic() > deadline:
                yield None
                return
            time.sleep(0.05)
        yield display
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
