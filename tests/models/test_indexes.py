"""Every index earns its keep: no two indexes of a table cover the same columns,
and the seed's named indexes are the ones that exist."""

from __future__ import annotations

from collections import defaultdict

from sqlalchemy import inspect


def test_no_table_has_two_indexes_on_the_same_columns(db):
    inspector = inspect(db.engine)
    repeated = []
    for table in inspector.get_table_names():
        by_columns = defaultdict(list)
        for index in inspector.get_indexes(table):
            by_columns[tuple(index["column_names"])].append(index["name"])
        repeated += [f"{table}{cols}: {names}" for cols, names in by_columns.items()
                     if len(names) > 1]
    assert not repeated, repeated


def test_the_seeds_named_indexes_exist(db):
    inspector = inspect(db.engine)
    names = {i["name"] for t in inspector.get_table_names() for i in inspector.get_indexes(t)}
    for name in ("idx_event_plan_state", "idx_event_recipe_event", "idx_event_recipe_recipe",
                 "idx_event_fg_event", "idx_event_fg_fg", "idx_batch_decision_event",
                 "idx_batch_decision_recipe", "idx_batch_decision_finished_unit",
                 "idx_plan_amendment_event"):
        assert name in names
