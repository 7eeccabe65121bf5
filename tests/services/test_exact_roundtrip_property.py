"""Property: any quantity the services accept reads back exactly from the database,
and exactly again after export and import into another database; anything refused
is something the schema cannot keep."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from src.db import open_database
from src.models.types import QUANTITY_DIGITS
from src.services import catalog
from src.services.catalog import pantry
from src.services.errors import ValidationError
from src.services.exchange import export_document, import_document


@pytest.fixture(scope="module")
def dbs(tmp_path_factory):
    folder = tmp_path_factory.mktemp("exact")
    first, second = open_database(folder / "first.db"), open_database(folder / "second.db")
    flour = catalog.create_ingredient(first, name="Flour").id
    yield first, second, flour
    first.dispose()
    second.dispose()


# Every digit count and scale around the schema's limits, positive and negative.
scaled = st.builds(
    lambda digits, scale, sign: Decimal(sign * digits).scaleb(-scale),
    st.integers(min_value=0, max_value=10**20),
    st.integers(min_value=-2, max_value=9),
    st.sampled_from([1, 1, 1, -1]),
)
quantities = st.one_of(
    scaled,
    st.decimals(allow_nan=False, allow_infinity=False, min_value=0, max_value=10**13),
)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(value=quantities, as_text=st.booleans())
def test_accepted_quantities_round_trip_exactly(dbs, value, as_text):
    first, second, flour = dbs
    given_value = format(value, "f") if as_text else value
    try:
        row = pantry.set_pantry_quantity(first, flour, given_value, "g")
    except ValidationError as exc:
        assert value < 0 or QUANTITY_DIGITS.problem(value) is not None, exc.message
        return
    assert value >= 0 and QUANTITY_DIGITS.problem(value) is None
    assert row.quantity == value
    (stored,) = [r.quantity for r in pantry.list_pantry(first) if r.ingredient_id == flour]
    assert stored == value

    document = export_document(first)
    (line,) = document["pantry"]
    assert Decimal(line["quantity"]) == value
    import_document(second, document, replace=True)
    (again,) = [r.quantity for r in pantry.list_pantry(second) if r.quantity is not None]
    assert again == value


@settings(max_examples=300, deadline=None)
@given(
    scaled_value=st.one_of(
        st.integers(-(10**20), 10**20), st.integers(0, 10**6).map(lambda n: n * 10**6)
    ),
    scale=st.integers(0, 9),
)
def test_the_catalog_reader_makes_a_stored_integer_the_plain_decimal(scaled_value, scale):
    """src.services.plan.catalog_rows.scaled_plain (the fast path) and plain():
    the same value, written the same way (no trailing zeros)."""
    from src.services.plan.catalog_rows import plain, scaled_plain

    fast = scaled_plain(scaled_value, scale)
    slow = plain(Decimal(scaled_value).scaleb(-scale))
    assert fast == slow and str(fast) == str(slow)
