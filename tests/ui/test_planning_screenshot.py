"""Load the demo from the welcome screen, then photograph its events' sub-views.

Writes docs/screenshots/planning*.png (the README shows them)."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from src.ui.main_window import build_main_window

from ..screens import screenshot_dir
from .conftest import pump

pytestmark = [pytest.mark.gui, pytest.mark.screenshot]

SCREENSHOT = screenshot_dir() / "planning.png"


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


VIEW_SHOTS = {  # sub-view -> picture of the whole window showing it
    "plan": "planning-batches.png",
    "shopping": "planning-shopping.png",
    "assembly": "planning-assembly.png",
    "production": "planning-production.png",
}


def _grab_window(root, path: Path) -> None:
    x, y = root.winfo_rootx(), root.winfo_rooty()
    subprocess.run(
        ["import", "-display", root.winfo_screen(), "-window", "root",
         "-crop", f"{root.winfo_width()}x{root.winfo_height()}+{x}+{y}", "+repage", str(path)],
        check=True, timeout=30,
    )


@pytest.mark.parametrize("state", ["draft", "in_production"])
def test_each_sub_view_of_the_demo_is_photographed(laptop_root, db, state):
    """The demo's draft event (Plan with its batch decisions, Shopping, Assembly) and its
    in-production event (Production), in the window the app opens on a 1366×768 screen."""
    from src.services.exchange import demo

    root = laptop_root
    assert demo.load_demo_if_empty(db)
    main = build_main_window(root, db)
    root.geometry("+0+0")
    pump(root)
    planning = main.planning
    event = next(e for e in planning.presenter.events if e.plan_state == state)
    planning.events.select(event.id)
    pump(root, 6)
    plan = planning.presenter.plan
    assert plan.event.id == event.id and plan.batches and plan.shopping
    if state == "draft":
        several = [b for b in plan.batches if len(b.yield_choices) > 1]
        assert several, "the demo draft has a recipe with several yield types"
        brownie = planning.batches.row_widgets(several[0].recipe_id)
        assert brownie.yield_box.winfo_manager() == "grid"
        needs = " ".join(planning.batches.row_widgets(r).need.cget("text")
                         for r in planning.batches.row_ids())
        assert "loafs" not in needs and "mans" not in needs
        views = ("plan", "shopping", "assembly")
    else:
        assert planning.bar.current == "production"
        views = ("production",)
    if shutil.which("import") is None:
        pytest.skip("ImageMagick is not installed; no screenshot written")
    for key in views:
        planning.show_view(key)
        pump(root, 6)
        path = SCREENSHOT.with_name(VIEW_SHOTS[key])
        _grab_window(root, path)
        assert path.stat().st_size > 20_000
