"""The process's heap once start-up is over.

Python's cycle collector now and then walks every object the process holds.
After start-up that is mostly what will live as long as the window: modules,
SQLAlchemy's mappers and compiled statements, Tk's widgets. A plan refresh
allocates the plan anew (on the large bakery some 100,000 objects), which
starts such full collections, and each one walks all of start-up's objects
again: measured at a third of a cold refresh (docs/PERFORMANCE.md).
:func:`settle_after_startup` collects once and moves what survived out of the
collector's sight (``gc.freeze``): those objects are never freed by the
collector later, which is what they would do anyway. Everything allocated
afterwards is collected as before.
"""

from __future__ import annotations

import gc

__all__ = ["settle_after_startup"]


def settle_after_startup() -> int:
    """Collect garbage once, then freeze the survivors; returns how many
    objects are now frozen. Safe to call again (later survivors join them)."""
    gc.collect()
    gc.freeze()
    return gc.get_freeze_count()
