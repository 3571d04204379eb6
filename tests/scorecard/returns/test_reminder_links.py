"""Reminder emails link to returns by absolute address: an email has no page to be relative to."""

import re
from io import StringIO

import pytest
from django.conf import settings
from django.core import mail
from django.core.management import call_command

from tests.support.periods import open_period
from tests.support.returns import action_for, measure_for

pytestmark = pytest.mark.django_db

LINK = re.compile(r"\S*/returns/\S*")


def test_every_link_in_a_reminder_is_absolute_and_opens_the_return(client, officer):
    q3 = open_period("2009/10 Q3", days_left=3)
    measure_for(officer, q3, code="NI 192")
    action_for(officer, code="CIP01.1.3")
    call_command("send_reminders", "--days", "7", stdout=StringIO())
    links = LINK.findall(mail.outbox[0].body)
    assert len(links) == 3  # two returns and the list of them all
    client.force_login(officer)
    for link in links:
        assert link.startswith(settings.SITE_URL.rstrip("/") + "/returns/"), link
        assert re.match(r"https?://[^/]+/", link), link
        assert client.get(link.removeprefix(settings.SITE_URL.rstrip("/"))).status_code == 200
