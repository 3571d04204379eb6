from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from scorecard.rules.precision import (
    MAX_PLACES,
    infer_decimal_places,
    is_percent_format,
    places_shown,
    places_written,
)
from scorecard.rules.rag import Polarity
from scorecard.rules.travel import Direction, direction_of_travel
from scorecard.rules.units import format_value


def test_sick_days_typed_to_two_places_are_reported_to_two_places():
    places = infer_decimal_places([places_written("7.84"), places_written("7.9")])
    assert places == 2
    assert format_value(Decimal("7.84"), "days", places) == "7.84 days"


def test_published_series_keep_their_direction_of_travel_at_the_inferred_precision():
    # Oxford City Council's published 70.9 against 70.5, and 71.8 against 72.
    places = infer_decimal_places(places_written(t) for t in ("70.9", "70.5", "71.8", "72"))
    assert places == 1
    for current, previous, expected in (
        ("70.9", "70.5", Direction.IMPROVED),
        ("71.8", "72", Direction.WORSE),
    ):
        direction = direction_of_travel(
            polarity=Polarity.HIGHER,
            current=Decimal(current),
            previous=Decimal(previous),
            decimal_places=places,
        )
        assert direction is expected


def test_a_typed_trailing_zero_counts():
    assert places_written("80.0") == 1
    assert places_written("£1,200.50") == 2
    assert places_written("67.5%") == 1
    assert places_written("1,200") == 0


def test_text_that_is_not_a_number_has_no_places():
    assert places_written("n/a") == 0


def test_no_figures_means_whole_numbers():
    assert infer_decimal_places([]) == 0


def test_more_than_four_places_cannot_be_kept():
    assert infer_decimal_places([places_written("3.14159265")]) == MAX_PLACES


def test_excel_formats_say_how_many_places_they_show():
    assert places_shown("0.0") == 1
    assert places_shown("#,##0.00") == 2
    assert places_shown("0.0%") == 1
    assert places_shown("0") == 0
    assert places_shown('"£"#,##0.00;[Red]-"£"#,##0.00') == 2
    assert places_shown("General") is None
    assert places_shown("@") is None
    assert places_shown("dd/mm/yyyy") is None
    assert places_shown("") is None


def test_percent_formats_are_recognised_but_not_a_quoted_percent_sign():
    assert is_percent_format("0.0%")
    assert is_percent_format("0%")
    assert not is_percent_format("0.0")
    assert not is_percent_format('0.0" %pts"')
    assert not is_percent_format("General")


@given(st.lists(st.integers(min_value=0, max_value=20)))
def test_inferred_places_are_the_most_used_up_to_four(places):
    inferred = infer_decimal_places(places)
    assert 0 <= inferred <= MAX_PLACES
    assert all(inferred >= min(p, MAX_PLACES) for p in places)
    assert inferred == 0 or inferred in [min(p, MAX_PLACES) for p in places]


@given(
    st.decimals(
        min_value=-(10**9), max_value=10**9, places=4, allow_nan=False, allow_infinity=False
    )
)
def test_a_value_printed_at_its_inferred_places_reads_back_as_typed(value):
    typed = f"{value:f}"
    places = infer_decimal_places([places_written(typed)])
    assert Decimal(format_value(value, "", places).replace(",", "")) == value
