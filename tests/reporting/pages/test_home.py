"""The plans page (the home page before each role landed on its work): objectives with their
measures and actions and the latest RAG."""

from decimal import Decimal

import pytest
from django.urls import reverse

from scorecard.services.rating import results_rerate
from tests.support.factories import (
    PASSWORD,
    ActionFactory,
    ActionUpdateFactory,
    MeasureFactory,
    ObjectiveFactory,
    ResultFactory,
    TargetFactory,
)
from tests.support.periods import period

pytestmark = pytest.mark.django_db


def test_home_requires_sign_in(client):
    response = client.get(reverse("home"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_sign_in_leads_an_officer_to_my_returns(client, officer):
    response = client.post(
        reverse("login"), {"username": officer.username, "password": PASSWORD}, follow=True
    )
    assert response.redirect_chain[-1][0] == reverse("returns:mine")
    assert b"My returns" in response.content


def test_sign_in_leads_a_viewer_to_the_dashboard(client, viewer):
    response = client.post(
        reverse("login"), {"username": viewer.username, "password": PASSWORD}, follow=True
    )
    assert response.redirect_chain[-1][0] == reverse("dashboard")
    assert b"Nothing has been reported yet" in response.content


def test_wrong_password_is_shown_in_an_error_summary(client, viewer):
    response = client.post(reverse("login"), {"username": viewer.username, "password": "nope"})
    assert response.status_code == 200
    assert b"There is a problem" in response.content
    assert b'value="' + viewer.username.encode() + b'"' in response.content


def test_the_plans_page_shows_each_item_with_its_latest_rag_in_words(client, officer):
    objective = ObjectiveFactory(code="CIP01", title="Be Recognised as an Excellent Authority")
    measure = MeasureFactory(code="NI 192", title="Household waste recycled", polarity="higher")
    measure.objectives.add(objective)
    TargetFactory(measure=measure, period=period("2009/10 Q2"), value=Decimal("40"))
    ResultFactory(measure=measure, period=period("2009/10 Q1"), actual=Decimal("41"))
    ResultFactory(measure=measure, period=period("2009/10 Q2"), actual=Decimal("20"))
    results_rerate(measure_ids=[measure.pk])
    action = ActionFactory(
        code="CIP01.1.3", title="Respond to the Place Survey", objective=objective
    )
    ActionUpdateFactory(action=action, period=period("2009/10 Q3"), rag="amber")
    client.force_login(officer)

    page = client.get(reverse("plans")).content.decode()

    assert "CIP01" in page and "NI 192" in page and "CIP01.1.3" in page
    # The latest result (Q2, 20% against 40%) is Red, said in words as well as colour.
    assert 'rag--red"' in page and "Red" in page
    assert "20% is" in page  # the explanation travels with the rating
    assert 'rag--amber"' in page and "Amber" in page


def test_the_plans_page_query_count_does_not_grow_with_the_framework(
    client, officer, django_assert_max_num_queries
):
    objective = ObjectiveFactory()
    for _ in range(30):
        measure = MeasureFactory()
        measure.objectives.add(objective)
        ResultFactory(measure=measure)
        ActionUpdateFactory(action=ActionFactory(objective=objective))
    client.force_login(officer)
    with django_assert_max_num_queries(12):
        response = client.get(reverse("plans"))
    assert response.status_code == 200


def test_accessibility_statement_is_public(client):
    response = client.get(reverse("accessibility"))
    assert response.status_code == 200
    assert b"WCAG" in response.content
