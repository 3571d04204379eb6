"""A service's cost quartile against the first comparator group (issue 11, value for money):
its cost per head where given, else its net cost, among the group's costs for the same year
under the service's cost indicator; lower cost is better. On the page, its 2 × 2 chart's table,
the Excel download and `export_report value-for-money`."""

import pytest
from django.core.management import call_command
from django.urls import reverse

from scorecard.models import Service
from tests.reporting.pages.test_value_for_money_page import Q2, costed  # noqa: F401
from tests.support.benchmarking import import_csv, neighbours
from tests.support.pages import body_rows, cells, main, table
from tests.support.reports import Pdf, Xlsx
from tests.support.reports import table as sheet_rows

pytestmark = pytest.mark.django_db

# Waste's £9.75 a head among £8, £10 and £12: 2nd of 4, second quartile.
WASTE = "2 (second quartile), 2nd of 4 in Nearest neighbours (cost per head)"


@pytest.fixture
def compared(costed):  # noqa: F811
    Service.objects.filter(name="Waste").update(cost_indicator="RS 490")
    # Human resources' comparators are for the year after only: never used for 2009/10.
    Service.objects.filter(name="Human resources").update(cost_indicator="RS 100")
    import_csv(
        *neighbours("RS 490", "2009/10", "8", "10", "12", unit="£"),
        *neighbours("RS 100", "2010/11", "700000", "900000", unit="£"),
    )
    return costed


def _page(client):
    return main(client.get(reverse("value_for_money"), {"period": Q2}).content)


def test_the_ranking_gives_the_cost_quartile_where_comparators_exist(as_viewer, compared):
    page = _page(as_viewer)
    rows = {
        cells(r)[1]: cells(r)
        for r in body_rows(table(page, "Services ranked for fundamental review"))
    }
    assert rows["Waste"][5] == WASTE
    assert rows["Human resources"][5] == "No comparator data"
    assert rows["Parks"][5] == "No comparator data"
    assert "among Nearest neighbours for 2009/10" in page.text


def test_the_chart_labels_the_cost_quartile_and_its_table_says_it(as_viewer, compared):
    page = _page(as_viewer)
    svg = page.find("svg")
    labels = [t.text for t in svg.find_all("text") if t.text in ("Q1", "Q2", "Q3", "Q4")]
    assert labels == ["Q2"]  # Waste alone has comparator costs
    assert "its cost quartile among Nearest neighbours (Q1 cheapest)" in svg.text
    data = table(page, "Cost and performance by service")
    by_service = {cells(r)[1]: cells(r) for r in body_rows(data)}
    assert by_service["Waste"][4] == WASTE
    assert by_service["Human resources"][4] == "No comparator data"


def test_net_cost_is_placed_when_there_is_no_cost_per_head(as_viewer, compared):
    import_csv(*neighbours("RS 100", "2009/10", "700000", "900000", unit="£"), group="Another")
    page = _page(as_viewer)  # "Another" sorts first by name, so is the group used
    rows = {
        cells(r)[1]: cells(r)
        for r in body_rows(table(page, "Services ranked for fundamental review"))
    }
    assert rows["Human resources"][5] == "2 (second quartile), 2nd of 3 in Another (net cost)"


def test_the_excel_download_and_the_report_carry_it(as_viewer, compared, tmp_path):
    response = as_viewer.get(reverse("value_for_money"), {"period": Q2, "download": "xlsx"})
    rows = {r["Service"].value: r for r in sheet_rows(Xlsx(response.content)["Value for money"])}
    assert rows["Waste"]["Cost quartile"].value == WASTE
    assert rows["Parks"]["Cost quartile"].value == "No comparator data"
    out = tmp_path / "vfm.pdf"
    call_command(
        "export_report", "value-for-money", "--period", Q2, "--format", "pdf", "-o", str(out)
    )
    text = Pdf(out.read_bytes()).text
    assert "2nd of 4 in Nearest neighbours" in text
    assert "cheapest quarter of Nearest neighbours" in text
