"""Helpers for the browser journeys: people who sign in, and signing in and out."""

import re

from django.contrib.auth.models import Group
from playwright.sync_api import expect

from scorecard.models import OfficerProfile, Role
from tests.support.factories import PASSWORD, UserFactory


def person(username: str, role: Role, directorate=None, **fields):
    """A user with one role (and a directorate), who signs in with the shared password."""
    user = UserFactory(username=username, **fields)
    user.groups.add(Group.objects.get_or_create(name=role.value)[0])
    if directorate is not None:
        OfficerProfile.objects.update_or_create(user=user, defaults={"directorate": directorate})
    return user


def sign_in(page, user):
    page.goto("/accounts/login/")
    page.get_by_label("Username").fill(user.username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("button", name=re.compile("Sign out"))).to_be_visible()


def sign_out(page):
    page.get_by_role("button", name=re.compile("Sign out")).click()
