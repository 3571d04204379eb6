"""A measure's chart keeps to its own periods, and a range measure's chart draws its band."""

from decimal import Decimal

import pytest
from django.urls import reverse

from reporting.charts import Band, Series, line_chart
from scorecard.models import Target
from scorecard.services.rating import results_rerate
from tests.support.councils import measure
from tests.support.pages import cells, headers, main, parse, table

pytestmark = pytest.mark.django_db
CAPTION_OF = "{}: actual against target"


def chart_data(client, code):
    page = main(client.get(reverse("measure", args=[code])).content)
    figure = page.find("figure")
    data = table(figure, CAPTION_OF.format(code))
    return figure, headers(data), [cells(tr) for tr in data.find("tbody").find_all("tr")]


def test_a_monthly_measures_chart_draws_its_months_not_its_quarters_or_year(as_viewer, council):
    measure(
        "LPI 012",
        title="Sickness days",
        unit="days",
        frequency="monthly",
        decimal_places=1,
        targets={"Jul 2009": "2", "Aug 2009": "2", "2009/10 Q2": "6", "2009/10": "24"},
        results={"Jul 2009": "1.5", "Aug 2009": "2.5", "2009/10 Q2": "4"},
    )
    _figure, _headers, rows = chart_data(as_viewer, "LPI 012")
    assert [row[0] for row in rows] == ["Jul 2009", "Aug 2009"]
    # The page's history table still shows the quarter and the year, with their figures.
    page = main(as_viewer.get(reverse("measure", args=["LPI 012"])).content)
    history = table(page, "Targets, results and commentary by period").text
    assert "2009/10 Q2" in history


def test_a_range_measures_chart_draws_the_band_and_its_table_says_the_range(as_viewer, council):
    made = measure(
        "FIN 01",
        title="Budget variance",
        polarity="range",
        decimal_places=1,
        tolerance_amount=Decimal(1),
        tolerance_is_percent=False,
        allows_out_of_range=True,
        targets={"2009/10 Q1": "0", "2009/10 Q2": "0"},
        results={"2009/10 Q1": "1.2", "2009/10 Q2": "-0.4"},
        rerate=False,
    )
    Target.objects.filter(measure=made).update(lower=-2, upper=2)
    results_rerate(measure_ids=[made.pk])
    figure, names, rows = chart_data(as_viewer, "FIN 01")
    assert names == ["Period", "Actual", "Target range"]  # no middle line called a target
    assert rows == [
        ["2009/10 Q1", "1.2%", "-2.0% to 2.0%"],
        ["2009/10 Q2", "-0.4%", "-2.0% to 2.0%"],
    ]
    svg = figure.find("svg")
    assert len(svg.find_all("polygon")) == 1  # the band, shaded from lower to upper
    assert "Target range" in [t.text for t in svg.find_all("text")]


def test_a_band_is_broken_where_a_period_has_no_range():
    band = Band(
        "Target range",
        [Decimal(-2), None, Decimal(-1), Decimal(-1)],
        [Decimal(2), None, Decimal(1), Decimal(3)],
    )
    chart = line_chart(
        ["Q1", "Q2", "Q3", "Q4"],
        [Series("Actual", [Decimal(1), Decimal(0), None, Decimal(2)])],
        "Variance",
        unit="%",
        band=band,
    )
    svg = parse(str(chart.svg)).find("svg")
    assert len(svg.find_all("rect")) == 2  # Q1's lone range and the legend's sample
    assert len(svg.find_all("polygon")) == 1  # Q3 to Q4
    assert [row[-1] for row in chart.rows] == ["-2% to 2%", "–", "-1% to 1%", "-1% to 3%"]
