"""What the PDF printouts share: an A4 page, the DejaVu font when installed
(so "→", "½" and accents print), else core Helvetica with text made latin-1."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from fpdf import FPDF
from fpdf.enums import XPos, YPos

DEJAVU_DIR = Path("/usr/share/fonts/truetype/dejavu")
_REPLACEMENTS = {"→": "->", "—": "-", "–": "-", "≥": ">=", "≤": "<=", "…": "...",
                 "“": '"', "”": '"', "‘": "'", "’": "'", "•": "-"}


class Printout(FPDF):
    """An A4 document with a title line, headings and simple table rows."""

    def __init__(self, title: str, font_dir: Path | None = DEJAVU_DIR) -> None:
        super().__init__(orientation="portrait", unit="mm", format="A4")
        self.title_text = title
        regular = font_dir / "DejaVuSans.ttf" if font_dir else None
        bold = font_dir / "DejaVuSans-Bold.ttf" if font_dir else None
        self.unicode = bool(regular and regular.exists() and bold and bold.exists())
        if self.unicode:
            self.add_font("DejaVu", "", str(regular))
            self.add_font("DejaVu", "B", str(bold))
            self.family = "DejaVu"
        else:
            self.family = "Helvetica"
        self.set_margins(15, 15, 15)
        self.set_auto_page_break(auto=True, margin=15)
        self.set_title(self.clean(title))
        self.add_page()

    def clean(self, text: str) -> str:
        """``text`` as the chosen font can print it."""
        if self.unicode:
            return text
        for char, plain in _REPLACEMENTS.items():
            text = text.replace(char, plain)
        return text.encode("latin-1", "replace").decode("latin-1")

    def title_block(self, title: str, subtitle: str) -> None:
        self.set_font(self.family, "B", 16)
        self.cell(0, 9, self.clean(title), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.set_font(self.family, "", 10)
        self.cell(0, 6, self.clean(subtitle), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.ln(3)

    def heading(self, text: str, size: int = 12) -> None:
        self.set_font(self.family, "B", size)
        self.cell(0, 7, self.clean(text), new_x=XPos.LMARGIN, new_y=YPos.NEXT)

    def line_text(self, text: str, size: int = 9) -> None:
        self.set_font(self.family, "", size)
        self.multi_cell(0, 4.5, self.clean(text), new_x=XPos.LMARGIN, new_y=YPos.NEXT)

    def row(self, cells: list[str], widths: Sequence[float], *, right: frozenset[int] = frozenset(),
            bold: bool = False, size: int = 9) -> None:
        self.set_font(self.family, "B" if bold else "", size)
        for i, (text, width) in enumerate(zip(cells, widths, strict=True)):
            shown = self.clean(text)
            while shown and self.get_string_width(shown) > width - 1:
                shown = shown[:-1]  # a long name is cut rather than overlapping the next cell
            self.cell(width, 5, shown, align="R" if i in right else "L")
        self.ln(5)

    def save(self, path: str | os.PathLike[str]) -> None:
        """Write the PDF; OSError when the path cannot be written."""
        self.output(str(path))
