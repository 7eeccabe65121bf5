"""The Bake days view under Xvfb: opened from the planning tab on the demo bakery,
blocks drawn per recipe, today marked, settings and first day edited in place.

Writes docs/screenshots/bake-days.png under ``make screenshots``."""

from __future__ import annotations

import os
import shutil
import subprocess
from datetime import date

import pytest

from src.services.exchange.demo import load_demo
from src.services.plan.decisions import set_batch_decision
from src.services.plan.events import find_event
from src.services.plan.view import get_plan_view
from src.ui.main_window import build_main_window
from src.ui.planning.bake_days import BakeDaysView, BakeDaysWindow

from ..screens import screenshot_dir
from .conftest import pump

pytestmark = [pytest.mark.gui]
EVENT = "Holiday Cookie Exchange 2026"


@pytest.fixture
def demo(db):
    load_demo(db)
    return db


def _texts(canvas) -> list[str]:
    return [canvas.itemcget(i, "text") for i in canvas.find_all()
            if canvas.type(i) == "text"]


def test_the_planning_tab_shows_bake_days_for_the_shown_event(root, demo):
    main = build_main_window(root, demo)
    pump(root)
    planning = main.planning
    chosen = find_event(demo, EVENT, None).id
    planning.events.select(chosen)
    pump(root, 6)
    planning.show_view("bake_days")  # a sub-view of the plan, like Shopping
    pump(root, 6)
    view = planning.bar.view("bake_days").view
    assert view.event_id == chosen and view.winfo_ismapped()
    assert view.title.cget("text") == f"Bake days — {EVENT}"
    # It follows the chosen event.
    other = next(e.id for e in planning.presenter.events if e.id != chosen)
    planning.events.select(other)
    pump(root, 6)
    assert view.event_id == other


def test_bake_days_opens_in_its_own_window_too(root, demo):
    chosen = find_event(demo, EVENT, None).id
    window = BakeDaysWindow(root, demo, chosen)
    pump(root, 4)
    assert window.view.event_id == chosen
    window.destroy()


def test_blocks_per_recipe_with_names_and_today_marked(root, demo):
    event_id = find_event(demo, EVENT, None).id
    view = BakeDaysView(root, demo, event_id, today=lambda: date(2026, 12, 15))
    view.pack(fill="both", expand=True)
    pump(root, 6)
    timeline = view.timeline
    bakes = [(d, s) for d, s, _ in timeline.blocks if s.action == "bake"]
    schedule = view.view
    assert len(timeline.blocks) == sum(len(d.sessions) for d in schedule.days)
    assert {s.recipe for _, s in bakes} >= {"Sugar Cookie Dough", "Gingerbread Dough"}
    texts = _texts(timeline)
    assert "today" in texts and "Tue 15 Dec" in texts
    assert any(t.startswith("Gingerbread Dough ×4") for t in texts)
    assert "batches on 6 days" in view.summary.cget("text")
    assert "Chocolate Truffles: no timing set" in view.problems.cget("text")


def test_today_between_baking_days_is_a_line_and_first_day_is_edited(root, demo):
    event_id = find_event(demo, EVENT, None).id
    view = BakeDaysView(root, demo, event_id, today=lambda: date(2026, 12, 12))
    view.pack(fill="both", expand=True)
    pump(root, 4)
    assert "today Sat 12 Dec" in _texts(view.timeline)
    view.first_entry.delete(0, "end")
    view.first_entry.insert(0, "2026-12-30")
    view.first_button.invoke()
    pump(root)
    assert "must be before the event" in view.summary.cget("text")
    view.first_entry.delete(0, "end")
    view.first_entry.insert(0, "2026-12-16")
    view.first_button.invoke()
    pump(root)
    assert view.view.first_day == date(2026, 12, 16)
    assert all(d.day >= date(2026, 12, 16) for d in view.view.days)


def test_bakery_settings_dialog_saves_and_reports_bad_hours(root, demo):
    event_id = find_event(demo, EVENT, None).id
    view = BakeDaysView(root, demo, event_id)
    view.pack(fill="both", expand=True)
    pump(root)
    view.open_settings()
    pump(root)
    dialog = view.dialog
    dialog.set_hours(1, "22:00", "18:00")
    dialog.ok_button.invoke()
    pump(root)
    assert not dialog.closed
    assert "Tuesday: baking must end after it starts" in dialog.error_text("hours.1")
    dialog.set_hours(1, "18:00", "22:00")
    dialog.ovens_entry.delete(0, "end")
    dialog.ovens_entry.insert(0, "2")
    dialog.ok_button.invoke()
    pump(root)
    assert dialog.closed
    assert view.view.ovens == 2
    assert "oven 2" in _texts(view.timeline)


