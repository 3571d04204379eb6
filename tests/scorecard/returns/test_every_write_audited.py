"""Every service that writes a return, a measure's rule or a period leaves an audit entry."""

import inspect
from datetime import date
from decimal import Decimal

import pytest
from django.utils import timezone

from scorecard.models import AuditEntry, ReportingPeriod
from scorecard.returns import period_services, services
from scorecard.rules.periods import parse_period
from tests.support.factories import ResultFactory

pytestmark = pytest.mark.django_db

# Functions of the service modules that only read or check.
READS = {
    "result_rating",
    "entry_problems",
    "kind_of",
    "default_method",
    "target_of",
    "return_authors",
    "approval_refusals",
    "is_ratio",
    "ratio_actual",
    "judgement_rule_rating",
}


def _submitted(w):
    return ResultFactory(measure=w["measure"], period=w["q3"], status="submitted")


FORTY = {"actual": Decimal("40")}

WRITES = {
    "return_save": lambda w: services.return_save(
        user=w["officer"], item=w["measure"], period=w["q3"], values=FORTY, version=0
    ),
    "return_save submitting a result": lambda w: services.return_save(
        user=w["officer"],
        item=w["measure"],
        period=w["q3"],
        values={"actual": Decimal("55")},
        version=0,
        submit=True,
    ),
    "return_save of an action update": lambda w: services.return_save(
        user=w["officer"], item=w["action"], period=w["q3"], values={"rag": "green"}, version=0
    ),
    "return_approve": lambda w: services.return_approve(user=w["approver"], ret=_submitted(w)),
    "return_send_back": lambda w: services.return_send_back(
        user=w["approver"], ret=_submitted(w), comment="Wrong quarter."
    ),
    "measure_rules_record": lambda w: services.measure_rules_record(
        user=w["team"],
        measure=w["measure"],
        changes={"tolerance_amount": ["10", "5"]},
        reason="Cabinet tightened it.",
    ),
    "period_open": lambda w: period_services.period_open(user=w["team"], period=w["closed"]),
    "period_close": lambda w: period_services.period_close(user=w["team"], period=w["q3"]),
    "period_lock": lambda w: period_services.period_lock(user=w["team"], period=w["q3"]),
    "period_unlock": lambda w: period_services.period_unlock(
        user=w["team"], period=w["locked"], reason="Late correction."
    ),
    "period_set_deadline": lambda w: period_services.period_set_deadline(
        user=w["team"], period=w["q3"], deadline=date(2010, 2, 1)
    ),
    "period_add": lambda w: period_services.period_add(
        user=w["team"], ref=parse_period("2010/11 Q1")
    ),
    "period_publish": lambda w: period_services.period_publish(user=w["team"], period=w["locked"]),
    "period_unpublish": lambda w: period_services.period_unpublish(
        user=w["team"], period=w["published"], reason="A figure was wrong."
    ),
    "period_rerate": lambda w: period_services.period_rerate(
        user=w["team"], period=w["locked"], reason="Cabinet agreed the new tolerance applies."
    ),
}


def writers(module) -> set[str]:
    return {
        name
        for name, member in inspect.getmembers(module, inspect.isfunction)
        if member.__module__ == module.__name__ and not name.startswith("_") and name not in READS
    }


def test_every_writing_service_is_in_this_list():
    # A key is the service's name, then how it is called when one service has several uses.
    assert writers(services) | writers(period_services) == {name.split()[0] for name in WRITES}


def published(period: ReportingPeriod) -> ReportingPeriod:
    ReportingPeriod.objects.filter(pk=period.pk).update(published_at=timezone.now())
    period.refresh_from_db()
    return period


@pytest.fixture
def world(officer, approver, performance_team, measure, action, q3):
    def state(label, value):
        found = ReportingPeriod.objects.create(
            kind="quarter", year=2008, number=int(label), deadline=date(2009, 1, 1), state=value
        )
        return found

    return {
        "officer": officer,
        "approver": approver,
        "team": performance_team,
        "measure": measure,
        "action": action,
        "q3": q3,
        "closed": state("1", "closed"),
        "locked": state("2", "locked"),
        "published": published(state("3", "locked")),
    }


@pytest.mark.parametrize("name", sorted(WRITES))
def test_each_write_leaves_an_audit_entry(world, name):
    before = AuditEntry.objects.count()
    WRITES[name](world)
    entry = AuditEntry.objects.order_by("-pk").first()
    assert AuditEntry.objects.count() == before + 1
    assert entry.user is not None and entry.changes
