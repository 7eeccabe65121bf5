"""The planning aids in the real window: suggest, clone, optimise, pantry, leftovers."""

from __future__ import annotations

import pytest

from src.services.exchange.demo import load_demo
from src.services.plan.view import get_plan_view
from src.ui.main_window import build_main_window

from .conftest import pump

pytestmark = pytest.mark.gui

EXCHANGE_2026 = "Holiday Cookie Exchange 2026"


@pytest.fixture
def planning(root, db):
    load_demo(db)
    main = build_main_window(root, db)
    root.geometry("1280x800+0+0")
    pump(root)
    return main.planning


def _show(planning, name: str) -> None:
    event = next(e for e in planning.presenter.events if e.name == name)
    planning.events.select(event.id)
    pump(planning, 6)
    assert planning.presenter.plan.event.id == event.id


def _quantities(planning) -> dict[str, int | None]:
    return {g.name: g.quantity for g in planning.presenter.plan.goods}


def test_buttons_follow_the_plan_state(planning):
    _show(planning, EXCHANGE_2026)
    state = {k: b.cget("state") for k, b in planning.aids.buttons.items()}
    assert state == {"suggest": "normal", "optimise": "normal", "pantry": "normal",
                     "clone": "normal", "leftovers": "disabled"}
    _show(planning, "Thanksgiving Bake Sale")
    assert planning.aids.buttons["leftovers"].cget("state") == "normal"
    # In production the suggestion is shown, but only shown.
    planning.aids.buttons["suggest"].invoke()
    pump(planning)
    dialog = planning.aids.last_dialog
    assert dialog.ok_button.cget("state") == "disabled"
    assert all(b.cget("state") == "disabled" for b in dialog.accept_buttons.values())
    assert "only in a draft plan" in dialog.error_text(None)


def test_suggest_accepts_line_by_line_then_all(planning):
    _show(planning, EXCHANGE_2026)
    planning.aids.buttons["suggest"].invoke()
    pump(planning)
    dialog = planning.aids.last_dialog
    assert dialog.winfo_ismapped()
    rows = {r.good_name: r for r in dialog.preview.rows}
    assert rows["Sugar cookie"].suggested == 60 and rows["Sugar cookie"].current is None
    dialog.accept_buttons[rows["Sugar cookie"].good_id].invoke()
    pump(planning)
    assert _quantities(planning)["Sugar cookie"] == 60
    assert _quantities(planning)["Brownie square"] == 24  # not accepted yet
    assert dialog.accept_buttons[rows["Sugar cookie"].good_id].cget("state") == "disabled"
    dialog.ok_button.invoke()
    pump(planning)
    assert dialog.closed
    quantities = _quantities(planning)
    assert quantities["Brownie square"] == 20 and quantities["Chocolate chip cookie"] == 40


def test_clone_scales_and_says_what_leftovers_changed(planning):
    _show(planning, "Holiday Cookie Exchange 2025")
    planning.aids.buttons["clone"].invoke()
    pump(planning)
    dialog = planning.aids.last_dialog
    assert dialog.name_entry.get() == "Holiday Cookie Exchange 2026"
    assert dialog.date_entry.get() == "2026-12-20"
    dialog.name_entry.delete(0, "end")
    dialog.name_entry.insert(0, "Exchange copy")
    dialog.attendees_entry.delete(0, "end")
    dialog.attendees_entry.insert(0, "24")
    dialog.scale_box.toggle()
    dialog.ok_button.invoke()
    pump(planning, 6)
    assert dialog.closed
    plan = planning.presenter.plan
    assert plan.event.name == "Exchange copy" and plan.event.expected_attendees == 24
    assert _quantities(planning)["Cookie tin"] == 20  # (12 − 2 left) × 24/12
    text = planning.last_dialog.message_label.cget("text")
    assert "Last year 2 of 12 Cookie tin were left: 20 planned instead of 24." in text
    assert "no longer fit" in text
    assert any(r.decision is not None and r.decision.stale for r in plan.batches)


def test_clone_shows_a_bad_date_at_its_field(planning):
    _show(planning, EXCHANGE_2026)
    planning.aids.buttons["clone"].invoke()
    pump(planning)
    dialog = planning.aids.last_dialog
    dialog.date_entry.delete(0, "end")
    dialog.date_entry.insert(0, "next year")
    dialog.ok_button.invoke()
    pump(planning)
    assert not dialog.closed
    assert dialog.error_text("event_date")


