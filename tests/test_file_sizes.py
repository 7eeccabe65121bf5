"""Files stay small enough to read: no source file under src/ over 400 lines."""

from __future__ import annotations

from pathlib import Path

SRC = Path(__file__).resolve().parent.parent / "src"
MAX_LINES = 400


def test_no_source_file_exceeds_400_lines():
    too_long = []
    for path in sorted(SRC.rglob("*.py")):
        with path.open(encoding="utf-8") as source:
            lines = sum(1 for _ in source)
        if lines > MAX_LINES:
            too_long.append(f"{path.relative_to(SRC.parent)}: {lines} lines")
    assert too_long == [], "split these by responsibility:\n" + "\n".join(too_long)
