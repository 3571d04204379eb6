"""`make bench` figures for the dashboards, on the `generate_data` council of 1,000 measures,
and beside them on a quarter of 1,000 monthly ratio measures rolled up from their months; with
`--large`, on 10,000 measures over three years."""

import tempfile
from pathlib import Path

from django.contrib.auth import get_user_model
from django.db import transaction
from django.test import Client

from scorecard.bench.generated_council import write_generated_council
from scorecard.bench.ratio_council import QUARTER, write_ratio_council
from scorecard.workbook.importer import workbook_import

# What a page may take at 1,000 measures, snapshot or rolled up alike (issue 10).
PAGE_BUDGET_MS = 250

PAGES = [
    ("dashboard", "/dashboard/"),
    ("scorecard, page 1", "/scorecard/"),
    ("Red list (a directorate)", "/items/?directorate={directorate}&status=red"),
]


def bench_dashboards(measure, line, repeat: int) -> None:
    """Server time of each page, median of `repeat` requests after one warm-up, with queries:
    first on 1,000 snapshot measures, then beside them on 1,000 monthly ratio measures (whose
    council is measured first and rolled back, so the council left for the reports is the
    snapshot one)."""
    ratio_lines = []
    bench_ratio_dashboards(measure, lambda *shown: ratio_lines.append(shown), repeat)
    with tempfile.TemporaryDirectory() as tmp:
        write_generated_council(Path(tmp), measures=1000, years=10)
        workbook_import(path=Path(tmp))
    line(f"snapshot measures, quarterly (budget {PAGE_BUDGET_MS} ms a page):", None, None)
    _bench_pages(measure, line, repeat, "page: ")
    for shown in ratio_lines:
        line(*shown)


def bench_ratio_dashboards(measure, line, repeat: int, *, measures: int = 1000) -> None:
    """The pages on a quarter of `measures` monthly ratio measures, the quarter rolled up from
    three approved months by the importer; everything written is rolled back afterwards."""
    from scorecard.models import Result

    with transaction.atomic():
        with tempfile.TemporaryDirectory() as tmp:
            write_ratio_council(Path(tmp), measures=measures)
            workbook_import(path=Path(tmp))
        quarters = Result.objects.filter(
            measure__code__startswith="RATIO", period__label=QUARTER.label
        )
        line(
            f"a quarter of {measures:,} monthly ratio measures "
            f"(budget {PAGE_BUDGET_MS} ms a page at 1,000):",
            None,
            None,
        )
        line(
            f"    {quarters.count():,} quarters rolled up from approved months, "
            f"{quarters.exclude(rag='').count():,} rated",
            None,
            None,
        )
        _bench_pages(measure, line, repeat, "ratio page: ")
        transaction.set_rollback(True)


def _bench_pages(measure, line, repeat: int, prefix: str) -> None:
    """Each page twice: its first request after a change, with nothing kept (one run), and
    then kept (``reporting.page_cache``; median of `repeat`), with the HTML's size."""
    from django.core.cache import cache

    client, directorate = _signed_in_client()
    for name, url in PAGES:
        url = url.format(directorate=directorate.pk)
        client.get(url)  # warm-up: template loading
        cache.clear()
        took, queries = measure(lambda url=url: _ok(client.get(url)), 1)
        line(f"{prefix}{name}, first after a change", took, queries)
        size = len(client.get(url).content) / 1024
        took, queries = measure(lambda url=url: _ok(client.get(url)), repeat)
        line(f"{prefix}{name}, kept, {size:,.0f} KB", took, queries)


# What each page may take at 10,000 measures (issue 13, shared-service scale).
LARGE_BUDGET_MS, LARGE_BUDGET_KB = 500, 300


def bench_large_pages(measure, line, repeat: int, *, measures: int = 10_000) -> None:
    """The pages on `generate_data --measures 10000 --years 3`: the first request after a
    change (nothing kept), then a kept one (``reporting.page_cache``), each with its size.
    Everything written is rolled back afterwards."""
    with transaction.atomic():
        with tempfile.TemporaryDirectory() as tmp:
            write_generated_council(Path(tmp), measures=measures, years=3)
            workbook_import(path=Path(tmp))
        line(
            f"{measures:,} measures, 3 years (budget {LARGE_BUDGET_MS} ms, "
            f"{LARGE_BUDGET_KB} KB a page):",
            None,
            None,
        )
        _bench_pages(measure, line, repeat, f"{measures:,}: ")
        transaction.set_rollback(True)


