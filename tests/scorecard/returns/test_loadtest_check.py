"""The check `make loadtest` runs after the officers' run (loadtest/check.py) finds a return
that was accepted but lost, one stored that its officer was told had failed, a wrong figure,
and a change audited other than once; and finds nothing wrong when all is well."""

from decimal import Decimal

import pytest

from loadtest.check import check
from scorecard.models import AuditEntry
from scorecard.returns.services import return_save

pytestmark = pytest.mark.django_db


@pytest.fixture
def submitted(officer, measure, q3):
    """NI 192 submitted at 55 by its officer through the service, as the form submits it."""
    values = {"actual": Decimal("55"), "commentary": "On target this quarter."}
    return_save(user=officer, item=measure, period=q3, values=values, version=0, submit=True)
    line = {"username": "officer", "measure": measure.pk, "period": q3.pk, "value": "55"}
    return {"period": q3.pk}, [line]


def test_a_run_whose_every_submission_is_stored_and_audited_once_passes(submitted):
    plan, lines = submitted
    assert check(plan, lines) == []


def test_a_submission_accepted_but_not_stored_is_reported_lost(submitted):
    plan, lines = submitted
    lost = {**lines[0], "measure": lines[0]["measure"] + 1000}
    assert check(plan, [*lines, lost]) == [
        f"lost: measure {lost['measure']} was accepted but is not stored"
    ]


def test_a_result_stored_though_its_officer_was_told_it_failed_is_reported(submitted, measure):
    plan, _ = submitted
    assert check(plan, []) == [f"measure {measure.pk} is stored but its officer was told it failed"]


def test_a_different_figure_is_reported(submitted, measure):
    plan, lines = submitted
    stored = measure.results.get().actual
    assert stored == Decimal("55")
    assert check(plan, [{**lines[0], "value": "56"}]) == [
        f"measure {measure.pk} is stored as submitted {stored}"
    ]


def test_a_change_audited_twice_or_not_at_all_is_reported(submitted, measure):
    plan, lines = submitted
    entry = AuditEntry.objects.get(summary__startswith="Submitted")
    result = measure.results.get()
    entry.pk = None
    entry.save()
    assert check(plan, lines) == [f"result {result.pk} ({measure.pk}) has 2 audit entries"]
    AuditEntry.objects.filter(object_id=result.pk).delete()
    assert check(plan, lines) == [f"result {result.pk} ({measure.pk}) has 0 audit entries"]
