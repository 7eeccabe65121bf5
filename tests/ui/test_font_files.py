"""customtkinter's fonts are copied without rewriting a file a running window maps."""

from __future__ import annotations

import os

from src.ui.font_files import copy_font


def test_an_identical_font_is_left_as_it_is(tmp_path):
    source = tmp_path / "Shapes.otf"
    source.write_bytes(b"font bytes")
    folder = tmp_path / "fonts"
    assert copy_font(str(source), str(folder))
    first = os.stat(folder / "Shapes.otf").st_ino
    assert copy_font(str(source), str(folder))  # a second window starting
    assert os.stat(folder / "Shapes.otf").st_ino == first  # same file, not rewritten


def test_a_changed_font_is_renamed_into_place_not_truncated(tmp_path):
    folder = tmp_path / "fonts"
    folder.mkdir()
    old = folder / "Shapes.otf"
    old.write_bytes(b"old version")
    mapped = open(old, "rb")  # noqa: SIM115 - a running window holding the file
    source = tmp_path / "Shapes.otf"
    source.write_bytes(b"new version, longer")
    try:
        assert copy_font(str(source), str(folder))
        assert mapped.read() == b"old version"  # the open file was not truncated
    finally:
        mapped.close()
    assert old.read_bytes() == b"new version, longer"
    assert not [p for p in folder.iterdir() if p.name.endswith(".tmp")]
