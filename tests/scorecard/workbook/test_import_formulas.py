"""The Measures sheet's Formula column makes calculated measures, checked before anything is
written; their results are worked out from the imported results, never imported."""

from decimal import Decimal

import pytest
from openpyxl import load_workbook

from scorecard.models import Measure, Result
from scorecard.workbook.errors import WorkbookRefused
from scorecard.workbook.importer import workbook_import
from scorecard.workbook.writer import workbook_export
from tests.support.workbooks import write_csv_folder, write_xlsx

pytestmark = pytest.mark.django_db

MEASURES = ["Code", "Title", "Unit", "Formula"]


def measures(*rows):
    return [MEASURES, *[list(row) for row in rows]]


# NI 192 comes first and refers to measures defined further down the sheet.
WASTE = measures(
    ("NI 192", "Household waste recycled", "%", "[NI 192a] / [NI 192b] * 100"),
    ("NI 192a", "Tonnes recycled", "t", ""),
    ("NI 192b", "Tonnes collected", "t", ""),
)
RESULTS = [
    ["Code", "Period", "Actual"],
    ["NI 192a", "2009/10 Q2", "1,280"],
    ["NI 192b", "2009/10 Q2", "2,000"],
]


def test_a_formula_makes_a_calculated_measure_worked_out_from_the_results(tmp_path):
    workbook_import(path=write_xlsx(tmp_path / "w.xlsx", {"Measures": WASTE, "Results": RESULTS}))
    ni_192 = Measure.objects.get(code="NI 192")
    assert (ni_192.measure_type, ni_192.formula) == ("calculated", "[NI 192a] / [NI 192b] * 100")
    assert Measure.objects.get(code="NI 192a").measure_type == "simple"
    result = Result.objects.get(measure=ni_192)
    assert (result.actual, result.status, result.source) == (
        Decimal("64.0000"),
        "approved",
        "calculated",
    )
    assert result.derivation == (
        "64% = 1,280 / 2,000 × 100 from NI 192a (1,280) and NI 192b (2,000)."
    )


def test_a_leading_equals_sign_is_ignored(tmp_path):
    sheets = {"Measures": measures(*WASTE[2:], ("NI 192", "Rate", "%", "=[NI 192a]+[NI 192b]"))}
    workbook_import(path=write_csv_folder(tmp_path / "w", sheets))
    assert Measure.objects.get(code="NI 192").formula == "[NI 192a]+[NI 192b]"


@pytest.mark.parametrize(
    ("formula", "message"),
    [
        ("[NI 192a] / [NI 999] * 100", "refers to NI 999, which is not a measure"),
        ("[NI 192a] / 0", "divides by zero"),
        ("[NI 192a] / ", "the formula is not complete"),
        ("NI192a * 2", "“NI192a” is not allowed"),
        ("[NI 192] + 1", "refers to NI 192 itself"),
    ],
)
def test_a_formula_that_cannot_be_worked_out_is_refused_at_its_cell(tmp_path, formula, message):
    sheets = {"Measures": measures(*WASTE[2:], ("NI 192", "Rate", "%", formula))}
    with pytest.raises(WorkbookRefused) as refused:
        workbook_import(path=write_csv_folder(tmp_path / "w", sheets))
    [error] = refused.value.errors
    assert (error.sheet, error.row, error.column) == ("Measures", 4, "Formula")
    assert error.message.startswith(message)
    assert not Measure.objects.exists()


def test_formulas_that_use_each_other_in_a_cycle_are_refused(tmp_path):
    sheets = {
        "Measures": measures(
            ("LPI 1", "One", "", "[LPI 2] + 1"),
            ("LPI 2", "Two", "", "[LPI 3] * 2"),
            ("LPI 3", "Three", "", "[LPI 1] - 1"),
        )
    }
    with pytest.raises(WorkbookRefused) as refused:
        workbook_import(path=write_csv_folder(tmp_path / "w", sheets))
    errors = refused.value.errors
    assert [(e.row, e.column) for e in errors] == [(2, "Formula"), (3, "Formula"), (4, "Formula")]
    assert errors[0].message == "forms a cycle: LPI 1 → LPI 2 → LPI 3 → LPI 1"


def test_a_cycle_through_a_stored_formula_is_refused(tmp_path):
    workbook_import(path=write_csv_folder(tmp_path / "a", {"Measures": WASTE}))
    sheets = {"Measures": measures(("NI 192b", "Tonnes collected", "t", "[NI 192] / 2"))}
    with pytest.raises(WorkbookRefused) as refused:
        workbook_import(path=write_csv_folder(tmp_path / "b", sheets))
    assert refused.value.errors[0].message == "forms a cycle: NI 192b → NI 192 → NI 192b"


def test_a_result_for_a_calculated_measure_is_refused(tmp_path):
    results = [*RESULTS, ["NI 192", "2009/10 Q2", "70"]]
    with pytest.raises(WorkbookRefused) as refused:
        workbook_import(
            path=write_csv_folder(tmp_path / "w", {"Measures": WASTE, "Results": results})
        )
    [error] = refused.value.errors
    assert (error.sheet, error.row, error.column) == ("Results", 4, "Code")
    assert "NI 192 is calculated from its formula" in error.message


def test_a_blank_formula_makes_the_measure_entered_again(tmp_path):
    workbook_import(path=write_csv_folder(tmp_path / "a", {"Measures": WASTE}))
    workbook_import(
        path=write_csv_folder(tmp_path / "b", {"Measures": measures(("NI 192", "Rate", "%", ""))})
    )
    assert Measure.objects.get(code="NI 192").measure_type == "simple"


def test_the_export_keeps_formulas_and_leaves_out_calculated_results(tmp_path):
    workbook_import(path=write_csv_folder(tmp_path / "w", {"Measures": WASTE, "Results": RESULTS}))
    workbook_export(path=tmp_path / "out.xlsx")
    book = load_workbook(tmp_path / "out.xlsx")
    rows = list(book["Measures"].values)
    formula = rows[0].index("Formula")
    assert {row[0]: row[formula] for row in rows[1:]}["NI 192"] == "[NI 192a] / [NI 192b] * 100"
    assert [row[0] for row in list(book["Results"].values)[1:]] == ["NI 192a", "NI 192b"]
    workbook_import(path=tmp_path / "out.xlsx")  # and it imports again as it is
    assert Result.objects.get(measure__code="NI 192").actual == Decimal("64.0000")


def test_a_blank_formula_leaves_another_type_as_stored(tmp_path):
    workbook_import(path=write_csv_folder(tmp_path / "a", {"Measures": WASTE}))
    Measure.objects.filter(code="NI 192a").update(measure_type="ratio")
    workbook_import(path=write_csv_folder(tmp_path / "b", {"Measures": WASTE}))
    types = dict(Measure.objects.values_list("code", "measure_type"))
    assert types == {"NI 192": "calculated", "NI 192a": "ratio", "NI 192b": "simple"}
