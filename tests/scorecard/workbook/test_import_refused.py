"""A workbook with any error is refused whole: every error is located and nothing is written."""

import pytest
from django.core.management import CommandError, call_command

from scorecard.models import Measure, ReportingPeriod, Result
from scorecard.workbook.errors import WorkbookError, WorkbookRefused
from scorecard.workbook.importer import workbook_import
from tests.support.workbooks import council_workbook, row_counts, write_csv_folder

pytestmark = pytest.mark.django_db

BLANK = ["", "", "", ""]

# What the erroneous rows refer to: a directorate, an officer, a plan with an objective and a
# recommendation, a measure and an action.
BACKGROUND = {
    "Directorates": [["Name"], ["Resources"]],
    "Officers": [["Username", "Name"], ["scapaldi", "Stephen Capaldi"]],
    "Plans": [["Code", "Title"], ["CPA-2002", "CPA Improvement Plan 2002"]],
    "Objectives": [["Code", "Title", "Plan"], ["CPA-P1", "Forward planning", "CPA-2002"]],
    "Recommendations": [["Plan", "Code", "Text"], ["CPA-2002", "1a", "Articulate a vision"]],
    "Measures": [["Code", "Title"], ["NI 191", "Residual household waste"]],
    "Actions": [["Code", "Title", "Objective"], ["CPA-1a.1", "Incorporate Our Aim", "CPA-P1"]],
}


def bad_fourth_row(header: list[str], good: list[str], bad: list[str]) -> list[list[str]]:
    """A sheet whose row 2 is right, row 3 blank and row 4 wrong, as Excel numbers them."""
    return [header, good, BLANK[: len(header)], bad]