def _signed_in_client():
    from scorecard.models import Directorate

    viewer, _ = get_user_model().objects.get_or_create(username="bench-viewer")
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(viewer)
    return client, Directorate.objects.order_by("name").first()


def _ok(response):
    if response.status_code != 200:
        raise RuntimeError(f"{response.status_code} from {response.request['PATH_INFO']}")
    return response


def _peak_memory(run) -> float:
    """Peak Python heap while `run` runs, in MiB (tracemalloc: the libraries' C memory aside)."""
    import tracemalloc

    tracemalloc.start()
    try:
        run()
        return tracemalloc.get_traced_memory()[1] / 2**20
    finally:
        tracemalloc.stop()


def _bare_table_html(report) -> str:
    from html import escape

    from reporting.tables import cell_text

    rows = []
    for section in report.table_sections:
        for row in section.rows:
            cells = "".join(f"<td>{escape(cell_text(c, row))}</td>" for c in section.columns)
            rows.append(f"<tr>{cells}</tr>")
    return f'<html lang="en-GB"><body><table>{"".join(rows)}</table></body></html>'


def _raw_xlsx(report) -> bytes:
    """openpyxl alone, write-only, writing the same values: the engine's own speed."""
    import io

    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    for section in report.table_sections:
        ws = wb.create_sheet(section.sheet or section.title[:31])
        ws.append([col.header for col in section.columns])
        for row in section.rows:
            shown = [col.shows.sheet(col, row) for col in section.columns]
            ws.append([cell.value if cell else None for cell in shown])
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def bench_reports(measure, line, repeat: int) -> None:
    """Our PDF and Excel against the bare engines on the same rows, with peak memory."""
    from weasyprint import HTML

    from reporting.dashboard import latest_period_with_results
    from reporting.render import render_pdf, render_xlsx
    from reporting.render.pdf import PDF_VARIANT
    from reporting.reports.catalogue import results_report, scorecard_report

    period = latest_period_with_results()
    scorecard = scorecard_report(period)
    rows = len(scorecard.table_sections[0].rows)
    ours, _ = measure(lambda: render_pdf(scorecard_report(period)), repeat, cpu=True)
    bare_html = _bare_table_html(scorecard)

    # The bare engine writes the same tagged PDF: the ratio is our cost, not the tagging's.
    def bare_pdf() -> bytes:
        return HTML(string=bare_html).write_pdf(pdf_variant=PDF_VARIANT)

    bare, _ = measure(bare_pdf, repeat, cpu=True)
    line(f"PDF: balanced scorecard, {rows:,} measures (CPU)", ours, None)
    line("PDF: WeasyPrint alone, bare table, tagged (CPU)", bare, None)
    line(f"    ratio {ours / bare:.2f} (aim: at most 1.5)", None, None)
    line(
        f"    peak heap {_peak_memory(lambda: render_pdf(scorecard_report(period))):.0f} MiB, "
        f"bare {_peak_memory(bare_pdf):.0f} MiB",
        None,
        None,
    )
    results = results_report(period)
    count = len(results.table_sections[0].rows)
    ours, _ = measure(lambda: render_xlsx(results), repeat, cpu=True)
    raw, _ = measure(lambda: _raw_xlsx(results), repeat, cpu=True)
    whole, queries = measure(lambda: render_xlsx(results_report(period)), 1)
    line(f"Excel: {count:,} results, rendering (CPU)", ours, None)
    line("Excel: openpyxl alone, same cells (CPU)", raw, None)
    line(f"    ratio {ours / raw:.2f} (aim: at most 1.3)", None, None)
    line(f"Excel: {count:,} results with the database reads", whole, queries)
    line(
        f"    peak heap {_peak_memory(lambda: render_xlsx(results)):.0f} MiB, "
        f"openpyxl alone {_peak_memory(lambda: _raw_xlsx(results)):.0f} MiB",
        None,
        None,
    )
