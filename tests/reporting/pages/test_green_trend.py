"""The dashboard's trend: the share of rated items that were Green, over the last eight quarters."""

from decimal import Decimal

import pytest
from django.urls import reverse

from reporting.dashboard import build_dashboard, green_trend
from scorecard.models import Result
from scorecard.rules.rag import Status
from tests.support.councils import measure, small_council, update
from tests.support.factories import ActionFactory
from tests.support.pages import cells, main, table
from tests.support.periods import period

pytestmark = pytest.mark.django_db


@pytest.fixture
def council_q2(council):
    return small_council()


def test_each_point_is_the_share_green_of_that_quarters_ratings(council_q2):
    points = green_trend(period("2009/10 Q2"))

    assert [p.label for p in points][-2:] == ["2009/10 Q1", "2009/10 Q2"]
    # Q2: NI 192 Green, NI 191 Amber, BV 012 Red, the action Amber. LPI 017 is NCI: no rating.
    assert points[-1].rated == 4
    assert points[-1].percent_green == Decimal("25.00")
    # Q1: only NI 192 had a target, and it was Green.
    assert points[-2].rated == 1
    assert points[-2].percent_green == Decimal("100.00")


def test_a_quarter_with_nothing_rated_has_no_point_and_the_table_says_so(as_viewer, council_q2):
    points = green_trend(period("2009/10 Q2"))
    trend = table(
        main(as_viewer.get(reverse("dashboard")).content), "Share of rated items that were Green"
    )

    assert points[0].label == "2007/08 Q3"
    assert points[0].percent_green is None
    assert cells(trend.find("tbody").find_all("tr")[0]) == ["2007/08 Q3", "–"]
    assert cells(trend.find("tbody").find_all("tr")[-1]) == ["2009/10 Q2", "25.0%"]


def test_a_draft_rating_is_not_in_the_trend(council_q2):
    draft = measure(targets={"2009/10 Q2": "40"}, results={"2009/10 Q2": "45"})
    Result.objects.filter(measure=draft).update(status="draft")

    assert green_trend(period("2009/10 Q2"))[-1].rated == 4


def test_the_trends_point_for_the_chosen_quarter_agrees_with_the_rag_mix(council_q2):
    measure(
        "LPI 900",
        frequency="annual",
        targets={"2008/09": "70"},
        results={"2008/09": "72"},
    )
    board = build_dashboard(period("2009/10 Q2"))

    # NI 192 and the annual LPI 900, whose last year over by Q2 is 2008/09
    assert board.overall.count(Status.GREEN) == 2
    assert board.trend[-1].percent_green == board.overall.percent(Status.GREEN)


def test_a_quarters_point_is_the_same_whichever_later_quarter_the_dashboard_shows(council_q2):
    measure("LPI 900", frequency="annual", targets={"2009/10": "70"}, results={"2009/10": "72"})
    update(ActionFactory(code="CIP02.1.1"), "2009/10 Q3", "green")

    on_q2 = build_dashboard(period("2009/10 Q2")).trend[-1]
    on_q3 = build_dashboard(period("2009/10 Q3")).trend[-2]

    assert on_q2.label == on_q3.label == "2009/10 Q2"
    assert on_q3.percent_green == on_q2.percent_green
