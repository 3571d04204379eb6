from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from scorecard.rules.rag import Goal, Polarity, RagMethod, Status, Tolerance, rag_for
from scorecard.rules.travel import direction_of_travel
from scorecard.rules.units import format_value

TOLERANCE_METHODS = [RagMethod.TOLERANCE, RagMethod.TOLERANCE_WITH_IMPROVEMENT]
RANK = {Status.RED: 0, Status.AMBER: 1, Status.GREEN: 2}

values = st.decimals(
    min_value=-(10**6), max_value=10**6, places=2, allow_nan=False, allow_infinity=False
)
optional_values = st.none() | values
tolerances = st.none() | st.builds(
    Tolerance,
    st.decimals(min_value=0, max_value=1000, places=2, allow_nan=False, allow_infinity=False),
    st.booleans(),
)
places = st.integers(min_value=0, max_value=2)
units = st.sampled_from(["", "number", "%", "£", "days", "kg"])
# Higher or lower is better: the properties of a single target. A range measure has its own
# (tests/rules/test_range_properties.py) and joins the ones every rating shares below.
polarities = st.sampled_from([Polarity.HIGHER, Polarity.LOWER])


def negate(value: Decimal | None) -> Decimal | None:
    return None if value is None else -value


@given(
    method=st.sampled_from(TOLERANCE_METHODS),
    actual=values,
    target=values,
    last_year=optional_values,
    tolerance=tolerances,
    decimal_places=places,
)
def test_lower_is_better_is_higher_is_better_mirrored(
    method, actual, target, last_year, tolerance, decimal_places
):
    common = {"method": method, "tolerance": tolerance, "decimal_places": decimal_places}
    higher = rag_for(
        polarity=Polarity.HIGHER,
        actual=actual,
        target=target,
        last_year_actual=last_year,
        **common,
    )
    lower = rag_for(
        polarity=Polarity.LOWER,
        actual=-actual,
        target=-target,
        last_year_actual=negate(last_year),
        **common,
    )
    assert higher.status is lower.status


@given(current=optional_values, previous=optional_values, decimal_places=st.none() | places)
def test_direction_of_travel_is_mirrored_by_polarity(current, previous, decimal_places):
    higher = direction_of_travel(
        polarity=Polarity.HIGHER, current=current, previous=previous, decimal_places=decimal_places
    )
    lower = direction_of_travel(
        polarity=Polarity.LOWER,
        current=negate(current),
        previous=negate(previous),
        decimal_places=decimal_places,
    )
    assert higher is lower


@given(
    method=st.sampled_from(TOLERANCE_METHODS),
    actuals=st.lists(values, min_size=2, max_size=2).map(sorted),
    target=values,
    last_year=optional_values,
    tolerance=tolerances,
    decimal_places=places,
)
def test_a_higher_actual_never_rates_worse_when_higher_is_better(
    method, actuals, target, last_year, tolerance, decimal_places
):
    lower_actual, higher_actual = actuals
    ratings = [
        rag_for(
            method=method,
            polarity=Polarity.HIGHER,
            actual=actual,
            target=target,
            tolerance=tolerance,
            decimal_places=decimal_places,
            last_year_actual=last_year,
        )
        for actual in (lower_actual, higher_actual)
    ]
    assert RANK[ratings[0].status] <= RANK[ratings[1].status]


@given(
    actual=values,
    target=values,
    last_year=optional_values,
    tolerance=tolerances,
    polarity=polarities,
    decimal_places=places,
)
def test_counting_improvement_never_rates_a_result_worse_than_tolerance_alone(
    actual, target, last_year, tolerance, polarity, decimal_places
):
    common = {
        "polarity": polarity,
        "actual": actual,
        "target": target,
        "tolerance": tolerance,
        "decimal_places": decimal_places,
        "last_year_actual": last_year,
    }
    plain = rag_for(method=RagMethod.TOLERANCE, **common)
    improvement = rag_for(method=RagMethod.TOLERANCE_WITH_IMPROVEMENT, **common)
    assert RANK[improvement.status] >= RANK[plain.status]


@st.composite
def boundary_cases(draw):
    """A target, a tolerance and the shortfall it allows, all exact at the measure's places."""
    decimal_places = draw(places)
    unit = Decimal(1).scaleb(-decimal_places)
    steps = st.integers(min_value=-(10**5), max_value=10**5)
    if draw(st.booleans()):
        allowed = draw(st.integers(min_value=1, max_value=10**4)) * unit
        tolerance = Tolerance(allowed, is_percent=False)
        target = draw(steps) * unit
    else:
        # A target of 100 × k units makes p% of it a whole number of units.
        percent = draw(st.integers(min_value=1, max_value=100))
        k = draw(steps.filter(lambda n: n != 0))
        target = 100 * k * unit
        tolerance = Tolerance(Decimal(percent), is_percent=True)
        allowed = abs(k) * percent * unit
    return draw(polarities), target, tolerance, allowed, unit, decimal_places


