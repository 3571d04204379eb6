"""The officer's form takes a year-end forecast; the page shows a range and a derived target."""

from decimal import Decimal

import pytest
from django.urls import reverse

from scorecard.models import Result, Target
from tests.support.factories import ResultFactory
from tests.support.periods import open_period
from tests.support.returns import edit_url, result_form

pytestmark = pytest.mark.django_db
D = Decimal


def test_a_forecast_is_entered_beside_the_actual_and_kept(client, officer, measure, q3):
    client.force_login(officer)
    page = client.get(edit_url(measure, q3)).content.decode()
    assert 'name="forecast"' in page and "Year-end forecast (optional)" in page
    response = client.post(
        edit_url(measure, q3), result_form("draft", actual="48.5", forecast="52")
    )
    assert response.status_code == 302
    assert Result.objects.get().forecast == D("52")
    page = client.get(edit_url(measure, q3)).content.decode()
    assert 'value="52.0"' in page


def test_check_rag_rates_the_forecast_when_the_measure_is_rated_by_forecast(
    client, officer, measure, q3
):
    measure.rag_method = "forecast"
    measure.save()
    Target.objects.create(measure=measure, period=open_period("2009/10"), value=D(55))
    client.force_login(officer)
    page = client.post(
        edit_url(measure, q3), result_form("check", actual="30", forecast="56")
    ).content.decode()
    assert "the year-end forecast of 56.0% is on or better than the annual target of 55.0%" in page


def test_a_range_measures_page_shows_its_range(client, officer, measure, q3):
    measure.polarity = "range"
    measure.save()
    Target.objects.filter(measure=measure, period=q3).update(value=0, lower=-2, upper=2)
    client.force_login(officer)
    page = client.get(edit_url(measure, q3)).content.decode()
    assert "<dt>Range</dt><dd>-2.0% to 2.0%</dd>" in page
    assert "Within a range is better" in page


def test_a_derived_target_says_how_it_was_derived(client, officer, measure, q3):
    Target.objects.filter(measure=measure, period=q3).update(
        derivation="2009/10 Q3 target 50.0% = the annual target, which a snapshot measure is "
        "held to in every period"
    )
    client.force_login(officer)
    page = client.get(edit_url(measure, q3)).content.decode()
    assert "How the target was set" in page
    assert "which a snapshot measure is held to in every period" in page


def test_the_update_all_table_keeps_a_stored_forecast(client, officer, measure, q3):
    stored = ResultFactory(measure=measure, period=q3, actual=D(50), forecast=D(60), status="draft")
    client.force_login(officer)
    prefix = f"m{measure.pk}"
    data = {
        "action": "draft",
        f"{prefix}-version": stored.version,
        f"{prefix}-actual": "51",
        f"{prefix}-commentary": "Up.",
    }
    response = client.post(reverse("returns:update_all", args=[q3.pk]), data)
    assert response.status_code == 302
    stored.refresh_from_db()
    assert (stored.actual, stored.forecast) == (D(51), D(60))
