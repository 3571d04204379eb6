"""`make bench`: measured speed of the heavy paths, on a throwaway database.

Figures are medians of repeated runs with their SQL query counts. Speed is measured here,
never asserted in tests: the machine's noise would make such tests flaky.
"""

import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from django.core.management.base import BaseCommand
from django.db import connection
from django.test.utils import CaptureQueriesContext

from reporting.bench.api import bench_api
from reporting.bench.public import bench_public_pages
from reporting.bench.reports import bench_dashboards, bench_large_pages, bench_reports
from scorecard.bench.comparators import bench_benchmarking_page, bench_comparators
from scorecard.bench.generated_council import write_generated_council
from scorecard.bench.returns import bench_returns
from scorecard.workbook.importer import workbook_import
from scorecard.workbook.writer import workbook_export


def measure(run: Callable[[], object], repeat: int, *, cpu: bool = False) -> tuple[float, int]:
    """Median seconds over `repeat` runs and the query count of the last run.

    Wall-clock time by default (what a user waits); with `cpu`, this process's CPU time, which
    other work on a shared machine disturbs far less: used to compare us with a bare engine.
    """
    clock = time.process_time if cpu else time.perf_counter
    timings = []
    for _ in range(repeat):
        with CaptureQueriesContext(connection) as queries:
            started = clock()
            run()
            timings.append(clock() - started)
    return statistics.median(timings), len(queries)


class Command(BaseCommand):
    help = "Benchmark imports and exports on a throwaway copy of the database schema."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--repeat", type=int, default=3)
        parser.add_argument(
            "--large",
            action="store_true",
            help="Also time the dashboard, scorecard and Red list on 10,000 measures over "
            "three years (issue 13); importing them takes minutes.",
        )
        parser.add_argument(
            "--large-only", action="store_true", help="Only the 10,000-measure lines."
        )
        parser.add_argument("--large-measures", type=int, default=10_000)

    def handle(self, *args, repeat: int, large: bool, large_only: bool, **options) -> None:
        old_name = connection.settings_dict["NAME"]
        connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
        try:
            if not large_only:
                self._run(repeat)
            if large or large_only:
                bench_large_pages(measure, self._line, repeat, measures=options["large_measures"])
        finally:
            connection.creation.destroy_test_db(old_name, verbosity=0)

    def _run(self, repeat: int) -> None:
        self.stdout.write(f"Database: {connection.vendor}; median of {repeat} runs\n")
        # The pages first, so the import below does not add to the council they show.
        bench_dashboards(measure, self._line, repeat)
        bench_public_pages(measure, self._line, repeat)
        bench_reports(measure, self._line, repeat)
        bench_api(measure, self._line, repeat)  # on the same 1,000-measure council
        bench_returns(measure, self._line, repeat)
        bench_comparators(measure, self._line, repeat)
        bench_benchmarking_page(measure, self._line, repeat)
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp) / "plan"
            written = write_generated_council(
                folder, measures=100, years=25, actions=0, prefix="BENCH"
            )
            rows = written["Results"] + written["Targets"]
            first, first_queries = measure(lambda: workbook_import(path=folder), 1)
            self._line(f"import {rows:,} targets and results (new)", first, first_queries)
            again, again_queries = measure(lambda: workbook_import(path=folder), repeat)
            self._line(f"import {rows:,} targets and results (again)", again, again_queries)
            xlsx = Path(tmp) / "export.xlsx"
            took, queries = measure(lambda: workbook_export(path=xlsx), repeat)
            exported = sum(workbook_export(path=xlsx).values())
            self._line(f"export the plan workbook, {exported:,} rows (.xlsx)", took, queries)

    def _line(self, name: str, seconds: float | None, queries: int | None) -> None:
        took = f"{seconds * 1000:>9.0f} ms" if seconds is not None else ""
        count = f"{queries:>6} queries" if queries is not None else ""
        self.stdout.write(f"{name:<52} {took} {count}".rstrip())
