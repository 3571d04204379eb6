"""A council with one directorate's returns open: officers, approvers and their items."""

from decimal import Decimal

import pytest

from scorecard.models import Result, Role
from scorecard.services.rating import results_rerate
from tests.support.factories import DirectorateFactory, ResultFactory, TargetFactory
from tests.support.periods import open_period
from tests.support.returns import action_for, in_directorate, measure_for
from tests.support.signoff import SHORT


@pytest.fixture
def directorate(db):
    return DirectorateFactory(name="Environment & Economy")


@pytest.fixture
def elsewhere(db):
    return DirectorateFactory(name="Resources")


@pytest.fixture
def q3(db):
    return open_period("2009/10 Q3")


@pytest.fixture
def officer(role_user, directorate):
    return in_directorate(role_user(Role.OFFICER, "officer"), directorate)


@pytest.fixture
def officer2(role_user, elsewhere):
    return in_directorate(role_user(Role.OFFICER, "officer2"), elsewhere)


@pytest.fixture
def approver(role_user, directorate):
    return in_directorate(role_user(Role.APPROVER, "approver"), directorate)


@pytest.fixture
def other_approver(role_user, elsewhere):
    return in_directorate(role_user(Role.APPROVER, "approver2"), elsewhere)


@pytest.fixture
def clerk(role_user):
    return role_user(Role.COMMITTEE_CLERK, "clerk")


@pytest.fixture
def measure(officer, q3, directorate):
    """NI 192, a percentage with a target of 50% and a 10% tolerance, updated by officer."""
    return measure_for(
        officer, q3, code="NI 192", title="Household waste recycled", directorate=directorate
    )


@pytest.fixture
def judged(officer, q3, directorate):
    return measure_for(
        officer,
        q3,
        code="LOC 01",
        title="Delivery of the waste strategy",
        rag_method="judgement",
        directorate=directorate,
    )


@pytest.fixture
def action(officer, directorate):
    return action_for(
        officer, code="CIP01.1.3", title="Respond to the Place Survey", directorate=directorate
    )


@pytest.fixture
def quarters(measure, q3):
    """NI 192 rated Amber in Q1 (now locked), Q2 (now closed) and Q3 (still open)."""
    q1, q2 = open_period("2009/10 Q1"), open_period("2009/10 Q2")
    for quarter in (q1, q2):
        TargetFactory(measure=measure, period=quarter, value=Decimal("50"))
    for quarter, status in ((q1, "approved"), (q2, "approved"), (q3, "submitted")):
        ResultFactory(measure=measure, period=quarter, actual=SHORT, status=status)
    results_rerate(measure_ids=[measure.pk])
    q1.state, q2.state = "locked", "closed"
    q1.save()
    q2.save()
    assert set(Result.objects.values_list("rag", flat=True)) == {"amber"}
    return q1, q2, q3
