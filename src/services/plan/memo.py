"""Every result the plan view reuses between refreshes, registered so that
one call forgets them all.

Private to src/services. The plan view keeps the plain data built from the
last catalog rows it read (``queries._Memo``), the last result of each pure
section builder (``sections.LastResult``) and a few value caches (plain
decimals, the ingredients' statement). Each registers a function that empties
it; :func:`clear_plan_caches` calls them all. After it, the next
``get_plan_view`` does all the work a first open of an event does in a fresh
process (except SQLAlchemy compiling each statement once per engine): the
benchmark's "cold" figure, and the reference the stale-cache tests compare with.
"""

from __future__ import annotations

from collections.abc import Callable

__all__ = ["on_clear", "clear_plan_caches"]

_CLEARERS: list[Callable[[], None]] = []


def on_clear(forget: Callable[[], None]) -> Callable[[], None]:
    """Register ``forget`` (empties one cache) to run on :func:`clear_plan_caches`."""
    _CLEARERS.append(forget)
    return forget


def clear_plan_caches() -> None:
    """Forget every reused plan result and value cache (see the module docstring)."""
    for forget in _CLEARERS:
        forget()
