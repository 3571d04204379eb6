"""Someone who leaves the app alone for 30 minutes (SESSION_IDLE_TIMEOUT) is signed out, and told
why when they come back; a session also ends SESSION_COOKIE_AGE after sign-in however busy
(issue 13: only the absolute limit applied)."""

import time

import pytest

from perfmgmt.security.middleware import LAST_SEEN, SIGNED_IN_AT

pytestmark = pytest.mark.django_db


@pytest.fixture
def signed_in(client, viewer):
    client.force_login(viewer)
    assert client.get("/dashboard/").status_code == 200
    return client


def age(client, key: str, seconds: float) -> None:
    """Move one of the session's timestamps into the past, as time passing would."""
    session = client.session
    session[key] = session[key] - seconds
    session.save()


def test_the_idle_limit_defaults_to_30_minutes(settings):
    assert settings.SESSION_IDLE_TIMEOUT == 30 * 60


def test_someone_idle_for_longer_than_the_limit_is_signed_out_and_told_why(signed_in, settings):
    age(signed_in, LAST_SEEN, settings.SESSION_IDLE_TIMEOUT + 1)
    response = signed_in.get("/dashboard/", follow=True)
    assert response.redirect_chain[0][0] == "/accounts/login/?next=/dashboard/"
    assert "You were signed out after 30 minutes without using the app" in response.content.decode()
    assert signed_in.get("/dashboard/").status_code == 302


def test_someone_who_keeps_working_stays_signed_in(signed_in, settings):
    age(signed_in, LAST_SEEN, settings.SESSION_IDLE_TIMEOUT - 60)
    assert signed_in.get("/dashboard/").status_code == 200
    age(signed_in, LAST_SEEN, settings.SESSION_IDLE_TIMEOUT - 60)
    assert signed_in.get("/dashboard/").status_code == 200
    assert time.time() - signed_in.session[LAST_SEEN] < 60


def test_a_session_ends_at_the_absolute_limit_however_busy(signed_in, settings):
    age(signed_in, SIGNED_IN_AT, settings.SESSION_COOKIE_AGE + 1)
    response = signed_in.get("/dashboard/", follow=True)
    assert "You were signed out: sessions last" in response.content.decode()
    assert signed_in.get("/dashboard/").status_code == 302


def test_the_idle_limit_is_a_setting(signed_in, settings):
    settings.SESSION_IDLE_TIMEOUT = 5 * 60
    age(signed_in, LAST_SEEN, 5 * 60 + 1)
    response = signed_in.get("/dashboard/", follow=True)
    assert "after 5 minutes without using the app" in response.content.decode()
