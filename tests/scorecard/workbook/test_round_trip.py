"""Export → import into an empty database → export gives the same workbook, cell for cell."""

import gc
import zipfile
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from openpyxl import load_workbook

from actionplans.models import Action, ActionPlan, ActionUpdate, Finding, Recommendation
from scorecard.models import (
    Directorate,
    Measure,
    Objective,
    OfficerProfile,
    Perspective,
    Plan,
    ReportingPeriod,
    Result,
    Target,
)
from scorecard.workbook.importer import workbook_import
from scorecard.workbook.sheets import SHEETS
from scorecard.workbook.writer import workbook_export
from tests.support.factories import (
    ActionFactory,
    ActionUpdateFactory,
    MeasureFactory,
    ObjectiveFactory,
    ResultFactory,
    TargetFactory,
    UserFactory,
)
from tests.support.periods import period
from tests.support.workbooks import (
    MEASURE_COLUMNS,
    council_workbook,
    row_counts,
    write_csv_folder,
    write_xlsx,
)

User = get_user_model()
pytestmark = pytest.mark.django_db

DEFAULT_PERSPECTIVES = ["Customer", "Projects", "Finance", "People"]

# Text a spreadsheet would run as a formula if it were not stored as text.
FORMULA_LIKE = {
    "plan title": "+5% more visitors to museums",
    "plan vision": "=Culture for all",
    "commentary": "=SUM(B2:B4) was the old formula",
    "further action": "-3 vacancies to fill by March",
    "data quality": "@Risk flagged by internal audit",
    "update commentary": "+ve feedback from residents",
}


def framework_sheets():
    """The council's workbook, with text that looks like formulas and numbers with decimals."""
    sheets = council_workbook()
    sheets["Plans"].append(
        ["CUL-2010", FORMULA_LIKE["plan title"], FORMULA_LIKE["plan vision"], "2010/11"]
    )
    sheets["Measures"][4][MEASURE_COLUMNS.index("Data quality")] = FORMULA_LIKE["data quality"]
    sheets["Results"][5][4] = FORMULA_LIKE["commentary"]
    sheets["Results"].append(["NI 192", "2009/10 Q3", "36.25", "", "", "", "", "", ""])
    sheets["Targets"].append(["NI 192", "2009/10 Q3", "1234567.1234"])
    sheets["Actions"][2][10] = FORMULA_LIKE["further action"]
    sheets["Action updates"][1][3] = FORMULA_LIKE["update commentary"]
    return sheets


def wipe_framework() -> None:
    """Leave the database as a fresh install has it: roles, default perspectives, settings."""
    ActionUpdate.objects.all().delete()
    Action.objects.all().delete()
    Finding.objects.all().delete()
    Recommendation.objects.all().delete()
    ActionPlan.objects.all().delete()
    Result.objects.all().delete()
    Target.objects.all().delete()
    Measure.objects.all().delete()
    Objective.objects.update(parent=None)
    Objective.objects.all().delete()
    Plan.objects.all().delete()
    ReportingPeriod.objects.all().delete()
    OfficerProfile.objects.all().delete()
    User.objects.filter(is_superuser=False).delete()
    Directorate.objects.all().delete()
    Perspective.objects.exclude(name__in=DEFAULT_PERSPECTIVES).delete()


def cells(path: Path) -> dict[str, list[list[tuple]]]:
    """Every sheet's cells as (value, type), in order."""
    workbook = load_workbook(path)
    return {
        ws.title: [[(c.value, c.data_type) for c in row] for row in ws.iter_rows()]
        for ws in workbook.worksheets
    }


def csv_files(folder: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir())}


def cells_by_key(path: Path) -> dict[str, dict[str, dict[str, object]]]:
    """Export to `path` and read each sheet back as {first cell: {header: value}}."""
    workbook_export(path=path)
    workbook = load_workbook(path)
    sheets = {}
    for ws in workbook.worksheets:
        rows = list(ws.iter_rows(values_only=True))
        sheets[ws.title] = {row[0]: dict(zip(rows[0], row, strict=True)) for row in rows[1:]}
    return sheets


