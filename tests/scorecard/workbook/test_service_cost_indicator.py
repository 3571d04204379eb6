"""The Service costs sheet's optional Cost indicator column: the id comparator files give the
service's cost under, for its cost quartile on the value-for-money page (issue 11)."""

import pytest

from scorecard.models import Service, ServiceCost
from scorecard.workbook.sheets.costs import ServiceCostsSheet

pytestmark = pytest.mark.django_db

DIRECTORATES = {"Directorates": [["Name"], ["Environment"]]}
HEADER = ["Directorate", "Service", "Year", "Net cost", "Cost per head", "Cost indicator"]


def costs(*rows: list) -> dict:
    return {**DIRECTORATES, "Service costs": [HEADER, *rows]}


def test_a_service_takes_its_cost_indicator_and_the_export_writes_it_back(import_sheets):
    import_sheets(
        costs(
            ["Environment", "Waste collection", "2008/09", "1200000", "9.5", "RS 490"],
            ["Environment", "Waste collection", "2009/10", "1250000", "9.75", ""],
            ["Environment", "Parks", "2009/10", "400000", "", ""],
        )
    )
    assert dict(Service.objects.values_list("name", "cost_indicator")) == {
        "Waste collection": "RS 490",
        "Parks": "",
    }
    rows = list(ServiceCostsSheet().export_rows())
    assert [row[-1] for row in rows] == [None, "RS 490", "RS 490"]  # Parks first
    assert [c.header for c in ServiceCostsSheet.columns][-1] == "Cost indicator"


def test_blank_cells_in_every_row_of_a_service_clear_its_indicator(import_sheets):
    import_sheets(costs(["Environment", "Parks", "2009/10", "400000", "", "RS 100"]))
    import_sheets(costs(["Environment", "Parks", "2009/10", "400000", "", ""]))
    assert Service.objects.get(name="Parks").cost_indicator == ""


def test_a_workbook_without_the_column_keeps_each_services_indicator(import_sheets):
    import_sheets(costs(["Environment", "Parks", "2009/10", "400000", "", "RS 100"]))
    import_sheets(
        {**DIRECTORATES, "Service costs": [HEADER[:4], ["Environment", "Parks", "2009/10", "1"]]}
    )
    assert Service.objects.get(name="Parks").cost_indicator == "RS 100"


def test_two_indicators_for_one_service_are_refused_by_sheet_row_and_column(refused):
    errors = refused(
        costs(
            ["Environment", "Parks", "2008/09", "400000", "", "RS 100"],
            ["Environment", "Parks", "2009/10", "410000", "", "RS 200"],
        )
    )
    assert [(e.sheet, e.row, e.column) for e in errors] == [("Service costs", 3, "Cost indicator")]
    assert "already has cost indicator 'RS 100' on row 2" in errors[0].message
    assert not ServiceCost.objects.exists() and not Service.objects.exists()
