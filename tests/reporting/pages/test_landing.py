"""Each role lands on its work, and the navigation offers each role what it may use, nothing else.

Officers land on My returns, approvers on their approval queue, the performance team on the
quarter's progress, viewers and committee clerks on the dashboard (issue 12, "Each role lands on
its work").
"""

import pytest
from django.urls import reverse

from scorecard.models import Role
from tests.support.factories import PASSWORD, DirectorateFactory
from tests.support.pages import parse
from tests.support.returns import in_directorate

pytestmark = pytest.mark.django_db

EVERYONE = ["Dashboard", "Plans", "Scorecard", "Measures and actions", "Benchmarking"]


@pytest.fixture
def user_for(role_user):
    """A user of the role as the demo council has them: approvers belong to a directorate."""

    def make(role: Role):
        if role is Role.APPROVER:
            return in_directorate(role_user(role), DirectorateFactory(name="Resources"))
        if role is Role.PERFORMANCE_TEAM:
            return role_user(role, is_staff=True)
        return role_user(role)

    return make


LANDINGS = [
    (Role.OFFICER, "returns:mine"),
    (Role.APPROVER, "returns:approvals"),
    (Role.PERFORMANCE_TEAM, "returns:progress"),
    (Role.VIEWER, "dashboard"),
    (Role.COMMITTEE_CLERK, "dashboard"),
]


@pytest.mark.parametrize(("role", "landing"), LANDINGS)
def test_each_role_lands_on_its_work_from_home(client, user_for, role, landing):
    client.force_login(user_for(role))

    response = client.get(reverse("home"))

    assert response.status_code == 302
    assert response["Location"] == reverse(landing)


@pytest.mark.parametrize(("role", "landing"), LANDINGS)
def test_signing_in_leads_each_role_to_its_work(client, user_for, role, landing):
    user = user_for(role)

    response = client.post(
        reverse("login"), {"username": user.username, "password": PASSWORD}, follow=True
    )

    assert response.redirect_chain[-1][0] == reverse(landing)
    assert response.status_code == 200


def nav_links(content: bytes) -> dict[str, str]:
    """The main navigation's links, by their words, and whether Sign out is offered."""
    nav = parse(content).find("nav", aria_label="Main")
    assert nav is not None, "the page has no main navigation"
    links = {a.text: a.get("href") for a in nav.find_all("a")}
    if any(b.text.startswith("Sign out") for b in nav.find_all("button")):
        links["Sign out"] = reverse("logout")
    return links


NAVIGATION = [
    (Role.OFFICER, EVERYONE + ["My returns", "Notifications", "Sign out"]),
    (
        Role.APPROVER,
        EVERYONE + ["My returns", "Approvals", "Notifications", "Sign out"],
    ),
    (
        Role.PERFORMANCE_TEAM,
        EVERYONE
        + [
            "Report packs",
            "My returns",
            "Approvals",
            "Progress",
            "Periods",
            "Set-up",
            "Notifications",
            "Sign out",
        ],
    ),
    (Role.VIEWER, EVERYONE + ["Report packs", "Sign out"]),
    (Role.COMMITTEE_CLERK, EVERYONE + ["Report packs", "Sign out"]),
]


@pytest.mark.parametrize(("role", "expected"), NAVIGATION)
def test_the_navigation_shows_each_role_what_it_may_use_and_nothing_else(
    client, user_for, role, expected
):
    client.force_login(user_for(role))

    links = nav_links(client.get(reverse("dashboard")).content)

    assert list(links) == expected
    for words, href in links.items():
        if words != "Sign out":
            assert client.get(href).status_code == 200, f"{role.label} is refused {words}"


@pytest.mark.parametrize("role", [role for role, _ in NAVIGATION])
def test_every_role_finds_api_tokens_in_the_menu_named_after_them(client, user_for, role):
    user = user_for(role)
    client.force_login(user)
    menu = parse(client.get(reverse("dashboard")).content).find("nav", aria_label="Your account")
    assert menu is not None, "the header has no menu of the person's own things"
    assert menu.find("summary").text == (user.get_full_name() or user.get_username())
    assert {a.text: a.get("href") for a in menu.find_all("a")} == {"API tokens": "/api/tokens/"}


def test_a_viewer_is_offered_no_returns(client, user_for):
    client.force_login(user_for(Role.VIEWER))

    links = nav_links(client.get(reverse("dashboard")).content)

    assert "My returns" not in links and "Approvals" not in links


def test_the_navigation_marks_the_page_shown(client, user_for):
    client.force_login(user_for(Role.OFFICER))

    nav = parse(client.get(reverse("plans")).content).find("nav", aria_label="Main")

    assert [a.text for a in nav.find_all(aria_current="page")] == ["Plans"]


def test_the_menu_button_controls_the_navigation_list(client, user_for):
    """The collapsed menu (phones) is a real button naming what it opens and whether it is open."""
    client.force_login(user_for(Role.OFFICER))

    page = parse(client.get(reverse("dashboard")).content)

    [button] = [b for b in page.find_all("button") if b.get("aria-controls")]
    assert button.text == "Menu"
    assert button.get("aria-expanded") == "false"
    assert page.find(id=button.get("aria-controls")).tag == "ul"
