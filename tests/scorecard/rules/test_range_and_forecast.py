from decimal import Decimal

import pytest

from scorecard.rules.rag import (
    Goal,
    Polarity,
    RagMethod,
    Status,
    Tolerance,
    parse_polarity,
    parse_rag_method,
    rag_for,
)
from scorecard.rules.travel import Direction, direction_of_travel

D = Decimal
RANGE = Polarity.RANGE
ONE_POINT = Tolerance(D(1), is_percent=False)


def budget_variance(actual, **kwargs):
    """Budget variance, good within -2% to +2%, Amber within one percentage point outside."""
    kwargs.setdefault("method", RagMethod.TOLERANCE)
    kwargs.setdefault("tolerance", ONE_POINT)
    return rag_for(
        polarity=RANGE,
        actual=D(actual),
        target=D(0),
        lower=D(-2),
        upper=D(2),
        unit="%",
        decimal_places=1,
        **kwargs,
    )


def test_range_polarity_reads_as_councils_write_it():
    assert parse_polarity("Within a range is better") is RANGE
    assert parse_polarity("within a RANGE is better") is RANGE
    assert parse_polarity("range") is RANGE
    assert RANGE.label == "Within a range is better"


@pytest.mark.parametrize("actual", ["-2", "0", "1.5", "2"])
def test_a_result_inside_the_range_bounds_included_is_green(actual):
    rating = budget_variance(actual)
    assert rating.status is Status.GREEN
    assert rating.explanation.endswith("is within the range of -2.0% to 2.0%.")


def test_a_result_just_outside_the_range_within_the_tolerance_is_amber_and_says_so():
    rating = budget_variance("2.6")
    assert rating.status is Status.AMBER
    assert rating.explanation == (
        "Amber: 2.6% is 0.6 percentage points above the upper bound of 2.0%, outside the range "
        "of -2.0% to 2.0%, within the tolerance of 1 percentage point."
    )


def test_a_result_beyond_the_tolerance_below_the_range_is_red():
    rating = budget_variance("-3.5")
    assert rating.status is Status.RED
    assert "1.5 percentage points below the lower bound of -2.0%" in rating.explanation
    assert "beyond the tolerance" in rating.explanation


def test_a_percentage_tolerance_outside_a_range_is_a_percentage_of_its_middle():
    common = {
        "method": RagMethod.TOLERANCE,
        "polarity": RANGE,
        "target": D(100),
        "lower": D(90),
        "upper": D(110),
        "tolerance": Tolerance(D(5), is_percent=True),
    }
    assert rag_for(actual=D(115), **common).status is Status.AMBER
    assert rag_for(actual=D(85), **common).status is Status.AMBER
    assert rag_for(actual=D(116), **common).status is Status.RED
    below = rag_for(actual=D(85), **common)
    assert "the tolerance of 5% of the range's middle, 5" in below.explanation


def test_a_range_measure_without_bounds_is_not_rated():
    rating = rag_for(
        method=RagMethod.TOLERANCE, polarity=RANGE, actual=D(1), target=D(0), tolerance=None
    )
    assert rating.status is Status.NOT_RATED
    assert "no range (lower and upper bound) for this period" in rating.explanation


def test_with_improvement_outside_a_range_moving_toward_it_is_amber():
    kwargs = {"method": RagMethod.TOLERANCE_WITH_IMPROVEMENT, "last_year_label": "2008/09 Q2"}
    assert budget_variance("4", last_year_actual=D("5.5"), **kwargs).status is Status.AMBER
    worse = budget_variance("4", last_year_actual=D("-0.5"), **kwargs)
    assert worse.status is Status.RED
    assert worse.explanation.endswith("and worse than -0.5% in 2008/09 Q2.")


def test_direction_of_travel_for_a_range_moves_toward_its_middle():
    def travel(current, previous):
        return direction_of_travel(
            polarity=RANGE, current=D(current), previous=D(previous), middle=D(0)
        )

    assert travel("1", "3") is Direction.IMPROVED
    assert travel("-1", "3") is Direction.IMPROVED
    assert travel("3", "-1") is Direction.WORSE
    assert travel("-2", "2") is Direction.SAME
    no_middle = direction_of_travel(polarity=RANGE, current=D(1), previous=D(3))
    assert no_middle is None


# --- Forecast against annual target ---------------------------------------------------------


def sickness_forecast(forecast, annual="6.3", **kwargs):
    return rag_for(
        method=RagMethod.FORECAST,
        polarity=Polarity.LOWER,
        actual=D("3.4"),
        target=D("3.15"),
        forecast=None if forecast is None else D(forecast),
        annual=Goal(None if annual is None else D(annual)),
        tolerance=Tolerance(D(5), is_percent=True),
        unit="days",
        decimal_places=2,
        **kwargs,
    )


def test_forecast_method_is_labelled_as_councils_say_it():
    assert RagMethod.FORECAST.label == "Forecast against annual target"
    assert parse_rag_method("Forecast against annual target") is RagMethod.FORECAST


def test_a_forecast_on_the_annual_target_is_green_though_the_quarter_is_behind():
    rating = sickness_forecast("6.2")
    assert rating.status is Status.GREEN
    assert rating.explanation == (
        "Green: the year-end forecast of 6.20 days is on or better than the annual target of "
        "6.30 days."
    )


def test_a_forecast_worse_than_the_annual_target_is_rated_by_the_tolerance():
    amber = sickness_forecast("6.5")
    assert amber.status is Status.AMBER
    assert amber.explanation == (
        "Amber: the year-end forecast of 6.50 days is 3.2% worse than the annual target of "
        "6.30 days, within the tolerance of 5%."
    )
    assert sickness_forecast("6.7").status is Status.RED


def test_without_a_forecast_or_an_annual_target_the_result_is_not_rated_and_says_why():
    no_forecast = sickness_forecast(None)
    assert no_forecast.status is Status.NOT_RATED
    assert "no year-end forecast was given" in no_forecast.explanation
    no_annual = sickness_forecast("6.2", annual=None)
    assert no_annual.status is Status.NOT_RATED
    assert "no annual target for the year" in no_annual.explanation


def test_a_missing_result_is_still_nci_when_rated_by_forecast():
    rating = rag_for(
        method=RagMethod.FORECAST,
        polarity=Polarity.LOWER,
        actual=None,
        target=None,
        tolerance=None,
        forecast=D(6),
        overdue=True,
    )
    assert rating.status is Status.NCI


def test_a_range_measure_rated_by_forecast_uses_the_annual_range():
    rating = rag_for(
        method=RagMethod.FORECAST,
        polarity=RANGE,
        actual=D(5),
        target=D(0),
        tolerance=ONE_POINT,
        forecast=D("1.5"),
        annual=Goal(D(0), D(-2), D(2)),
    )
    assert rating.status is Status.GREEN
    assert "the year-end forecast of 2 is within the annual range of -2 to 2" in rating.explanation
