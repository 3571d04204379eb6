"""Sign-in is throttled: after too many wrong passwords the account is locked for a while, even
against the right password, and says so in plain words; the performance team can unlock it
(issue 13: 30 wrong passwords in ten seconds were refused one by one, then the right one worked).
"""

import pytest
from django.core.management import call_command
from django.urls import reverse

from tests.support.factories import PASSWORD

pytestmark = pytest.mark.django_db

LOGIN = "/accounts/login/"


def sign_in(client, username: str, password: str):
    return client.post(LOGIN, {"username": username, "password": password})


def is_signed_in(client) -> bool:
    return client.get("/dashboard/").status_code == 200


def test_thirty_wrong_passwords_then_the_right_one_is_refused(client, viewer):
    for _ in range(30):
        assert sign_in(client, viewer.username, "wrong").status_code in (200, 429)
    response = sign_in(client, viewer.username, PASSWORD)
    assert response.status_code == 429
    assert not is_signed_in(client)


def test_the_lockout_is_explained_in_plain_words(client, viewer, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, viewer.username, "wrong")
    page = sign_in(client, viewer.username, PASSWORD).content.decode()
    assert "Sign-in is locked for this account" in page
    assert f"{settings.AXES_FAILURE_LIMIT} wrong passwords in a row" in page
    assert "Try again in 30 minutes" in page
    assert "ask the performance team to unlock it" in page


def test_a_few_wrong_passwords_then_the_right_one_signs_in(client, viewer, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert sign_in(client, viewer.username, "wrong").status_code == 200
    assert sign_in(client, viewer.username, PASSWORD).status_code == 302
    assert is_signed_in(client)


def test_someone_else_can_still_sign_in_from_the_same_place(client, viewer, officer, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, viewer.username, "wrong")
    assert sign_in(client, officer.username, PASSWORD).status_code == 302


def test_the_lock_is_lifted_by_the_unlock_command(client, viewer, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, viewer.username, "wrong")
    assert sign_in(client, viewer.username, PASSWORD).status_code == 429
    call_command("axes_reset_username", viewer.username, verbosity=0)
    assert sign_in(client, viewer.username, PASSWORD).status_code == 302


def test_the_lock_is_lifted_in_the_set_up_pages(client, viewer, admin_user, settings):
    from axes.models import AccessAttempt

    for _ in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, viewer.username, "wrong")
    attempt = AccessAttempt.objects.get(username=viewer.username)
    admin = type(client)()
    admin.force_login(admin_user)
    listing = admin.get(reverse("admin:axes_accessattempt_changelist")).content.decode()
    assert viewer.username in listing
    unlocked = admin.post(
        reverse("admin:axes_accessattempt_changelist"),
        {"action": "unlock", "_selected_action": [attempt.pk]},
        follow=True,
    )
    assert f"Sign-in unlocked for {viewer.username}." in unlocked.content.decode()
    assert sign_in(client, viewer.username, PASSWORD).status_code == 302


def test_only_a_superuser_sees_the_lockouts(client, performance_team):
    client.force_login(performance_team)
    response = client.get(reverse("admin:axes_accessattempt_changelist"))
    # The Django admin is for superusers only (issue 12): anyone else is sent to its sign-in.
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))
