"""Frozen records whose ``__init__`` costs a third of a frozen dataclass's.

A plan refresh builds tens of thousands of small records (catalog data, the
intermediate totals, the rows it returns). The ``__init__`` dataclasses write
for a frozen class sets each field through ``object.__setattr__``; the one
:func:`record` writes stores them straight into the instance's ``__dict__``.
Everything else (equality, hashing, repr, ``replace``, the refusal to assign
a field) is the dataclass's own: tests/planning/test_records.py checks every
record class against it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import MISSING, dataclass, fields
from typing import Any, TypeVar, dataclass_transform

__all__ = ["record"]

_T = TypeVar("_T")


@dataclass_transform(frozen_default=True)
def record(cls: type[_T]) -> type[_T]:
    """A frozen dataclass whose ``__init__`` stores its fields straight into
    the instance's ``__dict__`` (fields take plain defaults only)."""
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
    body = "".join(f"    d[{n!r}] = {n}\n" for n in names)
    source = f"def __init__(self, {params}):\n    d = self.__dict__\n{body}"
    namespace: dict[str, Any] = dict(defaults)
    exec(source, namespace)  # noqa: S102 - built from the class's own field names
    init: Callable[..., None] = namespace["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    setattr(frozen, "__init__", init)  # noqa: B010 - replaces the generated one
    setattr(frozen, "__planning_record__", True)  # noqa: B010 - found by the tests
    return frozen
