"""Personal API tokens: created in the browser and shown once, stored hashed, revoked, expired."""

import hashlib
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from rest_framework.test import APIClient

from scorecard.models import ApiToken, AuditEntry, Role
from scorecard.services.tokens import TokenRefused, token_create, token_revoke
from tests.support.factories import PASSWORD

pytestmark = pytest.mark.django_db
PERIODS = "/api/v1/periods/"


def _calls_with(secret: str) -> int:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {secret}")
    return client.get(PERIODS).status_code


def test_token_page_shows_the_new_token_once_and_stores_only_its_hash(client, officer):
    client.login(username=officer.username, password=PASSWORD)
    response = client.post(reverse("api-tokens"), {"name": "Power BI", "days": "30"})
    assert response.status_code == 200
    secret = response.context["created"].secret
    assert secret in response.content.decode()
    token = ApiToken.objects.get(user=officer)
    assert token.key_hash == hashlib.sha256(secret.encode()).hexdigest()
    assert secret not in {token.key_hash, token.prefix, token.name}
    assert secret.startswith(token.prefix)
    assert (token.expires - token.created).days == 30
    again = client.get(reverse("api-tokens")).content.decode()
    assert secret not in again and "Power BI" in again
    assert AuditEntry.objects.filter(summary__startswith="API token created: Power BI").exists()


def test_token_page_refuses_a_token_without_a_name_and_keeps_what_was_typed(client, officer):
    client.login(username=officer.username, password=PASSWORD)
    response = client.post(reverse("api-tokens"), {"name": "", "days": "4000"})
    assert response.status_code == 400
    page = response.content.decode()
    assert "There is a problem" in page and 'value="4000"' in page
    assert not ApiToken.objects.exists()


def test_the_token_page_needs_a_sign_in(client):
    response = client.get(reverse("api-tokens"))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_a_token_signs_the_caller_in_until_it_is_revoked(client, officer):
    made = token_create(user=officer, name="BI")
    assert _calls_with(made.secret) == 200
    client.login(username=officer.username, password=PASSWORD)
    response = client.post(reverse("api-token-revoke", args=[made.token.pk]))
    assert response.status_code == 302
    assert _calls_with(made.secret) == 401
    assert AuditEntry.objects.filter(summary__startswith="API token revoked: BI").exists()
    assert "Revoked" in client.get(reverse("api-tokens")).content.decode()


def test_an_expired_token_is_refused(officer):
    made = token_create(user=officer, name="BI", days=1)
    ApiToken.objects.filter(pk=made.token.pk).update(expires=timezone.now() - timedelta(seconds=1))
    assert _calls_with(made.secret) == 401


def test_an_unknown_or_malformed_token_is_refused_not_treated_as_anonymous(db):
    assert _calls_with("not-a-token") == 401
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION="Bearer two words")
    assert client.get(PERIODS).status_code == 401


def test_a_deactivated_users_token_stops_working(officer):
    made = token_create(user=officer, name="BI")
    officer.is_active = False
    officer.save()
    assert _calls_with(made.secret) == 401


def test_nobody_revokes_another_users_token(client, officer, role_user):
    made = token_create(user=officer, name="BI")
    other = role_user(Role.OFFICER, username="other")
    with pytest.raises(TokenRefused):
        token_revoke(user=other, token=made.token)
    client.login(username=other.username, password=PASSWORD)
    assert client.post(reverse("api-token-revoke", args=[made.token.pk])).status_code == 404
    assert _calls_with(made.secret) == 200


def test_using_a_token_notes_when_it_was_last_used(officer):
    made = token_create(user=officer, name="BI")
    _calls_with(made.secret)
    made.token.refresh_from_db()
    assert made.token.last_used is not None


def test_the_user_menu_links_to_api_tokens(client, viewer):
    client.login(username=viewer.username, password=PASSWORD)
    page = client.get(reverse("api-tokens")).content.decode()
    assert 'href="/api/tokens/"' in page and "API tokens" in page
