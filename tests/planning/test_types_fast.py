"""YieldType, Component and Good build and check themselves exactly as the
plain frozen dataclasses below (kept here as the reference): the same fields,
the same ValueError text, and eq, hash, repr and replace all work."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from src.planning.types import BATCH_PORTION, DISCRETE_COUNT, Component, Good, YieldType


@dataclass(frozen=True)
class RefYieldType:
    id: int
    recipe_id: int
    name: str
    mode: str
    items_per_batch: int | None = None
    batch_percentage: Decimal | None = None

    def __post_init__(self) -> None:
        if self.mode == DISCRETE_COUNT:
            ipb = self.items_per_batch
            if isinstance(ipb, bool) or not isinstance(ipb, int) or ipb < 1:
                raise ValueError(
                    f"yield type {self.name!r}: items_per_batch must be a whole number ≥ 1"
                )
        elif self.mode == BATCH_PORTION:
            pct = self.batch_percentage
            if pct is None:
                raise ValueError(f"yield type {self.name!r}: batch_percentage is required")
            pct = Decimal(pct) if not isinstance(pct, Decimal) else pct
            if not pct.is_finite() or not (0 < pct <= 100):
                raise ValueError(f"yield type {self.name!r}: batch_percentage must be in (0, 100]")
            object.__setattr__(self, "batch_percentage", pct)
        else:
            raise ValueError(f"yield type {self.name!r}: unknown mode {self.mode!r}")


@dataclass(frozen=True)
class RefComponent:
    quantity: int
    unit_id: int | None = None
    good_id: int | None = None

    def __post_init__(self) -> None:
        if (self.unit_id is None) == (self.good_id is None):
            raise ValueError("a component has exactly one of unit_id or good_id")
        q = self.quantity
        if isinstance(q, bool) or not isinstance(q, int) or q < 1:
            raise ValueError("a component quantity must be a whole number ≥ 1")


@dataclass(frozen=True)
class RefGood:
    id: int
    name: str
    components: tuple = ()

    def __post_init__(self) -> None:
        if not isinstance(self.components, tuple):
            object.__setattr__(self, "components", tuple(self.components))


def built(cls, args, kwargs):
    """(field values, repr without the class name) or the ValueError's text."""
    try:
        obj = cls(*args, **kwargs)
    except ValueError as exc:
        return "error", str(exc)
    fields = [(f.name, getattr(obj, f.name)) for f in dataclasses.fields(obj)]
    return fields, repr(obj).split("(", 1)[1]


_maybe_ints = st.none() | st.integers(-2, 30) | st.booleans() | st.just(2.0)


@settings(max_examples=200, deadline=None)
@given(
    st.sampled_from([DISCRETE_COUNT, BATCH_PORTION, "other"]),
    _maybe_ints,
    st.none()
    | st.decimals(-5, 150, places=2)
    | st.integers(-5, 150)
    | st.sampled_from([Decimal("NaN"), Decimal("Infinity")]),
    st.booleans(),
)
def test_yield_types_build_as_the_reference(mode, ipb, pct, by_keyword):
    args: tuple = (1, 2, "Tin", mode)
    if by_keyword:
        kwargs = {"items_per_batch": ipb, "batch_percentage": pct}
        assert built(YieldType, args, kwargs) == built(RefYieldType, args, kwargs)
    else:
        assert built(YieldType, (*args, ipb, pct), {}) == built(RefYieldType, (*args, ipb, pct), {})


@settings(max_examples=200, deadline=None)
@given(_maybe_ints, st.none() | st.integers(0, 5), st.none() | st.integers(0, 5))
def test_components_build_as_the_reference(quantity, unit_id, good_id):
    for args, kwargs in (
        ((quantity, unit_id, good_id), {}),
        ((quantity,), {"unit_id": unit_id, "good_id": good_id}),
    ):
        assert built(Component, args, kwargs) == built(RefComponent, args, kwargs)


def test_goods_store_components_as_a_tuple_and_behave_as_dataclasses():
    parts = [Component(2, unit_id=1), Component(1, good_id=3)]
    good = Good(7, "Tin", parts)
    assert built(Good, (7, "Tin", parts), {}) == built(RefGood, (7, "Tin", parts), {})
    assert good.components == tuple(parts)
    assert good == Good(7, "Tin", tuple(parts)) and hash(good) == hash(Good(7, "Tin", parts))
    assert dataclasses.replace(good, name="Box") == Good(7, "Box", parts)
    cake = YieldType(1, 2, "Cake", BATCH_PORTION, batch_percentage=50)
    assert cake.batch_percentage == Decimal(50) and isinstance(cake.batch_percentage, Decimal)
    half = YieldType(1, 2, "Half", BATCH_PORTION, None, 50)
    assert dataclasses.replace(cake, name="Half") == half
    assert {Component(2, 1), Component(2, 1)} == {Component(2, unit_id=1)}
    with pytest.raises(dataclasses.FrozenInstanceError):
        good.name = "x"  # type: ignore[misc]
