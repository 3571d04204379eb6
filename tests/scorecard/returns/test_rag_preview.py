"""The RAG as the officer types: the one RAG engine, asked without saving anything."""

from decimal import Decimal

import pytest
from django.urls import reverse

from scorecard.models import AuditEntry, Result
from tests.support.factories import ResultFactory
from tests.support.returns import measure_for

pytestmark = pytest.mark.django_db


def url(measure, period) -> str:
    return reverse("returns:rag_preview", args=["measure", measure.pk, period.pk])


def test_a_red_figure_is_shown_red_with_its_reason(client, officer, measure, q3):
    client.force_login(officer)
    page = client.get(url(measure, q3), {"actual": "20"}).content.decode()
    assert "rag--red" in page
    assert "Red: 20.0% is" in page and "worse than the target of 50.0%" in page


def test_the_badge_follows_the_figure(client, officer, measure, q3):
    client.force_login(officer)
    assert "rag--green" in client.get(url(measure, q3), {"actual": "55"}).content.decode()
    assert "rag--amber" in client.get(url(measure, q3), {"actual": "46"}).content.decode()


def test_the_preview_writes_nothing(client, officer, measure, q3):
    stored = ResultFactory(measure=measure, period=q3, actual=Decimal("55"), status="draft")
    client.force_login(officer)
    client.get(url(measure, q3), {"actual": "20"})
    stored.refresh_from_db()
    assert (stored.actual, stored.version) == (Decimal("55"), 1)
    assert Result.objects.count() == 1 and not AuditEntry.objects.exists()


def test_a_figure_that_is_not_a_number_says_so(client, officer, measure, q3):
    client.force_login(officer)
    page = client.get(url(measure, q3), {"actual": "lots"}).content.decode()
    assert "Enter a number" in page and "rag--" not in page


def test_no_figure_yet_is_not_rated(client, officer, measure, q3):
    client.force_login(officer)
    page = client.get(url(measure, q3), {"actual": ""}).content.decode()
    assert "rag--not_rated" in page


def test_a_judgement_measure_shows_the_officers_rag(client, officer, judged, q3):
    client.force_login(officer)
    page = client.get(url(judged, q3), {"actual": "", "officer_rag": "amber"}).content.decode()
    assert "rag--amber" in page and "judgement" in page


def test_someone_who_may_not_update_the_item_is_refused(client, officer2, measure, q3):
    client.force_login(officer2)
    assert client.get(url(measure, q3), {"actual": "20"}).status_code == 403


def test_an_action_has_no_rule_to_preview(client, officer, action, q3):
    client.force_login(officer)
    response = client.get(reverse("returns:rag_preview", args=["action", action.pk, q3.pk]))
    assert response.status_code == 404


def test_a_ratio_is_rated_from_its_parts(client, officer, q3, directorate):
    ratio = measure_for(officer, q3, code="LOC 9", measure_type="ratio", unit="%")
    client.force_login(officer)
    page = client.get(url(ratio, q3), {"numerator": "30", "denominator": "100"}).content.decode()
    assert "rag--red" in page and "30.0%" in page
