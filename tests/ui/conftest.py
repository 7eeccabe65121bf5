"""The real-window harness: a customtkinter root under Xvfb (pytest-xvfb).

- light mode, scaling 1.0, so runs and screenshots repeat;
- a collector replaces ``report_callback_exception``: an exception inside a Tk
  callback (which Tk would only print) fails the test;
- pending ``after`` jobs are cancelled before the root is destroyed;
- without a display the GUI tests skip loudly, and under ``CI=true`` they fail.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import traceback

import pytest


def _display_or_skip() -> None:
    if os.environ.get("DISPLAY"):
        return
    message = (
        "GUI tests need an X display: install Xvfb (and xauth) so pytest-xvfb can start one"
    )
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"No display under CI: {message}", pytrace=False)
    pytest.skip(f"SKIPPED GUI TEST — no display. {message}")


@pytest.fixture(scope="session")
def ctk_session():
    """customtkinter configured once for repeatable runs."""
    _display_or_skip()
    import customtkinter as ctk

    ctk.set_appearance_mode("light")
    ctk.deactivate_automatic_dpi_awareness()
    ctk.set_widget_scaling(1.0)
    ctk.set_window_scaling(1.0)
    return ctk


def pump(root, times: int = 3) -> None:
    """Let Tk process what a user action queued: idle tasks, then events, a few times."""
    for _ in range(times):
        root.update_idletasks()
        root.update()


def pump_until(root, ready, times: int = 30) -> bool:
    """Pump until ``ready()`` holds (a loaded machine maps a new widget later); its last answer."""
    for _ in range(times):
        pump(root)
        if ready():
            return True
    return bool(ready())


def cancel_after_jobs(root) -> None:
    for job in root.tk.call("after", "info"):
        try:
            root.tk.call("after", "cancel", job)
        except Exception:  # noqa: BLE001 - a job may finish while we cancel
            pass


def park_pointer() -> None:
    """Move the pointer out of the way: CTk buttons fire on release only after <Enter>."""
    if shutil.which("xdotool"):
        subprocess.run(["xdotool", "mousemove", "1270", "790"], check=False, timeout=5)


class CallbackErrors:
    """Collects exceptions raised in Tk callbacks so the test can fail on them."""

    def __init__(self) -> None:
        self.errors: list[str] = []

    def __call__(self, exc_type, exc_value, exc_tb) -> None:
        self.errors.append("".join(traceback.format_exception(exc_type, exc_value, exc_tb)))


@pytest.fixture
def root(ctk_session):
    """A fresh CTk root 1280×800 at the screen's origin; fails the test on callback errors."""
    ctk = ctk_session
    park_pointer()
    window = ctk.CTk()
    window.geometry("1280x800+0+0")
    collector = CallbackErrors()
    window.report_callback_exception = collector
    window.callback_errors = collector
    pump(window)
    yield window
    close_root(window, collector)


def close_root(window, collector) -> None:
    """Let the last events run, cancel the timers, destroy ``window``; fail the test
    if any Tk callback raised while it was open (``collector``)."""
    try:
        pump(window)
    except Exception:  # noqa: BLE001 - the window may already be gone
        pass
    cancel_after_jobs(window)
    try:
        window.destroy()
    except Exception:  # noqa: BLE001
        pass
    if collector.errors:
        pytest.fail("A Tk callback raised:\n" + "\n".join(collector.errors), pytrace=False)


def toplevels(root) -> list:
    """The dialogs open over ``root`` right now (mapped Toplevels)."""
    import tkinter as tk

    found = []
    stack = list(root.winfo_children())
    while stack:
        widget = stack.pop()
        if isinstance(widget, tk.Toplevel) and widget.winfo_exists():
            found.append(widget)
        stack.extend(widget.winfo_children())
    return found


# -- a small bakery and the window on it ----------------------------------------

BAKERY = {
    "format": "bake-planner",
    "version": 1,
    "ingredients": [
        {"name": "All-purpose flour", "category": "Dry goods", "density_g_per_ml": "0.53"},
        {"name": "Dark chocolate", "category": "Baking"},
    ],
    "recipes": [
        {"name": "Sugar Cookie Dough", "category": "Cookies",
         "ingredients": [{"ingredient": "All-purpose flour", "quantity": "2.75", "unit": "cup"}],
         "yields": [{"name": "Sugar cookie", "mode": "discrete_count", "items_per_batch": 24}]},
        {"name": "Chocolate Sugar Cookie Dough", "base": "Sugar Cookie Dough",
         "category": "Cookies", "ingredients": [],
         "yields": [{"name": "Chocolate sugar cookie", "mode": "discrete_count",
                     "items_per_batch": 24}]},
        {"name": "Chocolate Truffles", "category": "Candy",
         "ingredients": [{"ingredient": "Dark chocolate", "quantity": "300", "unit": "g"}],
         "yields": [{"name": "Truffle", "mode": "discrete_count", "items_per_batch": 40}]},
    ],
    "finished_goods": [
        {"name": "Sugar cookie", "components": [{"unit": "Sugar cookie", "quantity": 1}]},
        {"name": "Chocolate sugar cookie",
         "components": [{"unit": "Chocolate sugar cookie", "quantity": 1}]},
        {"name": "Truffle box", "components": [{"unit": "Truffle", "quantity": 4}]},
        {"name": "Cookie tin", "components": [
            {"unit": "Sugar cookie", "quantity": 6}, {"good": "Truffle box", "quantity": 1}]},
    ],
    "pantry": [],
    "events": [
        {"name": "Christmas 2026", "date": "2026-12-20", "expected_attendees": 50,
         "notes": "", "plan_state": "draft", "recipes": [], "finished_goods": [],
         "batch_decisions": [], "production": [], "snapshot": None, "amendments": []},
        {"name": "Bake sale", "date": "2026-05-02", "expected_attendees": None,
         "notes": "", "plan_state": "draft", "recipes": [], "finished_goods": [],
         "batch_decisions": [], "production": [], "snapshot": None, "amendments": []},
    ],
}


@pytest.fixture
def bakery_db(db):
    """The shared ``db`` with three recipes (one a variant), four goods, two draft events."""
    from src.services.exchange import import_document

    import_document(db, BAKERY)
    return db


@pytest.fixture
def window(root, bakery_db):
    """The main window on the small bakery, events loaded (the newest shown)."""
    from src.ui.main_window import build_main_window

    main = build_main_window(root, bakery_db)
    root.geometry("1280x800+0+0")
    pump(root)
    return main


# The fixtures of the 1366×768 screen (laptop_screen.py), for every GUI test module.
from .laptop_screen import laptop_display, laptop_root  # noqa: E402, F401
