"""API tokens in the security log (issue 14 with issue 13): made, revoked, and refused when a
revoked or expired one is used, each one JSON line a log collector reads without the secret."""

import json
import logging
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from rest_framework.test import APIClient

from perfmgmt.security.events import JsonLines
from scorecard.models import ApiToken
from scorecard.services.tokens import token_create
from tests.support.factories import PASSWORD

pytestmark = pytest.mark.django_db


@pytest.fixture
def security_lines(caplog):
    """The security events logged during the test, as the JSON lines the log file holds."""
    caplog.set_level(logging.INFO, logger="perfmgmt.security")
    formatter = JsonLines()

    def read(event: str) -> list[dict]:
        lines = [
            json.loads(formatter.format(record))
            for record in caplog.records
            if record.name == "perfmgmt.security"
        ]
        return [line for line in lines if line["event"] == event]

    return read


def _call(secret: str) -> int:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {secret}")
    return client.get("/api/v1/periods/").status_code


def test_making_a_token_is_a_security_event_without_its_secret(client, officer, security_lines):
    client.login(username=officer.username, password=PASSWORD)
    response = client.post(reverse("api-tokens"), {"name": "Power BI", "days": "30"})
    secret = response.context["created"].secret
    [line] = security_lines("api_token_created")
    token = ApiToken.objects.get(user=officer)
    assert line["user"] == officer.username and line["ip"] == "127.0.0.1"
    assert line["token_id"] == token.pk and line["token"] == "Power BI"
    assert line["expires"] == token.expires.date().isoformat()
    assert secret not in json.dumps(line)


def test_revoking_a_token_is_a_security_event(client, officer, security_lines):
    made = token_create(user=officer, name="BI")
    client.login(username=officer.username, password=PASSWORD)
    client.post(reverse("api-token-revoke", args=[made.token.pk]))
    [line] = security_lines("api_token_revoked")
    assert line["user"] == officer.username and line["token_id"] == made.token.pk


def test_using_a_revoked_token_is_logged_as_refused_with_its_owner(client, officer, security_lines):
    made = token_create(user=officer, name="BI")
    client.login(username=officer.username, password=PASSWORD)
    client.post(reverse("api-token-revoke", args=[made.token.pk]))
    assert _call(made.secret) == 401
    [line] = security_lines("api_token_refused")
    assert line["reason"] == "revoked" and line["token_id"] == made.token.pk
    assert line["target"] == officer.username and line["path"] == "/api/v1/periods/"
    assert made.secret not in json.dumps(line)


def test_using_an_expired_token_is_logged_as_refused(officer, security_lines):
    made = token_create(user=officer, name="BI", days=1)
    ApiToken.objects.filter(pk=made.token.pk).update(expires=timezone.now() - timedelta(hours=1))
    assert _call(made.secret) == 401
    [line] = security_lines("api_token_refused")
    assert line["reason"] == "expired" and line["token_id"] == made.token.pk


def test_an_unknown_token_is_logged_as_refused_without_what_was_sent(db, security_lines):
    assert _call("guessed-secret-value") == 401
    [line] = security_lines("api_token_refused")
    assert line["reason"] == "unknown" and "token_id" not in line
    assert "guessed" not in json.dumps(line)


def test_a_good_token_is_not_a_security_event(officer, security_lines):
    assert _call(token_create(user=officer, name="BI").secret) == 200
    assert security_lines("api_token_refused") == []