def rate(method, polarity, actual, target, tolerance, decimal_places, last_year=None):
    return rag_for(
        method=method,
        polarity=polarity,
        actual=actual,
        target=target,
        tolerance=tolerance,
        decimal_places=decimal_places,
        last_year_actual=last_year,
    )


@given(boundary_cases())
def test_shortfall_exactly_at_the_tolerance_is_amber_and_one_unit_more_is_red(case):
    polarity, target, tolerance, allowed, unit, decimal_places = case
    worse = -polarity.sign  # the direction in which a result is worse than target
    at_limit = target + worse * allowed
    beyond = target + worse * (allowed + unit)
    args = (target, tolerance, decimal_places)
    assert rate(RagMethod.TOLERANCE, polarity, at_limit, *args).status is Status.AMBER
    assert rate(RagMethod.TOLERANCE, polarity, beyond, *args).status is Status.RED


@given(boundary_cases())
def test_with_improvement_the_tolerance_edge_is_green_and_beyond_needs_improvement(case):
    polarity, target, tolerance, allowed, unit, decimal_places = case
    worse = -polarity.sign
    at_limit = target + worse * allowed
    beyond = target + worse * (allowed + unit)
    method = RagMethod.TOLERANCE_WITH_IMPROVEMENT
    args = (target, tolerance, decimal_places)
    assert rate(method, polarity, at_limit, *args).status is Status.GREEN
    assert rate(method, polarity, beyond, *args).status is Status.RED
    last_year_worse = beyond + worse * unit
    assert rate(method, polarity, beyond, *args, last_year=last_year_worse).status is Status.AMBER


@given(
    method=st.sampled_from(TOLERANCE_METHODS),
    polarity=polarities,
    target=values,
    tolerance=tolerances,
    decimal_places=places,
)
def test_a_result_on_target_is_green(method, polarity, target, tolerance, decimal_places):
    assert rate(method, polarity, target, target, tolerance, decimal_places).status is Status.GREEN


@given(
    method=st.sampled_from(list(RagMethod)),
    polarity=st.sampled_from(list(Polarity)),
    actual=optional_values,
    target=optional_values,
    bounds=st.none() | st.lists(values, min_size=2, max_size=2).map(sorted),
    forecast=optional_values,
    tolerance=tolerances,
    unit=units,
    decimal_places=places,
    last_year=optional_values,
    judgement=st.sampled_from([None, Status.GREEN, Status.AMBER, Status.RED]),
    overdue=st.booleans(),
)
def test_every_explanation_is_a_sentence_starting_with_its_status_word(
    method,
    polarity,
    actual,
    target,
    bounds,
    forecast,
    tolerance,
    unit,
    decimal_places,
    last_year,
    judgement,
    overdue,
):
    lower, upper = bounds or (None, None)
    rating = rag_for(
        method=method,
        polarity=polarity,
        actual=actual,
        target=target,
        lower=lower,
        upper=upper,
        forecast=forecast,
        annual=Goal(target, lower, upper),
        tolerance=tolerance,
        unit=unit,
        decimal_places=decimal_places,
        last_year_actual=last_year,
        last_year_label="2008/09 Q2",
        judgement=judgement,
        overdue=overdue,
    )
    assert rating.explanation.startswith(f"{rating.status.word}: ")
    assert rating.explanation.endswith(".")


@given(
    method=st.sampled_from(TOLERANCE_METHODS),
    polarity=polarities,
    actual=values,
    target=values,
    tolerance=tolerances,
    unit=units,
    decimal_places=places,
)
def test_a_rated_explanation_names_the_actual_and_the_target_as_printed(
    method, polarity, actual, target, tolerance, unit, decimal_places
):
    rating = rag_for(
        method=method,
        polarity=polarity,
        actual=actual,
        target=target,
        tolerance=tolerance,
        unit=unit,
        decimal_places=decimal_places,
    )
    assert rating.status.is_rated
    assert f"{format_value(actual, unit, decimal_places)} is " in rating.explanation
    assert f"the target of {format_value(target, unit, decimal_places)}" in rating.explanation
