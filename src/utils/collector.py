"""Pausing Python's cycle collector around work that makes no cycles.

A plan refresh allocates the whole plan anew (on the large bakery some
35,000 lasting objects and many more short-lived ones; on 16× medium over
half a million) and none of it forms reference cycles: reference counting
frees all of its garbage (tests/services/test_plan_no_cycles.py checks that
a refresh leaves nothing for the collector to find, cold, warm, after an
edit, for a completed plan and with a cycle among the goods). Yet the
allocations alone start the collector over and over while the plan is
built, and some of those passes are full collections that walk every object
the process holds: at 16× medium they were 40 % of a cold refresh
(docs/PERFORMANCE.md).

:func:`collector_paused` switches the collector off for such a call. On the
way in it collects the young generation as usual (a few hundred objects at
most: the collector keeps it small), so what was young before is looked at
as before. On the way out it moves what the call left alive straight to the
oldest generation: ``gc.freeze()`` then ``gc.unfreeze()``, two list splices
whatever the number of objects. Scanning them young would find no garbage
(the test above), so that scan, 2 ms on the large bakery and 12 ms on 16×
medium, is work saved rather than put off; full collections still see them
like any other old object. When some other code has frozen objects of its own
(``gc.get_freeze_count()``), unfreezing would release them, so the call falls
back to collecting the young generation instead.

It restores only what it changed: a caller that had switched the collector
off keeps it off, and nesting is harmless.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["collector_paused"]


@contextmanager
def collector_paused() -> Iterator[None]:
    was_on = gc.isenabled()
    if was_on:
        gc.collect(0)  # what was young before the call, as usual
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            if gc.get_freeze_count() == 0:
                gc.freeze()  # every tracked object to the permanent generation…
                gc.unfreeze()  # …and back into the oldest one: no scan
            else:  # someone else's frozen objects must stay frozen
                gc.collect(0)
            gc.enable()
