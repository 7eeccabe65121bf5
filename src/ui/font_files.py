"""customtkinter's font files, copied without pulling them from under a running window.

At every import customtkinter copies its fonts into ``~/.fonts`` with
``shutil.copy``, which truncates and rewrites the file in place. A window that
is already running (another Bake Planner, or a parallel test worker) has those
files memory-mapped through fontconfig, and reading a truncated mapping kills
it with SIGBUS ("Bus error"). This module loads customtkinter's FontManager
before customtkinter itself and makes its copy safe: a file that is already
there with the same bytes is left alone, and a new or changed one is written
beside it and renamed into place (the old file lives on for whoever maps it).
"""

from __future__ import annotations

import filecmp
import importlib.util
import os
import shutil
import sys
from pathlib import Path

_MODULE = "customtkinter.windows.widgets.font.font_manager"


def copy_font(source: str, folder: str) -> bool:
    """Put ``source`` into ``folder`` safely (see the module docstring); False on error."""
    target_dir = Path(os.path.expanduser(folder))
    target = target_dir / Path(source).name
    try:
        target_dir.mkdir(parents=True, exist_ok=True)
        if target.is_file() and filecmp.cmp(source, target, shallow=False):
            return True
        temporary = target_dir / f".{target.name}.{os.getpid()}.tmp"
        shutil.copyfile(source, temporary)
        os.replace(temporary, target)
        return True
    except OSError as err:
        sys.stderr.write(f"FontManager error: {err}\n")
        return False


def install_safe_font_copy() -> None:
    """Load customtkinter's FontManager with the safe copy, before customtkinter is
    imported (afterwards its fonts are already copied: nothing to do)."""
    if "customtkinter" in sys.modules or not sys.platform.startswith("linux"):
        return
    package = importlib.util.find_spec("customtkinter")
    if package is None or package.origin is None:
        return
    path = Path(package.origin).parent / "windows" / "widgets" / "font" / "font_manager.py"
    spec = importlib.util.spec_from_file_location(_MODULE, path)
    if spec is None or spec.loader is None:
        return
    module = importlib.util.module_from_spec(spec)
    sys.modules[_MODULE] = module
    spec.loader.exec_module(module)
    manager = module.FontManager

    def load_font(cls: type, font_path: str) -> bool:
        return copy_font(font_path, manager.linux_font_path)

    manager.load_font = classmethod(load_font)
