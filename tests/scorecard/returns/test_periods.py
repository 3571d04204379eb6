"""The performance team opens and closes periods, sets deadlines and locks quarters."""

from datetime import date

import pytest
from django.urls import reverse

from scorecard.models import AuditEntry, ReportingPeriod
from tests.support.periods import period

pytestmark = pytest.mark.django_db


def test_the_team_opens_a_new_period_with_a_deadline(client, performance_team):
    client.force_login(performance_team)
    response = client.post(
        reverse("returns:periods"), {"label": "Q3 2009/10", "deadline": "2010-01-29"}
    )
    assert response.status_code == 302
    created = ReportingPeriod.objects.get(label="2009/10 Q3")
    assert created.state == "open" and created.deadline == date(2010, 1, 29)


def test_a_bad_label_is_explained(client, performance_team):
    client.force_login(performance_team)
    page = client.post(reverse("returns:periods"), {"label": "Q5 2009/10"}).content.decode()
    assert "There is a problem" in page and "quarters are Q1 to Q4" in page
    assert not ReportingPeriod.objects.exists()


@pytest.mark.parametrize(
    "start, op, expected",
    [("open", "close", "closed"), ("closed", "open", "open"), ("closed", "lock", "locked")],
)
def test_open_close_and_lock(client, performance_team, start, op, expected):
    q3 = period("2009/10 Q3")
    ReportingPeriod.objects.filter(pk=q3.pk).update(state=start)
    client.force_login(performance_team)
    client.post(reverse("returns:period", args=[q3.pk]), {"op": op})
    q3.refresh_from_db()
    assert q3.state == expected
    entry = AuditEntry.objects.get()
    assert entry.user == performance_team and entry.changes["state"][1] == expected.title()


def test_the_deadline_is_moved_and_audited(client, performance_team):
    q3 = period("2009/10 Q3")
    old = q3.deadline
    client.force_login(performance_team)
    client.post(
        reverse("returns:period", args=[q3.pk]), {"op": "deadline", "deadline": "2010-02-12"}
    )
    q3.refresh_from_db()
    assert q3.deadline == date(2010, 2, 12)
    assert AuditEntry.objects.get().changes == {"deadline": [old.isoformat(), "2010-02-12"]}


def test_a_locked_period_cannot_be_reopened_without_unlocking_with_a_reason(
    client, performance_team
):
    q3 = period("2009/10 Q3")
    ReportingPeriod.objects.filter(pk=q3.pk).update(state="locked")
    client.force_login(performance_team)
    client.post(reverse("returns:period", args=[q3.pk]), {"op": "open"})
    q3.refresh_from_db()
    assert q3.state == "locked"
    page = client.post(
        reverse("returns:period", args=[q3.pk]), {"op": "unlock", "reason": ""}
    ).content.decode()
    assert "Give a reason for unlocking the period" in page
    client.post(reverse("returns:period", args=[q3.pk]), {"op": "unlock", "reason": "Restated."})
    q3.refresh_from_db()
    assert q3.state == "closed"
    assert AuditEntry.objects.get().reason == "Restated."


@pytest.mark.parametrize("who", ["officer", "viewer"])
def test_only_the_performance_team_manages_periods(client, request, who):
    q3 = period("2009/10 Q3")
    client.force_login(request.getfixturevalue(who))
    assert client.get(reverse("returns:periods")).status_code == 403
    assert client.post(reverse("returns:period", args=[q3.pk]), {"op": "lock"}).status_code == 403
    q3.refresh_from_db()
    assert q3.state == "open"


def test_the_pages_query_counts_are_bounded(
    client, performance_team, django_assert_max_num_queries
):
    for label in ["2009/10 Q1", "2009/10 Q2", "2009/10 Q3", "2009/10 Q4", "2009/10"]:
        period(label)
    client.force_login(performance_team)
    with django_assert_max_num_queries(10):
        client.get(reverse("returns:periods"))
    with django_assert_max_num_queries(14):
        client.get(reverse("returns:period", args=[period("2009/10 Q3").pk]))
