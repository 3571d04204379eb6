"""Single sign-on with OpenID Connect, end to end against a real provider (oidc-provider-mock)
run on a free port by the test: roles and directorate from the provider's groups, a disabled
user refused, a token signed with another key refused, local passwords switched off (issue 13).
"""

from urllib.parse import urlsplit

import httpx
import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import Client
from oidc_provider_mock import User, run_server_in_thread

from scorecard.models import Role
from scorecard.returns.audit import entries_about
from tests.support.factories import PASSWORD, DirectorateFactory

pytestmark = pytest.mark.django_db

ALICE = User(
    sub="alice-0001",
    claims={
        "email": "alice@council.example",
        "preferred_username": "alice",
        "given_name": "Alice",
        "family_name": "Moss",
        "groups": ["CPM-Performance-Team", "Dir-Environment", "All-Staff"],
    },
)
BOB = User(
    sub="bob-0002",
    claims={"email": "bob@council.example", "preferred_username": "bob", "groups": ["All-Staff"]},
)


def start(**kwargs):
    return run_server_in_thread(port=0, user_claims=[ALICE, BOB], **kwargs)


@pytest.fixture(scope="module")
def provider():
    with start() as server:
        yield f"http://localhost:{server.server_port}"


@pytest.fixture(scope="module")
def impostor():
    """A second provider: its keys are not the ones the app trusts."""
    with start() as server:
        yield f"http://localhost:{server.server_port}"


def configure(settings, provider: str, jwks_from: str | None = None) -> None:
    settings.OIDC_RP_CLIENT_ID = "performance"
    settings.OIDC_RP_CLIENT_SECRET = "s3cret"
    settings.OIDC_OP_AUTHORIZATION_ENDPOINT = f"{provider}/oauth2/authorize"
    settings.OIDC_OP_TOKEN_ENDPOINT = f"{provider}/oauth2/token"
    settings.OIDC_OP_USER_ENDPOINT = f"{provider}/userinfo"
    settings.OIDC_OP_JWKS_ENDPOINT = f"{jwks_from or provider}/jwks"
    settings.OIDC_VERIFY_KID = False  # the test provider publishes one key and names none
    settings.OIDC_ROLE_GROUPS = {
        "CPM-Performance-Team": Role.PERFORMANCE_TEAM.value,
        "All-Staff": Role.VIEWER.value,
    }
    settings.OIDC_DIRECTORATE_GROUPS = {"Dir-Environment": "Environment & Economy"}


@pytest.fixture
def sso(settings, provider):
    configure(settings, provider)
    DirectorateFactory(name="Environment & Economy")
    for role in Role:
        Group.objects.get_or_create(name=role.value)


def sign_on(client, sub: str):
    """Press "Sign in with your council account", choose the person at the provider, and
    follow the provider back to the app."""
    start = client.get("/oidc/authenticate/")
    assert start.status_code == 302, start
    chosen = httpx.post(start["Location"], data={"sub": sub}, follow_redirects=False)
    assert chosen.status_code == 302, chosen.text
    back = urlsplit(chosen.headers["location"])
    return client.get(f"{back.path}?{back.query}")


def test_the_sign_in_page_offers_the_council_account(client, sso):
    page = client.get("/accounts/login/").content.decode()
    assert "Sign in with your council account" in page


def test_a_person_signs_on_and_gets_roles_and_directorate_from_their_groups(client, sso):
    response = sign_on(client, ALICE.sub)
    assert response.status_code == 302
    assert client.get("/dashboard/").status_code == 200
    alice = get_user_model().objects.get(username="alice")
    assert alice.email == "alice@council.example"
    assert (alice.first_name, alice.last_name) == ("Alice", "Moss")
    assert sorted(alice.groups.values_list("name", flat=True)) == sorted(
        [Role.PERFORMANCE_TEAM.value, Role.VIEWER.value]
    )
    assert alice.profile.directorate.name == "Environment & Economy"
    assert not alice.has_usable_password()