# (sheet, header as the user wrote it, a good row, a bad row, column as written, message)
CASES = {
    "blank required cell": (
        "Measures",
        ["Code", "TITLE"],
        ["NI 191", "Residual household waste"],
        ["NI 192", ""],
        "TITLE",
        "this cell is required",
    ),
    "unknown objective": (
        "Measures",
        ["Code", "Title", "Objective"],
        ["NI 191", "Residual household waste", "CPA-P1"],
        ["NI 192", "Household waste recycled", "CPA-P1, CIP99"],
        "Objective",
        "there is no objective 'CIP99' in this workbook or the database",
    ),
    "unknown parent": (
        "Objectives",
        ["Code", "Title", "parent"],
        ["CPA-P1", "Forward planning", ""],
        ["CPA-P1.1", "Articulate a vision", "CPA-P9"],
        "parent",
        "there is no objective 'CPA-P9' in this workbook or the database",
    ),
    "unknown plan": (
        "Objectives",
        ["Code", "Title", "Plan"],
        ["CPA-P1", "Forward planning", "CPA-2002"],
        ["CIP01", "Be recognised as an excellent authority", "CIP-2099"],
        "Plan",
        "there is no plan 'CIP-2099' in this workbook or the database",
    ),
    "unknown directorate": (
        "Measures",
        ["Code", "Title", "Directorate"],
        ["NI 191", "Residual household waste", "Resources"],
        ["NI 192", "Household waste recycled", "Social Care"],
        "Directorate",
        "there is no directorate 'Social Care' in this workbook or the database",
    ),
    "unknown perspective": (
        "Measures",
        ["Code", "Title", "Perspective"],
        ["NI 191", "Residual household waste", "Customer"],
        ["NI 192", "Household waste recycled", "Innovation"],
        "Perspective",
        "there is no perspective 'Innovation' in this workbook or the database",
    ),
    "unknown updater": (
        "Measures",
        ["Code", "Title", "Updaters"],
        ["NI 191", "Residual household waste", "scapaldi"],
        ["NI 192", "Household waste recycled", "scapaldi, jbloggs"],
        "Updaters",
        "there is no officer with username 'jbloggs' in this workbook or the database",
    ),
    "unknown measure": (
        "Targets",
        ["Code", "Period", "Target"],
        ["NI 191", "2009/10 Q2", "459"],
        ["NI 999", "2009/10 Q2", "40"],
        "Code",
        "there is no measure 'NI 999' in this workbook or the database",
    ),
    "unknown action": (
        "Action updates",
        ["Code", "Period", "RAG"],
        ["CPA-1a.1", "2009/10 Q2", "G"],
        ["CPA-9z.9", "2009/10 Q2", "G"],
        "Code",
        "there is no action 'CPA-9z.9' in this workbook or the database",
    ),
    "unknown recommendation of a finding": (
        "Findings",
        ["Plan", "Code", "Text", "Recommendation"],
        ["CPA-2002", "3", "Key objectives not sufficiently explained", "1a"],
        ["CPA-2002", "4", "No shared vision statement", "9z"],
        "Recommendation",
        "there is no recommendation in plan CPA-2002 coded '9z'",
    ),
    "financial year that is not consecutive": (
        "Results",
        ["Code", "period", "Actual"],
        ["NI 191", "2009/10 Q1", "470"],
        ["NI 191", "2009/11 Q2", "474"],
        "period",
        "'2009/11 Q2' is not a period: the years of a financial year must be consecutive",
    ),
    "quarter five": (
        "Targets",
        ["Code", "Period", "Target"],
        ["NI 191", "2009/10 Q1", "459"],
        ["NI 191", "2009/10 Q5", "459"],
        "Period",
        "'2009/10 Q5' is not a period: quarters are Q1 to Q4",
    ),
    "baseline period that is not a period": (
        "Measures",
        ["Code", "Title", "Baseline period"],
        ["NI 191", "Residual household waste", "2008/09"],
        ["NI 192", "Household waste recycled", "last year"],
        "Baseline period",
        "'last year' is not a period",
    ),
    "actual that is not a number": (
        "Results",
        ["Code", "Period", "Actual"],
        ["NI 191", "2009/10 Q1", "470"],
        ["NI 191", "2009/10 Q2", "n/a"],
        "Actual",
        "'n/a' is not a number",
    ),
    "target that is not a number": (
        "Targets",
        ["Code", "Period", "Target"],
        ["NI 191", "2009/10 Q1", "459"],
        ["NI 191", "2009/10 Q2", "TBC"],
        "Target",
        "'TBC' is not a number",
    ),
    "RAG that is not a RAG": (
        "Results",
        ["Code", "Period", "RAG"],
        ["NI 191", "2009/10 Q1", "Green"],
        ["NI 191", "2009/10 Q2", "Purple"],
        "RAG",
        "'Purple' is not a RAG: use G, A, R, Green, Amber or Red, or leave blank",
    ),
    "NCI entered as a RAG": (
        "Action updates",
        ["Code", "Period", "RAG"],
        ["CPA-1a.1", "2009/10 Q1", "A"],
        ["CPA-1a.1", "2009/10 Q2", "NCI"],
        "RAG",
        "'NCI' is not a RAG",
    ),
    "unknown RAG method": (
        "Measures",
        ["Code", "Title", "RAG method"],
        ["NI 191", "Residual household waste", "Tolerance"],
        ["NI 192", "Household waste recycled", "Traffic lights"],
        "RAG method",
        "'Traffic lights' is not a RAG method: use one of Tolerance, Tolerance with improvement, "
        "Judgement, Data only",
    ),
    "polarity that is not a polarity": (
        "Measures",
        ["Code", "Title", "Polarity"],
        ["NI 191", "Residual household waste", "Lower is better"],
        ["NI 192", "Household waste recycled", "Sideways"],
        "Polarity",
        "'Sideways' is not a polarity: use Higher is better, Lower is better or "
        "Within a range is better",
    ),
    "negative tolerance": (
        "Measures",
        ["Code", "Title", "Tolerance"],
        ["NI 191", "Residual household waste", "10%"],
        ["NI 192", "Household waste recycled", "-5"],
        "Tolerance",
        "'-5' is not a tolerance: a tolerance cannot be negative",
    ),
    "tolerance that is not a number": (
        "Measures",
        ["Code", "Title", "Tolerance"],
        ["NI 191", "Residual household waste", "10%"],
        ["NI 192", "Household waste recycled", "ten percent"],
        "Tolerance",
        "'ten percent' is not a tolerance",
    ),
    "decimal places out of range": (
        "Measures",
        ["Code", "Title", "Decimal places"],
        ["NI 191", "Residual household waste", "0"],
        ["NI 192", "Household waste recycled", "5"],
        "Decimal places",
        "'5' is not a whole number from 0 to 4",
    ),
    "family that is not a family": (
        "Measures",
        ["Code", "Title", "Family"],
        ["NI 191", "Residual household waste", "National"],
        ["NI 192", "Household waste recycled", "International"],
        "Family",
        "'International' is not a family",
    ),
    "frequency that is not a frequency": (
        "Measures",
        ["Code", "Title", "Frequency"],
        ["NI 191", "Residual household waste", "Quarterly"],
        ["NI 192", "Household waste recycled", "Fortnightly"],
        "Frequency",
        "'Fortnightly' is not a frequency",
    ),
    "yes or no that is neither": (
        "Measures",
        ["Code", "Title", "Published"],
        ["NI 191", "Residual household waste", "Yes"],
        ["NI 192", "Household waste recycled", "Maybe"],
        "Published",
        "'Maybe' is not Yes or No",
    ),
    "likelihood above five": (
        "Results",
        ["Code", "Period", "Likelihood", "Impact"],
        ["NI 191", "2009/10 Q1", "5", "1"],
        ["NI 191", "2009/10 Q2", "6", "1"],
        "Likelihood",
        "'6' is not a whole number from 1 to 5",
    ),
    "likelihood of zero": (
        "Results",
        ["Code", "Period", "Likelihood", "Impact"],
        ["NI 191", "2009/10 Q1", "1", "1"],
        ["NI 191", "2009/10 Q2", "0", "1"],
        "Likelihood",
        "'0' is not a whole number from 1 to 5",
    ),
    "impact that is a fraction": (
        "Results",
        ["Code", "Period", "Likelihood", "Impact"],
        ["NI 191", "2009/10 Q1", "1", "3"],
        ["NI 191", "2009/10 Q2", "1", "2.5"],
        "Impact",
        "'2.5' is not a whole number from 1 to 5",
    ),
    "status that is not a status": (
        "Results",
        ["Code", "Period", "Status"],
        ["NI 191", "2009/10 Q1", "Approved"],
        ["NI 191", "2009/10 Q2", "Signed off"],
        "Status",
        "'Signed off' is not a status",
    ),
    "role that is not a role": (
        "Officers",
        ["Username", "Roles"],
        ["scapaldi", "Officer"],
        ["wbin", "Officer, Mayor"],
        "Roles",
        "'Mayor' is not a role",
    ),
    "due date that is not a date": (
        "Actions",
        ["Code", "Title", "Due"],
        ["CPA-1a.1", "Incorporate Our Aim", "2002-11-30"],
        ["CPA-1a.2", "Consult on the vision", "next spring"],
        "Due",
        "'next spring' is not a date",
    ),
    "duplicate code": (
        "Measures",
        ["Code", "Title"],
        ["NI 191", "Residual household waste"],
        ["NI 191", "Residual household waste, again"],
        "Code",
        "NI 191 appears again (first at row 2)",
    ),
    "duplicate period written another way": (
        "Targets",
        ["Code", "Period", "Target"],
        ["NI 191", "2009/10 Q2", "459"],
        ["NI 191", "Q2 2009/10", "460"],
        "Period",
        "NI 191 2009/10 Q2 appears again (first at row 2)",
    ),
    "objective that is its own parent": (
        "Objectives",
        ["Code", "Title", "Parent"],
        ["CPA-P1", "Forward planning", ""],
        ["CPA-P2", "Performance management", "CPA-P2"],
        "Parent",
        "CPA-P2 cannot be its own parent",
    ),
    "citation not found in the plan": (
        "Actions",
        ["Code", "Title", "Objective", "Addresses"],
        ["CPA-1a.1", "Incorporate Our Aim", "CPA-P1", "(1a)"],
        ["CPA-1a.2", "Consult on the vision", "CPA-P1", "(1a) (9)"],
        "Addresses",
        "there is no recommendation or finding '9' in plan CPA-2002",
    ),
    "recommendation not in the actions plan": (
        "Actions",
        ["Code", "Title", "Objective", "Recommendation"],
        ["CPA-1a.1", "Incorporate Our Aim", "CPA-P1", "1a"],
        ["CPA-1a.2", "Consult on the vision", "CPA-P1", "2d"],
        "Recommendation",
        "there is no recommendation in plan CPA-2002 coded '2d'",
    ),
    "recommendation without a plan to look in": (
        "Actions",
        ["Code", "Title", "Objective", "Recommendation"],
        ["CPA-1a.1", "Incorporate Our Aim", "CPA-P1", "1a"],
        ["CPA-1a.2", "Consult on the vision", "", "1a"],
        "Recommendation",
        "a recommendation needs an Objective in a plan",
    ),
    "citations without a plan to look in": (
        "Actions",
        ["Code", "Title", "Objective", "Addresses"],
        ["CPA-1a.1", "Incorporate Our Aim", "CPA-P1", "(1a)"],
        ["CPA-1a.2", "Consult on the vision", "", "(1a)"],
        "Addresses",
        "citations need an Objective that belongs to a plan",
    ),
}


