"""Fuzzing the importer: mutated documents never raise anything but
ExchangeError, and a refused import leaves the database exactly as it was."""

from __future__ import annotations

import copy

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from src.db import open_database
from src.services.exchange import (
    ExchangeError,
    document_text,
    export_document,
    import_document,
    parse_text,
)
from tests.services.test_exchange import small_doc

FUZZ = settings(max_examples=60, deadline=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture,
                                       HealthCheck.too_slow])


def _deep(depth: int, leaf: object = 1) -> object:
    value = leaf
    for _ in range(depth):
        value = [value]
    return value


def _deep_dict(depth: int) -> dict:
    value: dict = {}
    for _ in range(depth):
        value = {"x": value}
    return value


odd_values = st.one_of(
    st.none(), st.booleans(),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.just(10**400), st.just(-(10**400)),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=30), st.just("ÿ→½ 🍪" * 50), st.just("x" * 5000),
    st.just(""), st.just("   "), st.just("2026-02-30"), st.just("1e999999"),
    st.just(_deep(5000)), st.just(_deep_dict(5000)),
    st.lists(st.integers(), max_size=3), st.dictionaries(st.text(max_size=5), st.integers(),
                                                         max_size=3),
)


def _slots(node: object, path: tuple = ()) -> list[tuple]:
    """Every (path to a container, key) in the document, down to the depth a
    real document has (inserted values may be deeper, and are left whole)."""
    out: list[tuple] = []
    if len(path) > 6:
        return out
    if isinstance(node, dict):
        for k, v in node.items():
            out.append((path, k))
            out.extend(_slots(v, path + (k,)))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            out.append((path, i))
            out.extend(_slots(v, path + (i,)))
    return out


def _mutate(doc: dict, picks: list[tuple[int, int, object]]) -> dict:
    for index, action, value in picks:
        slots = _slots(doc)
        if not slots:
            break
        path, k = slots[index % len(slots)]
        parent = doc
        for step in path:
            parent = parent[step]
        if action == 0 and isinstance(parent, dict):
            del parent[k]
        elif action == 1 and isinstance(parent, list):
            parent.append(copy.copy(parent[k]))  # a duplicate
        else:
            parent[k] = value
    return doc


@pytest.fixture
def fuzz_db(tmp_path):
    database = open_database(tmp_path / "fuzz.db")
    import_document(database, {**small_doc(), "events": []})
    yield database
    database.dispose()


@FUZZ
@given(picks=st.lists(st.tuples(st.integers(0, 10**6), st.integers(0, 3), odd_values),
                      min_size=1, max_size=4),
       replace=st.booleans())
def test_mutated_documents_fail_cleanly_and_change_nothing(fuzz_db, picks, replace):
    before = document_text(export_document(fuzz_db))
    document = _mutate(small_doc(), picks)
    try:
        import_document(fuzz_db, document, replace=replace)
    except ExchangeError as exc:
        assert exc.problems and all(isinstance(p, str) and ": " in p for p in exc.problems)
        assert document_text(export_document(fuzz_db)) == before


@FUZZ
@given(document=st.one_of(odd_values, st.just({}), st.just({"format": "bake-planner"})))
def test_documents_that_are_not_documents(fuzz_db, document):
    before = document_text(export_document(fuzz_db))
    with pytest.raises(ExchangeError):
        import_document(fuzz_db, document)
    assert document_text(export_document(fuzz_db)) == before


@pytest.mark.parametrize("text", [
    "[" * 100_000 + "]" * 100_000, '{"version": 1' + "9" * 5000 + "}", "NaN", "",
    '{"a": Infinity}',
])
def test_hostile_json_text_is_a_message(text):
    with pytest.raises(ExchangeError) as info:
        parse_text(text)
    assert info.value.problems[0].startswith("not JSON: ")
