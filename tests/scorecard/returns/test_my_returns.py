"""My returns: what the signed-in officer must update in the open periods, overdue first seen."""

from decimal import Decimal

import pytest
from django.urls import reverse

from scorecard.models import ReportingPeriod
from scorecard.returns.selectors import my_returns
from scorecard.rules.returns import ReturnState
from tests.support.factories import ResultFactory
from tests.support.periods import open_period, period
from tests.support.returns import action_for, measure_for

pytestmark = pytest.mark.django_db


def test_lists_the_officers_measures_and_actions_with_target_and_last_value(
    client, officer, measure, action, q3
):
    ResultFactory(measure=measure, period=period("2009/10 Q2"), actual=Decimal("47.5"))
    client.force_login(officer)
    page = client.get(reverse("returns:mine")).content.decode()
    assert "NI 192" in page and "CIP01.1.3" in page
    assert "50.0%" in page  # target
    assert "47.5%" in page  # last period's value
    assert "Not started" in page


def test_other_officers_items_are_not_listed(client, officer, officer2, q3):
    measure_for(officer2, q3, code="BV 012")
    client.force_login(officer)
    assert "BV 012" not in client.get(reverse("returns:mine")).content.decode()


def test_lead_officer_sees_the_items_they_lead(officer, q3):
    led = measure_for(None, q3, code="NI 47", lead_user=officer)
    assert [row.item for row in my_returns(officer)] == [led]


def test_closed_and_locked_periods_are_not_listed(officer, measure, q3):
    q3.state = ReportingPeriod.State.CLOSED
    q3.save()
    assert my_returns(officer) == []


def test_items_are_due_by_their_frequency(officer, q3):
    quarterly = measure_for(officer, q3, code="Q1")
    measure_for(officer, q3, code="A1", frequency="annual")
    assert [row.item for row in my_returns(officer)] == [quarterly]


@pytest.mark.parametrize(
    "stored, days_left, state",
    [
        (None, 10, ReturnState.NOT_STARTED),
        ("draft", 10, ReturnState.DRAFT),
        ("submitted", 10, ReturnState.SUBMITTED),
        ("returned", 10, ReturnState.RETURNED),
        ("approved", 10, ReturnState.APPROVED),
        (None, -1, ReturnState.OVERDUE),
        ("draft", -1, ReturnState.OVERDUE),
        ("submitted", -1, ReturnState.SUBMITTED),
    ],
)
def test_each_return_has_a_status(officer, stored, days_left, state):
    q = open_period("2009/10 Q3", days_left=days_left)
    item = measure_for(officer, q, code="NI 192")
    if stored:
        ResultFactory(measure=item, period=q, status=stored)
    [row] = my_returns(officer)
    assert row.state is state


def test_overdue_items_stand_out_and_show_nci(client, officer):
    q = open_period("2009/10 Q3", days_left=-3)
    measure_for(officer, q, code="NI 192")
    client.force_login(officer)
    page = client.get(reverse("returns:mine")).content.decode()
    assert "1 return overdue" in page
    assert "row--overdue" in page
    assert "No Current Information" in page and "rag--nci" in page


def test_the_page_does_not_grow_in_queries_with_items(
    client, officer, q3, django_assert_max_num_queries
):
    q2 = period("2009/10 Q2")
    ReportingPeriod.objects.filter(pk=q2.pk).update(state="closed")
    for n in range(30):
        item = measure_for(officer, q3, code=f"M{n:02d}")
        ResultFactory(measure=item, period=q2)
        action_for(officer, code=f"A{n:02d}")
    client.force_login(officer)
    with django_assert_max_num_queries(16):
        response = client.get(reverse("returns:mine"))
    assert response.content.decode().count("<tr") == 61