@pytest.mark.parametrize("case", CASES.values(), ids=CASES.keys())
def test_an_error_names_sheet_excel_row_column_as_written_and_what_is_wrong(refused, case):
    sheet, header, good, bad, column, message = case
    errors = refused({**BACKGROUND, sheet: bad_fourth_row(header, good, bad)})
    assert [(e.sheet, e.row, e.column) for e in errors] == [(sheet, 4, column)]
    assert message in errors[0].message


def test_a_missing_required_column_is_named_on_the_header_row(refused):
    errors = refused({"Measures": [["Code", "Definition"], ["NI 191", "Kg per household"]]})
    assert errors == [WorkbookError("Measures", 1, "Title", "this required column is missing")]


def test_an_error_reads_as_a_person_would_look_for_it_in_excel(refused):
    errors = refused({"Measures": [["Code", "TITLE"], ["NI 191", ""]]})
    assert [str(e) for e in errors] == ['Measures, row 2, column "TITLE": this cell is required']


def test_the_sheet_is_named_as_the_file_names_it(refused):
    errors = refused({"measures": [["Code", "Title", "Polarity"], ["NI 191", "Waste", "Up"]]})
    assert [(e.sheet, e.row, e.column) for e in errors] == [("measures", 2, "Polarity")]


def test_a_parent_cycle_is_refused_on_every_row_in_it(refused):
    errors = refused(
        {
            "Objectives": [
                ["Code", "Title", "Parent"],
                ["CIP01", "Excellent authority", "CIP02"],
                ["CIP02", "Value for money", "CIP03"],
                ["CIP03", "Continuous improvement", "CIP01"],
                ["CIP04", "Working in partnership", ""],
            ]
        }
    )
    assert [(e.sheet, e.row, e.column) for e in errors] == [
        ("Objectives", 2, "Parent"),
        ("Objectives", 3, "Parent"),
        ("Objectives", 4, "Parent"),
    ]
    assert all("would sit under itself" in e.message for e in errors)


