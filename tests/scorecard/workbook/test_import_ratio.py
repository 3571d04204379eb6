"""Ratio measures in the plan workbook: Type and Aggregation on Measures, the parts on Results."""

from decimal import Decimal

import pytest

from scorecard.models import Measure, Result
from scorecard.workbook.errors import WorkbookRefused
from scorecard.workbook.sheets.framework import MeasuresSheet, ResultsSheet

pytestmark = pytest.mark.django_db

MEASURES = [
    ["Code", "Title", "Unit", "Frequency", "Decimal places", "Type", "Aggregation"],
    ["LPI 040", "Households re-housed", "%", "Monthly", "1", "Ratio", "Ratio"],
    ["LPI 012", "Days lost to sickness", "days", "Monthly", "1", "", "Average"],
    ["NI 191", "Residual household waste", "kg", "Quarterly", "1", "", ""],
]
RESULTS_HEADER = ["Code", "Period", "Numerator", "Denominator"]


def test_type_and_aggregation_are_read_with_blank_defaults(import_sheets):
    import_sheets({"Measures": MEASURES})
    found = {m.code: (m.measure_type, m.aggregation) for m in Measure.objects.all()}
    assert found == {
        "LPI 040": ("ratio", "ratio"),
        "LPI 012": ("simple", "average"),
        "NI 191": ("simple", ""),
    }


def test_numerator_and_denominator_make_the_actual_and_the_quarter(import_sheets):
    import_sheets(
        {
            "Measures": MEASURES,
            "Results": [
                RESULTS_HEADER,
                ["LPI 040", "Jul 2009", "400", "600"],
                ["LPI 040", "Aug 2009", "480", "700"],
                ["LPI 040", "Sep 2009", "400", "700"],
            ],
        }
    )
    july = Result.objects.get(measure__code="LPI 040", period__label="Jul 2009")
    assert july.actual == Decimal("66.6667")
    assert (july.numerator, july.denominator) == (Decimal(400), Decimal(600))
    q2 = Result.objects.get(measure__code="LPI 040", period__label="2009/10 Q2")
    assert q2.actual == Decimal(64)
    assert q2.derivation == "Q2 value 64.0% = 1,280 / 2,000, the sum of July to September"


def test_an_old_results_sheet_without_the_parts_imports_unchanged(import_sheets):
    import_sheets(
        {
            "Measures": MEASURES,
            "Results": [["Code", "Period", "Actual"], ["NI 191", "2009/10 Q2", "150.5"]],
        }
    )
    result = Result.objects.get(measure__code="NI 191")
    assert result.actual == Decimal("150.5") and result.numerator is None


@pytest.mark.parametrize(
    ("row", "column", "message"),
    [
        (["LPI 040", "Jul 2009", "5", "0"], "Denominator", "the denominator is zero"),
        (["LPI 040", "Jul 2009", "5", ""], "Denominator", "give both the numerator and"),
    ],
)
def test_a_bad_ratio_is_refused_naming_sheet_row_and_column(import_sheets, row, column, message):
    with pytest.raises(WorkbookRefused) as refused:
        import_sheets({"Measures": MEASURES, "Results": [RESULTS_HEADER, row]})
    (error,) = refused.value.errors
    assert (error.sheet, error.row, error.column) == ("Results", 2, column)
    assert error.message.startswith(message)
    assert not Result.objects.exists()


def test_an_actual_that_disagrees_with_its_parts_is_refused(import_sheets):
    with pytest.raises(WorkbookRefused) as refused:
        import_sheets(
            {
                "Measures": MEASURES,
                "Results": [
                    ["Code", "Period", "Actual", "Numerator", "Denominator"],
                    ["LPI 040", "Jul 2009", "65.5", "1280", "2000"],
                ],
            }
        )
    assert str(refused.value.errors[0]) == (
        'Results, row 2, column "Actual": the numerator and denominator make 64.0%, not this'
    )


def test_the_new_columns_are_exported(import_sheets):
    import_sheets(
        {
            "Measures": MEASURES,
            "Results": [
                ["Code", "Period", "Actual", "Numerator", "Denominator"],
                ["LPI 040", "Jul 2009", "64.0", "1280", "2000"],
            ],
        }
    )
    headers = [c.header for c in MeasuresSheet.columns]
    ratio = next(r for r in MeasuresSheet().export_rows() if r[0] == "LPI 040")
    assert ratio[headers.index("Type")] == "Ratio"
    assert ratio[headers.index("Aggregation")] == "Ratio"
    (exported,) = ResultsSheet().export_rows()
    result_headers = [c.header for c in ResultsSheet.columns]
    assert exported[result_headers.index("Numerator")] == 1280
    assert exported[result_headers.index("Denominator")] == 2000
