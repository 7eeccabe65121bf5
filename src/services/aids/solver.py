"""Solve a planning LinearModel with HiGHS (highspy), stage after stage.

``highspy`` is imported here, inside :func:`solve`, and this module is
imported only by the optimiser services when the optimiser runs: start-up
never loads the solver.
"""

from __future__ import annotations

import math
import os
import sys
from fractions import Fraction
from typing import Any

from src.planning.linear import LinearModel

from ..errors import ServiceError

_TIME_LIMIT_S = 20.0


class SolverError(ServiceError):
    """The solver could not finish (time limit, numerical trouble)."""


def _f(value: Fraction | None, infinite: float) -> float:
    return infinite if value is None else float(value)


def solve(model: LinearModel) -> list[float]:
    """Minimise ``model.stages`` lexicographically; the variables' values.

    After each stage its optimum (rounded up for integral stages, with a small
    tolerance otherwise) becomes an upper bound for the next stages."""
    import highspy  # lazy: only when the optimiser runs
    import numpy as np

    h = _quiet_highs(highspy)
    h.setOptionValue("time_limit", _TIME_LIMIT_S)
    h.setOptionValue("mip_rel_gap", 0.0)
    inf = highspy.kHighsInf
    n = len(model.names)
    h.addVars(
        n,
        np.array([_f(v, -inf) for v in model.lower], dtype=np.float64),
        np.array([_f(v, inf) for v in model.upper], dtype=np.float64),
    )
    integer = [i for i, flag in enumerate(model.integer) if flag]
    if integer:
        h.changeColsIntegrality(
            len(integer),
            np.array(integer, dtype=np.int32),
            np.array([highspy.HighsVarType.kInteger] * len(integer)),
        )
    for row in model.rows:
        _add_row(h, np, row.coeffs, _f(row.lower, -inf), _f(row.upper, inf))
    values: list[float] = [0.0] * n
    all_cols = np.arange(n, dtype=np.int32)
    solved = False
    for stage in model.stages:
        if solved and all(model.lower[v] == model.upper[v] for v in stage.coeffs):
            continue  # every variable of this stage is fixed (pinned): nothing to choose
        solved = True
        costs = np.zeros(n, dtype=np.float64)
        for v, c in stage.coeffs.items():
            costs[v] = float(c)
        h.changeColsCost(n, all_cols, costs)
        h.setOptionValue("mip_abs_gap", 0.5 if stage.integral else 1e-7)
        h.run()
        status = h.getModelStatus()
        if status != highspy.HighsModelStatus.kOptimal:
            raise SolverError(f"The optimiser could not finish: {h.modelStatusToString(status)}")
        values = list(h.getSolution().col_value)
        best = sum(float(c) * values[v] for v, c in stage.coeffs.items())
        bound = math.floor(best + 0.5) + 0.5 if stage.integral else best + 1e-7 * max(1, abs(best))
        _add_row(h, np, stage.coeffs, -inf, bound)
    return values


def _quiet_highs(highspy: Any) -> Any:
    """A silent Highs instance. The library prints a banner on the C-level
    standard output when the first instance is made; it would corrupt
    ``optimise --json``, so file descriptor 1 points at /dev/null meanwhile."""
    sys.stdout.flush()
    saved = os.dup(1)
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, 1)
        h = highspy.Highs()
        h.setOptionValue("output_flag", False)
    finally:
        os.dup2(saved, 1)
        os.close(saved)
        os.close(devnull)
    return h


def _add_row(h, np, coeffs, lower: float, upper: float) -> None:
    idx = np.array(list(coeffs), dtype=np.int32)
    val = np.array([float(c) for c in coeffs.values()], dtype=np.float64)
    h.addRow(lower, upper, len(idx), idx, val)
