import pytest

from src.planning.availability import available_goods, missing_recipes, unmakeable_goods
from src.planning.decomposition import CycleError

from .conftest import count_unit, good, good_of, unit_of

UNITS = {10: count_unit(10, 1, 24), 11: count_unit(11, 2, 30), 12: count_unit(12, 3, 12)}
GOODS = {
    1: good(1, "Sugar cookie", unit_of(10)),
    2: good(2, "Truffle box", unit_of(11, 4)),
    3: good(3, "Cookie tin", unit_of(10, 6), good_of(2)),
    4: good(4, "Hamper", good_of(3), unit_of(12, 2)),
    5: good(5, "Empty box"),
    6: good(6, "Box of empty boxes", good_of(5, 3)),
}


@pytest.mark.parametrize(
    ("selected", "available", "missing_for_hamper"),
    [
        (set(), set(), {1, 2, 3}),
        ({1}, {1}, {2, 3}),
        ({1, 2}, {1, 2, 3}, {3}),
        ({1, 2, 3}, {1, 2, 3, 4}, set()),
        ({2, 3}, {2}, {1}),
    ],
)
def test_availability_follows_selected_recipes(selected, available, missing_for_hamper):
    assert available_goods(GOODS, UNITS, selected) == frozenset(available)
    missing = missing_recipes(GOODS, UNITS, selected)
    assert missing[4] == frozenset(missing_for_hamper)
    assert {g for g, m in missing.items() if not m} == available


def test_goods_reaching_no_unit_are_never_available():
    everything = {1, 2, 3}
    assert 5 not in available_goods(GOODS, UNITS, everything)
    assert 6 not in available_goods(GOODS, UNITS, everything)
    assert 5 not in missing_recipes(GOODS, UNITS, everything)
    assert unmakeable_goods(GOODS, UNITS) == frozenset({5, 6})


def test_cycle_is_reported():
    goods = {1: good(1, "A", good_of(2)), 2: good(2, "B", good_of(1))}
    with pytest.raises(CycleError):
        available_goods(goods, UNITS, {1})