def test_an_xlsx_export_imported_into_an_empty_database_exports_the_same_workbook(tmp_path):
    workbook_import(path=write_csv_folder(tmp_path / "input", framework_sheets()))
    counts = row_counts()
    workbook_export(path=tmp_path / "first.xlsx")
    wipe_framework()
    assert not Measure.objects.exists()
    workbook_import(path=tmp_path / "first.xlsx")
    assert row_counts() == counts
    workbook_export(path=tmp_path / "second.xlsx")
    first, second = cells(tmp_path / "first.xlsx"), cells(tmp_path / "second.xlsx")
    assert list(first) == [sheet.name for sheet in SHEETS]
    for name in first:
        assert second[name] == first[name], name
    assert len(first["Results"]) == 1 + 6


def test_a_csv_export_imported_into_an_empty_database_exports_the_same_files(tmp_path):
    workbook_import(path=write_csv_folder(tmp_path / "input", framework_sheets()))
    counts = row_counts()
    workbook_export(path=tmp_path / "first")
    wipe_framework()
    workbook_import(path=tmp_path / "first")
    assert row_counts() == counts
    workbook_export(path=tmp_path / "second")
    first = csv_files(tmp_path / "first")
    assert list(first) == sorted(f"{sheet.name}.csv" for sheet in SHEETS)
    assert csv_files(tmp_path / "second") == first


def test_a_framework_set_up_in_the_pages_survives_the_round_trip(tmp_path):
    """Rows made without the workbook (here by factories: orders all 0, no directorates)."""
    officer = UserFactory(username="olivia", first_name="Olivia", last_name="Officer")
    objective = ObjectiveFactory(code="CIP01", lead_officer="Olivia Officer", lead_user=officer)
    ObjectiveFactory(code="CIP01.1", parent=objective, plan=objective.plan)
    measure = MeasureFactory(code="NI 192", unit="%", decimal_places=1)
    measure.objectives.add(objective)
    measure.updaters.add(officer)
    TargetFactory(measure=measure, value="40.5")
    ResultFactory(measure=measure, actual="38.25", commentary="Below target")
    ResultFactory(measure=measure, period=period("Jul 2009"), actual="37")
    action = ActionFactory(code="CIP01.1.3", objective=objective)
    ActionUpdateFactory(action=action, rag="red", commentary="Late")
    counts = row_counts()
    workbook_export(path=tmp_path / "first.xlsx")
    wipe_framework()
    workbook_import(path=tmp_path / "first.xlsx")
    # The officer had no profile; an imported officer always has one (job title, directorate).
    counts["scorecard.OfficerProfile"] += 1
    assert row_counts() == counts
    workbook_export(path=tmp_path / "second.xlsx")
    assert cells(tmp_path / "second.xlsx") == cells(tmp_path / "first.xlsx")
    assert Measure.objects.get(code="NI 192").updaters.get().username == "olivia"


def test_the_export_keeps_every_value_the_import_stored(tmp_path):
    """The workbook the team wrote, exported again, says the same: no value is lost."""
    workbook_import(path=write_csv_folder(tmp_path / "input", framework_sheets()))
    exported = cells_by_key(tmp_path / "out.xlsx")
    assert exported["Measures"]["NI 191"]["Polarity"] == "Lower is better"
    assert exported["Measures"]["NI 191"]["Tolerance"] == "10%"
    assert exported["Measures"]["NI 192"]["Tolerance"] == "5"
    assert exported["Measures"]["NI 192"]["RAG method"] == "Tolerance with improvement"
    assert exported["Measures"]["NI 191"]["Updaters"] == "scapaldi, wbin"
    assert exported["Measures"]["NI 191"]["Baseline period"] == "2008/09"
    assert exported["Measures"]["BV 012"]["RAG method"] is None  # the council's default
    assert exported["Targets"]["NI 192"]["Target"] == 1234567.1234
    assert exported["Actions"]["CPA-1a.1"]["Addresses"] == "(1a) (3)"
    assert exported["Officers"]["scapaldi"]["Roles"] == "Officer, Performance team"


