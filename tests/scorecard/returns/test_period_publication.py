"""The performance team publishes a period's approved results on the public pages once it is
locked, or before with a reason, and takes it off again with a reason (issue 14)."""

import pytest
from django.urls import reverse

from scorecard.models import AuditEntry, ReportingPeriod
from scorecard.returns.period_services import period_publish, period_unpublish
from scorecard.returns.services import ReturnInvalid, ReturnRefused
from tests.support.periods import period

pytestmark = pytest.mark.django_db


def locked(label: str = "2009/10 Q2") -> ReportingPeriod:
    found = period(label)
    ReportingPeriod.objects.filter(pk=found.pk).update(state="locked")
    found.refresh_from_db()
    return found


def test_the_team_publishes_a_locked_period_from_its_page(client, performance_team):
    q2 = locked()
    client.force_login(performance_team)
    page = client.get(reverse("returns:period", args=[q2.pk])).content.decode()
    assert "Publish 2009/10 Q2" in page and "Not published" in page
    response = client.post(reverse("returns:period", args=[q2.pk]), {"op": "publish"}, follow=True)
    q2.refresh_from_db()
    assert q2.is_published
    assert "2009/10 Q2 is published on the public pages." in response.content.decode()
    entry = AuditEntry.objects.get()
    assert entry.user == performance_team and entry.summary == "Published: 2009/10 Q2"


def test_the_periods_list_says_which_are_published(client, performance_team):
    period_publish(user=performance_team, period=locked())
    period("2009/10 Q3")
    client.force_login(performance_team)
    page = client.get(reverse("returns:periods")).content.decode()
    assert "Published" in page and "Not published" in page


def test_an_unlocked_period_needs_a_reason_to_be_published(client, performance_team):
    q3 = period("2009/10 Q3")
    client.force_login(performance_team)
    page = client.post(reverse("returns:period", args=[q3.pk]), {"op": "publish"})
    assert "There is a problem" in page.content.decode()
    assert "give a reason for publishing it before sign-off" in page.content.decode()
    q3.refresh_from_db()
    assert not q3.is_published and not AuditEntry.objects.exists()
    client.post(
        reverse("returns:period", args=[q3.pk]),
        {"op": "publish", "publication-reason": "Scrutiny asked for the figures early."},
    )
    q3.refresh_from_db()
    assert q3.is_published
    assert AuditEntry.objects.get().reason == "Scrutiny asked for the figures early."


def test_unpublishing_needs_a_reason_and_is_audited(client, performance_team):
    q2 = locked()
    period_publish(user=performance_team, period=q2)
    client.force_login(performance_team)
    page = client.post(reverse("returns:period", args=[q2.pk]), {"op": "unpublish"})
    assert "Give a reason for unpublishing the period." in page.content.decode()
    client.post(
        reverse("returns:period", args=[q2.pk]),
        {"op": "unpublish", "publication-reason": "A figure was wrong."},
    )
    q2.refresh_from_db()
    assert not q2.is_published
    entry = AuditEntry.objects.order_by("-pk").first()
    assert entry.summary == "Unpublished: 2009/10 Q2" and entry.reason == "A figure was wrong."


def test_only_the_performance_team_publishes(officer, approver, viewer):
    q2 = locked()
    for user in (officer, approver, viewer):
        with pytest.raises(ReturnRefused, match="Only the performance team publishes"):
            period_publish(user=user, period=q2)
    assert not AuditEntry.objects.exists()


def test_others_cannot_reach_the_button(client, approver):
    q2 = locked()
    client.force_login(approver)
    response = client.post(reverse("returns:period", args=[q2.pk]), {"op": "publish"})
    assert response.status_code == 403
    q2.refresh_from_db()
    assert not q2.is_published


def test_publishing_twice_or_unpublishing_an_unpublished_period_is_refused(performance_team):
    q2 = locked()
    period_publish(user=performance_team, period=q2)
    with pytest.raises(ReturnRefused, match="already published"):
        period_publish(user=performance_team, period=q2)
    period_unpublish(user=performance_team, period=q2, reason="Wrong")
    with pytest.raises(ReturnRefused, match="not published"):
        period_unpublish(user=performance_team, period=q2, reason="Again")
    with pytest.raises(ReturnInvalid):
        period_publish(user=performance_team, period=period("2009/10 Q3"), reason="  ")
