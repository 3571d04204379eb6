"""The plan workbook refuses a result with a likelihood and no impact, or the reverse."""

import pytest

from scorecard.models import Result

pytestmark = pytest.mark.django_db

BACKGROUND = {"Measures": [["Code", "Title"], ["NI 191", "Residual household waste"]]}


def test_a_likelihood_without_an_impact_is_refused_naming_sheet_row_and_column(refused):
    errors = refused(
        {
            **BACKGROUND,
            "Results": [
                ["Code", "Period", "Actual", "Likelihood", "Impact"],
                ["NI 191", "2009/10 Q1", "470", "3", "4"],
                ["NI 191", "2009/10 Q2", "474", "3", ""],
            ],
        }
    )
    assert [(e.sheet, e.row, e.column) for e in errors] == [("Results", 3, "Impact")]
    assert "Give the impact as well as the likelihood, or neither" in errors[0].message
    assert not Result.objects.exists()


def test_an_impact_column_without_a_likelihood_column_is_refused(refused):
    errors = refused(
        {
            **BACKGROUND,
            "Results": [["Code", "Period", "Impact"], ["NI 191", "2009/10 Q1", "4"]],
        }
    )
    assert [(e.sheet, e.row, e.column) for e in errors] == [("Results", 2, "Impact")]
    assert "likelihood" in errors[0].message


def test_both_or_neither_are_imported(import_sheets):
    import_sheets(
        {
            **BACKGROUND,
            "Results": [
                ["Code", "Period", "Actual", "Likelihood", "Impact"],
                ["NI 191", "2009/10 Q1", "470", "3", "4"],
                ["NI 191", "2009/10 Q2", "474", "", ""],
            ],
        }
    )
    assert [r.risk_score for r in Result.objects.order_by("period__start")] == [12, None]