def test_a_parent_cycle_message_names_the_objective_it_runs_through(refused):
    errors = refused(
        {
            "Objectives": [
                ["Code", "Title", "Parent"],
                ["CIP01", "Excellent authority", "CIP02"],
                ["CIP02", "Value for money", "CIP01"],
            ]
        }
    )
    assert "CIP02" in errors[0].message


def test_a_cycle_through_an_objective_already_in_the_database_is_refused(import_sheets, refused):
    import_sheets(
        {
            "Objectives": [
                ["Code", "Title", "Parent"],
                ["CIP01", "Excellent authority", ""],
                ["CIP01.1", "Place Survey", "CIP01"],
            ]
        }
    )
    errors = refused(
        {"Objectives": [["Code", "Title", "Parent"], ["CIP01", "Excellent", "CIP01.1"]]}
    )
    assert [(e.sheet, e.row, e.column) for e in errors] == [("Objectives", 2, "Parent")]


def test_several_errors_in_one_file_are_all_reported(refused):
    errors = refused(
        {
            **BACKGROUND,
            "Officers": [["Username", "Roles"], ["wbin", "Mayor"]],
            "Measures": [
                ["Code", "Title", "Polarity", "Tolerance"],
                ["NI 191", "Residual household waste", "Sideways", "-5"],
                ["NI 192", "", "Higher is better", ""],
            ],
            "Results": [
                ["Code", "Period", "Actual", "RAG"],
                ["NI 191", "2009/11 Q2", "n/a", "Purple"],
                ["NI 999", "2009/10 Q2", "474", ""],
            ],
            "Actions": [
                ["Code", "Title", "Objective", "Addresses"],
                ["CPA-1a.1", "Incorporate Our Aim", "CPA-P1", "(7)"],
            ],
        }
    )
    assert [(e.sheet, e.row, e.column) for e in errors] == [
        ("Actions", 2, "Addresses"),
        ("Measures", 2, "Polarity"),
        ("Measures", 2, "Tolerance"),
        ("Measures", 3, "Title"),
        ("Officers", 2, "Roles"),
        ("Results", 2, "Actual"),
        ("Results", 2, "Period"),
        ("Results", 2, "RAG"),
        ("Results", 3, "Code"),
    ]


