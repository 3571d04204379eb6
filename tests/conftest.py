"""Fixtures shared by the whole suite: one user per role, and an outsider."""

from pathlib import Path

import pytest
from django.contrib.auth.models import Group

from scorecard.models import Role
from tests.support.factories import UserFactory


def pytest_report_header(config):
    """Say at the top of every run whether the browser tests will run."""
    if not Path("/usr/bin/chromium").exists():
        return "browser tests: SKIPPED, no Chromium at /usr/bin/chromium (apt-get install chromium)"
    return "browser tests: run in /usr/bin/chromium"


@pytest.fixture
def role_user(db):
    """Make a user who holds one role (or none), with a known password."""

    def make(role: Role | None, username: str | None = None, **fields):
        user = UserFactory(
            username=username or (role.name.lower() if role else "outsider"), **fields
        )
        if role is not None:
            user.groups.add(Group.objects.get_or_create(name=role.value)[0])
        return user

    return make


@pytest.fixture
def officer(role_user):
    return role_user(Role.OFFICER)


@pytest.fixture
def viewer(role_user):
    return role_user(Role.VIEWER)


@pytest.fixture
def performance_team(role_user):
    return role_user(Role.PERFORMANCE_TEAM, is_staff=True)


@pytest.fixture
def team_member(performance_team):
    """A member of the performance team whose permissions come from the data migration that
    makes the groups."""
    performance_team.groups.set([Group.objects.get(name=Role.PERFORMANCE_TEAM.value)])
    return performance_team


@pytest.fixture
def setup_superuser(role_user):
    """A superuser in the performance team: the Django admin is for superusers only (issue 12);
    the team uses the set-up pages."""
    return role_user(Role.PERFORMANCE_TEAM, username="superuser", is_staff=True, is_superuser=True)


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache: the pages keep rated items in it
    (reporting/page_cache.py), and a test's data must not meet another test's."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()
