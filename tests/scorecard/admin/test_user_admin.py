"""Only superusers manage users and roles: no other role can make anyone a superuser or staff,
change their groups or reset their password, by any set-up page."""

import re

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from scorecard.models import Role
from tests.support.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def colleague(role_user):
    return role_user(Role.OFFICER, "colleague")


def every_role(role_user):
    """A staff user of each role, as if someone had let them into the set-up pages."""
    for role in Role:
        user = role_user(role, f"staff-{role.name.lower()}", is_staff=True)
        user.groups.set([Group.objects.get(name=role.value)])
        yield user


def user_form(user, **changes) -> dict:
    data = {
        "username": user.username,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "email": user.email,
        "is_active": "on",
        "is_staff": "on",
        "is_superuser": "on",
        "groups": [str(g.pk) for g in Group.objects.all()],
        "date_joined_0": "2009-10-01",
        "date_joined_1": "09:00:00",
        "profile-TOTAL_FORMS": "0",
        "profile-INITIAL_FORMS": "0",
        "profile-MIN_NUM_FORMS": "0",
        "profile-MAX_NUM_FORMS": "1",
    }
    data.update(changes)
    return data


def state(user) -> tuple:
    user.refresh_from_db()
    return (
        user.is_superuser,
        user.is_staff,
        sorted(user.groups.values_list("name", flat=True)),
        user.check_password(PASSWORD),
    )


EDITABLE = {"is_superuser", "is_staff", "groups", "password1", "permissions", "username"}


def fields_of(response) -> set[str]:
    """The names of the form fields a page offers."""
    return set(re.findall(r'name="([^"]+)"', response.content.decode()))


def refused(response) -> bool:
    return response.status_code in (403, 404) or (
        response.status_code == 302 and reverse("admin:login") in response["Location"]
    )


def test_the_performance_team_cannot_make_its_own_account_a_superuser(client, team_member):
    client.force_login(team_member)
    before = state(team_member)
    response = client.post(
        reverse("admin:auth_user_change", args=[team_member.pk]), user_form(team_member)
    )
    assert refused(response)
    assert state(team_member) == before


def test_no_role_can_change_anothers_account_groups_or_password(client, role_user, colleague):
    group = Group.objects.get(name=Role.VIEWER.value)
    for user in every_role(role_user):
        client.force_login(user)
        before, group_perms = state(colleague), list(group.permissions.all())
        pages = [
            (reverse("admin:auth_user_change", args=[colleague.pk]), user_form(colleague)),
            (
                reverse("admin:auth_user_password_change", args=[colleague.pk]),
                {"password1": "a-new-Pass-9731", "password2": "a-new-Pass-9731"},
            ),
            (reverse("admin:auth_user_add"), {"username": "sneaky", "usable_password": "false"}),
            (
                reverse("admin:auth_group_change", args=[group.pk]),
                {"name": "Viewer", "permissions": []},
            ),
            (reverse("admin:auth_user_delete", args=[colleague.pk]), {"post": "yes"}),
        ]
        for url, data in pages:
            page = client.get(url)
            assert refused(page) or not EDITABLE.intersection(fields_of(page)), (user, url)
            assert refused(client.post(url, data)), (user.username, url)
        assert state(colleague) == before
        assert list(group.permissions.all()) == group_perms
        assert not UserFactory._meta.model.objects.filter(username="sneaky").exists()


def test_a_superuser_finds_officers_to_name_on_a_measure(client, setup_superuser, colleague):
    client.force_login(setup_superuser)
    response = client.get(
        reverse("admin:autocomplete"),
        {
            "term": "colleague",
            "app_label": "scorecard",
            "model_name": "measure",
            "field_name": "updaters",
        },
    )
    assert response.status_code == 200
    assert "colleague" in response.content.decode()


def test_a_superuser_manages_users_and_roles(client, colleague):
    admin = UserFactory(username="root", is_superuser=True, is_staff=True)
    client.force_login(admin)
    response = client.post(
        reverse("admin:auth_user_password_change", args=[colleague.pk]),
        {"password1": "a-new-Pass-9731", "password2": "a-new-Pass-9731"},
    )
    assert response.status_code == 302
    colleague.refresh_from_db()
    assert colleague.check_password("a-new-Pass-9731")
