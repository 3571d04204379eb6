"""Months imported from the plan workbook roll up into their quarter and year."""

from decimal import Decimal

import pytest

from scorecard.models import Result
from scorecard.workbook.sheets.framework import ResultsSheet

pytestmark = pytest.mark.django_db

MEASURES = [
    ["Code", "Title", "Unit", "Frequency", "Decimal places"],
    ["LPI 012", "Working days lost to sickness", "days", "Monthly", "1"],
]


def test_imported_months_make_their_quarter(import_sheets):
    import_sheets(
        {
            "Measures": MEASURES,
            "Results": [
                ["Code", "Period", "Actual", "Status"],
                ["LPI 012", "Jul 2009", "2", "Approved"],
                ["LPI 012", "Aug 2009", "1.5", "Approved"],
                ["LPI 012", "Sep 2009", "2", "Submitted"],
            ],
        }
    )
    q2 = Result.objects.get(measure__code="LPI 012", period__label="2009/10 Q2")
    assert q2.actual == Decimal("1.5")  # a snapshot's quarter is its latest approved month…
    assert q2.status == "submitted"  # …and stays provisional while September waits
    assert q2.derivation.endswith("no approved figure for September 2009")


def test_rolled_up_results_are_not_exported_as_figures_to_import(import_sheets):
    import_sheets(
        {
            "Measures": MEASURES,
            "Results": [["Code", "Period", "Actual"], ["LPI 012", "Jul 2009", "2"]],
        }
    )
    assert Result.objects.filter(source="rolled_up").count() == 2  # the quarter and the year
    assert [row[1] for row in ResultsSheet().export_rows()] == ["Jul 2009"]
