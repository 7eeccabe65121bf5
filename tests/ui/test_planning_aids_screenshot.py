"""Photograph the "Optimise batches" dialog over the demo's draft event.

Writes docs/screenshots/optimise.png under ``make screenshots``."""

from __future__ import annotations

import os
import shutil
import subprocess

import pytest

from src.services.exchange.demo import load_demo
from src.ui.main_window import build_main_window

from ..screens import screenshot_dir
from .conftest import pump

pytestmark = [pytest.mark.gui, pytest.mark.screenshot]


def test_optimise_dialog_is_photographed_and_fits_the_window(root, db):
    load_demo(db)
    main = build_main_window(root, db)
    root.geometry("1280x768+0+0")
    pump(root)
    planning = main.planning
    draft = next(e for e in planning.presenter.events if e.plan_state == "draft")
    planning.events.select(draft.id)
    pump(root, 6)
    planning.aids.buttons["optimise"].invoke()
    pump(root, 4)
    dialog = planning.aids.last_dialog
    assert dialog.proposal is not None and dialog.proposal.meets_all_lines
    assert dialog.winfo_rooty() + dialog.winfo_height() <= 768
    if shutil.which("import") is None:
        pytest.skip("ImageMagick's import is not installed; no screenshot written")
    path = screenshot_dir() / "optimise.png"
    subprocess.run(
        ["import", "-display", os.environ["DISPLAY"], "-window", "root", "-crop",
         f"{dialog.winfo_width()}x{dialog.winfo_height()}+{dialog.winfo_rootx()}"
         f"+{dialog.winfo_rooty()}", "+repage", str(path)],
        check=True, timeout=30,
    )
    assert path.stat().st_size > 10_000
