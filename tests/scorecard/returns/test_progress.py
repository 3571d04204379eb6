"""The performance team's view of the quarter: who has submitted, who is late, what waits for
approval, by directorate (issue 12: the performance team lands on it)."""

import pytest
from django.urls import reverse

from scorecard.models import Role
from tests.support.factories import ActionUpdateFactory, ResultFactory
from tests.support.pages import main, row_cells, table
from tests.support.periods import open_period
from tests.support.returns import measure_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def late_quarter(officer, officer2, directorate, elsewhere):
    """2009/10 Q3, its deadline passed: one return submitted, one approved, three not handed in."""
    q3 = open_period("2009/10 Q3", days_left=-2)
    submitted = measure_for(officer, q3, code="NI 192", directorate=directorate)
    approved = measure_for(officer, q3, code="NI 193", directorate=directorate)
    measure_for(officer, q3, code="NI 194", title="Missed bins", directorate=directorate)
    draft = measure_for(
        officer2, q3, code="BV 012", title="Sickness absence", directorate=elsewhere
    )
    ResultFactory(measure=submitted, period=q3, status="submitted")
    ResultFactory(measure=approved, period=q3, status="approved")
    ResultFactory(measure=draft, period=q3, status="draft")
    return q3


def progress(client):
    return main(client.get(reverse("returns:progress")).content)


def test_the_team_sees_each_directorates_progress(client, team_member, late_quarter):
    client.force_login(team_member)

    page = progress(client)

    by_directorate = table(page, "2009/10 Q3: progress by directorate")
    assert row_cells(by_directorate, "Environment & Economy") == {
        "Directorate": "Environment & Economy",
        "Due": "3",
        "Waiting for approval": "1",
        "Approved": "1",
        "Late": "1",
        "Not yet submitted": "0",
    }
    assert row_cells(by_directorate, "Resources")["Late"] == "1"
    assert row_cells(by_directorate, "All directorates")["Due"] == "4"


def test_the_team_sees_who_is_late(client, team_member, officer2, late_quarter):
    client.force_login(team_member)

    late = row_cells(table(progress(client), "2009/10 Q3: late returns"), "BV 012")

    assert "Sickness absence" in late["Item"]
    assert late["Directorate"] == "Resources"
    assert officer2.get_full_name() in late["Who updates it"]
    assert late["Where it stands"] == "Overdue"


def test_returns_waiting_for_approval_link_to_the_queue(client, team_member, late_quarter):
    client.force_login(team_member)

    links = [a.get("href") for a in progress(client).find_all("a")]

    assert reverse("returns:approvals") in links


def test_an_action_counts_with_the_measures(client, team_member, officer, directorate, action):
    q3 = open_period("2009/10 Q3")
    ActionUpdateFactory(action=action, period=q3, status="submitted")
    client.force_login(team_member)

    by_directorate = table(progress(client), "2009/10 Q3: progress by directorate")

    assert row_cells(by_directorate, "Environment & Economy")["Waiting for approval"] == "1"


def test_with_no_period_open_the_page_says_so(client, team_member):
    client.force_login(team_member)

    assert "No period is open for returns" in progress(client).text


@pytest.mark.parametrize("role", [Role.OFFICER, Role.APPROVER, Role.VIEWER, Role.COMMITTEE_CLERK])
def test_only_the_performance_team_sees_progress(client, role_user, role):
    client.force_login(role_user(role, "someone"))

    assert client.get(reverse("returns:progress")).status_code == 403
