"""An implausible actual is refused with its location unless the row confirms it.

A recycling rate of 150% or sick days 100 times their target is probably a slip; it must not
be silently rated Green.
"""

from decimal import Decimal

import pytest

from scorecard.models import Result
from scorecard.workbook.importer import workbook_import
from scorecard.workbook.writer import workbook_export

pytestmark = pytest.mark.django_db

Q2 = "2009/10 Q2"


def workbook(actual: str, *, unit: str = "%", target: str = "40", confirmed=None, allows=None):
    measures = [["Code", "Title", "Unit"], ["NI 192", "Household waste recycled", unit]]
    if allows is not None:
        measures[0].append("Can fall outside 0-100%")
        measures[1].append(allows)
    results = [["Code", "Period", "Actual"], ["NI 192", Q2, actual]]
    if confirmed is not None:
        results[0].append("Value confirmed")
        results[1].append(confirmed)
    return {
        "Measures": measures,
        "Targets": [["Code", "Period", "Target"], ["NI 192", Q2, target]],
        "Results": results,
    }


def test_a_percentage_of_150_is_refused_naming_sheet_row_and_column(refused):
    errors = refused(workbook("150"))

    assert [(e.sheet, e.row, e.column) for e in errors] == [("Results", 2, "Actual")]
    assert "150% is outside 0 to 100%" in errors[0].message
    assert '"Value confirmed"' in errors[0].message
    assert not Result.objects.exists()


def test_a_confirmed_percentage_of_150_is_imported(import_sheets):
    import_sheets(workbook("150", confirmed="Yes"))

    assert Result.objects.get().actual == Decimal("150")


def test_a_measure_that_may_exceed_100_percent_needs_no_confirmation(import_sheets):
    import_sheets(workbook("150", allows="Yes"))

    assert Result.objects.get().actual == Decimal("150")


def test_a_value_100_times_its_target_is_refused_unless_confirmed(refused, import_sheets):
    errors = refused(workbook("784", unit="days", target="7.5"))

    assert [(e.sheet, e.row, e.column) for e in errors] == [("Results", 2, "Actual")]
    assert "784 is more than 100 times the target of 7.5" in errors[0].message

    import_sheets(workbook("784", unit="days", target="7.5", confirmed="Yes"))
    assert Result.objects.get().actual == Decimal("784")


def test_a_confirmed_actual_is_exported_confirmed_and_imports_again(import_sheets, tmp_path):
    import_sheets(workbook("150", confirmed="Yes"))
    workbook_export(path=tmp_path / "export")
    Result.objects.all().delete()

    workbook_import(path=tmp_path / "export")

    assert Result.objects.get().actual == Decimal("150")
