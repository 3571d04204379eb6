"""The plan workbook sets target profiles, range measures and forecasts (issue 10)."""

from decimal import Decimal

import pytest

from scorecard.models import Measure, Result, Target
from tests.support.workbooks import write_csv_folder

pytestmark = pytest.mark.django_db
D = Decimal

SICKNESS = [
    "BV 012",
    "Working days lost to sickness",
    "Lower is better",
    "days",
    "2",
    "Yes",
    "Even",
]
MEASURE_HEADER = [
    "Code",
    "Title",
    "Polarity",
    "Unit",
    "Decimal places",
    "Cumulative",
    "Target profile",
]
BUDGET = ["FIN 01", "Budget variance", "Within a range is better", "%", "1", "No", ""]


def quarter_targets(code):
    return {
        t.period.label: t for t in Target.objects.filter(measure__code=code, period__kind="quarter")
    }


def test_a_years_target_is_profiled_across_the_quarters(import_sheets):
    import_sheets(
        {
            "Measures": [MEASURE_HEADER, SICKNESS],
            "Targets": [["Code", "Period", "Target"], ["BV 012", "2009/10", "6.3"]],
        }
    )
    targets = quarter_targets("BV 012")
    assert [targets[f"2009/10 Q{n}"].value for n in range(1, 5)] == [
        D("1.575"),
        D("3.15"),
        D("4.725"),
        D("6.3"),
    ]
    assert targets["2009/10 Q1"].derivation.startswith(
        "2009/10 Q1 target 1.58 days = 25% of the annual 6.30 days"
    )
    assert Measure.objects.get(code="BV 012").target_profile == "even"


def test_a_seasonal_profile_is_kept_and_exported_as_written(import_sheets, tmp_path):
    seasonal = [*SICKNESS[:-1], "10, 20, 30, 40"]
    import_sheets({"Measures": [MEASURE_HEADER, seasonal]})
    measure = Measure.objects.get(code="BV 012")
    assert (measure.target_profile, measure.target_profile_shares) == (
        "seasonal",
        ["10", "20", "30", "40"],
    )
    from scorecard.workbook.sheets.framework import MeasuresSheet

    (row,) = list(MeasuresSheet().export_rows())
    headers = [column.header for column in MeasuresSheet.columns]
    assert row[headers.index("Target profile")] == "10,20,30,40"


def test_a_profile_that_does_not_add_to_100_is_refused_naming_its_cell(refused):
    bad = [*SICKNESS[:-1], "10,20,30,30"]
    errors = refused({"Measures": [MEASURE_HEADER, bad]})
    assert [(e.sheet, e.row, e.column) for e in errors] == [("Measures", 2, "Target profile")]
    assert "the profile's percentages add up to 90, not 100" in errors[0].message


def test_a_range_measures_targets_take_lower_and_upper(import_sheets):
    import_sheets(
        {
            "Measures": [MEASURE_HEADER, BUDGET],
            "Targets": [
                ["Code", "Period", "Target", "Lower", "Upper"],
                ["FIN 01", "2009/10 Q2", "", "-2", "2"],
            ],
        }
    )
    target = Target.objects.get(measure__code="FIN 01")
    assert (target.value, target.lower, target.upper) == (D(0), D(-2), D(2))


@pytest.mark.parametrize(
    ("row", "column", "message"),
    [
        (["FIN 01", "2009/10 Q2", "0", "-2", ""], "Upper", "give both Lower and Upper"),
        (["FIN 01", "2009/10 Q2", "0", "", ""], "Lower", "give both Lower and Upper"),
        (["FIN 01", "2009/10 Q2", "", "2", "-2"], "Upper", "is below the lower bound"),
        (["BV 012", "2009/10 Q2", "3", "1", "4"], "Lower", "is not rated within a range"),
    ],
)
def test_range_bounds_are_checked_cell_by_cell(refused, row, column, message):
    errors = refused(
        {
            "Measures": [MEASURE_HEADER, BUDGET, SICKNESS],
            "Targets": [["Code", "Period", "Target", "Lower", "Upper"], row],
        }
    )
    assert (errors[0].sheet, errors[0].row, errors[0].column) == ("Targets", 2, column)
    assert message in errors[0].message


def test_a_forecast_is_imported_and_rated_against_the_annual_target(import_sheets):
    import_sheets(
        {
            "Measures": [
                [*MEASURE_HEADER, "RAG method", "Tolerance"],
                [*SICKNESS[:-1], "Manual", "Forecast against annual target", "5%"],
            ],
            "Targets": [
                ["Code", "Period", "Target"],
                ["BV 012", "2009/10", "6.3"],
                ["BV 012", "2009/10 Q2", "3.15"],
            ],
            "Results": [
                ["Code", "Period", "Actual", "Forecast"],
                ["BV 012", "2009/10 Q2", "3.4", "6.2"],
            ],
        }
    )
    result = Result.objects.get(measure__code="BV 012")
    assert result.forecast == D("6.2")
    assert result.rag == "green"
    assert "the year-end forecast of 6.20 days" in result.rag_explanation


def test_an_old_workbook_without_the_new_columns_still_imports(tmp_path):
    from scorecard.workbook.importer import workbook_import

    folder = write_csv_folder(
        tmp_path / "old",
        {
            "Measures": [["Code", "Title"], ["NI 192", "Household waste recycled"]],
            "Targets": [["Code", "Period", "Target"], ["NI 192", "2009/10 Q2", "40"]],
            "Results": [["Code", "Period", "Actual"], ["NI 192", "2009/10 Q2", "41"]],
        },
    )
    assert workbook_import(path=folder) == {"Measures": 1, "Targets": 1, "Results": 1}
    assert Target.objects.get().derivation == ""


def test_targets_derived_on_import_are_each_audited_by_whoever_imported(make_workbook, team_member):
    from scorecard.returns.audit import history
    from scorecard.workbook.importer import workbook_import

    sheets = {
        "Measures": [MEASURE_HEADER, SICKNESS],
        "Targets": [["Code", "Period", "Target"], ["BV 012", "2009/10", "6.3"]],
    }
    workbook_import(path=make_workbook(sheets), user=team_member)
    q1 = quarter_targets("BV 012")["2009/10 Q1"]
    (entry,) = history([q1])
    assert entry.summary == "Derived BV 012 target 2009/10 Q1 from the annual target"
    assert entry.reason == q1.derivation
    assert entry.user == team_member

    sheets["Targets"][1][2] = "8"  # the annual target changes: the open quarters follow
    workbook_import(path=make_workbook(sheets), user=team_member)
    newest = history([q1])[0]
    assert newest.changes == {"target": ["1.575", "2"]}
    assert newest.reason.startswith("2009/10 Q1 target 2.00 days = 25% of the annual 8.00 days")
