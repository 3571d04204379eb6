"""Plans, improvement plans and priority action plans are reachable by every role.

Before issue 12 they were listed only on the home page, which viewers never saw: they could
reach them only by typing the address.
"""

import pytest
from django.urls import reverse

from actionplans.models import ActionPlan
from scorecard.models import Role
from tests.support.factories import ActionFactory, ObjectiveFactory, PlanFactory, ResultFactory
from tests.support.pages import main

pytestmark = pytest.mark.django_db


@pytest.fixture
def plans(db):
    plan = PlanFactory(code="CIP-2009", title="Corporate Improvement Plan 2009/10")
    objective = ObjectiveFactory(plan=plan, code="CIP01")
    pap = ActionPlan.objects.create(code="PAP 1", title="Waste strategy", objective=objective)
    ActionFactory(code="PAP1.1", title="Open the new tip", action_plan=pap, objective=objective)
    return plan


def hrefs(content: bytes) -> set[str]:
    return {a.get("href") for a in main(content).find_all("a")}


@pytest.mark.parametrize("role", [Role.VIEWER, Role.COMMITTEE_CLERK, Role.OFFICER])
def test_the_plans_page_links_every_plan_and_priority_action_plan(client, role_user, role, plans):
    client.force_login(role_user(role))

    response = client.get(reverse("plans"))

    assert response.status_code == 200
    links = hrefs(response.content)
    assert reverse("improvement_plan", args=["CIP-2009"]) in links
    assert reverse("action_plan", args=["CIP-2009"]) in links
    assert reverse("action", args=["PAP1.1"]) in links
    assert "Waste strategy" in response.content.decode()


def test_the_dashboard_links_the_plans(client, viewer, plans):
    ResultFactory()  # something reported, so the dashboard has a period to show
    client.force_login(viewer)

    links = hrefs(client.get(reverse("dashboard")).content)

    assert reverse("improvement_plan", args=["CIP-2009"]) in links
    assert reverse("action_plan", args=["CIP-2009"]) in links
    assert reverse("plans") + "#priority-action-plans" in links


def test_before_anything_is_reported_the_dashboard_still_links_the_plans(client, viewer, plans):
    client.force_login(viewer)

    links = hrefs(client.get(reverse("dashboard")).content)

    assert reverse("improvement_plan", args=["CIP-2009"]) in links
