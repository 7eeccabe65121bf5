"""A window on a laptop-sized screen: its own Xvfb at 1366×768 for the layout tests.

The other GUI tests share pytest-xvfb's screen; these need the screen a baker's
laptop has, so ``laptop_root`` opens a CTk root on a second virtual screen
(``CTk(screenName=...)``) started once per session. Not a test module: the
layout and screenshot tests import the fixtures from here.
"""

from __future__ import annotations

import os
import shutil
import subprocess

import pytest

from .conftest import CallbackErrors, close_root, pump

LAPTOP = (1366, 768)


@pytest.fixture(scope="session")
def laptop_display(ctk_session):
    """The name (":N") of a 1366×768 virtual screen, running for the session."""
    xvfb = shutil.which("Xvfb")
    if xvfb is None:
        message = "the 1366x768 layout tests need Xvfb"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message, pytrace=False)
        pytest.skip(f"SKIPPED GUI TEST — {message}")
    read_end, write_end = os.pipe()
    server = subprocess.Popen(
        [xvfb, "-displayfd", str(write_end), "-screen", "0", f"{LAPTOP[0]}x{LAPTOP[1]}x24",
         "-dpi", "96", "-nolisten", "tcp"],
        pass_fds=(write_end,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    os.close(write_end)
    # Tk keeps its connection to a screen until the process ends, and closing it on a
    # server that is gone can crash the interpreter on exit: the server is stopped
    # by a watcher once this test process has ended, not when the session does.
    subprocess.Popen(
        ["sh", "-c", f"while kill -0 {os.getpid()} 2>/dev/null; do sleep 1; done; "
                     f"kill {server.pid}"],
        start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    with os.fdopen(read_end) as reader:
        number = reader.readline().strip()
    if not number:
        pytest.skip("Xvfb did not start a 1366x768 screen")
    return f":{number}"


@pytest.fixture
def laptop_root(ctk_session, laptop_display):
    """A CTk root on the 1366×768 screen; fails the test on callback errors."""
    ctk = ctk_session
    shared = os.environ.get("DISPLAY", "")
    window = ctk.CTk(screenName=laptop_display)
    # Tk sets the process's DISPLAY to the screen it opened; later roots belong on the
    # shared screen, so put it back (os.environ writes through to the C environment).
    os.environ["DISPLAY"] = shared
    window.display_name = laptop_display
    collector = CallbackErrors()
    window.report_callback_exception = collector
    pump(window)
    yield window
    close_root(window, collector)


def on_screen(widget, root) -> bool:
    """True when ``widget`` is shown and lies wholly inside the window and the screen."""
    if not widget.winfo_ismapped():
        return False
    top, left = widget.winfo_rooty(), widget.winfo_rootx()
    bottom, right = top + widget.winfo_height(), left + widget.winfo_width()
    window_bottom = root.winfo_rooty() + root.winfo_height()
    window_right = root.winfo_rootx() + root.winfo_width()
    return (
        top >= root.winfo_rooty() and left >= root.winfo_rootx()
        and bottom <= min(window_bottom, LAPTOP[1]) and right <= min(window_right, LAPTOP[0])
    )


def visible_in(widget, area) -> bool:
    """True when ``widget`` is inside the visible part of a scrolling ``area`` (its
    canvas) — seen without scrolling anything."""
    top = widget.winfo_rooty()
    bottom = top + widget.winfo_height()
    seen_top = area.canvas.winfo_rooty()
    return seen_top <= top and bottom <= seen_top + area.canvas.winfo_height()
