"""Plain input types of the planning core: yield types, components, goods.

These mirror the FinishedUnit and FinishedGood rows of the database as frozen
dataclasses, so the planning math can run without SQLAlchemy.

Each class writes its own ``__init__`` (dataclass keeps it, and still gives
eq, hash, repr and ``replace``): it checks the arguments, then assigns the
fields plainly, which src.planning.records.frozen_by_contract allows (frozen
by contract: mypy refuses any other assignment, and the test suite refuses it
at run time). A plan refresh builds every good, component and yield type of
the catalog, thousands of them. A new field must be added to the class's
``__init__`` too.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from functools import lru_cache

from .records import frozen_by_contract

DISCRETE_COUNT = "discrete_count"
BATCH_PORTION = "batch_portion"
YIELD_MODES = (DISCRETE_COUNT, BATCH_PORTION)


@frozen_by_contract
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

    def __init__(
        self,
        id: int,
        recipe_id: int,
        name: str,
        mode: str,
        items_per_batch: int | None = None,
        batch_percentage: Decimal | None = None,
    ) -> None:
        if mode == DISCRETE_COUNT:
            ipb = items_per_batch
            if (
                type(ipb) is not int  # the usual case skips the two isinstance checks
                and (isinstance(ipb, bool) or not isinstance(ipb, int))
                or ipb < 1
            ):
                raise ValueError(f"yield type {name!r}: items_per_batch must be a whole number ≥ 1")
        elif mode == BATCH_PORTION:
            pct = batch_percentage
            if pct is None:
                raise ValueError(f"yield type {name!r}: batch_percentage is required")
            pct = Decimal(pct) if not isinstance(pct, Decimal) else pct
            if not pct.is_finite() or not (0 < pct <= 100):
                raise ValueError(f"yield type {name!r}: batch_percentage must be in (0, 100]")
            batch_percentage = pct
        else:
            raise ValueError(f"yield type {name!r}: unknown mode {mode!r}")
        self.id = id  # type: ignore[misc]  # set once, here: src/planning/records.py
        self.recipe_id = recipe_id  # type: ignore[misc]
        self.name = name  # type: ignore[misc]
        self.mode = mode  # type: ignore[misc]
        self.items_per_batch = items_per_batch  # type: ignore[misc]
        self.batch_percentage = batch_percentage  # type: ignore[misc]

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


@frozen_by_contract
@dataclass(frozen=True)
class Component:
    """One component of a finished good: ``quantity`` (a whole number ≥ 1) of
    either a finished unit (``unit_id``) or another good (``good_id``) —
    exactly one of the two. Construction raises ``ValueError`` otherwise."""

    quantity: int
    unit_id: int | None = None
    good_id: int | None = None

    def __init__(
        self, quantity: int, unit_id: int | None = None, good_id: int | None = None
    ) -> None:
        if (unit_id is None) == (good_id is None):
            raise ValueError("a component has exactly one of unit_id or good_id")
        if (
            type(quantity) is not int  # the usual case skips the two isinstance checks
            and (isinstance(quantity, bool) or not isinstance(quantity, int))
            or quantity < 1
        ):
            raise ValueError("a component quantity must be a whole number ≥ 1")
        self.quantity = quantity  # type: ignore[misc]  # set once: src/planning/records.py
        self.unit_id = unit_id  # type: ignore[misc]
        self.good_id = good_id  # type: ignore[misc]


@frozen_by_contract
@dataclass(frozen=True)
class Good:
    """A finished good made of components; a good with a good component is a
    bundle. ``components`` is stored as a tuple (a list is accepted)."""

    id: int
    name: str
    components: tuple[Component, ...] = ()

    def __init__(
        self,
        id: int,
        name: str,
        components: Iterable[Component] = (),
    ) -> None:
        if not isinstance(components, tuple):
            components = tuple(components)
        self.id = id  # type: ignore[misc]  # set once, here: src/planning/records.py
        self.name = name  # type: ignore[misc]
        self.components = components  # type: ignore[misc]
