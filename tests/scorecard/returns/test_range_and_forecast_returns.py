"""A range measure is rated against its bounds, and a forecast against the annual target."""

from decimal import Decimal

import pytest

from scorecard.models import Target
from scorecard.returns.services import return_save
from tests.support.periods import open_period

pytestmark = pytest.mark.django_db
D = Decimal


@pytest.fixture
def budget_variance(measure, q3):
    """Budget variance, good within -2% to +2%, Amber within one point outside."""
    measure.polarity, measure.tolerance_amount, measure.tolerance_is_percent = "range", 1, False
    measure.allows_out_of_range = True
    measure.save()
    Target.objects.filter(measure=measure, period=q3).update(value=0, lower=-2, upper=2)
    return measure


@pytest.fixture
def sickness(measure, q3):
    """Sick days, lower is better, rated by the year-end forecast against 6.3 days a year."""
    measure.unit, measure.polarity, measure.decimal_places = "days", "lower", 2
    measure.rag_method = "forecast"
    measure.tolerance_amount = 5
    measure.save()
    Target.objects.filter(measure=measure, period=q3).update(value=D("4.725"))
    Target.objects.create(measure=measure, period=open_period("2009/10"), value=D("6.3"))
    return measure


def save(user, measure, period, submit=False, **values):
    values.setdefault("commentary", "Explained.")
    return return_save(
        user=user, item=measure, period=period, values=values, version=0, submit=submit
    )


def test_a_range_measure_outside_its_bounds_is_amber_and_says_which_bound(
    officer, budget_variance, q3
):
    result = save(officer, budget_variance, q3, actual=D("2.6"))
    assert result.rag == "amber"
    assert result.rag_explanation.startswith(
        "Amber: 2.6% is 0.6 percentage points above the upper bound of 2.0%"
    )


def test_a_range_measure_inside_its_bounds_is_green(officer, budget_variance, q3):
    result = save(officer, budget_variance, q3, actual=D("-1.5"))
    assert result.rag == "green"
    assert "within the range of -2.0% to 2.0%" in result.rag_explanation


def test_a_forecast_on_the_annual_target_rates_green_though_the_quarter_is_behind(
    officer, sickness, q3
):
    result = save(officer, sickness, q3, actual=D("5.1"), forecast=D("6.2"))
    assert result.forecast == D("6.2")
    assert result.rag == "green"
    assert result.rag_explanation == (
        "Green: the year-end forecast of 6.20 days is on or better than the annual target of "
        "6.30 days."
    )


def test_a_forecast_beyond_the_tolerance_is_red_and_needs_corrective_action(officer, sickness, q3):
    from scorecard.returns.services import ReturnInvalid

    with pytest.raises(ReturnInvalid) as refused:
        save(officer, sickness, q3, submit=True, actual=D("4.7"), forecast=D("7"))
    assert "corrective_action" in refused.value.errors
    result = save(
        officer,
        sickness,
        q3,
        submit=True,
        actual=D("4.7"),
        forecast=D("7"),
        corrective_action="Plan.",
    )
    assert result.rag == "red"
    assert "the year-end forecast of 7.00 days is 11.1% worse" in result.rag_explanation