def test_optimise_previews_pins_and_applies(planning, db):
    _show(planning, EXCHANGE_2026)
    planning.aids.buttons["optimise"].invoke()
    pump(planning)
    dialog = planning.aids.last_dialog
    proposal = dialog.proposal
    assert len(dialog.tree.get_children()) == len(proposal.recipes) == 8
    assert "Every line is met with the 5 % margin." in dialog.summary.cget("text")
    # The demo's packs have prices: the optimiser aims for the lowest cost and says so.
    assert proposal.objective == "cost"
    assert "lowest ingredient cost" in dialog.summary.cget("text")
    assert "No pack has a price" not in dialog.summary.cget("text")
    brownie = next(r for r in proposal.recipes if r.recipe_name == "Fudge Brownie Batter")
    assert "Brownie bite" in dialog.tree.set(str(brownie.recipe_id), "split")
    # Pin a recipe the proposal would change: it keeps its batches.
    changed = next(r for r in proposal.recipes if r.changed)
    dialog.tree.selection_set(str(changed.recipe_id))
    dialog.pin_button.invoke()
    pump(planning)
    pinned = next(r for r in dialog.proposal.recipes if r.recipe_id == changed.recipe_id)
    assert pinned.pinned and pinned.proposed == pinned.current
    dialog.ok_button.invoke()
    pump(planning)
    assert dialog.closed
    decided = {r.recipe_name: r.decision.batches for r in get_plan_view(
        db, planning.presenter.event_id).batches if r.decision}
    assert decided == {r.recipe_name: r.proposed for r in dialog.proposal.recipes}


def test_optimise_margin_error_shows_at_its_field(planning):
    _show(planning, EXCHANGE_2026)
    planning.aids.buttons["optimise"].invoke()
    pump(planning)
    dialog = planning.aids.last_dialog
    dialog.margin_entry.delete(0, "end")
    dialog.margin_entry.insert(0, "lots")
    dialog.preview_button.invoke()
    pump(planning)
    assert "Safety margin" in dialog.error_text("margin")
    assert dialog.ok_button.cget("state") == "disabled"


def test_pantry_check_notice(planning):
    _show(planning, EXCHANGE_2026)
    planning.aids.buttons["pantry"].invoke()
    pump(planning)
    text = planning.last_dialog.message_label.cget("text")
    assert "To make every line, buy:" in text


def test_leftovers_are_recorded_and_checked(planning, db):
    _show(planning, "Thanksgiving Bake Sale")
    planning.aids.buttons["leftovers"].invoke()
    pump(planning)
    dialog = planning.aids.last_dialog
    first_id, first = next(iter(dialog.entries.items()))
    first.insert(0, "9999")
    dialog.ok_button.invoke()
    pump(planning)
    assert not dialog.closed
    assert "more than the" in dialog.error_text(None)
    first.delete(0, "end")
    first.insert(0, "3")
    dialog.ok_button.invoke()
    pump(planning)
    assert dialog.closed
    from src.services.aids.leftovers import event_leftovers

    recorded = {r.good_id: r.leftover for r in event_leftovers(db, planning.presenter.event_id)}
    assert recorded[first_id] == 3


def test_rates_are_typed_in_the_suggestion(planning):
    _show(planning, EXCHANGE_2026)
    planning.aids.buttons["suggest"].invoke()
    pump(planning)
    dialog = planning.aids.last_dialog
    unrated = {u.good_name: u.good_id for u in dialog.preview.unrated}
    plate = unrated["Cookie exchange plate"]
    assert plate not in dialog.accept_buttons  # no rate, no suggestion yet
    dialog.rate_entries[plate].insert(0, "abc")
    dialog.rates_button.invoke()
    pump(planning)
    assert "Cookie exchange plate:" in dialog.error_text(None)
    dialog.rate_entries[plate].delete(0, "end")
    dialog.rate_entries[plate].insert(0, "1.5")
    dialog.rates_button.invoke()
    pump(planning)
    row = next(r for r in dialog.preview.rows if r.good_id == plate)
    assert (row.current, row.suggested) == (20, 30)
    assert dialog.accept_buttons[plate].cget("state") == "normal"


def test_completing_offers_to_record_leftovers(planning):
    _show(planning, "Thanksgiving Bake Sale")
    planning.presenter.transition("complete")
    pump(planning, 4)
    question = planning.aids.last_dialog
    assert question.winfo_ismapped() and "left over" in question.message_label.cget("text")
    question.confirm_button.invoke()
    pump(planning)
    dialog = planning.aids.last_dialog
    assert dialog is not question and dialog.entries  # the leftovers form, one entry per line