def test_text_that_looks_like_a_formula_is_stored_as_text_in_the_xlsx(tmp_path):
    workbook_import(path=write_csv_folder(tmp_path / "input", framework_sheets()))
    path = tmp_path / "out.xlsx"
    workbook_export(path=path)
    found = {
        cell.value: cell.data_type
        for ws in load_workbook(path).worksheets
        for row in ws.iter_rows()
        for cell in row
        if cell.value in FORMULA_LIKE.values()
    }
    assert found == dict.fromkeys(FORMULA_LIKE.values(), "s")
    with zipfile.ZipFile(path) as archive:
        sheets = [name for name in archive.namelist() if name.startswith("xl/worksheets/")]
        assert sheets
        for name in sheets:
            xml = archive.read(name).decode()
            assert "<f>" not in xml and "<f " not in xml, f"a formula in {name}"


def test_text_that_looks_like_a_formula_is_quoted_in_the_csv_and_read_back_unchanged(tmp_path):
    workbook_import(path=write_csv_folder(tmp_path / "input", framework_sheets()))
    workbook_export(path=tmp_path / "out")
    results = (tmp_path / "out" / "Results.csv").read_text(encoding="utf-8")
    assert "'=SUM(B2:B4) was the old formula" in results
    wipe_framework()
    workbook_import(path=tmp_path / "out")
    commentary = Result.objects.get(measure__code="BV 012").commentary
    assert commentary == FORMULA_LIKE["commentary"]
    assert Plan.objects.get(code="CUL-2010").title == FORMULA_LIKE["plan title"]
    assert Action.objects.get(code="CIP01.1.3").further_action == FORMULA_LIKE["further action"]


def test_text_that_starts_with_an_apostrophe_survives_the_csv_round_trip(tmp_path):
    commentary = "'-' means no return was made"
    workbook_import(
        path=write_xlsx(
            tmp_path / "input.xlsx",
            {
                "Measures": [["Code", "Title"], ["NI 191", "Residual household waste"]],
                "Results": [
                    ["Code", "Period", "Actual", "Commentary"],
                    ["NI 191", "2009/10 Q2", "", commentary],
                ],
            },
        )
    )
    assert Result.objects.get().commentary == commentary
    workbook_export(path=tmp_path / "out")
    wipe_framework()
    workbook_import(path=tmp_path / "out")
    assert Result.objects.get().commentary == commentary


@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
def test_text_pasted_from_word_with_a_line_break_character_does_not_stop_the_export(tmp_path):
    vision = "Line one" + chr(11) + "Line two"  # Word's manual line break, pasted
    workbook_import(
        path=write_csv_folder(
            tmp_path / "input", {"Plans": [["Code", "Title", "Vision"], ["CIP", "Plan", vision]]}
        )
    )
    failure = None
    try:
        workbook_export(path=tmp_path / "out.xlsx")
    except Exception as exc:
        failure = repr(exc)
    gc.collect()  # close openpyxl's abandoned sheet writers now, not in a later test
    assert failure is None
    plans = load_workbook(tmp_path / "out.xlsx")["Plans"]
    assert plans["A2"].value == "CIP"


def test_a_superuser_who_updates_a_measure_survives_the_round_trip(tmp_path):
    admin = UserFactory(username="perfadmin", is_superuser=True, is_staff=True)
    MeasureFactory(code="NI 191").updaters.add(admin)
    workbook_export(path=tmp_path / "first")
    Measure.objects.all().delete()
    User.objects.all().delete()
    workbook_import(path=tmp_path / "first")
    updaters = Measure.objects.get(code="NI 191").updaters
    assert list(updaters.values_list("username", flat=True)) == ["perfadmin"]


def test_the_export_command_writes_both_forms_and_prints_rows_per_sheet(tmp_path, capsys):
    workbook_import(path=write_csv_folder(tmp_path / "input", council_workbook()))
    call_command("export_workbook", str(tmp_path / "plan.xlsx"))
    out = capsys.readouterr().out.splitlines()
    assert "Measures: 4 rows" in out
    assert "Action plans: 1 row" in out
    assert out[-1] == f"Exported {tmp_path / 'plan.xlsx'}"
    call_command("export_workbook", str(tmp_path / "plan"))
    assert (tmp_path / "plan" / "Action updates.csv").exists()
    assert load_workbook(tmp_path / "plan.xlsx").sheetnames == [sheet.name for sheet in SHEETS]
