"""The performance team enters a service's cost for a year: checked, locked and audited."""

from decimal import Decimal

import pytest

from scorecard.models import AuditEntry, Role, Service, ServiceCost
from scorecard.services.costs import CostConflict, CostRefused, service_cost_save
from tests.support.factories import DirectorateFactory
from tests.support.periods import period

pytestmark = pytest.mark.django_db


@pytest.fixture
def parks(db):
    return Service.objects.create(directorate=DirectorateFactory(name="Environment"), name="Parks")


@pytest.fixture
def team(role_user):
    return role_user(Role.PERFORMANCE_TEAM)


def save(user, service, version=0, net="400000", label="2009/10", **more):
    return service_cost_save(
        user=user,
        service=service,
        period=period(label),
        net_cost=Decimal(net),
        version=version,
        **more,
    )


def test_the_team_sets_a_cost_and_the_change_is_audited(team, parks):
    saved = save(team, parks, cost_per_head=Decimal("0.62"))
    assert (saved.net_cost, saved.cost_per_head, saved.version) == (
        Decimal("400000"),
        Decimal("0.62"),
        1,
    )
    entry = AuditEntry.objects.get()
    assert entry.summary == "Service cost: Parks 2009/10"
    assert entry.user == team


def test_a_second_save_moves_the_version_and_audits_old_and_new(team, parks):
    first = save(team, parks)
    second = save(team, parks, version=first.version, net="380000")
    assert second.version == 2
    assert AuditEntry.objects.count() == 2
    assert "380000" in str(AuditEntry.objects.latest("pk").changes)


def test_a_stale_form_is_refused_and_changes_nothing(team, parks):
    save(team, parks)
    with pytest.raises(CostConflict, match="changed by someone else"):
        save(team, parks, version=0, net="1")
    assert ServiceCost.objects.get().net_cost == Decimal("400000")


def test_an_officer_may_not_enter_costs(role_user, parks):
    officer = role_user(Role.OFFICER)
    with pytest.raises(CostRefused, match="Only the performance team"):
        save(officer, parks)
    assert not ServiceCost.objects.exists()


def test_a_cost_is_for_a_year_not_a_quarter(team, parks):
    with pytest.raises(CostRefused, match="financial year"):
        save(team, parks, label="2009/10 Q2")
