"""The production day in a real window: the amend dialog opens on the safe
change with a live preview, carries new batches, needs a reason; recording
beyond the decision asks first. Screenshots of the dialogs go through
tests/screens.py (docs/screenshots/ only under ``make screenshots``)."""

from __future__ import annotations

import os
import shutil
import subprocess

import pytest

from src.ui.planning.amend_dialog import DROP, QUANTITY

from ..screens import screenshot_dir
from .conftest import pump, toplevels
from .test_planning_production import producing  # noqa: F401  (fixture)

pytestmark = pytest.mark.gui


def test_amend_opens_on_change_quantity_and_previews_the_effect(producing, root):  # noqa: F811
    presenter, section, recipe_id = producing
    dialog = section.open_amend()
    pump(root)
    assert dialog.kind == QUANTITY
    assert dialog.line_menu.get() == "Sugar cookie"
    assert dialog.quantity_entry.cget("placeholder_text") == "now 200"
    assert not dialog.field_visible("batches")
    dialog.quantity_entry.insert(0, "240")
    dialog.refresh_preview()  # as the key release does
    pump(root)
    text = dialog.preview_label.cget("text")
    assert text.splitlines()[0] == "Sugar cookie: 200 → 240"
    assert "Sugar Cookie Dough: need 8.333 → 10 batches (options: 10); 9 decided → " in text
    assert "1 batch short (24 items)" in text
    assert "Still short: Sugar Cookie Dough" in text
    entry = dialog.batch_entry("Sugar Cookie Dough")
    assert entry is not None and entry.cget("placeholder_text") == "e.g. 10"
    entry.insert(0, "10")
    dialog.refresh_preview()
    assert "9 decided → 10 → exact" in dialog.preview_label.cget("text")
    assert presenter.plan.amendments == ()  # the preview wrote nothing


def test_amend_needs_a_reason_then_shows_the_result_at_once(producing, root):  # noqa: F811
    presenter, section, recipe_id = producing
    dialog = section.open_amend()
    dialog.quantity_entry.insert(0, "240")
    dialog.refresh_preview()
    dialog.batch_entry("Sugar Cookie Dough").insert(0, "10")
    dialog.ok_button.invoke()
    pump(root)
    assert dialog.error_text("reason") == "A reason is required: say why the plan changes"
    assert presenter.plan.amendments == ()
    dialog.reason_entry.insert(0, "More guests")
    dialog.ok_button.invoke()
    pump(root)
    assert not dialog.winfo_exists()
    [row] = presenter.plan.amendments
    assert row.summary == "Sugar cookie: 200 → 240; Sugar Cookie Dough: 9 → 10 batches"
    assert section.progress_rows() == {recipe_id: "0 of 10 batches baked · 10 to go"}
    assert section.amendment_lines()[0][1:3] == ("Quantity", row.summary)


def test_drop_is_last_and_previews_the_deselection(producing, root):  # noqa: F811
    presenter, section, recipe_id = producing
    dialog = section.open_amend()
    assert list(dialog.kind_switch.cget("values"))[-1] == DROP
    dialog.select_kind(DROP)
    pump(root)
    assert dialog.preview_label.cget("text").splitlines() == [
        "Dropped Sugar cookie (was 200); deselected Sugar Cookie Dough",
        "Sugar Cookie Dough: no longer needed, nothing baked → deselected",
    ]
    dialog.cancel_button.invoke()
    pump(root)


def test_recording_more_than_decided_asks_first(producing, root):  # noqa: F811
    presenter, section, recipe_id = producing
    dialog = section.open_record()
    dialog.batches_entry.insert(0, "11")
    dialog.ok_button.invoke()
    pump(root)
    question = dialog.question
    assert question in toplevels(root)
    assert question.message_label.cget("text") == (
        "Sugar Cookie Dough: 9 batches decided, 0 baked. Recording 11 more makes 11, "
        "2 over the plan; the extra batches show as extras. Record them?"
    )
    question.cancel_button.invoke()
    pump(root)
    assert presenter.plan.production_runs == () and dialog.winfo_exists()
    dialog.ok_button.invoke()
    pump(root)
    dialog.question.confirm_button.invoke()
    pump(root)
    assert not dialog.winfo_exists()
    assert [r.batches for r in presenter.plan.production_runs] == [11]
    assert section.progress_rows() == {recipe_id: "11 of 9 batches baked · 2 extra batches"}
    assert presenter.plan.complete is True


