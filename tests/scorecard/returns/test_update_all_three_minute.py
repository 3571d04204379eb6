"""The three-minute return: last quarter beside each row, its commentary copied forward in one
press, and every RAG checked without JavaScript."""

from decimal import Decimal

import pytest
from django.urls import reverse

from scorecard.models import Result
from tests.support.factories import ResultFactory
from tests.support.periods import open_period

pytestmark = pytest.mark.django_db


def url(period) -> str:
    return reverse("returns:update_all", args=[period.pk])


@pytest.fixture
def last_quarter(measure, q3):
    q2 = open_period("2009/10 Q2")
    q2.state = "closed"
    q2.save()
    return ResultFactory(
        measure=measure,
        period=q2,
        actual=Decimal("48"),
        commentary="Tonnage held up over the summer.",
        status="approved",
    )


def test_last_quarters_value_target_and_commentary_sit_beside_the_row(
    client, officer, measure, q3, last_quarter
):
    client.force_login(officer)
    page = client.get(url(q3)).content.decode()
    assert "Tonnage held up over the summer." in page
    assert "48.0%" in page and "50.0%" in page
    assert f'value="copy:m{measure.pk}"' in page


def test_copy_fills_that_rows_commentary_and_keeps_what_was_typed(
    client, officer, measure, action, q3, last_quarter
):
    client.force_login(officer)
    data = {
        "action": f"copy:m{measure.pk}",
        f"m{measure.pk}-version": 0,
        f"m{measure.pk}-actual": "52",
        f"m{measure.pk}-commentary": "",
        f"a{action.pk}-version": 0,
        f"a{action.pk}-commentary": "Survey sent out.",
    }
    response = client.post(url(q3), data)
    page = response.content.decode()
    assert response.status_code == 200
    assert "Tonnage held up over the summer.</textarea>" in page
    assert 'value="52"' in page and "Survey sent out." in page
    assert not Result.objects.filter(period=q3).exists()


def test_check_shows_each_rows_rag_and_saves_nothing(client, officer, measure, q3):
    client.force_login(officer)
    data = {"action": "check", f"m{measure.pk}-version": 0, f"m{measure.pk}-actual": "20"}
    page = client.post(url(q3), data).content.decode()
    assert "rag--red" in page and "worse than the target of 50.0%" in page
    assert not Result.objects.exists()


def test_each_rated_row_names_its_live_preview(client, officer, measure, q3):
    client.force_login(officer)
    page = client.get(url(q3)).content.decode()
    preview = reverse("returns:rag_preview", args=["measure", measure.pk, q3.pk])
    assert f'data-rag-preview="{preview}"' in page
    assert "js/returns.js" in page


def test_copy_then_value_then_submit_is_a_whole_return(client, officer, measure, q3, last_quarter):
    client.force_login(officer)
    prefix = f"m{measure.pk}"
    page = client.post(
        url(q3),
        {"action": f"copy:{prefix}", f"{prefix}-version": 0, f"{prefix}-actual": "55"},
    ).content.decode()
    assert "Tonnage held up over the summer." in page
    response = client.post(
        url(q3),
        {
            "action": "submit",
            f"{prefix}-version": 0,
            f"{prefix}-actual": "55",
            f"{prefix}-commentary": "Tonnage held up over the summer.",
        },
    )
    assert response.status_code == 302
    result = Result.objects.get(period=q3)
    assert (result.status, result.rag) == ("submitted", "green")
    assert result.commentary == "Tonnage held up over the summer."
