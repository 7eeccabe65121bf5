"""Load the demo from the welcome screen, then photograph its draft event.

Writes docs/screenshots/planning.png (the README shows it)."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from src.ui.main_window import build_main_window

from .conftest import pump

pytestmark = pytest.mark.gui

SCREENSHOT = Path(__file__).resolve().parents[2] / "docs" / "screenshots" / "planning.png"


def test_demo_loads_from_the_welcome_and_its_draft_event_is_photographed(root, db):
    main = build_main_window(root, db)
    root.geometry("1280x800+0+0")
    pump(root)
    planning = main.planning
    assert planning.welcome.winfo_ismapped()
    planning.welcome.demo_button.invoke()
    pump(root)
    assert not planning.welcome.winfo_ismapped()
    events = planning.presenter.events
    assert len(events) >= 2
    draft = next(e for e in events if e.plan_state == "draft")
    planning.events.select(draft.id)
    pump(root, 6)
    plan = planning.presenter.plan
    assert plan.event.id == draft.id
    assert planning.header.badge.cget("text") == "DRAFT"
    assert planning.recipes.count_label.cget("text") == (
        f"{plan.selected_count} of {len(plan.recipes)} recipes selected"
    )
    assert planning.goods.good_ids()  # the demo's draft has goods to plan

    importer = shutil.which("import")
    if importer is None:
        pytest.skip("ImageMagick's import is not installed; no screenshot written")
    SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
    x, y = root.winfo_rootx(), root.winfo_rooty()
    w, h = root.winfo_width(), root.winfo_height()
    subprocess.run(
        [importer, "-display", os.environ["DISPLAY"], "-window", "root",
         "-crop", f"{w}x{h}+{x}+{y}", "+repage", str(SCREENSHOT)],
        check=True, timeout=30,
    )
    assert SCREENSHOT.stat().st_size > 10_000