@pytest.mark.screenshot
def test_amend_dialog_is_photographed(producing, root):  # noqa: F811
    presenter, section, recipe_id = producing
    dialog = section.open_amend()
    dialog.quantity_entry.insert(0, "240")
    dialog.refresh_preview()
    pump(root, 6)
    importer = shutil.which("import")
    if importer is None:
        pytest.skip("ImageMagick's import is not installed; no screenshot written")
    path = screenshot_dir() / "amend-dialog.png"
    x, y = dialog.winfo_rootx(), dialog.winfo_rooty()
    w, h = dialog.winfo_width(), dialog.winfo_height()
    subprocess.run(
        [importer, "-display", os.environ["DISPLAY"], "-window", "root",
         "-crop", f"{w}x{h}+{x}+{y}", "+repage", str(path)],
        check=True, timeout=30,
    )
    assert path.stat().st_size > 5_000


def test_the_shopping_list_names_recipes_it_does_not_count(root, db):
    from src.services import exchange
    from src.services.plan import view as plan_view
    from src.services.plan.events import list_events
    from src.ui.planning.shopping_section import ShoppingSection

    from .plan_builders import COOKIE_DOC

    exchange.import_document(db, COOKIE_DOC)
    plan = plan_view.get_plan_view(db, list_events(db)[0].id)
    section = ShoppingSection(root, on_export_csv=lambda p: None, on_export_pdf=lambda p: None)
    section.pack(fill="x")
    section.show(plan)
    pump(root)
    assert section.summary_label.cget("text") == (
        "Nothing to buy yet.\nSugar Cookie Dough — not counted: no batch decision")


@pytest.mark.screenshot
def test_the_production_section_is_photographed_at_1366x768(root, db):
    from src.services.exchange.demo import load_demo
    from src.services.plan.events import find_event
    from src.ui.main_window import build_main_window

    load_demo(db)
    main = build_main_window(root, db)
    root.geometry(f"{min(1366, root.winfo_screenwidth())}x768+0+0")
    pump(root)
    planning = main.planning
    planning.events.select(find_event(db, "Thanksgiving Bake Sale").id)
    pump(root, 6)
    section = planning.production
    assert section.visible
    rows = section.progress_rows()
    assert "Pumpkin Bread" in {r.recipe_name for r in planning.presenter.plan.batches}
    assert any("to go" in text for text in rows.values())
    planning.show_view("production")  # in production it is the view shown first anyway
    pump(root, 6)
    importer = shutil.which("import")
    if importer is None:
        pytest.skip("ImageMagick's import is not installed; no screenshot written")
    path = screenshot_dir() / "production.png"
    subprocess.run(
        [importer, "-display", os.environ["DISPLAY"], "-window", "root",
         "-crop", f"{root.winfo_width()}x{root.winfo_height()}+{root.winfo_rootx()}"
         f"+{root.winfo_rooty()}", "+repage", str(path)],
        check=True, timeout=30,
    )
    assert path.stat().st_size > 10_000


def test_a_batch_row_says_what_is_baked_and_the_extras(root):
    from dataclasses import replace

    from src.services.plan.dto import ProgressRow
    from src.ui.planning.batches_section import BatchesSection

    from .plan_builders import cookie_row, make_plan

    row = replace(cookie_row(decision=9), progress=ProgressRow(9, 11, 0, 2, 11))
    section = BatchesSection(root, on_choose=lambda *a: None, on_clear=lambda *a: None,
                             confirm=lambda *a: None)
    section.pack(fill="x")
    section.show(make_plan(row, state="in_production"))
    pump(root)
    assert section.row_widgets(row.recipe_id).status.cget("text") == (
        "Decided: 9 batches · 11 baked (2 extra batches)")
