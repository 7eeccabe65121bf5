"""The printouts built from real plan data of the demo bakery."""

from __future__ import annotations

import pytest
from pypdf import PdfReader

from src.reports.bake_sheet_pdf import bake_sheet_pdf
from src.reports.plan_report import plan_report, plan_text
from src.reports.shopping_csv import shopping_csv_text, write_shopping_csv
from src.reports.shopping_pdf import shopping_pdf
from src.services.exchange.demo import load_demo
from src.services.plan.bake_sheet import get_bake_sheet
from src.services.plan.events import find_event, get_event
from src.services.plan.view import get_plan_view, get_shopping_list, get_shopping_view


@pytest.fixture
def demo(db):
    load_demo(db)
    return db


def _event_id(db, name):
    return find_event(db, name).id


def _pdf_text(pdf, path) -> tuple[int, str]:
    pdf.save(path)
    reader = PdfReader(path)
    return len(reader.pages), "\n".join(page.extract_text() for page in reader.pages)


def test_plan_json_follows_the_contract(demo):
    report = plan_report(get_plan_view(demo, _event_id(demo, "Holiday Cookie Exchange 2026")))
    assert list(report) == ["event", "recipes", "shopping_list", "assembly", "complete",
                            "report_version", "undecided", "amendments", "production",
                            "currency", "shopping_cost", "missing_prices", "finished_goods_cost",
                            "event_cost"]
    assert report["event"] == {"name": "Holiday Cookie Exchange 2026", "date": "2026-12-19",
                               "plan_state": "draft", "expected_attendees": 20}
    sugar = next(r for r in report["recipes"] if r["recipe"] == "Sugar Cookie Dough")
    assert sugar == {
        "recipe": "Sugar Cookie Dough",
        "needed": {"Sugar cookie": 170},
        "batches_needed": "7.083",
        "options": [
            {"batches": 7, "kind": "shortfall", "yield": {"Sugar cookie": 168},
             "difference_items": -2, "difference_batches": "-0.083"},
            {"batches": 8, "kind": "extra", "yield": {"Sugar cookie": 192},
             "difference_items": 22, "difference_batches": "0.917"},
        ],
        "decision": {"batches": 8, "yield": "Sugar cookie", "stale": False},
        "progress": {"baked": 0, "remaining": 8, "overage": 0, "batches": 8},
        "cost_per_batch": "4.498",
        "cost": "35.982",
    }
    brownies = next(r for r in report["recipes"] if r["recipe"] == "Fudge Brownie Batter")
    assert all(o["yield"] is None and o["difference_items"] is None for o in brownies["options"])
    ginger = next(r for r in report["recipes"] if r["recipe"] == "Gingerbread Dough")
    assert ginger["decision"]["stale"] is True
    assert report["complete"] is False
    flour = next(s for s in report["shopping_list"] if s["ingredient"] == "All-purpose flour")
    # Shown in the preferred pack's unit (lb); 17.676 lb to buy: one 25 lb sack (13.99)
    # beats four 5 lb bags (17.16).
    assert flour == {"ingredient": "All-purpose flour", "needed": "22.676", "unit": "lb",
                     "on_hand": "5", "to_buy": "17.676", "status": "to_buy",
                     "buy": [{"pack": "25 lb sack", "count": 1}], "leftover": "7.324",
                     "cost": "13.99"}
    # The demo leaves Rainbow sprinkles without a price: named, and no total is invented.
    assert report["missing_prices"] == ["Rainbow sprinkles"]
    assert report["shopping_cost"] is None and report["event_cost"] is None
    tin = next(g for g in report["finished_goods_cost"] if g["finished_good"] == "Cookie tin")
    assert tin == {"finished_good": "Cookie tin", "quantity": 10, "each": "3.685",
                   "line": "36.853"}
    assert {"finished_good": "Holiday gift crate", "quantity": 5, "status": "partial",
            "can_make": 4} in (
        report["assembly"]
    )


def test_plan_text_shows_every_section(demo):
    text = plan_text(get_plan_view(demo, _event_id(demo, "Holiday Cookie Exchange 2026")))
    assert "Holiday Cookie Exchange 2026 — 2026-12-19 (draft, 20 guests)" in text
    assert "4 (Gingerbread man) STALE" in text
    assert "To buy (11)" in text and "Already have (6)" in text
    assert "Assembly: partial" in text
    assert text.endswith("Plan complete: no\n")


