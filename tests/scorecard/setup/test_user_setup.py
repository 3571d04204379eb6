"""The performance team invites people, gives them roles and directorates, and deactivates
them; every role change is audited."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse

from scorecard.models import AuditEntry, Role
from scorecard.setup.services import fingerprint
from tests.support.factories import DirectorateFactory, UserFactory
from tests.support.setup import error_summary

pytestmark = pytest.mark.django_db
User = get_user_model()


def invite(client, **fields):
    data = {
        "email": "Jo.Bloggs@council.example",
        "first_name": "Jo",
        "last_name": "Bloggs",
        "job_title": "Waste officer",
        "roles": [Role.OFFICER.value],
    }
    data.update(fields)
    with_commit = client.post(reverse("setup:user_invite"), data)
    return with_commit


def test_an_invited_officer_sets_a_password_from_the_email_and_signs_in(
    client, team, django_capture_on_commit_callbacks
):
    directorate = DirectorateFactory(name="Environment")
    with django_capture_on_commit_callbacks(execute=True):
        response = invite(team, directorate=directorate.pk)
    assert response.status_code == 302, error_summary(response.content.decode())
    account = User.objects.get(email="jo.bloggs@council.example")
    assert not account.has_usable_password()
    assert account.profile.directorate == directorate
    assert list(account.groups.values_list("name", flat=True)) == ["Officer"]
    entry = AuditEntry.objects.get(summary__startswith="Invited")
    assert entry.changes["Roles"] == ["", "Officer"]
    (email,) = mail.outbox
    assert email.to == ["jo.bloggs@council.example"]
    link = re.search(r"https?://\S+/accounts/reset/\S+", email.body).group(0)
    client.logout()
    path = link.split("://", 1)[1].split("/", 1)[1]
    form = client.get("/" + path, follow=True)
    assert "Choose your password" in form.content.decode()
    new = {"new_password1": "a-long-new-passphrase", "new_password2": "a-long-new-passphrase"}
    done = client.post(form.redirect_chain[-1][0], new, follow=True)
    assert "Your password is saved" in done.content.decode()
    assert client.login(username="jo.bloggs@council.example", password=new["new_password1"])


def test_inviting_an_email_already_known_is_refused_on_the_email_field(team):
    UserFactory(username="jo", email="jo.bloggs@council.example")
    page = invite(team).content.decode()
    assert "Email: jo.bloggs@council.example already has an account" in error_summary(page)
    assert 'value="Bloggs"' in page


def test_changing_roles_is_audited_with_the_reason(team, team_member):
    account = UserFactory(username="sam")
    data = {
        "email": account.email,
        "first_name": account.first_name,
        "last_name": account.last_name,
        "roles": [Role.APPROVER.value],
        "directorate": DirectorateFactory(name="Resources").pk,
        "reason": "Became head of service",
        "loaded": fingerprint(account),
    }
    response = team.post(reverse("setup:user", args=[account.pk]), data)
    assert response.status_code == 302, error_summary(response.content.decode())
    entry = AuditEntry.objects.get()
    assert entry.user == team_member
    assert entry.changes["Roles"] == ["", "Approver"]
    assert entry.changes["Directorate"] == ["", "Resources"]
    assert entry.reason == "Became head of service"


def test_deactivating_stops_sign_in_and_is_audited(client, team):
    account = UserFactory(username="leaver")
    response = team.post(reverse("setup:user", args=[account.pk]), {"op": "deactivate"})
    assert response.status_code == 302
    account.refresh_from_db()
    assert not account.is_active
    assert AuditEntry.objects.get().changes == {"Active": ["Yes", "No"]}
    client.logout()
    assert not client.login(username="leaver", password="correct-horse-battery-staple")


def test_the_team_cannot_deactivate_itself_or_change_a_superuser(team, team_member):
    team.post(reverse("setup:user", args=[team_member.pk]), {"op": "deactivate"})
    team_member.refresh_from_db()
    assert team_member.is_active
    boss = UserFactory(username="boss", is_superuser=True)
    team.post(reverse("setup:user", args=[boss.pk]), {"op": "deactivate"})
    boss.refresh_from_db()
    assert boss.is_active
    assert not AuditEntry.objects.exists()


def test_user_list_query_count_is_bounded(team, django_assert_max_num_queries, role_user):
    for n in range(30):
        role_user(Role.OFFICER, username=f"officer{n}")
    with django_assert_max_num_queries(10):
        assert team.get(reverse("setup:users")).status_code == 200


def test_an_invitation_link_works_once(client, team, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        invite(team)
    link = re.search(r"https?://\S+/accounts/reset/\S+", mail.outbox[0].body).group(0)
    path = "/" + link.split("://", 1)[1].split("/", 1)[1]
    client.logout()
    form = client.get(path, follow=True)
    new = {"new_password1": "a-long-new-passphrase", "new_password2": "a-long-new-passphrase"}
    client.post(form.redirect_chain[-1][0], new)
    again = client.get(path, follow=True).content.decode()
    assert "This link no longer works" in again
