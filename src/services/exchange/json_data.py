"""The free-form JSON parts of an exchange document (snapshots, amendment data):
plain JSON data, nested at most ``MAX_JSON_DEPTH`` levels, refused with a
message otherwise."""

from __future__ import annotations

import math
from typing import Any

from pydantic_core import PydanticCustomError

MAX_JSON_DEPTH = 32

__all__ = ["MAX_JSON_DEPTH", "check_json_value"]


def _fail(message: str) -> PydanticCustomError:
    # Braces would be read as template fields by pydantic-core.
    return PydanticCustomError("bake", message.replace("{", "(").replace("}", ")"))


def check_json_value(value: object, depth: int = 0) -> None:
    """Raise ValueError unless ``value`` is plain JSON data nested at most MAX_JSON_DEPTH deep."""
    stack = [(value, depth)]
    while stack:
        item, level = stack.pop()
        if level > MAX_JSON_DEPTH:
            raise ValueError(f"is nested more than {MAX_JSON_DEPTH} levels deep")
        if isinstance(item, dict):
            for key, child in item.items():
                if not isinstance(key, str):
                    raise ValueError("has a key that is not text")
                stack.append((child, level + 1))
        elif isinstance(item, list):
            stack.extend((child, level + 1) for child in item)
        elif isinstance(item, float):
            if not math.isfinite(item):
                raise ValueError("holds a number that is not finite")
        elif not (item is None or isinstance(item, str | int | bool)):
            raise ValueError("holds a value that is not JSON data")


def _json_object(value: object) -> dict[str, Any] | None:
    if value is None:
        return None
    if not isinstance(value, dict):
        raise _fail("must be an object or null")
    try:
        check_json_value(value)
    except ValueError as exc:
        raise _fail(str(exc)) from None
    return value


def _data_object(value: object) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise _fail("must be an object")
    checked = _json_object(value)
    assert checked is not None  # an object in is the object out
    return checked
