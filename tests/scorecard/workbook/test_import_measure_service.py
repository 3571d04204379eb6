"""The Measures sheet's Service column: a measure linked to the service whose cost it is
weighed against on the value-for-money page (issue 11), exported as imported."""

import pytest

from scorecard.models import Directorate, Measure, Service, ServiceCost
from scorecard.workbook.sheets.framework import MeasuresSheet

pytestmark = pytest.mark.django_db

DIRECTORATES = {"Directorates": [["Name"], ["Environment"], ["Resources"]]}
MEASURES = ["Code", "Title", "Directorate", "Service"]


def test_a_measure_names_its_service_in_its_directorate(import_sheets):
    Service.objects.create(directorate=Directorate.objects.create(name="Environment"), name="Parks")
    import_sheets(
        {**DIRECTORATES, "Measures": [MEASURES, ["NI 197", "Biodiversity", "Environment", "Parks"]]}
    )
    assert Measure.objects.get(code="NI 197").service.name == "Parks"


def test_a_service_costed_in_the_same_workbook_is_known(import_sheets):
    import_sheets(
        {
            **DIRECTORATES,
            "Measures": [MEASURES, ["NI 192", "Recycling", "Environment", "Waste collection"]],
            "Service costs": [
                ["Directorate", "Service", "Year", "Net cost"],
                ["Environment", "Waste collection", "2009/10", "1250000"],
            ],
        }
    )
    service = Measure.objects.get(code="NI 192").service
    assert service.name == "Waste collection"
    assert ServiceCost.objects.get().service == service


def test_the_export_writes_the_service_and_imports_again_unchanged(import_sheets):
    import_sheets(
        {
            **DIRECTORATES,
            "Measures": [MEASURES, ["NI 192", "Recycling", "Environment", "Waste collection"]],
            "Service costs": [
                ["Directorate", "Service", "Year", "Net cost"],
                ["Environment", "Waste collection", "2009/10", "1"],
            ],
        }
    )
    headers = [column.header for column in MeasuresSheet.columns]
    (row,) = list(MeasuresSheet().export_rows())
    assert row[headers.index("Service")] == "Waste collection"
    import_sheets({"Measures": [headers, row]})
    assert Measure.objects.get(code="NI 192").service.name == "Waste collection"


def test_an_old_workbook_without_the_column_keeps_the_measures_service(import_sheets):
    parks = Service.objects.create(
        directorate=Directorate.objects.create(name="Environment"), name="Parks"
    )
    Measure.objects.create(code="NI 197", title="Biodiversity", service=parks)
    import_sheets({"Measures": [["Code", "Title"], ["NI 197", "Local biodiversity"]]})
    measure = Measure.objects.get(code="NI 197")
    assert (measure.title, measure.service) == ("Local biodiversity", parks)


def test_a_blank_service_unlinks_the_measure(import_sheets):
    parks = Service.objects.create(
        directorate=Directorate.objects.create(name="Environment"), name="Parks"
    )
    Measure.objects.create(code="NI 197", title="Biodiversity", service=parks)
    import_sheets({"Measures": [MEASURES, ["NI 197", "Biodiversity", "Environment", ""]]})
    assert Measure.objects.get(code="NI 197").service is None


@pytest.mark.parametrize(
    "directorate, service, message",
    [
        ("Environment", "Libraries", "there is no service 'Libraries' in Environment"),
        ("Resources", "Parks", "there is no service 'Parks' in Resources"),
        ("", "Parks", "a service belongs to a directorate: give the measure's Directorate"),
    ],
)
def test_an_unknown_service_is_refused_naming_sheet_row_and_column(
    refused, directorate, service, message
):
    Service.objects.create(directorate=Directorate.objects.create(name="Environment"), name="Parks")
    errors = refused(
        {
            **DIRECTORATES,
            "Measures": [
                MEASURES,
                ["NI 197", "Biodiversity", "Environment", "Parks"],
                ["NI 192", "Recycling", directorate, service],
            ],
        }
    )
    assert [(e.sheet, e.row, e.column) for e in errors] == [("Measures", 3, "Service")]
    assert message in errors[0].message
    assert not Measure.objects.exists()
