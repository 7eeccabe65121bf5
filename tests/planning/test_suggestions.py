"""Quantity rules: per guest, scaled by attendees, adjusted by leftovers."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from src.planning.suggestions import per_guest_quantity, scaled_quantity, used_quantity


@pytest.mark.parametrize(
    ("attendees", "rate", "expected"),
    [
        (50, Decimal(3), 150),
        (50, Decimal("0.1"), 5),
        (7, Decimal("0.25"), 2),
        (1, Decimal("0.01"), 1),
    ],
)
def test_per_guest_rounds_up(attendees, rate, expected):
    assert per_guest_quantity(attendees, rate) == expected


def test_per_guest_refuses_nonsense():
    with pytest.raises(ValueError):
        per_guest_quantity(0, Decimal(1))
    with pytest.raises(ValueError):
        per_guest_quantity(5, Decimal(0))


def test_scaled_rounds_up():
    assert scaled_quantity(120, Fraction(60, 50)) == 144
    assert scaled_quantity(10, Fraction(55, 50)) == 11
    assert scaled_quantity(3, Fraction(1, 10)) == 1


def test_used_subtracts_leftovers_but_keeps_a_line():
    assert used_quantity(120, 30) == 90
    assert used_quantity(120, None) == 120
    assert used_quantity(12, 12) == 1


@given(st.integers(1, 10_000), st.fractions(min_value=Fraction(1, 100), max_value=50))
def test_per_guest_covers_every_guest(attendees, rate):
    q = per_guest_quantity(attendees, rate)
    assert q >= attendees * rate and q - 1 < max(attendees * rate, 1)
