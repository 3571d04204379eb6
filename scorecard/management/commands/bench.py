"""`make bench`: measured speed of the heavy paths, on a throwaway database.

Figures are medians of repeated runs with their SQL query counts. Speed is measured here,
never asserted in tests: the machine's noise would make such tests flaky.
"""

import csv
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from django.core.management.base import BaseCommand
from django.db import connection
from django.test.utils import CaptureQueriesContext

from scorecard.rules.periods import PeriodKind, PeriodRef
from scorecard.workbook.importer import workbook_import
from scorecard.workbook.writer import workbook_export


def write_plan_workbook(folder: Path, *, measures: int, periods: int) -> int:
    """A CSV workbook of `measures` quarterly measures with a target and result per period."""
    folder.mkdir(parents=True, exist_ok=True)
    quarters = []
    ref = PeriodRef(PeriodKind.QUARTER, 2026 - periods // 4, 1)
    for _ in range(periods):
        quarters.append(ref.label)
        ref = ref.next()
    codes = [f"BENCH {n:04d}" for n in range(measures)]
    with (folder / "Measures.csv").open("w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Code", "Title", "Unit", "RAG method", "Tolerance"])
        for n, code in enumerate(codes):
            method = "Tolerance with improvement" if n % 3 == 0 else "Tolerance"
            writer.writerow([code, f"Benchmark measure {n}", "%", method, "10%"])
    with (folder / "Targets.csv").open("w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Code", "Period", "Target"])
        writer.writerows([code, label, 60] for code in codes for label in quarters)
    with (folder / "Results.csv").open("w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Code", "Period", "Actual", "Commentary"])
        for m, code in enumerate(codes):
            for p, label in enumerate(quarters):
                writer.writerow([code, label, 40 + (m * 7 + p * 3) % 40, "On track."])
    return measures * periods


def measure(run: Callable[[], object], repeat: int) -> tuple[float, int]:
    """Median seconds over `repeat` runs and the query count of the last run."""
    timings = []
    for _ in range(repeat):
        with CaptureQueriesContext(connection) as queries:
            started = time.perf_counter()
            run()
            timings.append(time.perf_counter() - started)
    return statistics.median(timings), len(queries)


class Command(BaseCommand):
    help = "Benchmark imports and exports on a throwaway copy of the database schema."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--repeat", type=int, default=3)

    def handle(self, *args, repeat: int, **options) -> None:
        old_name = connection.settings_dict["NAME"]
        connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
        try:
            self._run(repeat)
        finally:
            connection.creation.destroy_test_db(old_name, verbosity=0)

    def _run(self, repeat: int) -> None:
        self.stdout.write(f"Database: {connection.vendor}; median of {repeat} runs\n")
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp) / "plan"
            rows = write_plan_workbook(folder, measures=100, periods=100)
            first, first_queries = measure(lambda: workbook_import(path=folder), 1)
            self._line(f"import {rows:,} results (new rows)", first, first_queries)
            again, again_queries = measure(lambda: workbook_import(path=folder), repeat)
            self._line(f"import {rows:,} results (updating)", again, again_queries)
            xlsx = Path(tmp) / "export.xlsx"
            took, queries = measure(lambda: workbook_export(path=xlsx), repeat)
            self._line("export the plan workbook (.xlsx)", took, queries)

    def _line(self, name: str, seconds: float, queries: int) -> None:
        self.stdout.write(f"{name:<45} {seconds * 1000:>9.0f} ms {queries:>6} queries")
