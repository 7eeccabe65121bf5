"""Revision 0002: modify_fg amendments are accepted, and plans completed before
it get their completion record at the upgrade (their figures frozen from then on)."""

from __future__ import annotations

import sqlite3

from alembic.script import ScriptDirectory

from alembic import command
from src.db import _alembic_config, create_db_engine, open_database
from src.models import FinishedUnit
from src.services.exchange.demo import load_demo
from src.services.plan.events import find_event
from src.services.plan.view import get_plan_view


def test_completed_plans_get_their_record_at_the_upgrade(db_path):
    db = open_database(db_path)
    load_demo(db)
    done = find_event(db, "Holiday Cookie Exchange 2025").id
    before = get_plan_view(db, done)
    db.dispose()
    engine = create_db_engine(f"sqlite:///{db_path}")
    with engine.begin() as conn:
        # back to the revision before 0002 (whatever the chain puts there)
        before_0002 = ScriptDirectory.from_config(_alembic_config()).get_revision("0002")
        command.downgrade(_alembic_config(conn), before_0002.down_revision)
    engine.dispose()
    with sqlite3.connect(db_path) as conn:
        assert "plan_completions" not in {
            r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    db = open_database(db_path)  # upgrades to head again
    try:
        view = get_plan_view(db, done)
        assert view.completed_at is not None
        assert (view.batches, view.shopping, view.assembly) == (
            before.batches, before.shopping, before.assembly)
        with db.uow() as s:
            for unit in s.query(FinishedUnit).filter(FinishedUnit.name == "Sugar cookie"):
                unit.items_per_batch = 30
        assert get_plan_view(db, done).batches == before.batches
    finally:
        db.dispose()


def test_modify_fg_is_a_stored_amendment_type_and_others_are_refused(db):
    import pytest
    from sqlalchemy import text
    from sqlalchemy.exc import IntegrityError

    load_demo(db)
    sale = find_event(db, "Thanksgiving Bake Sale").id
    insert = text(
        "INSERT INTO plan_amendments (event_id, amendment_type, amendment_data, reason, "
        "uuid, created_at, updated_at) VALUES (:e, :k, '{}', 'r', :u, '2026-01-01', "
        "'2026-01-01')")
    with db.engine.begin() as conn:
        conn.execute(insert, {"e": sale, "k": "modify_fg", "u": "u-1"})
        count = conn.execute(text("SELECT count(*) FROM plan_amendments")).scalar()
    assert count == 4  # the demo's three, all kept, and the new kind
    with pytest.raises(IntegrityError), db.engine.begin() as conn:
        conn.execute(insert, {"e": sale, "k": "swap_fg", "u": "u-2"})
