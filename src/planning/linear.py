"""A solver-neutral mixed-integer linear model with lexicographic objectives.

The planning core builds a :class:`LinearModel` with exact Fractions; a
service hands it to a solver (HiGHS, src/services/aids/solver.py), which
minimises the stages one after another: each stage's optimum is kept as a
constraint while the next stage is minimised. No solver is imported here.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from fractions import Fraction

__all__ = ["Row", "Stage", "LinearModel"]


@dataclass(frozen=True)
class Row:
    """``lower ≤ Σ coeffs[v] × x[v] ≤ upper`` (None: no bound on that side)."""

    coeffs: Mapping[int, Fraction]
    lower: Fraction | None
    upper: Fraction | None


@dataclass(frozen=True)
class Stage:
    """One objective to minimise; ``integral`` when its value is always whole
    for integer variables (the solver may then stop within less than 1)."""

    name: str
    coeffs: Mapping[int, Fraction]
    integral: bool


@dataclass
class LinearModel:
    names: list[str] = field(default_factory=list)
    lower: list[Fraction] = field(default_factory=list)
    upper: list[Fraction | None] = field(default_factory=list)
    integer: list[bool] = field(default_factory=list)
    rows: list[Row] = field(default_factory=list)
    stages: list[Stage] = field(default_factory=list)

    def var(
        self, name: str, *, lower: Fraction | int = 0, upper: Fraction | int | None = None,
        integer: bool = True,
    ) -> int:
        self.names.append(name)
        self.lower.append(Fraction(lower))
        self.upper.append(None if upper is None else Fraction(upper))
        self.integer.append(integer)
        return len(self.names) - 1

    def row(
        self,
        coeffs: Mapping[int, Fraction | int],
        *,
        lower: Fraction | int | None = None,
        upper: Fraction | int | None = None,
    ) -> None:
        clean = {v: Fraction(c) for v, c in coeffs.items() if c}
        self.rows.append(
            Row(
                clean,
                None if lower is None else Fraction(lower),
                None if upper is None else Fraction(upper),
            )
        )

    def stage(self, name: str, coeffs: Mapping[int, Fraction | int], *, integral: bool) -> None:
        self.stages.append(Stage(name, {v: Fraction(c) for v, c in coeffs.items() if c}, integral))
