"""In-app notifications with a count in the header, and the same by email for those who want it:
returns sent back, returns waiting for approval, deadlines approaching (issue 12)."""

from decimal import Decimal
from io import StringIO

import pytest
from django.conf import settings
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from scorecard.models import Notification, OfficerProfile
from scorecard.returns import services
from tests.support.factories import ResultFactory
from tests.support.periods import open_period
from tests.support.returns import measure_for

pytestmark = pytest.mark.django_db

SITE = settings.SITE_URL.rstrip("/")  # emails link absolutely, from the site's address


@pytest.fixture
def emails(django_capture_on_commit_callbacks):
    """Emails leave once the service's transaction commits: run those callbacks."""

    def run(action):
        with django_capture_on_commit_callbacks(execute=True):
            return action()

    return run


def submit(officer, measure, q3, **values):
    return services.return_save(
        user=officer,
        item=measure,
        period=q3,
        values={"actual": Decimal("55"), **values},
        version=0,
        submit=True,
    )


def test_a_submitted_return_tells_its_directorates_approvers(
    officer, approver, other_approver, measure, q3, emails
):
    emails(lambda: submit(officer, measure, q3))
    note = Notification.objects.get()
    assert (note.user, note.kind) == (approver, "waiting")
    assert "NI 192 2009/10 Q3" in note.message and note.url == reverse("returns:approvals")
    assert len(mail.outbox) == 1 and mail.outbox[0].to == [approver.email]
    assert f"{SITE}/returns/approvals/" in mail.outbox[0].body


def test_a_draft_tells_nobody(officer, approver, measure, q3, emails):
    emails(
        lambda: services.return_save(
            user=officer, item=measure, period=q3, values={"actual": Decimal("55")}, version=0
        )
    )
    assert not Notification.objects.exists() and mail.outbox == []


def test_a_return_sent_back_tells_its_officer_with_the_comment(
    officer, approver, measure, q3, emails
):
    ret = ResultFactory(measure=measure, period=q3, status="submitted", entered_by=officer)
    emails(lambda: services.return_send_back(user=approver, ret=ret, comment="Check tonnage."))
    note = Notification.objects.get(user=officer)
    assert note.kind == "returned" and "Check tonnage." in note.message
    assert note.url == reverse("returns:edit", args=["measure", measure.pk, q3.pk])
    assert mail.outbox[0].to == [officer.email]
    assert f"{SITE}{note.url}" in mail.outbox[0].body


def test_someone_who_chose_no_email_is_told_in_the_app_only(officer, approver, measure, q3, emails):
    OfficerProfile.objects.filter(user=approver).update(email_notifications=False)
    emails(lambda: submit(officer, measure, q3))
    assert Notification.objects.filter(user=approver).count() == 1
    assert mail.outbox == []


def test_the_header_counts_unread_notifications_in_one_query(client, approver, officer):
    Notification.objects.create(user=approver, kind="waiting", message="One", url="/")
    Notification.objects.create(user=approver, kind="waiting", message="Two", url="/")
    Notification.objects.create(user=officer, kind="returned", message="Not theirs", url="/")
    client.force_login(approver)
    with CaptureQueriesContext(connection) as queries:
        page = client.get(reverse("accessibility")).content.decode()
    about_notes = [q for q in queries.captured_queries if "notification" in q["sql"].lower()]
    assert len(about_notes) == 1
    assert "Notifications" in page and '<span class="count">2</span>' in page


def test_the_notifications_page_lists_and_marks_read(client, approver):
    note = Notification.objects.create(
        user=approver, kind="waiting", message="NI 192 waits", url="/returns/approvals/"
    )
    client.force_login(approver)
    page = client.get(reverse("returns:notifications")).content.decode()
    assert "NI 192 waits" in page and "Unread" in page
    response = client.post(reverse("returns:notifications"), {"action": "read_all"})
    assert response.status_code == 302
    note.refresh_from_db()
    assert note.read_at is not None


def test_nobody_marks_anothers_notifications_read(client, approver, officer):
    theirs = Notification.objects.create(
        user=officer, kind="returned", message="Olivia's own note", url="/"
    )
    client.force_login(approver)
    client.post(reverse("returns:notifications"), {"action": "read_all"})
    theirs.refresh_from_db()
    assert theirs.read_at is None
    assert "Olivia" not in client.get(reverse("returns:notifications")).content.decode()


def test_each_user_chooses_email_or_not(client, approver):
    client.force_login(approver)
    client.post(reverse("returns:notifications"), {"action": "preferences"})
    assert OfficerProfile.objects.get(user=approver).email_notifications is False
    client.post(reverse("returns:notifications"), {"action": "preferences", "email": "on"})
    assert OfficerProfile.objects.get(user=approver).email_notifications is True


def test_deadline_reminders_are_notifications_too(officer):
    soon = open_period("2009/10 Q3", days_left=3)
    measure_for(officer, soon, code="NI 192")
    call_command("send_reminders", "--days", "7", stdout=StringIO())
    note = Notification.objects.get(user=officer)
    assert note.kind == "deadline" and "1 due soon" in note.message
    assert note.url == reverse("returns:mine")
    assert len(mail.outbox) == 1


def test_deadline_reminders_respect_the_choice_of_no_email(officer):
    OfficerProfile.objects.filter(user=officer).update(email_notifications=False)
    soon = open_period("2009/10 Q3", days_left=3)
    measure_for(officer, soon, code="NI 192")
    call_command("send_reminders", "--days", "7", stdout=StringIO())
    assert Notification.objects.filter(user=officer).count() == 1
    assert mail.outbox == []
