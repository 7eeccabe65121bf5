"""Shared builders for the planning tests."""

from __future__ import annotations

from decimal import Decimal

from src.planning.types import Component, Good, YieldType


def count_unit(uid: int, recipe_id: int, per_batch: int, name: str | None = None) -> YieldType:
    return YieldType(uid, recipe_id, name or f"unit{uid}", "discrete_count", per_batch, None)


def portion_unit(uid: int, recipe_id: int, pct: str, name: str | None = None) -> YieldType:
    return YieldType(uid, recipe_id, name or f"unit{uid}", "batch_portion", None, Decimal(pct))


def unit_of(uid: int, qty: int = 1) -> Component:
    return Component(qty, unit_id=uid)


def good_of(gid: int, qty: int = 1) -> Component:
    return Component(qty, good_id=gid)


def good(gid: int, name: str, *components: Component) -> Good:
    return Good(gid, name, tuple(components))
