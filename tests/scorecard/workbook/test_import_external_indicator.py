"""Measures name their external indicator, so comparator values line up (issue 11)."""

import pytest

from scorecard.models import Measure
from scorecard.workbook.sheets.framework import MeasuresSheet

pytestmark = pytest.mark.django_db


def test_the_measures_sheet_takes_an_external_indicator_and_exports_it(import_sheets):
    import_sheets(
        {
            "Measures": [
                ["Code", "Title", "External indicator"],
                ["NI 192", "Household waste recycled", "LGI 45"],
            ]
        }
    )
    assert Measure.objects.get(code="NI 192").external_indicator == "LGI 45"
    headers = [column.header for column in MeasuresSheet.columns]
    (row,) = list(MeasuresSheet().export_rows())
    assert row[headers.index("External indicator")] == "LGI 45"


def test_a_workbook_without_the_column_keeps_what_is_stored(import_sheets):
    import_sheets(
        {"Measures": [["Code", "Title", "External indicator"], ["NI 192", "Waste", "X1"]]}
    )
    import_sheets({"Measures": [["Code", "Title"], ["NI 192", "Waste recycled"]]})
    measure = Measure.objects.get(code="NI 192")
    assert (measure.title, measure.external_indicator) == ("Waste recycled", "X1")