def test_a_missing_column_does_not_hide_the_errors_in_other_sheets(refused):
    errors = refused(
        {
            "Plans": [["Title"], ["Corporate Improvement Plan 2009/10"]],
            "Measures": [["Code", "Title", "Polarity"], ["NI 191", "Waste", "Sideways"]],
        }
    )
    assert [(e.sheet, e.row, e.column) for e in errors] == [
        ("Measures", 2, "Polarity"),
        ("Plans", 1, "Code"),
    ]


def test_a_missing_column_does_not_make_the_rows_that_refer_to_its_sheet_unknown(refused):
    errors = refused(
        {
            "Measures": [["Code", "Name"], ["NI 191", "Residual household waste"]],
            "Results": [
                ["Code", "Period", "Actual"],
                ["NI 191", "2009/10 Q1", "470"],
                ["NI 191", "2009/10 Q2", "474"],
            ],
        }
    )
    assert [(e.sheet, e.row, e.column) for e in errors] == [("Measures", 1, "Title")]


def test_a_refused_import_that_mixes_valid_and_invalid_rows_writes_nothing(import_sheets, refused):
    import_sheets(council_workbook())
    before = row_counts()
    mixed = council_workbook()
    mixed["Plans"].append(["CIP-2010", "Corporate Improvement Plan 2010/11", "", "2010/11"])
    mixed["Objectives"].append(["CIP05", "Deliver value for money", "", "CIP-2010", "", "", ""])
    mixed["Measures"][1][1] = "Residual waste (renamed)"
    mixed["Officers"].append(["jbloggs", "Joe Bloggs", "", "", "", "Viewer"])
    mixed["Targets"].append(["NI 191", "2010/11 Q1", "450"])
    mixed["Results"][1][2] = "400"  # NI 191 2009/10 Q2 would turn green
    mixed["Results"].append(["NI 191", "2010/11 Q1", "440", "", "", "", "", "", ""])
    mixed["Results"].append(["NI 191", "2010/11 Q2", "n/a", "", "", "", "", "", ""])  # wrong
    errors = refused(mixed)
    assert [(e.sheet, e.column) for e in errors] == [("Results", "Actual")]
    assert row_counts() == before
    assert Measure.objects.get(code="NI 191").title == "Residual household waste per household"
    waste = Result.objects.get(measure__code="NI 191", period__label="2009/10 Q2")
    assert (waste.actual, waste.rag) == (474, "amber")
    assert not ReportingPeriod.objects.filter(label__startswith="2010/11").exists()


def test_a_refused_import_into_an_empty_database_leaves_it_empty(refused):
    before = row_counts()
    broken = council_workbook()
    broken["Action updates"].append(["CIP01.1.3", "2009/10 Q4", "Purple", "", ""])
    refused(broken)
    assert row_counts() == before


