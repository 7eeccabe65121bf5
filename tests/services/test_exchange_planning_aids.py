"""Version 2 additions of the exchange document: per-guest rate, leftovers, pinned."""

from __future__ import annotations

import copy

from src.services.aids.suggestions import suggest_quantities
from src.services.exchange import export_document, import_document
from tests.services.test_exchange import problems_of, small_doc


def _with_additions() -> dict:
    doc = copy.deepcopy(small_doc())
    doc["finished_goods"][0]["per_guest"] = "3"
    doc["finished_goods"][2]["per_guest"] = 0.1
    event = doc["events"][0]
    event["finished_goods"][1]["leftover"] = 4
    event["batch_decisions"][0]["pinned"] = True
    return doc


def test_additions_round_trip(db, tmp_path):
    import_document(db, _with_additions())
    out = export_document(db)
    goods = {g["name"]: g.get("per_guest") for g in out["finished_goods"]}
    rated = {name: rate for name, rate in goods.items() if rate is not None}
    assert rated == {"Cookie tin": "0.1", "Sugar cookie": "3"}  # the rest have none
    event = out["events"][0]
    assert {x["good"]: x.get("leftover") for x in event["finished_goods"]} == {
        "Cookie tin": None, "Sugar cookie": 4, "Truffle box": None}
    assert event["batch_decisions"][0]["pinned"] is True
    rows = {r.good_name: r.suggested for r in suggest_quantities(db, 1).rows}
    assert rows == {"Cookie tin": 5, "Sugar cookie": 150}


def test_a_version_1_document_has_none_of_them(db):
    import_document(db, small_doc())
    out = export_document(db)
    assert all("per_guest" not in g for g in out["finished_goods"])
    assert all("pinned" not in d for d in out["events"][0]["batch_decisions"])


def test_bad_additions_are_reported_with_their_location(db):
    doc = _with_additions()
    doc["finished_goods"][0]["per_guest"] = "0"
    doc["events"][0]["finished_goods"][1]["leftover"] = -1
    doc["events"][0]["batch_decisions"][0]["pinned"] = "yes"
    problems = problems_of(db, doc)
    assert any(p.startswith("finished_goods[0].per_guest:") for p in problems)
    assert any(p.startswith("events[0].finished_goods[1].leftover:") for p in problems)
    assert any(p.startswith("events[0].batch_decisions[0].pinned:") for p in problems)


def test_a_leftover_above_the_line_is_refused(db):
    doc = _with_additions()
    doc["events"][0]["finished_goods"][1]["leftover"] = 11  # the line is 10
    assert problems_of(db, doc) == [
        "events[0].finished_goods[1].leftover: 11 left over is more than the 10 planned"]
