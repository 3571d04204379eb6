"""Report summaries through the API: the dashboard's own counts for a period, by objective and
by directorate, so a Power BI tile and the dashboard never disagree (issue 14, "Read")."""

import pytest

from reporting.dashboard import build_dashboard
from scorecard.models import Result, Role
from tests.support.councils import small_council
from tests.support.periods import period

pytestmark = pytest.mark.django_db
URL = "/api/v1/summaries/"
RAGS = ("green", "amber", "red", "nci", "not_rated", "awaiting_approval")


def _counts(summary) -> dict:
    return {name: getattr(summary, name) for name in RAGS}


@pytest.fixture
def q2(db):
    small_council()
    return period("2009/10 Q2")


def test_the_summary_gives_the_dashboards_counts_overall_and_by_objective_and_directorate(
    q2, bearer
):
    board = build_dashboard(q2)
    body = bearer(Role.VIEWER).get(URL, {"period": "2009/10 Q2"}).json()
    assert body["period"] == "2009/10 Q2"
    assert {k: body["overall"][k] for k in RAGS} == _counts(board.overall)
    assert body["overall"]["total"] == board.overall.total == 6
    assert body["overall_status"] == board.overall_status.status.word
    assert body["overall_status_explanation"] == board.overall_status.explanation
    by_objective = {row["code"]: {k: row[k] for k in RAGS} for row in body["by_objective"]}
    expected = {b.label.split(" ")[0]: _counts(b.summary) for b in board.by_objective}
    assert by_objective == expected and set(expected) == {"OBJ-A", "OBJ-B"}
    by_directorate = {row["name"]: {k: row[k] for k in RAGS} for row in body["by_directorate"]}
    assert by_directorate == {b.label: _counts(b.summary) for b in board.by_directorate}
    assert body["short_term"] == {"improved": 1, "same": 0, "worse": 2, "unknown": 2}


def test_the_summary_counts_measures_and_actions_apart(q2, bearer):
    body = bearer(Role.VIEWER).get(URL, {"period": "2009/10 Q2"}).json()
    assert body["measures"]["green"] == 1 and body["measures"]["total"] == 5
    assert body["actions"]["amber"] == 1 and body["actions"]["total"] == 1


def test_provisional_figures_are_counted_and_said_to_be_provisional(q2, bearer):
    Result.objects.filter(measure__code="NI 192", period=q2).update(status="submitted")
    body = bearer(Role.VIEWER).get(URL, {"period": "2009/10 Q2"}).json()
    assert body["overall"]["provisional"] == 1
    assert body["measures"]["provisional"] == 1 and body["actions"]["provisional"] == 0
    environment = {row["name"]: row for row in body["by_directorate"]}["Environment & Economy"]
    assert environment["provisional"] == 1


def test_without_a_period_the_summary_is_of_the_period_the_dashboard_opens_on(q2, bearer):
    assert bearer(Role.VIEWER).get(URL).json()["period"] == "2009/10 Q2"


def test_an_unknown_period_is_a_clear_404(q2, bearer):
    response = bearer(Role.VIEWER).get(URL, {"period": "1999/00 Q9"})
    assert response.status_code == 404
    assert "1999/00 Q9" in response.json()["detail"]


def test_with_nothing_reported_the_summary_says_so(db, bearer):
    response = bearer(Role.VIEWER).get(URL)
    assert response.status_code == 404
    assert "Nothing has been reported" in response.json()["detail"]


def test_the_summary_reads_in_a_bounded_number_of_queries(
    q2, bearer, django_assert_max_num_queries
):
    client = bearer(Role.VIEWER)
    with django_assert_max_num_queries(40):
        assert client.get(URL, {"period": "2009/10 Q2"}).status_code == 200
