"""main.py paints the window's skeleton first only when the window is wanted."""

from __future__ import annotations

import pytest

from src.ui.boot import gui_requested


@pytest.mark.parametrize(("argv", "window"), [
    ([], True),
    (["--demo"], True),
    (["--db", "x.db"], True),
    (["--db=x.db", "--demo"], True),
    (["--db", "plan"], True),  # "plan" is the database's name here, not a command
    (["plan", "Christmas"], False),
    (["--db", "x.db", "events"], False),
    (["--help"], False),
    (["-h"], False),
])
def test_window_or_command(argv: list[str], window: bool) -> None:
    assert gui_requested(argv) is window
