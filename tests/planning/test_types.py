from decimal import Decimal
from fractions import Fraction

import pytest

from src.planning.types import Component, Good, YieldType


@pytest.mark.parametrize(
    ("mode", "ipb", "pct", "expected"),
    [
        ("discrete_count", 24, None, Fraction(1, 24)),
        ("discrete_count", 1, None, Fraction(1)),
        ("batch_portion", None, Decimal("50"), Fraction(1, 2)),
        ("batch_portion", None, Decimal("100"), Fraction(1)),
        ("batch_portion", None, Decimal("33.3"), Fraction(333, 1000)),
        ("batch_portion", None, Decimal("12.5"), Fraction(1, 8)),
    ],
)
def test_batches_per_item(mode, ipb, pct, expected):
    assert YieldType(1, 1, "x", mode, ipb, pct).batches_per_item() == expected


@pytest.mark.parametrize(
    ("mode", "ipb", "pct"),
    [
        ("discrete_count", 0, None),
        ("discrete_count", None, None),
        ("discrete_count", -2, None),
        ("batch_portion", None, None),
        ("batch_portion", None, Decimal("0")),
        ("batch_portion", None, Decimal("100.01")),
        ("batch_portion", None, Decimal("-5")),
        ("per_weight", 3, None),
    ],
)
def test_invalid_yield_types_are_refused(mode, ipb, pct):
    with pytest.raises(ValueError):
        YieldType(1, 1, "x", mode, ipb, pct)


@pytest.mark.parametrize(
    "kwargs",
    [
        {"quantity": 1},
        {"quantity": 1, "unit_id": 1, "good_id": 2},
        {"quantity": 0, "unit_id": 1},
        {"quantity": -1, "good_id": 1},
    ],
)
def test_invalid_components_are_refused(kwargs):
    with pytest.raises(ValueError):
        Component(**kwargs)


def test_good_stores_components_as_tuple():
    g = Good(1, "Tin", [Component(2, unit_id=1)])  # type: ignore[arg-type]
    assert g.components == (Component(2, unit_id=1),)
    assert hash(g)  # frozen and hashable
