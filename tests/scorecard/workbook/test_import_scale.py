"""A council's whole history imports in a bounded number of SQL statements, never one per row."""

from decimal import Decimal

import pytest
from django.db import connection
from django.db.models import Sum

from scorecard.models import Measure, ReportingPeriod, Result, Target
from scorecard.rules.periods import PeriodKind, PeriodRef
from scorecard.workbook.importer import workbook_import
from tests.support.workbooks import write_csv_folder

pytestmark = pytest.mark.django_db

MEASURES = [f"LPI {number:03d}" for number in range(100)]
PERIODS = [PeriodRef(PeriodKind.QUARTER, 2000 + n // 4, n % 4 + 1).label for n in range(100)]

ROWS = 20_000  # 10,000 results and 10,000 targets


def _sqlite_bound() -> int:
    """Django caps SQLite at 999 parameters per statement, so an INSERT holds 999 // columns rows:
    the more columns a result has, the more statements the same rows take. Two writes per row
    (insert, then re-rate) plus a fixed allowance, still far below one statement per row."""
    columns = len(Result._meta.concrete_fields)
    return 2 * ROWS // (999 // columns) + 100


# PostgreSQL takes 500 rows per INSERT whatever the columns.
MAX_STATEMENTS = 200 if connection.vendor == "postgresql" else _sqlite_bound()


def actual(measure: int, period: int, shift: int = 0) -> int:
    return (measure * 7 + period * 13 + shift) % 100


def history(shift: int = 0) -> dict[str, list[list]]:
    """100 measures, each with a target of 50 and a result in each of 100 quarters."""
    return {
        "Measures": [
            ["Code", "Title", "Polarity", "Tolerance"],
            *(
                [code, f"Local indicator {n}", "Lower" if n % 2 else "Higher", "10%"]
                for n, code in enumerate(MEASURES)
            ),
        ],
        "Targets": [
            ["Code", "Period", "Target"],
            *([code, label, "50"] for code in MEASURES for label in PERIODS),
        ],
        "Results": [
            ["Code", "Period", "Actual", "Commentary"],
            *(
                [code, label, str(actual(m, p, shift)), f"Quarter {p}"]
                for m, code in enumerate(MEASURES)
                for p, label in enumerate(PERIODS)
            ),
        ],
    }


def total_actual() -> Decimal:
    return Result.objects.aggregate(total=Sum("actual"))["total"]


def expected_total(shift: int = 0) -> int:
    return sum(actual(m, p, shift) for m in range(100) for p in range(100))


def test_ten_thousand_results_import_in_a_bounded_number_of_statements(
    tmp_path, django_assert_max_num_queries
):
    folder = write_csv_folder(tmp_path / "history", history())
    with django_assert_max_num_queries(MAX_STATEMENTS):
        counts = workbook_import(path=folder)
    assert counts == {"Measures": 100, "Targets": 10_000, "Results": 10_000}
    assert Measure.objects.count() == 100
    assert ReportingPeriod.objects.count() == 100
    assert Target.objects.count() == 10_000
    assert Result.objects.count() == 10_000
    assert total_actual() == expected_total()
    # Every result has a target, so every one is rated.
    assert not Result.objects.filter(rag="").exists()


def test_reimporting_ten_thousand_results_updates_them_in_a_bounded_number_of_statements(
    tmp_path, django_assert_max_num_queries
):
    workbook_import(path=write_csv_folder(tmp_path / "first", history()))
    ratings = dict(Result.objects.values_list("pk", "rag"))
    with django_assert_max_num_queries(MAX_STATEMENTS):
        workbook_import(path=write_csv_folder(tmp_path / "same", history()))
    assert Result.objects.count() == 10_000
    assert Target.objects.count() == 10_000
    assert dict(Result.objects.values_list("pk", "rag")) == ratings

    with django_assert_max_num_queries(MAX_STATEMENTS):
        workbook_import(path=write_csv_folder(tmp_path / "changed", history(shift=1)))
    assert Result.objects.count() == 10_000
    assert total_actual() == expected_total(shift=1)
    # LPI 000 (higher is better) 2000/01 Q1: 0 → 1 against a target of 50 stays red; the
    # explanation follows the new value.
    first = Result.objects.get(measure__code="LPI 000", period__label=PERIODS[0])
    assert first.actual == 1
    assert first.rag_explanation.startswith("Red: 1 is")


def test_blanking_many_targets_takes_a_bounded_number_of_statements(
    tmp_path, django_assert_max_num_queries
):
    workbook_import(path=write_csv_folder(tmp_path / "first", history()))
    blanks = {
        "Targets": [
            ["Code", "Period", "Target"],
            *([code, label, ""] for code in MEASURES for label in PERIODS[:50]),
        ]
    }
    with django_assert_max_num_queries(MAX_STATEMENTS):
        workbook_import(path=write_csv_folder(tmp_path / "blanks", blanks))
    assert Target.objects.count() == 5_000
