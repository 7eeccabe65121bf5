"""The unit spellings bakers type, accepted by the one parser (src.planning.units)."""

from __future__ import annotations

import pytest

from src.planning.units import DISPLAY_UNITS, UnitError, normalize_unit, unit_display


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("tsp.", "tsp"), ("tbsp.", "tbsp"), ("oz.", "oz"), ("lb.", "lb"), ("lbs", "lb"),
        ("lbs.", "lb"), ("doz", "dozen"), ("c", "cup"), ("C", "cup"), ("gm", "g"),
        ("GM", "g"), ("gms", "g"), ("T", "tbsp"), ("t", "tsp"), ("T.", "tbsp"),
        ("tsps", "tsp"), ("tbsps", "tbsp"), ("Tbsp", "tbsp"), ("TSP", "tsp"),
        ("kgs", "kg"), ("mls", "ml"), ("ozs", "oz"), ("fl oz", "fl_oz"), ("fl. oz.", "fl_oz"),
        ("Fl Oz", "fl_oz"), ("  Cups ", "cup"), ("dozens", "dozen"),
    ],
)  # fmt: skip
def test_baker_spellings_are_accepted(text: str, unit: str) -> None:
    assert normalize_unit(text) == unit


def test_capital_t_is_a_tablespoon_and_small_t_a_teaspoon() -> None:
    assert normalize_unit("T") != normalize_unit("t")
    assert (normalize_unit("T"), normalize_unit("t")) == ("tbsp", "tsp")


@pytest.mark.parametrize("text", ["cupz", "tt", "s", "gs", "pinch", "..", "c up"])
def test_unknown_units_are_refused_by_name(text: str) -> None:
    with pytest.raises(UnitError) as err:
        normalize_unit(text)
    assert str(err.value) == f'unknown unit "{text}"'


def test_display_names() -> None:
    assert unit_display("fl_oz") == "fl oz"
    assert unit_display("tbsp") == "tbsp"
    assert unit_display("T") == "tbsp"
    assert "fl oz" in DISPLAY_UNITS and "fl_oz" not in DISPLAY_UNITS
    # every display name reads back as its unit
    assert all(unit_display(normalize_unit(name)) == name for name in DISPLAY_UNITS)
