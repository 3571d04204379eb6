"""A monthly measure's profile sets its quarters' targets too, as its months roll up to them."""

from decimal import Decimal

import pytest

from scorecard.models import Result, Target
from scorecard.returns import services
from scorecard.services.targets import profiled_targets_derive
from tests.support.factories import TargetFactory
from tests.support.periods import open_period, period
from tests.support.returns import measure_for

pytestmark = pytest.mark.django_db
D = Decimal
MONTHS = ("Apr 2009", "May 2009", "Jun 2009", "Jul 2009", "Aug 2009", "Sep 2009")


@pytest.fixture
def months(db):
    return [open_period(label) for label in MONTHS]


def sickness(officer, directorate, **fields):
    """Days lost to sickness per FTE, monthly, lower is better, 6.3 days a year, even."""
    made = {
        "code": "LPI 012",
        "title": "Working days lost to sickness",
        "unit": "days",
        "polarity": "lower",
        "frequency": "monthly",
        "decimal_places": 2,
        "target_profile": "even",
        "directorate": directorate,
    }
    measure = measure_for(officer, None, target=None, **{**made, **fields})
    TargetFactory(measure=measure, period=open_period("2009/10"), value=D("6.3"))
    profiled_targets_derive(measure_ids=[measure.pk])
    return measure


def target_of(measure, label) -> Target:
    return Target.objects.get(measure=measure, period__label=label)


def enter(officer, approver, measure, label, actual):
    ret = services.return_save(
        user=officer,
        item=measure,
        period=period(label),
        values={
            "actual": D(actual),
            "commentary": "As expected.",
            "corrective_action": "Return-to-work interviews within two days.",
        },
        version=0,
        submit=True,
    )
    return services.return_approve(user=approver, ret=ret)


def test_a_summed_monthly_measures_quarter_carries_the_sum_of_its_months_shares(
    officer, approver, directorate, months
):
    measure = sickness(officer, directorate, aggregation="sum")
    assert target_of(measure, "Jul 2009").value == D("0.525")
    q2 = target_of(measure, "2009/10 Q2")
    assert q2.value == D("1.575")
    assert q2.derivation == (
        "2009/10 Q2 target 1.58 days = 25% of the annual 6.30 days by the council's profile "
        "(even, the sum of July to September)"
    )
    for label, actual in zip(MONTHS[3:], ("0.5", "0.6", "0.4"), strict=True):
        enter(officer, approver, measure, label, actual)
    rolled = Result.objects.get(measure=measure, period__label="2009/10 Q2")
    assert rolled.actual == D("1.5")
    assert rolled.rag == "green"
    assert "1.58 days" in rolled.rag_explanation


def test_a_year_to_date_monthly_measures_quarter_carries_the_running_share(
    officer, approver, directorate, months
):
    measure = sickness(officer, directorate, cumulative=True, aggregation="sum")
    q2 = target_of(measure, "2009/10 Q2")
    assert q2.value == D("3.15")
    assert q2.derivation == (
        "2009/10 Q2 target 3.15 days = 50% of the annual 6.30 days by the council's profile "
        "(even, year to date, April to September)"
    )
    for label in MONTHS:
        enter(officer, approver, measure, label, "0.55")
    rolled = Result.objects.get(measure=measure, period__label="2009/10 Q2")
    assert rolled.actual == D("3.3")  # April to September: over the running 3.15
    assert rolled.rag == "amber"


def test_a_monthly_snapshots_quarter_is_held_to_the_annual_target(officer, directorate, months):
    measure = sickness(officer, directorate, aggregation="average")
    assert target_of(measure, "2009/10 Q2").value == D("6.3")
    assert target_of(measure, "Jul 2009").value == D("6.3")


def test_a_year_to_date_percentage_is_held_to_the_annual_percentage(officer, directorate, months):
    measure = sickness(officer, directorate, cumulative=True, measure_type="ratio", unit="%")
    assert target_of(measure, "2009/10 Q2").value == D("6.3")
    assert target_of(measure, "Jul 2009").value == D("6.3")


def test_a_year_to_date_month_is_rated_by_its_year_to_date_against_the_running_target(
    officer, approver, directorate, months
):
    measure = sickness(officer, directorate, cumulative=True, aggregation="sum")
    enter(officer, approver, measure, "Apr 2009", "0.5")
    enter(officer, approver, measure, "May 2009", "0.5")
    may = Result.objects.get(measure=measure, period__label="May 2009")
    # 1.00 day by May against the running 1.05 (10% of 6.3 by the end of May): Green,
    # though May's own 0.5 days would have been Red against the running target of 1.05.
    assert may.rag == "green"
    assert may.rag_explanation.startswith(
        "Year to date 1.00 days, the sum of April to May (May alone 0.50 days), rated against "
        "the year-to-date target. Green"
    )
    june = services.return_save(
        user=officer,
        item=measure,
        period=period("Jun 2009"),
        values={"actual": D("0.7"), "commentary": "Winter flu came early."},
        version=0,
        submit=True,
    )
    # 1.70 days by June against 1.575: Amber within the 10% tolerance, no corrective action.
    assert june.rag == "amber"
    assert "Year to date 1.70 days, the sum of April to June" in june.rag_explanation
