"""Direction of travel on /api/v1/results/: beside each result, short and long term, each with
its reason, judged as the scorecard judges it (issue 14, "Read": results with direction)."""

import pytest

from reporting.scorecard_rows import scorecard_rows
from scorecard.models import Measure, Result, Role
from tests.support.councils import small_council
from tests.support.periods import period

pytestmark = pytest.mark.django_db
URL = "/api/v1/results/"


@pytest.fixture
def q2_results(db, bearer):
    small_council()
    body = bearer(Role.VIEWER).get(URL, {"period": "2009/10 Q2"}).json()
    return {row["measure"]: row for row in body["results"]}


def test_each_result_says_which_way_it_moved_and_why(q2_results):
    recycling = q2_results["NI 192"]
    assert recycling["short_term"] == "improved"
    assert recycling["short_term_explanation"] == (
        "Improved: 45.0% against 41.0% in 2009/10 Q1; higher is better."
    )
    assert recycling["long_term"] == "same"
    assert recycling["long_term_explanation"].startswith("Same: 45.0% against 45.0% in 2008/09 Q2")
    sickness = q2_results["BV 012"]
    assert sickness["short_term"] == "worse"
    assert sickness["short_term_explanation"].endswith("in 2009/10 Q1; lower is better.")


def test_with_nothing_to_compare_with_the_direction_is_null_and_says_why(q2_results):
    residual = q2_results["NI 191"]
    assert residual["long_term"] is None
    assert residual["long_term_explanation"] == (
        "No direction: there is no figure for 2008/09 Q2 to compare with."
    )


def test_the_directions_are_the_scorecards(q2_results):
    rows = scorecard_rows(period("2009/10 Q2"), Measure.objects.all())
    for row in rows:
        if row.measure.code in q2_results and row.period_label == "2009/10 Q2":
            listed = q2_results[row.measure.code]
            assert listed["short_term"] == (row.short_term and row.short_term.value)
            assert listed["long_term"] == (row.long_term and row.long_term.value)


def test_a_year_to_date_measure_has_no_short_term_direction(db, bearer):
    small_council()
    Measure.objects.filter(code="NI 192").update(cumulative=True)
    body = bearer(Role.VIEWER).get(URL, {"period": "2009/10 Q2", "measure": "NI 192"}).json()
    [row] = body["results"]
    assert row["short_term"] is None and "year-to-date" in row["short_term_explanation"]
    assert row["long_term"] == "same"


def test_one_result_read_alone_has_its_direction_too(db, bearer):
    small_council()
    result = Result.objects.get(measure__code="BV 012", period__label="2009/10 Q2")
    row = bearer(Role.VIEWER).get(f"{URL}{result.pk}/").json()
    assert row["short_term"] == "worse"