def test_refresh_and_show_event_follow_changes_made_elsewhere(root, demo):
    event_id = find_event(demo, EVENT, None).id
    view = BakeDaysView(root, demo, event_id)
    view.pack(fill="both", expand=True)
    pump(root)
    gingerbread = next(s for d in view.view.days for s in d.sessions
                       if s.recipe == "Gingerbread Dough" and s.action == "bake")
    assert gingerbread.batches == 4
    plan = find_event(demo, EVENT, None)
    row = next(b for b in get_plan_view(demo, plan.id).batches
               if b.recipe_name == "Gingerbread Dough")
    set_batch_decision(demo, plan.id, row.recipe_id, 5, row.decision.finished_unit_id)
    view.refresh_button.invoke()
    pump(root)
    assert sum(s.batches for d in view.view.days for s in d.sessions
               if s.recipe == "Gingerbread Dough" and s.action == "bake") == 5
    other = find_event(demo, "Thanksgiving Bake Sale", None).id
    view.show_event(other)
    pump(root)
    assert view.view.event.name == "Thanksgiving Bake Sale"


def test_export_to_calendar_and_pdf(root, demo, tmp_path):
    from icalendar import Calendar
    from pypdf import PdfReader

    view = BakeDaysView(root, demo, find_event(demo, EVENT, None).id)
    pump(root)
    sessions = sum(len(d.sessions) for d in view.view.days)
    assert view.export("ics", str(tmp_path / "bake.ics")) is None
    calendar = Calendar.from_ical((tmp_path / "bake.ics").read_bytes())
    assert len(calendar.walk("VEVENT")) == sessions
    assert view.export("pdf", str(tmp_path / "bake.pdf")) is None
    assert len(PdfReader(str(tmp_path / "bake.pdf")).pages) >= 1 + len(view.view.days)
    problem = view.export("pdf", str(tmp_path / "missing" / "bake.pdf"))
    assert problem is not None and problem.startswith("Could not write")
    assert view.summary.cget("text") == problem


@pytest.mark.screenshot
def test_bake_days_screenshot_fits_a_laptop_screen(root, demo):
    root.geometry("1280x768+0+0")  # the test display is 1280 wide
    event_id = find_event(demo, EVENT, None).id
    view = BakeDaysView(root, demo, event_id, today=lambda: date(2026, 12, 15))
    view.pack(fill="both", expand=True)
    pump(root, 8)
    assert view.problems.winfo_rooty() + view.problems.winfo_height() <= 768
    importer = shutil.which("import")
    if importer is None:
        pytest.skip("ImageMagick's import is not installed; no screenshot written")
    shot = screenshot_dir() / "bake-days.png"
    x, y, w, h = root.winfo_rootx(), root.winfo_rooty(), root.winfo_width(), root.winfo_height()
    subprocess.run([importer, "-display", os.environ["DISPLAY"], "-window", "root", "-crop",
                    f"{w}x{h}+{x}+{y}", "+repage", str(shot)], check=True, timeout=30)
    assert shot.stat().st_size > 10_000


def test_every_reason_why_batches_do_not_fit_stays_on_screen(root, demo):
    from src.services.bakedays.settings import set_bakery_settings

    event_id = find_event(demo, EVENT, None).id
    set_bakery_settings(demo, 1, {day: None for day in range(7)})  # closed: nothing fits
    root.geometry("1280x500+0+0")  # less room than the timeline asks for
    view = BakeDaysView(root, demo, event_id)
    view.pack(fill="both", expand=True)
    pump(root, 6)
    assert len(view.view.problems) > 3
    label = view.problems
    # The timeline gives way; the list of reasons is never squeezed to a line or two.
    assert label.winfo_ismapped() and label.winfo_height() >= label.winfo_reqheight()
    assert label.winfo_rooty() + label.winfo_height() <= view.winfo_rooty() + view.winfo_height()
