"""Only the performance team (and superusers) use the set-up pages; the others are refused."""

import pytest
from django.urls import reverse

from tests.support.factories import ActionFactory, MeasureFactory, PlanFactory, UserFactory

pytestmark = pytest.mark.django_db


def pages() -> list[str]:
    plan, measure, action = PlanFactory(), MeasureFactory(), ActionFactory()
    someone = UserFactory(username="someone")
    return [
        reverse("setup:index"),
        reverse("setup:list", args=["plans"]),
        reverse("setup:add", args=["plans"]),
        reverse("setup:edit", args=["plans", plan.pk]),
        reverse("setup:list", args=["objectives"]),
        reverse("setup:measures"),
        reverse("setup:measure_add"),
        reverse("setup:measure", args=[measure.pk]),
        reverse("setup:users"),
        reverse("setup:user_invite"),
        reverse("setup:user", args=[someone.pk]),
        reverse("setup:audit"),
        reverse("setup:audit_download"),
        reverse("actionplans:setup_actions"),
        reverse("actionplans:setup_action", args=[action.pk]),
        reverse("actionplans:setup_plans"),
    ]


@pytest.mark.parametrize("who", ["viewer", "officer", "approver"])
def test_other_roles_are_refused_every_set_up_page(client, request, who):
    client.force_login(request.getfixturevalue(who))
    for url in pages():
        assert client.get(url).status_code == 403, url
        assert client.post(url, {"code": "X", "title": "X"}).status_code == 403, url


def test_the_performance_team_opens_every_set_up_page(team):
    for url in pages():
        assert team.get(url).status_code == 200, url


def test_the_navigation_shows_set_up_to_the_team_only(client, team_member, officer):
    client.force_login(team_member)
    assert f'href="{reverse("setup:index")}"' in client.get(reverse("dashboard")).content.decode()
    client.force_login(officer)
    page = client.get(reverse("dashboard")).content.decode()
    assert f'href="{reverse("setup:index")}"' not in page
    assert reverse("admin:index") not in page


def test_a_staff_flag_alone_does_not_open_set_up(client, role_user):
    client.force_login(role_user(None, is_staff=True))
    assert client.get(reverse("setup:index")).status_code == 403