def test_shopping_csv_exact(demo, tmp_path):
    rows = get_shopping_list(demo, _event_id(demo, "Thanksgiving Bake Sale"))
    path = tmp_path / "list.csv"
    write_shopping_csv(rows, path)
    lines = path.read_text(encoding="utf-8").splitlines()
    header = "ingredient,needed,unit,on_hand,to_buy,status,store,buy,leftover,cost"
    assert lines[0] == header
    assert "Pecans,1.919,lb,1,0.919,to_buy,Warehouse club,1 × 1 lb bag,0.081,9.99" in lines
    assert ("Unsalted butter,1096.596,g,453.592,643.003,to_buy,Grocer,"
            "2 × 1 lb box of 4 sticks,264.181,9.98") in lines
    assert "Eggs,24,each,24,0,sufficient,Grocer,,0,0" in lines
    assert len(lines) == 1 + len(rows)
    assert shopping_csv_text([]) == header + "\n"


def test_shopping_pdf_is_one_page_with_sections(demo, tmp_path):
    event_id = _event_id(demo, "Holiday Cookie Exchange 2026")
    shopping = get_shopping_view(demo, event_id)
    pdf = shopping_pdf(get_event(demo, event_id), shopping.rows, shopping.totals)
    pages, text = _pdf_text(pdf, tmp_path / "list.pdf")
    assert pages == 1
    assert "Shopping list — Holiday Cookie Exchange 2026" in text
    # by store, then category; then what is at hand; then the trip
    assert (text.index("To buy (11)") < text.index("Grocer — $134.53") < text.index("Dairy")
            < text.index("Warehouse club — $13.99") < text.index("Already have (6)")
            < text.index("Trip total: $148.52 + 1 without a price (Rainbow sprinkles)"))
    assert "All-purpose flour 1 × 25 lb sack 7.3 lb $13.99 22.7 lb 5 lb" in text
    assert "buy 2 × 1 lb box of 4 sticks + 3 × 4 lb block" in text  # too wide for its cell


def test_shopping_pdf_without_dejavu_falls_back_to_latin1(demo, tmp_path):
    event_id = _event_id(demo, "Thanksgiving Bake Sale")
    pdf = shopping_pdf(get_event(demo, event_id), get_shopping_list(demo, event_id),
                       font_dir=None)
    _, text = _pdf_text(pdf, tmp_path / "plain.pdf")
    assert "Shopping list - Thanksgiving Bake Sale" in text


def test_bake_sheet_scales_effective_lines_and_lists_assembly(demo, tmp_path):
    sheet = get_bake_sheet(demo, _event_id(demo, "Holiday Cookie Exchange 2026"))
    chocolate = next(r for r in sheet.recipes if r.recipe == "Chocolate Sugar Cookie Dough")
    lines = {line.ingredient: (line.quantity_text, line.unit) for line in chocolate.lines}
    # The variant's own flour line (2.25 cup) replaces the base's 2.75, × 7 batches.
    assert lines["All-purpose flour"] == ("15.75", "cup")
    assert lines["Cocoa powder"] == ("3.5", "cup")
    assert lines["Eggs"] == ("7", "each")
    bundles = [b.good for b in sheet.assembly]
    assert bundles.index("Truffle box") < bundles.index("Cookie tin") < bundles.index(
        "Holiday gift crate")
    tins = next(b for b in sheet.assembly if b.good == "Cookie tin")
    assert tins.quantity == 15  # 10 tins + one inside each of 5 crates
    pages, text = _pdf_text(bake_sheet_pdf(sheet), tmp_path / "sheet.pdf")
    assert "Chocolate Sugar Cookie Dough — 7 batches" in text
    assert "Cookie tin × 15" in text


def test_bake_sheet_shows_costs_per_batch_line_and_event(demo, tmp_path):
    event_id = _event_id(demo, "Holiday Cookie Exchange 2026")
    sheet = get_bake_sheet(demo, event_id)
    costs = get_plan_view(demo, event_id).costs
    _, text = _pdf_text(bake_sheet_pdf(sheet, costs=costs), tmp_path / "sheet.pdf")
    assert "Sugar Cookie Dough — 8 batches" in text and "Cost: $4.50 a batch" in text
    assert "Costs — ingredients for the event: unknown (no price for Rainbow sprinkles)" in text
    assert "Cookie tin × 10 $36.85 ($3.69 each)" in text
