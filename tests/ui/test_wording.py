"""Plurals of the nouns the window shows (pure: no window needed)."""

from __future__ import annotations

import pytest

from src.ui.wording import count_of, lower_name, plural


@pytest.mark.parametrize(("noun", "many"), [
    ("pumpkin loaf", "pumpkin loaves"),
    ("Pumpkin loaf", "Pumpkin loaves"),
    ("half", "halves"),
    ("knife", "knives"),
    ("cream puff", "cream puffs"),  # not every f becomes ves
    ("berry", "berries"),
    ("tray", "trays"),  # vowel + y keeps the y
    ("glass", "glasses"),
    ("box", "boxes"),
    ("peach", "peaches"),
    ("dish", "dishes"),
    ("batch", "batches"),
    ("cookies", "cookies"),  # already plural
    ("Rainbow sprinkles", "Rainbow sprinkles"),
    ("9-inch pie", "9-inch pies"),
    ("9-inch pecan pie", "9-inch pecan pies"),
    ("Gingerbread man", "Gingerbread men"),
    ("human", "humans"),
    ("Brownie (9x13 pan)", "Brownie (9x13 pans)"),
    ("9x13", "9x13"),  # no word to pluralise
    ("PB BAR", "PB BARS"),
])
def test_plural_of_common_endings(noun, many):
    assert plural(noun, 2) == many
    assert plural(noun, 0) == many
    assert plural(noun, 1) == noun
    assert plural(noun, -1) == noun


def test_counts_and_names_in_a_sentence():
    assert count_of(1, "batch") == "1 batch"
    assert count_of(3, "pumpkin loaf") == "3 pumpkin loaves"
    assert lower_name("Sugar cookie") == "sugar cookie"
    assert lower_name("PB bar") == "PB bar"
