import pytest

from scorecard.models import Role


@pytest.fixture
def approver(role_user):
    return role_user(Role.APPROVER)


@pytest.fixture
def team(client, team_member):
    client.force_login(team_member)
    return client
