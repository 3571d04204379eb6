"""Fixtures of the API tests: a caller with a token, and a small council with figures."""

from decimal import Decimal

import pytest
from django.core.cache import cache
from rest_framework.test import APIClient

from scorecard.models import Role
from scorecard.services.tokens import token_create
from tests.support.factories import (
    ActionUpdateFactory,
    DirectorateFactory,
    MeasureFactory,
    ObjectiveFactory,
    ResultFactory,
    TargetFactory,
)
from tests.support.periods import period


@pytest.fixture
def bearer(role_user):
    """An API client signed in by a personal token of a user holding ``role``."""

    def make(role: Role | None, username: str | None = None) -> APIClient:
        user = role_user(role, username=username)
        client = APIClient()
        client.credentials(HTTP_AUTHORIZATION=f"Bearer {token_create(user=user, name='BI').secret}")
        client.user = user
        return client

    return make


@pytest.fixture
def council(db):
    """Two measures in Q2 2009/10: one approved and Red, one submitted (provisional); a draft;
    an approved action update."""
    q2 = period("2009/10 Q2")
    people = DirectorateFactory(name="People")
    objective = ObjectiveFactory(code="OBJ1", title="Healthy workforce", directorate=people)
    sick = MeasureFactory(
        code="BV 012",
        title="Sick days",
        polarity="lower",
        unit="days",
        decimal_places=2,
        directorate=people,
    )
    waste = MeasureFactory(code="NI 192", title='=HYPERLINK("x")', directorate=people)
    drafty = MeasureFactory(code="LPI 900", title="Draft only", directorate=people)
    for measure in (sick, waste, drafty):
        measure.objectives.add(objective)
    TargetFactory(measure=sick, period=q2, value=Decimal("4.00"))
    TargetFactory(measure=waste, period=q2, value=Decimal("50"))
    ResultFactory(
        measure=sick,
        period=q2,
        actual=Decimal("7.84"),
        status="approved",
        rag="red",
        rag_explanation="7.84 days is worse than 4.00 beyond tolerance",
    )
    ResultFactory(measure=waste, period=q2, actual=Decimal("51"), status="submitted", rag="green")
    ResultFactory(measure=drafty, period=q2, actual=Decimal("12"), status="draft")
    ActionUpdateFactory(period=q2, action__objective=objective, status="approved")
    return {"q2": q2, "sick": sick, "waste": waste, "drafty": drafty}


@pytest.fixture(autouse=True)
def fresh_throttles():
    """Calls are counted per user in the cache; a user id reused by a later test starts at 0."""
    cache.clear()
    yield
    cache.clear()
