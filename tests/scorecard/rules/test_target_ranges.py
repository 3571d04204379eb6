"""A period's target: one figure, or for a range measure both bounds, lower not above upper."""

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from scorecard.rules.targets import range_problems, range_target

figures = st.decimals(min_value=-1000, max_value=1000, places=2, allow_nan=False)


def test_bounds_on_a_measure_not_rated_within_a_range_are_refused():
    problems = range_problems(
        code="NI 192", ranged=False, lower=Decimal("1"), upper=None, target=Decimal("5")
    )
    assert problems == [("Lower", "NI 192 is not rated within a range: leave Lower blank")]


def test_a_range_needs_both_bounds():
    problems = range_problems(
        code="BV 8", ranged=True, lower=Decimal("-2"), upper=None, target=None
    )
    assert problems == [("Upper", "BV 8 is rated within a range: give both Lower and Upper")]


@given(figures, figures)
def test_a_range_is_refused_exactly_when_lower_is_above_upper(lower, upper):
    problems = range_problems(code="X", ranged=True, lower=lower, upper=upper, target=None)
    assert bool(problems) == (lower > upper)


@given(figures, figures)
def test_a_range_given_by_its_bounds_targets_their_middle(lower, upper):
    middle = range_target(lower, upper, None)
    assert middle * 2 == lower + upper
    assert range_target(lower, upper, Decimal("7")) == Decimal("7")
