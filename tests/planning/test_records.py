"""Every planning record (the plan's rows, the catalog data, the intermediate
totals) keeps a frozen dataclass's behaviour with its faster ``__init__``
(src.planning.records.record)."""

from __future__ import annotations

import dataclasses
import importlib
import inspect
import pkgutil

import pytest

import src.planning
from src.planning.plan_view import rows


def _record_classes() -> list[type]:
    found = []
    for info in pkgutil.walk_packages(src.planning.__path__, "src.planning."):
        module = importlib.import_module(info.name)
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if cls.__module__ == module.__name__ and cls.__dict__.get("__planning_record__"):
                found.append(cls)
    return found


ROW_CLASSES = _record_classes()


def test_every_record_of_the_planning_core_is_checked():
    names = {c.__name__ for c in ROW_CLASSES}
    assert names >= {"GoodRow", "ShoppingLineRow", "Pack", "IngredientLine", "RecipeInfo"}
    every_row = {
        name for name, cls in inspect.getmembers(rows, inspect.isclass)
        if cls.__module__ == rows.__name__ and dataclasses.is_dataclass(cls)
    }  # fmt: skip
    assert every_row <= names


@pytest.mark.parametrize("cls", ROW_CLASSES, ids=lambda c: c.__name__)
def test_a_row_stores_every_field_and_stays_frozen(cls):
    fields = dataclasses.fields(cls)
    values = {f.name: object() for f in fields}
    by_name = cls(**values)
    by_position = cls(*values.values())
    for f in fields:
        assert getattr(by_name, f.name) is values[f.name]
    assert by_name == by_position
    with pytest.raises(dataclasses.FrozenInstanceError):
        setattr(by_name, fields[0].name, 1)
    changed = dataclasses.replace(by_name, **{fields[0].name: "other"})
    assert getattr(changed, fields[0].name) == "other" and changed != by_name
    assert repr(by_name).startswith(f"{cls.__name__}(")


@pytest.mark.parametrize("cls", ROW_CLASSES, ids=lambda c: c.__name__)
def test_a_row_takes_its_declared_defaults(cls):
    fields = dataclasses.fields(cls)
    required = {f.name: object() for f in fields if f.default is dataclasses.MISSING}
    built = cls(**required)
    for f in fields:
        if f.default is not dataclasses.MISSING:
            assert getattr(built, f.name) == f.default
    with pytest.raises(TypeError):
        cls(*required.values(), *range(len(fields) + 1))  # too many arguments


def test_rows_are_hashable_and_equal_by_value():
    a = rows.UnitCount(1, "cookie", 24)
    assert a == rows.UnitCount(1, "cookie", 24) and hash(a) == hash(rows.UnitCount(1, "cookie", 24))
    assert {a, rows.UnitCount(1, "cookie", 24)} == {a}
