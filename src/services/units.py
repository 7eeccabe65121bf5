"""Unit names as the window shows and accepts them (one parser: src.planning.units).

The window offers ``DISPLAY_UNITS`` in its unit menus ("fl oz", not "fl_oz") and
writes stored units with :func:`unit_display`; whatever the baker picks or types
goes back through the services, which accept every spelling ``normalize_unit`` does.
"""

from __future__ import annotations

from src.planning.units import DISPLAY_UNITS, UnitError, normalize_unit, unit_display

__all__ = ["DISPLAY_UNITS", "unit_display", "display_or_none", "UnitError", "normalize_unit"]


def display_or_none(unit: str | None) -> str | None:
    """:func:`unit_display` for an optional unit."""
    return None if unit is None else unit_display(unit)