def test_roles_follow_the_groups_at_each_sign_on(client, sso, settings):
    sign_on(client, BOB.sub)
    bob = get_user_model().objects.get(username="bob")
    assert list(bob.groups.values_list("name", flat=True)) == [Role.VIEWER.value]
    settings.OIDC_ROLE_GROUPS = {"All-Staff": Role.OFFICER.value}
    client.logout()
    sign_on(client, BOB.sub)
    assert list(bob.groups.values_list("name", flat=True)) == [Role.OFFICER.value]


def test_a_disabled_person_is_refused(client, sso):
    get_user_model().objects.create_user(
        username="bob", email="bob@council.example", is_active=False
    )
    response = sign_on(client, BOB.sub)
    assert response.status_code == 302
    assert client.get("/dashboard/").status_code == 302
    page = client.get(response["Location"], follow=True).content.decode()
    assert "Single sign-on did not sign you in" in page


def test_a_token_signed_with_another_key_is_refused(client, settings, sso, provider, impostor):
    configure(settings, provider, jwks_from=impostor)
    sign_on(client, ALICE.sub)
    assert client.get("/dashboard/").status_code == 302
    assert not get_user_model().objects.filter(username="alice").exists()


def test_local_passwords_can_be_switched_off(client, sso, settings, viewer):
    settings.LOCAL_ACCOUNTS = False
    page = client.get("/accounts/login/").content.decode()
    assert "Sign in with your council account" in page
    assert 'name="password"' not in page
    client.post("/accounts/login/", {"username": viewer.username, "password": PASSWORD})
    assert client.get("/dashboard/").status_code == 302


def test_local_passwords_work_beside_single_sign_on_by_default(client, sso, viewer):
    client.post("/accounts/login/", {"username": viewer.username, "password": PASSWORD})
    assert client.get("/dashboard/").status_code == 200


def sign_on_audit(username: str) -> list:
    account = get_user_model().objects.get(username=username)
    return list(entries_about([account]))


def access_events(events) -> list[dict]:
    return [line for line in events() if line["event"] == "access_changed_by_single_sign_on"]


def test_roles_and_directorate_given_by_sign_on_are_in_the_audit_trail_and_security_log(
    client, sso, events, team_member
):
    sign_on(client, ALICE.sub)
    [entry] = sign_on_audit("alice")
    assert entry.summary == "Changed by single sign-on: alice"
    assert entry.who == "Single sign-on"
    assert entry.changes == {
        "Roles": ["", f"{Role.PERFORMANCE_TEAM.value}, {Role.VIEWER.value}"],
        "Directorate": ["", "Environment & Economy"],
    }
    assert "by single sign-on" in entry.reason
    [line] = access_events(events)
    assert (line["user"], line["target"]) == ("single sign-on", "alice")
    assert line["changes"] == entry.changes
    team = Client()
    team.force_login(team_member)
    page = team.get("/setup/audit/", {"change": "setup"}).content.decode()
    assert "Changed by single sign-on: alice" in page and "Single sign-on" in page


def test_a_sign_on_that_changes_nothing_leaves_no_entry(client, sso, events):
    sign_on(client, ALICE.sub)
    client.logout()
    sign_on(client, ALICE.sub)
    assert len(sign_on_audit("alice")) == 1
    assert len(access_events(events)) == 1


def test_roles_taken_away_at_sign_on_are_audited_from_what_to_what(client, sso, settings, events):
    sign_on(client, BOB.sub)
    settings.OIDC_ROLE_GROUPS = {"All-Staff": Role.OFFICER.value}
    client.logout()
    sign_on(client, BOB.sub)
    newest = sign_on_audit("bob")[0]
    assert newest.changes == {"Roles": [Role.VIEWER.value, Role.OFFICER.value]}
    assert access_events(events)[-1]["changes"] == newest.changes
