"""Load the demo from the welcome screen, then photograph its draft event.

Writes docs/screenshots/planning.png (the README shows it)."""

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


BATCHES_SHOT = SCREENSHOT.with_name("planning-batches.png")


def _scroll_to_top_of(planning, widget, root) -> None:
    """Scroll the planning page so ``widget`` starts at the top of what is seen."""
    pump(root)
    top = widget.winfo_rooty() - planning.page.winfo_rooty()
    planning.page._parent_canvas.yview_moveto(top / planning.page.winfo_height())
    pump(root, 4)


def _grab(widget, root, path: Path) -> None:
    """Photograph the part of ``widget`` inside the window."""
    x, y = widget.winfo_rootx(), widget.winfo_rooty()
    bottom = min(y + widget.winfo_height(), root.winfo_rooty() + root.winfo_height() - 8)
    subprocess.run(
        ["import", "-display", os.environ["DISPLAY"], "-window", "root",
         "-crop", f"{widget.winfo_width()}x{bottom - y}+{x}+{y}", "+repage", str(path)],
        check=True, timeout=30,
    )


def test_batch_decisions_and_shopping_list_of_the_demo_draft(root, db, tmp_path):
    """The demo's draft event: every recipe's options and decision (the brownie batter
    with its yield type picker), then the shopping list; written as one image."""
    from src.services import demo

    assert demo.load_demo_if_empty(db)
    main = build_main_window(root, db)
    root.geometry("1280x800+0+0")
    pump(root)
    planning = main.planning
    draft = next(e for e in planning.presenter.events if e.plan_state == "draft")
    planning.events.select(draft.id)
    pump(root, 6)
    plan = planning.presenter.plan
    assert plan.event.id == draft.id and plan.batches and plan.shopping
    several = [b for b in plan.batches if len(b.yield_choices) > 1]
    assert several, "the demo draft has a recipe with several yield types"
    brownie = planning.batches.row_widgets(several[0].recipe_id)
    assert brownie.yield_box.winfo_manager() == "grid"
    needs = " ".join(planning.batches.row_widgets(r).need.cget("text")
                     for r in planning.batches.row_ids())
    assert "loafs" not in needs and "mans" not in needs

    if shutil.which("import") is None or shutil.which("convert") is None:
        pytest.skip("ImageMagick is not installed; no screenshot written")
    _scroll_to_top_of(planning, planning.batches, root)
    assert brownie.frame.winfo_ismapped()
    _grab(planning.batches, root, tmp_path / "batches.png")
    _scroll_to_top_of(planning, planning.shopping, root)
    _grab(planning.shopping, root, tmp_path / "shopping.png")
    BATCHES_SHOT.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        ["convert", str(tmp_path / "batches.png"), str(tmp_path / "shopping.png"),
         "-append", str(BATCHES_SHOT)],
        check=True, timeout=30,
    )
    assert BATCHES_SHOT.stat().st_size > 20_000
