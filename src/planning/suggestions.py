"""Quantities from a headcount, from an earlier event, and from its leftovers.

Every rule rounds up: a baker would rather have one cookie too many than one
guest without. Quantities are whole numbers ≥ 1 (an event line is never 0).
"""

from __future__ import annotations

import math
from decimal import Decimal
from fractions import Fraction

__all__ = ["per_guest_quantity", "scaled_quantity", "used_quantity"]

MAX_QUANTITY = 10**9


def _whole(value: Fraction) -> int:
    return min(MAX_QUANTITY, max(1, math.ceil(value)))


def per_guest_quantity(attendees: int, per_guest: Decimal | Fraction | int) -> int:
    """``attendees × per_guest`` rounded up, at least 1.

    50 guests at 3 cookies → 150; 50 guests at 0.1 gift tins → 5; 7 at 0.25 → 2.
    Raises ValueError for attendees < 1 or a rate ≤ 0."""
    if attendees < 1:
        raise ValueError("attendees must be at least 1")
    rate = Fraction(per_guest)
    if rate <= 0:
        raise ValueError("the per-guest rate must be more than zero")
    return _whole(attendees * rate)


def scaled_quantity(quantity: int, ratio: Fraction) -> int:
    """``quantity × ratio`` rounded up, at least 1 (ratio = new / old attendees)."""
    if ratio <= 0:
        raise ValueError("the scale ratio must be more than zero")
    return _whole(quantity * ratio)


def used_quantity(quantity: int, leftover: int | None) -> int:
    """What was actually used of a line: quantity − leftover, at least 1
    (a leftover larger than the line counts as everything left)."""
    if leftover is None or leftover <= 0:
        return quantity
    return max(1, quantity - leftover)
