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
        setattr(by_name, fields[0].name, 1)  # the suite runs in the checked mode
    with pytest.raises(dataclasses.FrozenInstanceError):
        delattr(by_name, fields[-1].name)
    assert getattr(by_name, fields[0].name) is values[fields[0].name]
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


def test_the_suite_runs_with_records_checked():
    from src.planning import records

    assert records.CHECKED


_UNCHECKED = """
import dataclasses, importlib, inspect, json, pkgutil, sys
import src.planning
from src.planning import records
assert not records.CHECKED
done = []
for info in pkgutil.walk_packages(src.planning.__path__, "src.planning."):
    module = importlib.import_module(info.name)
    for _, cls in inspect.getmembers(module, inspect.isclass):
        if cls.__module__ != module.__name__ or not cls.__dict__.get("__planning_record__"):
            continue
        fields = dataclasses.fields(cls)
        values = {f.name: object() for f in fields}
        a, b = cls(**values), cls(*values.values())
        assert a == b and all(getattr(a, f.name) is values[f.name] for f in fields)
        assert "__setattr__" not in cls.__dict__  # plain assignment: the fast path
        changed = dataclasses.replace(a, **{fields[0].name: "other"})
        assert getattr(changed, fields[0].name) == "other" and changed != a
        done.append(cls.__name__)
from src.planning.types import Component, Good, YieldType
good = Good(1, "Tin", [Component(2, unit_id=3)])
same = Good(1, "Tin", (Component(2, 3),))
assert good == same and hash(good) == hash(same) and good != Good(1, "Tin", ())
assert YieldType(1, 2, "cookie", "discrete_count", 24).items_per_batch == 24
assert all("__setattr__" not in c.__dict__ for c in (Component, Good, YieldType))
print(json.dumps(done))
"""


def test_records_work_the_same_unchecked_as_the_app_runs_them():
    """The app's mode: the same records, built by the same ``__init__``,
    without the run-time check (in a new process: the mode is chosen when
    the classes are made)."""
    import json
    import os
    import subprocess
    import sys
    from pathlib import Path

    env = {k: v for k, v in os.environ.items() if k != "BAKE_PLANNER_CHECK_RECORDS"}
    root = Path(__file__).resolve().parents[2]
    done = subprocess.run(
        [sys.executable, "-c", _UNCHECKED], cwd=root, env=env, capture_output=True, text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert set(json.loads(done.stdout)) == {c.__name__ for c in ROW_CLASSES}
