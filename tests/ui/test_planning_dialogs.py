"""The shared dialogs, in a real window: non-blocking, placed over the window, Enter/Escape."""

from __future__ import annotations

import customtkinter as ctk
import pytest

from src.ui.dialogs import FormDialog, ask_confirm, show_notice

from .conftest import pump, toplevels

pytestmark = pytest.mark.gui


def _key(widget, keysym: str) -> None:
    widget.focus_force()
    pump(widget)
    widget.event_generate(f"<{keysym}>")
    pump(widget)


def test_confirm_returns_at_once_and_reports_ok(root):
    answers: list[bool] = []
    dialog = ask_confirm(root, "Delete event", "Delete Christmas?", answers.append, "Delete")
    pump(root)
    assert answers == []  # nothing blocked, nothing answered yet
    assert dialog.winfo_ismapped()
    assert dialog.confirm_button.cget("text") == "Delete"
    dialog.confirm_button.invoke()
    pump(root)
    assert answers == [True]
    assert not dialog.winfo_exists()


def test_confirm_escape_and_enter(root):
    answers: list[bool] = []
    dialog = ask_confirm(root, "Q", "Sure?", answers.append)
    pump(root)
    _key(dialog, "Escape")
    assert answers == [False]
    assert not dialog.winfo_exists()
    dialog = ask_confirm(root, "Q", "Sure?", answers.append)
    pump(root)
    _key(dialog, "Return")
    assert answers == [False, True]


def test_confirm_answers_only_once(root):
    answers: list[bool] = []
    dialog = ask_confirm(root, "Q", "Sure?", answers.append)
    pump(root)
    dialog.cancel_button.invoke()
    dialog.confirm_button.invoke()  # a second click on a closing dialog does nothing
    pump(root)
    assert answers == [False]


def test_dialog_is_placed_over_the_main_window(root):
    root.geometry("1280x800+0+0")
    pump(root)
    dialog = show_notice(root, "Removed", "Cookie tin (20) was removed.")
    pump(root)
    x, y = dialog.winfo_rootx(), dialog.winfo_rooty()
    assert 0 < x < 1280 - dialog.winfo_width()
    assert 0 < y < 800 - dialog.winfo_height()
    assert "Cookie tin" in dialog.message_label.cget("text")
    _key(dialog, "Escape")
    assert toplevels(root) == []


class _NameForm(FormDialog):
    def __init__(self, parent, saved: list[str]):
        super().__init__(parent, "Name", ok_text="Save")
        self.saved = saved
        self.cancelled = False
        self.entry = self.add_field("Name", ctk.CTkEntry(self.body), name="name", hint="required")
        self.finish()

    def on_submit(self) -> bool:
        text = self.entry.get().strip()
        if not text:
            self.set_error("name", "Name is required")
            return False
        self.saved.append(text)
        return True

    def on_cancel(self) -> None:
        self.cancelled = True


def test_form_stays_open_with_an_inline_error_then_saves(root):
    saved: list[str] = []
    form = _NameForm(root, saved)
    pump(root)
    form.ok_button.invoke()
    pump(root)
    assert form.winfo_exists()
    assert form.error_text("name") == "Name is required"
    form.entry.insert(0, "Sugar")
    _key(form.entry._entry, "Return")
    assert saved == ["Sugar"]
    assert not form.winfo_exists()


def test_form_cancel_saves_nothing(root):
    saved: list[str] = []
    form = _NameForm(root, saved)
    pump(root)
    form.entry.insert(0, "Sugar")
    form.cancel_button.invoke()
    pump(root)
    assert saved == [] and form.cancelled
    assert not form.winfo_exists()


def test_set_error_by_widget_and_form_level(root):
    form = _NameForm(root, [])
    form.set_error(form.entry, "too long")
    assert form.error_text("name") == "too long"
    form.set_error(None, "Database is busy")
    assert form.error_text(None) == "Database is busy"
    form.set_errors({"name": "again"})
    assert form.error_text(None) == "" and form.error_text("Name") == "again"
    form.cancel_button.invoke()


class _TwoMenus(FormDialog):
    """The shape that used to land at (0, 0) without a window manager: two option menus."""

    def __init__(self, parent, positions: list[tuple[int, int]] | None = None):
        super().__init__(parent, "Two menus")
        if positions is not None:  # every position the window is seen at, from the start
            def seen(event) -> None:
                if event.widget is self and self.winfo_ismapped():
                    positions.append((self.winfo_rootx(), self.winfo_rooty()))

            self.bind("<Configure>", seen, add="+")
            self.bind("<Map>", seen, add="+")
        self.kind_menu = ctk.CTkOptionMenu(self.body, values=["Drop", "Add"])
        self.add_field("Kind", self.kind_menu, name="kind")
        self.recipe_menu = ctk.CTkOptionMenu(self.body, values=["Sugar Cookie Dough", "Truffles"])
        self.add_field("Recipe", self.recipe_menu, name="recipe")
        self.finish()


def _over(dialog, root) -> bool:
    x, y = dialog.winfo_rootx(), dialog.winfo_rooty()
    rx, ry = root.winfo_rootx(), root.winfo_rooty()
    return (rx < x and x + dialog.winfo_width() < rx + root.winfo_width()
            and ry < y and y + dialog.winfo_height() < ry + root.winfo_height())


@pytest.mark.parametrize("origin", [(0, 0), (60, 40)])
def test_form_with_two_option_menus_stays_over_the_window(root, origin):
    root.geometry(f"1100x720+{origin[0]}+{origin[1]}")
    pump(root)
    positions: list[tuple[int, int]] = []
    form = _TwoMenus(root, positions)
    for _ in range(8):  # several rounds of events: nothing may move it back to (0, 0)
        pump(root, 1)
        assert form.winfo_ismapped()
        assert _over(form, root), (form.winfo_rootx(), form.winfo_rooty())
    # It was never shown anywhere but over the window: withdrawn until placed.
    assert positions and all(p == positions[-1] for p in positions), positions
    form.recipe_menu.set("Truffles")
    pump(root)
    assert _over(form, root)
    form.cancel_button.invoke()
    pump(root)
    assert toplevels(root) == []

