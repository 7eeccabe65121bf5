"""Where window tests put their pictures.

A test run must leave the work tree clean, so pictures go to a temporary
folder unless ``BAKE_PLANNER_SCREENSHOTS=1`` is set; ``make screenshots`` sets
it and runs the tests marked ``screenshot``, which then write the tracked
images in docs/screenshots/ that the README shows.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

DOCS_SCREENSHOTS = Path(__file__).resolve().parents[1] / "docs" / "screenshots"


def screenshot_dir() -> Path:
    """docs/screenshots under ``make screenshots``; a throw-away folder otherwise."""
    if os.environ.get("BAKE_PLANNER_SCREENSHOTS") == "1":
        folder = DOCS_SCREENSHOTS
    else:
        folder = Path(tempfile.gettempdir()) / "bake-planner-screenshots"
    folder.mkdir(parents=True, exist_ok=True)
    return folder
