"""The performance team's form for a service's cost: saved through the service, refused clearly."""

from decimal import Decimal

import pytest
from django.urls import reverse

from scorecard.models import AuditEntry, Role, Service, ServiceCost
from tests.support.factories import DirectorateFactory
from tests.support.periods import period

pytestmark = pytest.mark.django_db


@pytest.fixture
def parks(db):
    period("2009/10")
    return Service.objects.create(directorate=DirectorateFactory(name="Environment"), name="Parks")


def post(client, parks, **fields):
    data = {"service": parks.pk, "year": "2009/10", "net_cost": "400000", "version": "0"}
    return client.post(reverse("service_cost"), data | fields)


def test_the_team_saves_a_cost_and_sees_it_on_the_page(client, role_user, parks):
    client.force_login(role_user(Role.PERFORMANCE_TEAM))
    response = post(client, parks, cost_per_head="0.62")
    assert response.status_code == 302 and "value-for-money" in response.url
    assert ServiceCost.objects.get().cost_per_head == Decimal("0.62")
    assert AuditEntry.objects.filter(summary="Service cost: Parks 2009/10").exists()


def test_a_bad_figure_is_named_and_what_was_typed_is_kept(client, role_user, parks):
    client.force_login(role_user(Role.PERFORMANCE_TEAM))
    page = post(client, parks, net_cost="lots", unit="tonne").content.decode()
    assert "There is a problem" in page and 'href="#id_net_cost"' in page
    assert 'value="tonne"' in page
    assert not ServiceCost.objects.exists()


def test_a_stale_form_says_so_and_saves_nothing(client, role_user, parks):
    client.force_login(role_user(Role.PERFORMANCE_TEAM))
    post(client, parks)
    page = post(client, parks, net_cost="1").content.decode()
    assert "changed by someone else" in page
    assert ServiceCost.objects.get().net_cost == Decimal("400000")


def test_the_form_opens_with_the_stored_figures_and_version(client, role_user, parks):
    client.force_login(role_user(Role.PERFORMANCE_TEAM))
    post(client, parks)
    page = client.get(reverse("service_cost"), {"service": parks.pk, "year": "2009/10"})
    assert 'name="version" value="1"' in page.content.decode()


@pytest.mark.parametrize("role", [Role.VIEWER, Role.OFFICER, Role.APPROVER])
def test_no_one_else_may_enter_costs(client, role_user, parks, role):
    client.force_login(role_user(role))
    assert client.get(reverse("service_cost")).status_code == 403
    assert post(client, parks).status_code == 403
    assert not ServiceCost.objects.exists()
