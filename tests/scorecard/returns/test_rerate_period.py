"""The performance team re-rates a signed-off quarter deliberately, with a reason, audited."""

from decimal import Decimal

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from scorecard.models import AuditEntry, Measure
from scorecard.returns.period_services import period_rerate
from scorecard.returns.services import ReturnInvalid, ReturnRefused
from tests.support.signoff import ratings

pytestmark = pytest.mark.django_db

REASON = "Cabinet agreed the 5% tolerance applies from Q1."


@pytest.fixture
def tightened(measure, quarters):
    """The tolerance tightened from 10% to 5% after Q1 and Q2 were signed off Amber."""
    Measure.objects.filter(pk=measure.pk).update(tolerance_amount=Decimal("5"))
    return quarters


def test_the_performance_team_rerates_a_locked_quarter_with_a_reason(
    team_member, measure, tightened
):
    q1 = tightened[0]
    before = ratings(measure)
    changed = period_rerate(period=q1, user=team_member, reason=REASON)
    after = ratings(measure)
    assert len(changed) == 1
    assert after["2009/10 Q1"][0] == "red" and "5%" in after["2009/10 Q1"][1]
    assert after["2009/10 Q2"] == before["2009/10 Q2"]  # only the quarter asked for
    entry = AuditEntry.objects.get(summary__startswith="Re-rated: ")
    assert entry.summary == f"Re-rated: NI 192 {q1.label}"
    assert entry.user == team_member and entry.reason == REASON
    assert entry.changes["rag"] == ["Amber", "Red"]
    period_entry = AuditEntry.objects.get(summary__startswith="Re-rated 1 result")
    assert period_entry.item == q1 and period_entry.reason == REASON


def test_an_officer_or_approver_cannot_rerate_a_quarter(officer, approver, measure, tightened):
    q1 = tightened[0]
    before = ratings(measure)
    for user in (officer, approver):
        with pytest.raises(ReturnRefused, match="only the performance team|Only the performance"):
            period_rerate(period=q1, user=user, reason=REASON)
    assert ratings(measure) == before
    assert not AuditEntry.objects.exists()


def test_re_rating_without_a_reason_is_refused(team_member, measure, tightened):
    before = ratings(measure)
    with pytest.raises(ReturnInvalid) as refused:
        period_rerate(period=tightened[0], user=team_member, reason="  ")
    assert "reason" in refused.value.errors
    assert ratings(measure) == before
    assert not AuditEntry.objects.exists()


def test_the_periods_page_rerates_a_locked_quarter_with_a_reason(
    client, team_member, measure, tightened
):
    q1 = tightened[0]
    client.force_login(team_member)
    url = reverse("returns:period", args=[q1.pk])
    assert "Re-rate 2009/10 Q1" in client.get(url).content.decode()
    page = client.post(url, {"op": "rerate", "rerate-reason": REASON}, follow=True)
    text = page.content.decode()
    assert "1 result re-rated" in text
    assert "now Red without a corrective action" in text
    assert ratings(measure)["2009/10 Q1"][0] == "red"
    assert "Re-rated: NI 192 2009/10 Q1" not in text  # the period's history lists the period's
    assert "Re-rated 1 result: 2009/10 Q1" in text and REASON in text


def test_the_periods_page_asks_for_a_reason_and_changes_nothing(
    client, team_member, measure, tightened
):
    q1 = tightened[0]
    before = ratings(measure)
    client.force_login(team_member)
    page = client.post(
        reverse("returns:period", args=[q1.pk]), {"op": "rerate", "rerate-reason": ""}
    )
    text = page.content.decode()
    assert page.status_code == 200
    assert "There is a problem" in text and "Give a reason for re-rating the period." in text
    assert 'href="#id_rerate-reason"' in text
    assert ratings(measure) == before


def test_others_cannot_post_a_rerate_to_the_periods_page(client, approver, measure, tightened):
    before = ratings(measure)
    client.force_login(approver)
    response = client.post(
        reverse("returns:period", args=[tightened[0].pk]),
        {"op": "rerate", "rerate-reason": REASON},
    )
    assert response.status_code == 403
    assert ratings(measure) == before


def test_an_open_periods_page_offers_no_rerate(client, team_member, q3):
    client.force_login(team_member)
    page = client.get(reverse("returns:period", args=[q3.pk])).content.decode()
    assert "Re-rate" not in page


def test_the_command_rerates_a_quarter_as_a_team_member(team_member, measure, tightened, capsys):
    call_command("rerate_period", "2009/10 Q2", reason=REASON, user=team_member.username)
    assert "NI 192: Amber → Red" in capsys.readouterr().out
    assert ratings(measure)["2009/10 Q2"][0] == "red"
    assert AuditEntry.objects.filter(reason=REASON, user=team_member).count() == 2


def test_the_command_refuses_someone_outside_the_team_or_without_a_reason(
    officer, team_member, measure, tightened
):
    before = ratings(measure)
    with pytest.raises(CommandError, match="performance team"):
        call_command("rerate_period", "2009/10 Q2", reason=REASON, user=officer.username)
    with pytest.raises(CommandError, match="reason"):
        call_command("rerate_period", "2009/10 Q2", reason=" ", user=team_member.username)
    assert ratings(measure) == before
