from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from scorecard.rules.rag import Polarity, RagMethod, Status, Tolerance, rag_for
from scorecard.rules.travel import direction_of_travel

METHODS = st.sampled_from([RagMethod.TOLERANCE, RagMethod.TOLERANCE_WITH_IMPROVEMENT])
steps = st.integers(min_value=-(10**5), max_value=10**5)
places = st.integers(min_value=0, max_value=2)
tolerances = st.none() | st.builds(
    Tolerance,
    st.decimals(min_value=0, max_value=1000, places=2, allow_nan=False, allow_infinity=False),
    st.booleans(),
)


@st.composite
def ranges(draw):
    """A range, an actual and last year's, all exact at the measure's places."""
    decimal_places = draw(places)
    unit = Decimal(1).scaleb(-decimal_places)
    lower, upper = sorted(draw(steps) * unit for _ in range(2))
    actual, last_year = draw(steps) * unit, draw(st.none() | steps.map(lambda n: n * unit))
    return decimal_places, lower, upper, actual, last_year


def mirror(value, lower, upper):
    """The value reflected about the middle of the range."""
    return None if value is None else lower + upper - value


def rate(method, tolerance, decimal_places, lower, upper, actual, last_year):
    return rag_for(
        method=method,
        polarity=Polarity.RANGE,
        actual=actual,
        target=(lower + upper) / 2,
        lower=lower,
        upper=upper,
        tolerance=tolerance,
        decimal_places=decimal_places,
        last_year_actual=last_year,
    )


# No deadline: the machine's load, not the rule, decides how long an example takes.
@settings(deadline=None)
@given(case=ranges(), method=METHODS, tolerance=tolerances)
def test_range_polarity_is_symmetric_about_the_middle(case, method, tolerance):
    decimal_places, lower, upper, actual, last_year = case
    args = (method, tolerance, decimal_places, lower, upper)
    here = rate(*args, actual, last_year)
    there = rate(*args, mirror(actual, lower, upper), mirror(last_year, lower, upper))
    assert here.status is there.status


@settings(deadline=None)
@given(case=ranges(), tolerance=tolerances)
def test_inside_the_range_is_green_and_outside_never_is_by_tolerance(case, tolerance):
    decimal_places, lower, upper, actual, last_year = case
    rating = rate(RagMethod.TOLERANCE, tolerance, decimal_places, lower, upper, actual, last_year)
    assert (rating.status is Status.GREEN) == (lower <= actual <= upper)


@settings(deadline=None)
@given(case=ranges())
def test_travel_is_symmetric_about_the_middle(case):
    decimal_places, lower, upper, actual, last_year = case
    middle = (lower + upper) / 2

    def travel(current, previous):
        return direction_of_travel(
            polarity=Polarity.RANGE, current=current, previous=previous, middle=middle
        )

    assert travel(actual, last_year) is travel(
        mirror(actual, lower, upper), mirror(last_year, lower, upper)
    )
