"""The widths of a batch decision card's lines (no window needed)."""

from __future__ import annotations

from src.ui.planning.card_fit import MIN_WRAP, flow, name_wrap, wrap_at


def test_a_text_that_fits_never_wraps_and_one_that_does_not_wraps_at_the_room():
    assert wrap_at(300, 300) == 0
    assert wrap_at(301, 300) == 300
    assert wrap_at(500, 20) == MIN_WRAP  # never a column of single words


def test_a_name_wraps_only_past_its_share_of_the_line():
    assert name_wrap(250, 1000) == 0
    assert name_wrap(450, 1000) == 400
    assert name_wrap(450, 200) == MIN_WRAP


def test_options_stay_beside_each_other_while_they_fit_then_take_the_next_line():
    assert flow([400, 400], 800) == [(0, 0), (0, 1)]
    assert flow([400, 401], 800) == [(0, 0), (1, 0)]
    assert flow([300, 300, 300], 650) == [(0, 0), (0, 1), (1, 0)]
    assert flow([900, 100], 500) == [(0, 0), (1, 0)]  # too wide alone: a line of its own
    assert flow([], 500) == []
