import pytest
from hypothesis import given
from hypothesis import strategies as st

from src.planning.progress import recipe_progress


@pytest.mark.parametrize(
    ("decided", "baked", "remaining", "overage"),
    [(9, 0, 9, 0), (6, 2, 4, 0), (6, 6, 0, 0), (6, 8, 0, 2), (0, 3, 0, 3), (0, 0, 0, 0)],
)
def test_progress_table(decided, baked, remaining, overage):
    p = recipe_progress(decided, baked)
    assert (p.decided, p.baked, p.remaining, p.overage) == (decided, baked, remaining, overage)


@given(st.integers(0, 10_000), st.integers(0, 10_000))
def test_progress_accounts_for_every_batch(decided, baked):
    p = recipe_progress(decided, baked)
    assert p.remaining >= 0 and p.overage >= 0
    assert p.remaining == 0 or p.overage == 0
    assert baked + p.remaining - p.overage == decided


def test_negative_counts_are_refused():
    with pytest.raises(ValueError):
        recipe_progress(-1, 0)
    with pytest.raises(ValueError):
        recipe_progress(1, -2)
