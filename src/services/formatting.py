"""What the window and the reports show numbers and units with, from their one home in
``src.planning`` (the UI reaches planning rules only through the services)."""

from src.planning.batches import format_decimal
from src.planning.units import SUPPORTED_UNITS

from .units import DISPLAY_UNITS, unit_display

__all__ = ["DISPLAY_UNITS", "SUPPORTED_UNITS", "format_decimal", "unit_display"]
