"""Plain input types of the planning core: yield types, components, goods.

These mirror the FinishedUnit and FinishedGood rows of the database as frozen
dataclasses, so the planning math can run without SQLAlchemy.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from functools import lru_cache

DISCRETE_COUNT = "discrete_count"
BATCH_PORTION = "batch_portion"
YIELD_MODES = (DISCRETE_COUNT, BATCH_PORTION)


@dataclass(frozen=True)
class YieldType:
    """A FinishedUnit: one kind of item a recipe's batch yields.

    ``mode`` is ``"discrete_count"`` (``items_per_batch`` ≥ 1 items per batch)
    or ``"batch_portion"`` (one item uses ``batch_percentage`` percent of a
    batch, 0 < p ≤ 100). Construction raises ``ValueError`` when the fields do
    not fit the mode.
    """

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

    def batches_per_item(self) -> Fraction:
        """The exact share of one batch that one item of this type uses.

        ``1 / items_per_batch`` for discrete counts, ``batch_percentage / 100``
        for batch portions (a 50 % cake gives ``Fraction(1, 2)``).
        """
        if self.mode == DISCRETE_COUNT:
            return Fraction(1, self.items_per_batch)
        return _portion(self.batch_percentage)

    def batches_per_item_ratio(self) -> tuple[int, int]:
        """:meth:`batches_per_item` as (numerator, denominator) in lowest terms,
        for integer arithmetic on hot paths."""
        if self.mode == DISCRETE_COUNT:
            assert self.items_per_batch is not None  # checked when built
            return 1, self.items_per_batch
        f = _portion(self.batch_percentage)
        return f.numerator, f.denominator


@lru_cache(maxsize=1024)
def _portion(percentage: Decimal) -> Fraction:
    # A catalog has a handful of distinct percentages; Fraction(Decimal) is slow.
    return Fraction(percentage) / 100


@dataclass(frozen=True)
class Component:
    """One component of a finished good: ``quantity`` (a whole number ≥ 1) of
    either a finished unit (``unit_id``) or another good (``good_id``) —
    exactly one of the two. Construction raises ``ValueError`` otherwise."""

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
class Good:
    """A finished good made of components; a good with a good component is a
    bundle. ``components`` is stored as a tuple (a list is accepted)."""

    id: int
    name: str
    components: tuple[Component, ...] = ()

    def __post_init__(self) -> None:
        if not isinstance(self.components, tuple):
            object.__setattr__(self, "components", tuple(self.components))
