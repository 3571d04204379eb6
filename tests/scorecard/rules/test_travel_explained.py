"""Direction of travel with its reason in words, as the API gives it beside each result."""

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from scorecard.rules.rag import Polarity
from scorecard.rules.travel import (
    YEAR_TO_DATE_SHORT_TERM,
    Direction,
    direction_of_travel,
    travel_explained,
)

D = Decimal


def explained(polarity, current, previous, *, unit="%", places=1, compared="2009/10 Q1", **more):
    return travel_explained(
        polarity=polarity,
        current=current,
        previous=previous,
        compared_with=compared,
        unit=unit,
        decimal_places=places,
        **more,
    )


def test_fewer_sick_days_than_last_quarter_is_improved_and_says_why():
    travel = explained(Polarity.LOWER, D("8.0"), D("8.6"), unit="days")
    assert travel.direction is Direction.IMPROVED
    assert travel.explanation == (
        "Improved: 8.0 days against 8.6 days in 2009/10 Q1; lower is better."
    )


def test_figures_that_print_the_same_are_the_same():
    travel = explained(Polarity.HIGHER, D("45.04"), D("45"), compared="2008/09 Q2")
    assert travel.direction is Direction.SAME
    assert travel.explanation == "Same: 45.0% against 45.0% in 2008/09 Q2; higher is better."


def test_a_range_measure_is_better_nearer_its_target():
    travel = explained(Polarity.RANGE, D("1"), D("3"), places=0, middle=D("0"))
    assert travel.direction is Direction.IMPROVED
    assert travel.explanation.endswith("; nearer 0% is better.")


def test_no_figure_to_compare_with_is_no_direction_and_says_which_is_missing():
    travel = explained(Polarity.HIGHER, D("45"), None, compared="2008/09 Q2")
    assert travel.direction is None
    assert travel.explanation == "No direction: there is no figure for 2008/09 Q2 to compare with."


def test_no_figure_this_period_is_no_direction():
    travel = explained(Polarity.HIGHER, None, D("1"))
    assert travel.direction is None
    assert travel.explanation == "No direction: there is no figure for this period."


def test_a_range_without_a_target_has_no_direction():
    travel = explained(Polarity.RANGE, D("1"), D("3"))
    assert travel.direction is None and "no target" in travel.explanation


def test_a_year_to_date_figure_has_no_short_term_direction_and_says_why():
    assert YEAR_TO_DATE_SHORT_TERM.direction is None
    assert "same point last year" in YEAR_TO_DATE_SHORT_TERM.explanation


values = st.none() | st.decimals(min_value=-1000, max_value=1000, places=2, allow_nan=False)


@given(
    polarity=st.sampled_from([Polarity.HIGHER, Polarity.LOWER]),
    current=values,
    previous=values,
    places=st.integers(min_value=0, max_value=2),
)
def test_the_explanation_always_names_the_direction_the_rule_decides(
    polarity, current, previous, places
):
    travel = explained(polarity, current, previous, unit="days", places=places)
    decided = direction_of_travel(
        polarity=polarity, current=current, previous=previous, decimal_places=places
    )
    assert travel.direction is decided
    word = decided.word if decided else "No direction"
    assert travel.explanation.startswith(f"{word}: ")
