"""The benchmarking summary reads the same few queries however many measures, areas and
years it places (issue 11: 250 measures among 400 areas within the page budget; `make bench`
measures the time), and keeps every value as the file wrote it."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.support.benchmarking import import_csv, neighbours
from tests.support.councils import measure

pytestmark = pytest.mark.django_db
YEARS = ["2021/22", "2022/23", "2023/24"]


def benchmarked(first: int, count: int, areas: int) -> None:
    rows = []
    for n in range(first, first + count):
        results = {year: str(n) for year in YEARS}
        measure(f"M {n:03d}", external_indicator=f"I{n}", results=results, rerate=False)
        for year in YEARS:
            rows += neighbours(f"I{n}", year, *[str(a) for a in range(areas)])
    import_csv(*rows)


def summary_queries(client) -> tuple[int, object]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("benchmarking"))
    assert response.status_code == 200
    return len(queries), response.context["summary"]


def test_more_measures_areas_and_years_cost_no_more_queries(
    client, viewer, django_assert_max_num_queries
):
    client.force_login(viewer)
    benchmarked(0, 2, areas=3)
    few, _ = summary_queries(client)
    benchmarked(2, 60, areas=40)
    with django_assert_max_num_queries(few):
        many, summary = summary_queries(client)
    assert len(summary.rows) == 62
    # M 030 is 30 among areas 0 to 39 (higher is better): 31 to 39 beat it and the area at
    # 30 ties, so 10th of 41.
    row = next(r for r in summary.rows if r.current.measure.code == "M 030")
    assert (row.current.position.rank, row.current.position.of) == (10, 41)
    assert row.movement == "same quartile"


def test_the_first_source_by_name_gives_an_areas_value(client, viewer):
    measure("NI 192", unit="%", decimal_places=1, external_indicator="I", results={"2023/24": "5"})
    import_csv(*neighbours("I", "2023/24", "41.20", "3"), source="B survey")
    import_csv(*neighbours("I", "2023/24", "1.25", "2"), source="A survey")
    client.force_login(viewer)
    response = client.get(reverse("measure_benchmarking", args=["NI 192"]))
    texts = {m.name: m.text for m in response.context["current"].members}
    assert texts["Neighbour 1"] == "1.25%"  # A survey's, as written, not B survey's 41.20
    assert response.context["current"].position.rank == 1
