"""A measure's page shows a range, how a target was derived, and the year-end forecast."""

from decimal import Decimal

import pytest
from django.urls import reverse

from scorecard.models import Result, Target
from tests.support.councils import measure
from tests.support.pages import cells, headers, main, row_cells, table

pytestmark = pytest.mark.django_db

HISTORY = "Targets, results and commentary by period"


def page_for(client, code: str):
    response = client.get(reverse("measure", args=[code]))
    assert response.status_code == 200
    return main(response.content)


def test_a_range_measures_history_shows_each_periods_range(as_viewer, council):
    made = measure(
        "FIN 01",
        title="Budget variance",
        polarity="range",
        decimal_places=1,
        tolerance_amount=Decimal(1),
        tolerance_is_percent=False,
        allows_out_of_range=True,
        targets={"2009/10 Q2": "0"},
        results={"2009/10 Q2": "2.6"},
        rerate=False,
    )
    Target.objects.filter(measure=made).update(lower=-2, upper=2)
    from scorecard.services.rating import results_rerate

    results_rerate(measure_ids=[made.pk])
    history = table(page_for(as_viewer, "FIN 01"), HISTORY)
    assert headers(history)[1] == "Range"
    q2 = row_cells(history, "2009/10 Q2")
    assert q2["Range"] == "-2.0% to 2.0%"
    assert "Amber" in q2["RAG"]


def test_a_derived_target_says_how_it_was_made(as_viewer, council):
    made = measure(
        "BV 012",
        title="Sickness",
        unit="days",
        decimal_places=2,
        targets={"2009/10 Q2": "3.15"},
    )
    Target.objects.filter(measure=made).update(
        derivation="2009/10 Q2 target 3.15 days = 50% of the annual 6.30 days by the "
        "council's profile (even, year to date)"
    )
    q2 = row_cells(table(page_for(as_viewer, "BV 012"), HISTORY), "2009/10 Q2")
    assert q2["Target"].startswith("3.15 days")
    assert q2["Target"].endswith(
        "= 50% of the annual 6.30 days by the council's profile (even, year to date)"
    )


def test_the_chart_draws_the_forecast_dashed_with_it_in_the_data_table(as_viewer, council):
    made = measure(
        "NI 191",
        title="Residual waste",
        unit="kg",
        targets={"2009/10 Q1": "150", "2009/10 Q2": "300"},
        results={"2009/10 Q1": "140", "2009/10 Q2": "310"},
    )
    Result.objects.filter(measure=made).update(forecast=Decimal(590))
    page = page_for(as_viewer, "NI 191")
    figure = page.find("figure")
    assert len(figure.find("svg").find_all("polyline", stroke_dasharray="6 4")) == 2
    data = table(figure, "NI 191: actual against target")
    assert headers(data) == ["Period", "Actual", "Target", "Year-end forecast"]
    assert [cells(tr) for tr in data.find("tbody").find_all("tr")] == [
        ["2009/10 Q1", "140 kg", "150 kg", "590 kg"],
        ["2009/10 Q2", "310 kg", "300 kg", "590 kg"],
    ]
    q2 = row_cells(table(page, HISTORY), "2009/10 Q2")
    assert "Year-end forecast 590 kg" in q2["Actual"]
