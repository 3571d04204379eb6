"""A monthly measure's quarter, rolled up from its months, is what reports show, explained."""

from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from reporting.scorecard_rows import scorecard_rows
from scorecard.models import Measure, ReturnStatus
from scorecard.services.rating import results_rerate
from scorecard.services.rollup import rollups_refresh
from tests.support.councils import measure
from tests.support.factories import ResultFactory, TargetFactory
from tests.support.pages import main, row, table
from tests.support.periods import period

pytestmark = pytest.mark.django_db

DERIVATION = "Q2 value 64.0% = 1,280 / 2,000, the sum of July to September"


@pytest.fixture
def rehoused(council):
    """Households re-housed as a % of those on the register: a monthly ratio measure."""
    made = measure(
        "LPI 040",
        title="Households re-housed",
        frequency="monthly",
        measure_type="ratio",
        decimal_places=1,
        polarity="higher",
    )
    TargetFactory(measure=made, period=period("2009/10 Q2"), value=Decimal("60"))
    for label, numerator, denominator in (
        ("Jul 2009", 400, 600),
        ("Aug 2009", 480, 700),
        ("Sep 2009", 400, 700),
    ):
        ResultFactory(
            measure=made,
            period=period(label),
            actual=None,
            numerator=Decimal(numerator),
            denominator=Decimal(denominator),
        )
    results_rerate(measure_ids=[made.pk], results=rollups_refresh(measure_ids=[made.pk]))
    return made


def test_the_scorecard_shows_the_quarter_and_says_how_it_was_made(rehoused):
    (shown,) = scorecard_rows(
        period("2009/10 Q2"), Measure.objects.filter(pk=rehoused.pk), today=date(2012, 1, 1)
    )
    assert shown.period_label == "2009/10 Q2"
    assert shown.actual == Decimal("64")
    assert shown.explanation.startswith(f"{DERIVATION}. Green: 64.0% ")
    assert not shown.provisional


def test_a_quarter_with_a_month_awaiting_approval_is_provisional(rehoused):
    rehoused.results.filter(period__label="Aug 2009").update(status=ReturnStatus.SUBMITTED)
    rollups_refresh(measure_ids=[rehoused.pk])
    (shown,) = scorecard_rows(
        period("2009/10 Q2"), Measure.objects.filter(pk=rehoused.pk), today=date(2012, 1, 1)
    )
    assert shown.provisional
    assert "provisional: no approved figure for August 2009" in shown.explanation


def test_the_measure_page_explains_the_rolled_up_quarter(as_viewer, rehoused):
    page = main(as_viewer.get(reverse("measure", args=["LPI 040"])).content)
    quarter = row(table(page, "Targets, results and commentary by period"), "2009/10 Q2")
    assert DERIVATION in quarter.text
    assert "64.0%" in quarter.text
