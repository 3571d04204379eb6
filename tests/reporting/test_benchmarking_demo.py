"""The demo council's invented comparator data: a dozen measures among 16 neighbours."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_the_demo_benchmarks_a_dozen_measures_against_16_neighbours(demo_council, client, viewer):
    client.force_login(viewer)
    response = client.get(reverse("benchmarking"), {"period": "2009/10 Q2"})
    summary = response.context["summary"]
    assert response.context["group"].name == "Nearest neighbours (16, invented)"
    assert len(summary.rows) == 12
    assert {row.current.position.of for row in summary.rows} == {17}
    assert {row.current.period.label for row in summary.rows} == {"2009/10 Q2"}
    assert sum(number for _, number in summary.quartile_counts) == 12
    assert dict(summary.movement_counts)["No comparison with last year"] == 0


def test_a_demo_measures_page_shows_its_chart(demo_council, client, viewer):
    client.force_login(viewer)
    page = client.get(reverse("measure_benchmarking", args=["NI 192"])).content.decode()
    assert "of 17 in Nearest neighbours (16, invented)" in page
    assert "Quarrington County Council (invented)" in page


def test_the_demo_places_four_services_costs_among_the_neighbours(demo_council, client, viewer):
    client.force_login(viewer)
    response = client.get(reverse("value_for_money"), {"period": "2009/10 Q2"})
    rows = {row.service: row.cost_quartile for row in response.context["page"].rows}
    placed = [name for name, quartile in rows.items() if "of 17 in Nearest neighbours" in quartile]
    assert sorted(placed) == ["Fire and rescue", "Libraries", "Planning", "Waste management"]
    assert rows["Human resources"] == "No comparator data"
