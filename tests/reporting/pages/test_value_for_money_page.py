"""Value for money by service: cost beside performance, ranked for review, as a page and Excel."""

from decimal import Decimal

import pytest
from django.urls import reverse

from scorecard.models import Measure, Result, Service, ServiceCost
from tests.support.councils import small_council
from tests.support.pages import body_rows, cells, count_queries, main, table
from tests.support.periods import period
from tests.support.reports import Xlsx
from tests.support.reports import table as sheet_rows

pytestmark = pytest.mark.django_db

Q2 = "2009/10 Q2"


def cost(service: Service, net: str, **fields) -> ServiceCost:
    return ServiceCost.objects.create(
        service=service, period=period("2009/10"), net_cost=Decimal(net), **fields
    )


@pytest.fixture
def costed(council):
    made = small_council()
    waste = Service.objects.create(directorate=made.environment, name="Waste")
    people = Service.objects.create(directorate=made.resources, name="Human resources")
    parks = Service.objects.create(directorate=made.environment, name="Parks")
    Measure.objects.filter(code__in=["NI 192", "NI 191"]).update(service=waste)  # Green, Amber
    Measure.objects.filter(code__in=["BV 012", "LPI 017"]).update(service=people)  # Red, NCI
    Measure.objects.filter(code="NI 192").update(customer_satisfaction=True)
    cost(waste, "900000", cost_per_head="9.75", unit_cost="61.20", unit="tonne")
    cost(people, "800000")
    cost(parks, "100000")
    return made


def ranking(client, **params):
    response = client.get(reverse("value_for_money"), {"period": Q2, **params})
    assert response.status_code == 200
    return table(main(response.content), "Services ranked for fundamental review")


def test_high_cost_low_performance_services_come_first(as_viewer, costed):
    rows = {cells(r)[1]: cells(r) for r in body_rows(ranking(as_viewer))}
    assert [cells(r)[1] for r in body_rows(ranking(as_viewer))] == [
        "Human resources",
        "Waste",
        "Parks",
    ]
    assert rows["Human resources"][10] == "High cost, low performance"
    assert rows["Human resources"][8] == "0% Green (0 of 1 rated measures)"  # NCI left out
    assert rows["Waste"][3:8] == [
        "£900,000",
        "1",
        "No comparator data",
        "£9.75",
        "£61.20 per tonne",
    ]
    assert rows["Waste"][9] == "1 of 1 Green"
    assert rows["Parks"][8:] == ["No rated measures", "No satisfaction measures", "Not placed"]


def test_the_chart_numbers_each_placed_service_and_names_the_quadrants_in_words(as_viewer, costed):
    page = main(as_viewer.get(reverse("value_for_money"), {"period": Q2}).content)
    svg = page.find("svg")
    assert svg.find("title").text == "Cost and performance by service, 2009/10 Q2"
    assert "High cost, low performance" in svg.text
    data = table(page, "Cost and performance by service")
    assert [cells(r)[:3] for r in body_rows(data)] == [
        ["1", "Human resources", "High cost, low performance"],
        ["2", "Waste", "High cost, high performance"],
    ]


def test_a_provisional_result_is_not_counted_as_performance(as_viewer, costed):
    Result.objects.filter(measure__code="NI 192", period__label=Q2).update(status="submitted")
    rows = {cells(r)[1]: cells(r) for r in body_rows(ranking(as_viewer))}
    assert rows["Waste"][8] == "0% Green (0 of 1 rated measures)"


def test_the_ranking_downloads_as_excel(as_viewer, costed):
    response = as_viewer.get(reverse("value_for_money"), {"period": Q2, "download": "xlsx"})
    rows = sheet_rows(Xlsx(response.content)["Value for money"])
    assert [r["Service"].value for r in rows] == ["Human resources", "Waste", "Parks"]
    assert rows[1]["Net cost"].value == 900000
    assert rows[0]["Quadrant"].value == "High cost, low performance"


def test_the_page_costs_a_fixed_number_of_queries(as_viewer, costed, django_assert_max_num_queries):
    url = reverse("value_for_money")
    as_viewer.get(url, {"period": Q2})
    few = count_queries(lambda: as_viewer.get(url, {"period": Q2}))
    for n in range(20):
        cost(Service.objects.create(directorate=costed.resources, name=f"Service {n}"), str(n))
    with django_assert_max_num_queries(few):
        as_viewer.get(url, {"period": Q2})


def test_signing_in_is_required(client, costed):
    response = client.get(reverse("value_for_money"))
    assert response.status_code == 302 and "login" in response.url
