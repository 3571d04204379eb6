"""manage.py send_reminders: a digest per officer of what is due soon and what is overdue."""

from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command

from scorecard.models import ReportingPeriod, Role
from tests.support.factories import ResultFactory
from tests.support.periods import open_period
from tests.support.returns import action_for, measure_for

pytestmark = pytest.mark.django_db


def test_each_officer_gets_one_digest_of_due_and_overdue(officer, officer2):
    soon = open_period("2009/10 Q3", days_left=3)
    late = open_period("2009/10 Q2", days_left=-2)
    measure_for(officer, soon, code="NI 192")
    measure_for(officer, late, code="NI 191")
    action_for(officer, code="CIP01.1.3")
    measure_for(officer2, soon, code="BV 012")
    call_command("send_reminders", "--days", "7", stdout=StringIO())
    assert len(mail.outbox) == 2
    mine = next(m for m in mail.outbox if m.to == [officer.email])
    # Every quarterly item is due in both quarters: three late in Q2, three due in Q3.
    assert mine.subject == "Performance returns: 3 overdue, 3 due soon"
    assert "NI 191" in mine.body and "No Current Information" in mine.body
    assert "NI 192" in mine.body and "CIP01.1.3" in mine.body
    assert "BV 012" not in mine.body


def test_returns_due_later_than_n_days_are_not_mentioned(officer):
    later = open_period("2009/10 Q3", days_left=20)
    measure_for(officer, later, code="NI 192")
    call_command("send_reminders", "--days", "7", stdout=StringIO())
    assert mail.outbox == []
    call_command("send_reminders", "--days", "30", stdout=StringIO())
    assert len(mail.outbox) == 1


def test_submitted_returns_and_closed_periods_are_not_chased(officer):
    q3 = open_period("2009/10 Q3", days_left=2)
    done = measure_for(officer, q3, code="NI 192")
    ResultFactory(measure=done, period=q3, status="submitted")
    closed = open_period("2009/10 Q2", days_left=-5)
    ReportingPeriod.objects.filter(pk=closed.pk).update(state="closed")  # NI 192 late there
    call_command("send_reminders", stdout=StringIO())
    assert mail.outbox == []


def test_an_officer_without_email_is_reported(role_user, capsys):
    nomail = role_user(Role.OFFICER, "nomail", email="")
    q3 = open_period("2009/10 Q3", days_left=1)
    measure_for(nomail, q3, code="NI 192")
    call_command("send_reminders")
    assert mail.outbox == []
    assert "nomail has returns to make but no email address" in capsys.readouterr().err
