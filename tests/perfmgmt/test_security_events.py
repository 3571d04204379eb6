"""Security events reach the `perfmgmt.security` logger as one JSON object per line, naming who
and from where, for a council's log collector (issue 13). Read back through the formatter the
settings configure, and parsed."""

import json

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from scorecard.models import Role
from tests.support.factories import PASSWORD, ResultFactory

pytestmark = pytest.mark.django_db

LOGIN = "/accounts/login/"


def named(lines: list[dict], event: str) -> list[dict]:
    return [line for line in lines if line["event"] == event]


def test_a_sign_in_is_logged_with_the_user_and_address(client, viewer, events):
    client.post(LOGIN, {"username": viewer.username, "password": PASSWORD})
    [line] = named(events(), "sign_in")
    assert line["user"] == viewer.username
    assert line["user_id"] == viewer.pk
    assert line["ip"] == "127.0.0.1"
    assert line["logger"] == "perfmgmt.security"
    assert line["time"].endswith("Z") or "+00:00" in line["time"]


def test_a_failed_sign_in_is_logged_without_the_password(client, viewer, events):
    client.post(LOGIN, {"username": viewer.username, "password": "hunter2-guess"})
    [line] = named(events(), "sign_in_failed")
    assert line["user"] == viewer.username
    assert "hunter2" not in json.dumps(events())


def test_a_lockout_is_logged(client, viewer, events, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(LOGIN, {"username": viewer.username, "password": "wrong"})
    [line] = named(events(), "locked_out")
    assert line["user"] == viewer.username
    assert len(named(events(), "sign_in_failed")) == settings.AXES_FAILURE_LIMIT


def test_a_sign_out_is_logged(client, viewer, events):
    client.force_login(viewer)
    client.post(reverse("logout"))
    [line] = named(events(), "sign_out")
    assert line["user"] == viewer.username


def test_a_forbidden_page_is_logged_with_its_address(client, viewer, events):
    client.force_login(viewer)
    assert client.get("/returns/approvals/").status_code == 403
    [line] = named(events(), "forbidden")
    assert line["user"] == viewer.username
    assert line["path"] == "/returns/approvals/"
    assert line["status"] == 403


def test_a_download_is_logged_as_an_export(client, performance_team, events):
    ResultFactory()  # a period with a result: the scorecard has something to download
    client.force_login(performance_team)
    response = client.get("/scorecard/", {"download": "xlsx"})
    assert response.headers["Content-Disposition"].startswith("attachment")
    [line] = named(events(), "export")
    assert line["user"] == performance_team.username
    assert line["path"] == "/scorecard/"
    assert line["file"].endswith(".xlsx")


def test_a_role_given_or_taken_is_logged(viewer, events):
    team = Group.objects.get_or_create(name=Role.PERFORMANCE_TEAM.value)[0]
    viewer.groups.add(team)
    viewer.groups.remove(team)
    added, removed = named(events(), "roles_added"), named(events(), "roles_removed")
    assert [(line["target"], line["roles"]) for line in added] == [
        (viewer.username, [Role.PERFORMANCE_TEAM.value])
    ]
    assert [line["target"] for line in removed] == [viewer.username]


def test_superuser_status_given_is_logged(viewer, events):
    viewer.is_superuser = True
    viewer.save()
    [line] = named(events(), "privileges_changed")
    assert line["target"] == viewer.username
    assert line["is_superuser"] is True


def test_an_unlock_is_logged(client, viewer, admin_user, events, settings):
    from axes.models import AccessAttempt

    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(LOGIN, {"username": viewer.username, "password": "wrong"})
    client.force_login(admin_user)
    client.post(
        reverse("admin:axes_accessattempt_changelist"),
        {"action": "unlock", "_selected_action": [AccessAttempt.objects.get().pk]},
    )
    [line] = named(events(), "unlocked")
    assert line["user"] == admin_user.username
    assert line["target"] == viewer.username


def test_an_idle_sign_out_is_logged(client, viewer, events, settings):
    from perfmgmt.security.middleware import LAST_SEEN

    client.force_login(viewer)
    client.get("/dashboard/")
    session = client.session
    session[LAST_SEEN] -= settings.SESSION_IDLE_TIMEOUT + 1
    session.save()
    client.get("/dashboard/")
    [line] = named(events(), "signed_out_idle")
    assert line["user"] == viewer.username