@pytest.mark.parametrize(
    ("column", "value"),
    [("Unit", "kg per household per year"), ("Code", "CIP01.1.3-" + "X" * 40)],
    ids=["unit of 25 characters", "code of 50 characters"],
)
def test_a_cell_too_long_to_store_is_refused_with_its_location(refused, column, value):
    measure = {"Code": "NI 191", "Title": "Residual household waste", "Unit": "kg", column: value}
    errors = refused({"Measures": [list(measure), list(measure.values())]})
    assert [(e.sheet, e.row, e.column) for e in errors] == [("Measures", 2, column)]


def test_an_actual_too_large_to_store_is_refused_with_its_location(refused):
    errors = refused(
        {
            "Measures": [["Code", "Title"], ["NI 191", "Residual household waste"]],
            "Results": [["Code", "Period", "Actual"], ["NI 191", "2009/10 Q2", "1e20"]],
        }
    )
    assert [(e.sheet, e.row, e.column) for e in errors] == [("Results", 2, "Actual")]


def test_a_csv_saved_by_excel_as_windows_1252_is_read_with_its_pound_signs(tmp_path):
    """Excel's plain "CSV" on a council laptop is Windows-1252, not UTF-8: read it as such."""
    folder = tmp_path / "saved-as-windows-csv"
    folder.mkdir()
    (folder / "Measures.csv").write_bytes(
        "Code,Title,Unit\r\nBV 8,Cost of benefits administration per case,£\r\n".encode("cp1252")
    )
    workbook_import(path=folder)
    assert Measure.objects.get(code="BV 8").unit == "£"


# --- The management command -------------------------------------------------------------------


def test_the_command_lists_every_error_and_says_nothing_was_changed(tmp_path):
    folder = write_csv_folder(
        tmp_path / "wb",
        {
            "Measures": [
                ["Code", "Title", "Polarity"],
                ["NI 191", "Residual household waste", "Sideways"],
            ],
            "Results": [["Code", "Period", "Actual"], ["NI 191", "2009/11 Q2", "474"]],
        },
    )
    before = row_counts()
    with pytest.raises(CommandError) as caught:
        call_command("import_workbook", str(folder))
    lines = str(caught.value).splitlines()
    assert lines[0] == "The workbook was not imported: 2 errors; nothing was changed."
    assert lines[1].startswith("- Measures, row 2, column \"Polarity\": 'Sideways' is not a")
    assert lines[2].startswith("- Results, row 2, column \"Period\": '2009/11 Q2' is not a")
    assert len(lines) == 3
    assert row_counts() == before


def test_the_command_prints_the_rows_imported_per_sheet(tmp_path, capsys):
    folder = write_csv_folder(tmp_path / "wb", council_workbook())
    call_command("import_workbook", str(folder))
    out = capsys.readouterr().out.splitlines()
    assert "Measures: 4 rows" in out
    assert "Perspectives: 1 row" in out
    assert "Action updates: 3 rows" in out
    assert out[-1] == f"Imported {folder}"
    assert Measure.objects.count() == 4


def test_the_command_refuses_a_path_that_does_not_exist(tmp_path):
    with pytest.raises(CommandError, match="no such file or folder"):
        call_command("import_workbook", str(tmp_path / "plan.xlsx"))


def test_a_file_that_is_not_a_workbook_is_refused(tmp_path):
    path = tmp_path / "plan.xlsx"
    path.write_text("Code,Title\nNI 191,Residual household waste\n")
    with pytest.raises(WorkbookRefused) as caught:
        workbook_import(path=path)
    assert "this is not an .xlsx workbook" in caught.value.errors[0].message


def test_the_console_report_lists_the_first_100_errors_and_counts_the_rest():
    errors = [WorkbookError("Measures", row, "Code", "there is no code") for row in range(2, 152)]
    report = WorkbookRefused(errors).report().splitlines()
    assert report[0] == "The workbook was not imported: 150 errors; nothing was changed."
    assert len([line for line in report if line.startswith("- ")]) == 100
    assert report[-1] == "The first 100 are listed; 50 more are not."
