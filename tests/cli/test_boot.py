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


def test_no_display_is_a_message_not_a_traceback(tmp_path) -> None:
    import os
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    env = {k: v for k, v in os.environ.items() if k != "DISPLAY"}
    done = subprocess.run([sys.executable, "main.py", "--db", str(tmp_path / "x.db")],
                          cwd=root, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 1
    assert done.stderr.startswith("bake-planner: cannot open the window")
    assert "Traceback" not in done.stderr
