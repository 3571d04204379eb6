"""Superusers may still use the Django admin; nobody else gets in, not even the performance
team, which sets up the framework on the set-up pages (issue 12)."""

import pytest
from django.urls import reverse

from actionplans.models import Action, ActionPlan, ActionUpdate, Finding, Recommendation
from scorecard.models import (
    Directorate,
    Measure,
    Objective,
    Perspective,
    Plan,
    ReportingPeriod,
    Result,
)
from tests.support.factories import (
    ActionUpdateFactory,
    MeasureFactory,
    ResultFactory,
    TargetFactory,
)

pytestmark = pytest.mark.django_db

MODELS = [
    Plan,
    Objective,
    Measure,
    Directorate,
    Perspective,
    ReportingPeriod,
    Result,
    ActionPlan,
    Recommendation,
    Finding,
    Action,
    ActionUpdate,
]


def admin_url(model, view: str, *args) -> str:
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", args=args)


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
def test_a_superuser_can_search_and_filter_every_list(client, setup_superuser, model):
    ResultFactory()
    ActionUpdateFactory()
    client.force_login(setup_superuser)
    response = client.get(admin_url(model, "changelist"), {"q": "a"})
    assert response.status_code == 200


def test_measure_page_edits_targets_inline(client, setup_superuser):
    target = TargetFactory()
    client.force_login(setup_superuser)
    page = client.get(admin_url(Measure, "change", target.measure.pk)).content.decode()
    assert "targets-0-value" in page
    assert "How it is rated" in page


def test_measure_list_query_count_does_not_grow(
    client, setup_superuser, django_assert_max_num_queries
):
    for _ in range(40):
        MeasureFactory()
    client.force_login(setup_superuser)
    with django_assert_max_num_queries(25):
        client.get(admin_url(Measure, "changelist"))


@pytest.mark.parametrize("who", ["officer", "viewer", "team_member"])
def test_other_roles_cannot_open_the_set_up_pages(client, request, who):
    client.force_login(request.getfixturevalue(who))
    response = client.get(admin_url(Measure, "changelist"))
    assert response.status_code == 302
    assert reverse("admin:login") in response["Location"]
