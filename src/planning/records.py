"""Frozen records that cost little to build: the planning core's data types.

A plan refresh builds tens of thousands of small records (catalog data, the
intermediate totals, the rows it returns). A frozen dataclass refuses
assignment through its own ``__setattr__``, which makes every ``__init__``
store each field through ``object.__setattr__`` (slow), or straight into the
instance's ``__dict__`` (which then exists as a separate object, slower to
read and to free). :func:`record` keeps a dataclass's equality, hashing,
repr and ``replace``, and its ``__init__`` assigns the fields plainly, the
fastest way CPython stores attributes: a cold refresh of the large bakery
executes 15 % fewer instructions than with the ``__dict__`` stores
(docs/PERFORMANCE.md).

Records are immutable by contract, and the contract is checked twice:
- statically: ``dataclass_transform(frozen_default=True)`` makes mypy (run
  by ``make lint`` and ``make test`` on all of ``src``) reject any assignment
  to a record's field;
- at run time in the test suite: with ``BAKE_PLANNER_CHECK_RECORDS=1`` (set
  by tests/conftest.py) every record refuses a second assignment to a field
  and any deletion with dataclasses.FrozenInstanceError, as a frozen
  dataclass does. The app runs without that check.
tests/planning/test_records.py checks every record class in both modes.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import MISSING, FrozenInstanceError, dataclass, fields
from typing import Any, TypeVar, dataclass_transform

__all__ = ["record", "CHECKED", "frozen_by_contract"]

# Records refuse assignment at run time only when asked (the test suite does).
CHECKED = os.environ.get("BAKE_PLANNER_CHECK_RECORDS") == "1"

_T = TypeVar("_T")


def _set_once(self: Any, name: str, value: Any) -> None:
    """A field may be set once, by ``__init__`` (the checked mode)."""
    found = self.__dict__
    if name in found:
        raise FrozenInstanceError(f"cannot assign to field {name!r}")
    found[name] = value


def _no_delete(self: Any, name: str) -> None:
    raise FrozenInstanceError(f"cannot delete field {name!r}")


def frozen_by_contract(cls: type[_T]) -> type[_T]:
    """Replace a frozen dataclass's refusing ``__setattr__`` and
    ``__delattr__``: by a set-once check in the checked mode, by the plain
    ones otherwise, so that ``__init__`` may assign its fields plainly."""
    if CHECKED:
        setattr(cls, "__setattr__", _set_once)  # noqa: B010 - a slot method
        setattr(cls, "__delattr__", _no_delete)  # noqa: B010 - a slot method
    else:
        delattr(cls, "__setattr__")
        delattr(cls, "__delattr__")
    return cls


@dataclass_transform(frozen_default=True)
def record(cls: type[_T]) -> type[_T]:
    """A frozen dataclass whose ``__init__`` assigns its fields plainly
    (module docstring; fields take plain defaults only)."""
    frozen = dataclass(frozen=True)(cls)
    names = [f.name for f in fields(frozen)]  # type: ignore[arg-type]
    defaults: dict[str, Any] = {}
    for f in fields(frozen):  # type: ignore[arg-type]
        if f.default_factory is not MISSING:
            raise TypeError(f"{cls.__name__}.{f.name}: a record field takes a plain default")
        if f.default is not MISSING:
            defaults[f"_default_{f.name}"] = f.default
    params = ", ".join(
        f"{n}=_default_{n}" if f"_default_{n}" in defaults else n for n in names
    )
    body = "".join(f"    self.{n} = {n}\n" for n in names) or "    pass\n"
    source = f"def __init__(self, {params}):\n{body}"
    namespace: dict[str, Any] = dict(defaults)
    exec(source, namespace)  # noqa: S102 - built from the class's own field names
    init: Callable[..., None] = namespace["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    setattr(frozen, "__init__", init)  # noqa: B010 - replaces the generated one
    setattr(frozen, "__planning_record__", True)  # noqa: B010 - found by the tests
    return frozen_by_contract(frozen)
