"""Pausing Python's cycle collector around work that makes no cycles.

A plan refresh allocates the whole plan anew (on the large bakery some
100,000 rows, tuples and dicts; on 16× medium over half a million) and none
of it forms reference cycles: reference counting frees it all. Yet the
allocations alone start the collector over and over while it is built, and
some of those passes are full collections that walk every object the
process holds, the catalog kept between refreshes included: at 16× medium
they were 40 % of a cold refresh (docs/PERFORMANCE.md).
:func:`collector_paused` switches the collector off for the duration of such
a call; on the way out it switches it back on and collects the young
generation once, so the call still pays for scanning what it allocated, once
instead of many times. It restores only what it changed: a caller that had
switched the collector off keeps it off, and nesting is harmless.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["collector_paused"]


@contextmanager
def collector_paused() -> Iterator[None]:
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()
            gc.collect(0)  # the young objects made meanwhile, scanned once, here
