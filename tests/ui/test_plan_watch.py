"""Two windows on one plan: the window notices what another window (another
Database handle, or another process — another computer) saved, refreshes with
a notice, and keeps what the baker is typing. On SQLite, and on PostgreSQL
under `make test-postgres`."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

from src.db import open_database
from src.services.plan import selection

from .conftest import pump

pytestmark = pytest.mark.gui
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def other(bakery_db):
    """The other computer's handle on the same database."""
    handle = open_database(bakery_db.url)
    yield handle
    handle.dispose()


def _ids(window, kind: str) -> dict[str, int]:
    return {r.name: r.id for r in getattr(window.planning.presenter.plan, kind)}


def test_a_change_saved_elsewhere_is_shown_with_a_notice(window, root, other):
    planning = window.planning
    event_id = planning.presenter.event_id
    recipes, goods = _ids(window, "recipes"), _ids(window, "goods")
    assert planning.watcher.check_now() is None  # nothing changed yet: no notice
    selection.set_selected_recipes(other, event_id, [recipes["Sugar Cookie Dough"]])
    selection.set_quantity(other, event_id, goods["Sugar cookie"], 48)
    notice = planning.watcher.check_now()
    pump(root)
    assert notice == "Changed on another computer: recipes chosen, finished goods."
    assert planning.watcher.text == notice
    assert planning.recipes.is_checked(recipes["Sugar Cookie Dough"])
    assert planning.goods.entry(goods["Sugar cookie"]).get() == "48"
    assert planning.watcher.check_now() is None  # seen once, not again
    planning.watcher.hide()
    assert planning.watcher.text == ""


def test_edits_made_in_this_window_are_not_announced(window, root):
    planning = window.planning
    recipes, goods = _ids(window, "recipes"), _ids(window, "goods")
    planning.presenter.toggle_recipe(recipes["Sugar Cookie Dough"])
    pump(root)
    field = planning.goods.entry(goods["Sugar cookie"])
    field.focus_force()
    field.insert(0, "24")
    field.event_generate("<Return>")
    pump(root)
    assert {g.name: g.quantity for g in planning.presenter.plan.goods}["Sugar cookie"] == 24
    assert planning.watcher.check_now() is None
    assert planning.watcher.text == ""


def test_what_the_baker_is_typing_is_kept(window, root, other):
    planning = window.planning
    event_id = planning.presenter.event_id
    recipes, goods = _ids(window, "recipes"), _ids(window, "goods")
    selection.set_selected_recipes(other, event_id, [recipes["Sugar Cookie Dough"],
                                                     recipes["Chocolate Truffles"]])
    planning.watcher.check_now()
    pump(root)
    typing = planning.goods.entry(goods["Sugar cookie"])
    typing.focus_force()
    pump(root)
    typing.insert(0, "37")  # not saved yet: no Enter, focus still there
    selection.set_quantity(other, event_id, goods["Truffle box"], 12)
    selection.set_quantity(other, event_id, goods["Sugar cookie"], 5)
    assert planning.watcher.check_now() == "Changed on another computer: finished goods."
    pump(root)
    assert planning.goods.entry(goods["Truffle box"]).get() == "12"
    assert typing.get() == "37" and root.focus_get() is typing
    typing.event_generate("<Return>")  # the baker's value is then saved, as typed
    pump(root)
    assert planning.presenter.plan is not None
    saved = {g.name: g.quantity for g in planning.presenter.plan.goods}
    assert saved["Sugar cookie"] == 37 and saved["Truffle box"] == 12


def test_an_event_deleted_elsewhere_is_said_and_another_shown(window, root, other):
    from src.services.plan.events import delete_event

    planning = window.planning
    shown = planning.presenter.event_id
    delete_event(other, shown)
    assert planning.watcher.check_now() == (
        "Changed on another computer: this event was deleted.")
    pump(root)
    assert planning.presenter.event_id not in (None, shown)
    assert [e.name for e in planning.presenter.events] == ["Bake sale"]


def test_another_process_is_noticed_by_the_running_poller(window, root, bakery_db):
    """A real second process saves; the window's own after() loop notices it."""
    planning = window.planning
    event_id = planning.presenter.event_id
    recipe = _ids(window, "recipes")["Chocolate Truffles"]
    script = ("import sys; from src.db import open_database; "
              "from src.services.plan.selection import set_selected_recipes; "
              "db = open_database(sys.argv[1]); "
              "set_selected_recipes(db, int(sys.argv[2]), [int(sys.argv[3])]); db.dispose()")
    subprocess.run([sys.executable, "-c", script, bakery_db.url, str(event_id), str(recipe)],
                   cwd=ROOT, check=True, timeout=120)
    deadline = time.monotonic() + 30  # the poll runs every 2 s; allow a loaded machine
    while not planning.watcher.text and time.monotonic() < deadline:
        pump(root)
        time.sleep(0.05)
    assert planning.watcher.text == "Changed on another computer: recipes chosen."
    assert planning.recipes.is_checked(recipe)


def test_the_window_says_where_the_backup_before_an_upgrade_is(root, bakery_db, tmp_path):
    from src.ui.main_window import build_main_window

    bakery_db.backup_path = tmp_path / "bakery.backup-20261129-170000.json"
    main = build_main_window(root, bakery_db)
    pump(root)
    assert main.planning.watcher.text == (
        f"The database was upgraded; a backup was saved first: {bakery_db.backup_path}")


def test_a_failed_check_is_said_in_the_bar_and_nothing_breaks(window, root, monkeypatch):
    from src.services.errors import ServiceError
    from src.services.plan import watch as plan_watch

    def unreachable(db, event_id):  # (the facade offers functions taking db first)
        raise ServiceError("Cannot check the database for changes: connection refused")

    monkeypatch.setattr(plan_watch, "plan_version", unreachable)
    planning = window.planning
    assert planning.watcher.check_now() == (
        "Cannot check the database for changes: connection refused")
    pump(root)
    assert planning.watcher.text.startswith("Cannot check the database for changes")
    assert planning.presenter.plan is not None  # the plan shown stays
