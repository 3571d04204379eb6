"""The performance team and superusers confirm each sign-in with a one-time code from an
authenticator app (issue 13); other roles sign in with their password alone.

Codes are computed in the test from the key the enrolment page shows, as a phone would.
"""

import re
import time

import pytest
from django.urls import reverse

from tests.support.factories import PASSWORD
from tests.support.totp import totp

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def codes_required(settings):
    """On as in production (the rest of the suite signs in with force_login)."""
    settings.ONE_TIME_CODES_REQUIRED = True


LOGIN = "/accounts/login/"
SETUP = "/accounts/one-time-codes/set-up/"
VERIFY = "/accounts/one-time-codes/"


def sign_in(client, user, next_page: str = "/dashboard/"):
    return client.post(LOGIN, {"username": user.username, "password": PASSWORD, "next": next_page})


def shown_key(page: str) -> str:
    """The key the page shows for typing into an app, in groups of four."""
    found = re.search(r'<code id="totp-key" class="code">([A-Z2-7 ]+)</code>', page)
    assert found, "no key shown"
    return found.group(1).replace(" ", "")


def enrol(client, user) -> str:
    sign_in(client, user)
    key = shown_key(client.get(SETUP).content.decode())
    response = client.post(SETUP, {"code": totp(key), "next": "/dashboard/"})
    assert response.status_code == 302, response.content.decode()[-2000:]
    return key


def test_the_performance_team_is_sent_to_set_up_codes_after_their_password(
    client, performance_team
):
    response = sign_in(client, performance_team)
    assert client.get("/dashboard/").url.startswith(SETUP)
    page = client.get(SETUP).content.decode()
    assert "<svg" in page and 'role="img"' in page and "QR code" in page
    assert "https://" not in page.split("<svg", 1)[1].split("</svg>", 1)[0]  # drawn here, no CDN
    assert len(shown_key(page)) >= 32
    assert response.status_code == 302


def test_a_correct_code_completes_set_up_and_opens_the_app(client, performance_team):
    enrol(client, performance_team)
    assert client.get("/dashboard/").status_code == 200


def test_a_wrong_code_at_set_up_is_refused_and_says_why(client, performance_team):
    sign_in(client, performance_team)
    key = shown_key(client.get(SETUP).content.decode())
    wrong = str((int(totp(key)) + 1) % 1_000_000).zfill(6)
    page = client.post(SETUP, {"code": wrong}).content.decode()
    assert "That code is not right" in page
    assert shown_key(page) == key  # the same key: the app already holds it
    assert client.get("/dashboard/").status_code == 302


def test_the_next_sign_in_asks_for_a_code_and_accepts_the_current_one(client, performance_team):
    key = enrol(client, performance_team)
    client.post(reverse("logout"))
    sign_in(client, performance_team)
    assert client.get("/dashboard/").url.startswith(VERIFY)
    # A code from the next 30 seconds: the one just used to enrol cannot be used twice.
    code = totp(key, at=time.time() + 30)
    response = client.post(VERIFY, {"code": code, "next": "/dashboard/"})
    assert response.status_code == 302 and response.url == "/dashboard/"
    assert client.get("/dashboard/").status_code == 200


def test_a_wrong_code_at_sign_in_is_refused(client, performance_team):
    key = enrol(client, performance_team)
    client.post(reverse("logout"))
    sign_in(client, performance_team)
    wrong = str((int(totp(key, at=time.time() + 30)) + 1) % 1_000_000).zfill(6)
    page = client.post(VERIFY, {"code": wrong}).content.decode()
    assert "That code is not right" in page
    assert client.get("/dashboard/").url.startswith(VERIFY)


def test_an_old_code_is_refused(client, performance_team):
    key = enrol(client, performance_team)
    client.post(reverse("logout"))
    sign_in(client, performance_team)
    client.post(VERIFY, {"code": totp(key, at=time.time() - 300)})
    assert client.get("/dashboard/").url.startswith(VERIFY)


def test_a_superuser_needs_a_code_for_the_set_up_pages_too(client, admin_user):
    admin_user.set_password(PASSWORD)
    admin_user.save()
    sign_in(client, admin_user, "/admin/")
    assert client.get("/admin/").url.startswith(SETUP)


def test_an_officer_signs_in_with_a_password_alone(client, officer):
    sign_in(client, officer)
    assert client.get("/dashboard/").status_code == 200


def test_the_set_up_page_needs_a_password_sign_in_first(client):
    assert client.get(SETUP).url.startswith(LOGIN)


def test_production_requires_one_time_codes():
    from tests.support.production import production_setting

    assert production_setting("ONE_TIME_CODES_REQUIRED") == ["True"]


def test_a_superuser_removes_a_lost_authenticator_and_its_owner_sets_up_again(
    client, performance_team, admin_user
):
    from django_otp.plugins.otp_totp.models import TOTPDevice

    enrol(client, performance_team)
    device = TOTPDevice.objects.get(user=performance_team)
    admin = type(client)()
    admin_user.set_password(PASSWORD)
    admin_user.save()
    enrol(admin, admin_user)  # the superuser confirms their own sign-in with a code too
    changelist = reverse("admin:otp_totp_totpdevice_changelist")
    page = admin.post(
        changelist, {"action": "remove", "_selected_action": [device.pk]}, follow=True
    ).content.decode()
    assert f"Authenticator removed for {performance_team.username}." in page
    client.post(reverse("logout"))
    sign_in(client, performance_team)
    assert client.get("/dashboard/").url.startswith(SETUP)
