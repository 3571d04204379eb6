"""The Service costs sheet: each service's net cost a year, refused by row and column if wrong."""

from decimal import Decimal

import pytest

from scorecard.models import Measure, Service, ServiceCost

pytestmark = pytest.mark.django_db

DIRECTORATES = {"Directorates": [["Name"], ["Environment"]]}
HEADER = ["Directorate", "Service", "Year", "Net cost", "Cost per head", "Cost per unit", "Unit"]


def test_costs_are_imported_and_their_services_added(import_sheets):
    import_sheets(
        {
            **DIRECTORATES,
            "Service costs": [
                HEADER,
                [
                    "Environment",
                    "Waste collection",
                    "2009/10",
                    "£1,250,000",
                    "9.75",
                    "61.2",
                    "tonne",
                ],
                ["Environment", "Parks", "2009/10", "400000", "", "", ""],
            ],
        }
    )
    waste = ServiceCost.objects.get(service__name="Waste collection")
    assert (waste.net_cost, waste.cost_per_head, waste.unit_cost, waste.unit) == (
        Decimal("1250000"),
        Decimal("9.75"),
        Decimal("61.2"),
        "tonne",
    )
    assert waste.period.label == "2009/10"
    assert set(Service.objects.values_list("name", flat=True)) == {"Waste collection", "Parks"}


def test_importing_a_year_again_replaces_its_figures(import_sheets):
    def sheet(cost: str) -> dict:
        return {
            **DIRECTORATES,
            "Service costs": [HEADER[:4], ["Environment", "Parks", "2009/10", cost]],
        }

    import_sheets(sheet("400000"))
    import_sheets(sheet("380000"))
    assert list(ServiceCost.objects.values_list("net_cost", flat=True)) == [Decimal("380000")]


@pytest.mark.parametrize(
    "bad, column, message",
    [
        (["Environment", "Parks", "2009/10 Q2", "1"], "Year", "a financial year such as 2009/10"),
        (["Environment", "Parks", "2009/10", "lots"], "Net cost", "'lots' is not a number"),
        (["Housing", "Parks", "2009/10", "1"], "Directorate", "there is no directorate 'Housing'"),
    ],
)
def test_a_bad_row_is_refused_naming_sheet_row_and_column(refused, bad, column, message):
    errors = refused(
        {
            **DIRECTORATES,
            "Service costs": [HEADER[:4], ["Environment", "Parks", "2008/09", "1"], bad],
        }
    )
    assert [(e.sheet, e.row, e.column) for e in errors] == [("Service costs", 3, column)]
    assert message in errors[0].message
    assert not ServiceCost.objects.exists()


def test_a_measure_is_tagged_as_customer_satisfaction(import_sheets):
    import_sheets(
        {
            "Measures": [
                ["Code", "Title", "Customer satisfaction"],
                ["BV 003", "Satisfaction with complaint handling", "Yes"],
                ["NI 191", "Residual household waste", ""],
            ]
        }
    )
    tagged = dict(Measure.objects.values_list("code", "customer_satisfaction"))
    assert tagged == {"BV 003": True, "NI 191": False}
