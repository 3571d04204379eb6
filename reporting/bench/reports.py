"""`make bench` figures for the dashboards, on the `generate_data` council of 1,000 measures."""

import tempfile
from pathlib import Path

from django.contrib.auth import get_user_model
from django.test import Client

from scorecard.bench.generated_council import write_generated_council
from scorecard.workbook.importer import workbook_import

PAGES = [
    ("dashboard", "/dashboard/"),
    ("balanced scorecard, all 1,000 measures", "/scorecard/"),
    ("filtered table (directorate, Red)", "/items/?directorate={directorate}&status=red"),
]


def bench_dashboards(measure, line, repeat: int) -> None:
    """Server time of each page, median of `repeat` requests after one warm-up, with queries."""
    with tempfile.TemporaryDirectory() as tmp:
        write_generated_council(Path(tmp), measures=1000, years=10)
        workbook_import(path=Path(tmp))
    from scorecard.models import Directorate

    directorate = Directorate.objects.order_by("name").first()
    viewer, _ = get_user_model().objects.get_or_create(username="bench-viewer")
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(viewer)
    for name, url in PAGES:
        url = url.format(directorate=directorate.pk)
        client.get(url)  # warm-up: template loading and caches
        took, queries = measure(lambda url=url: _ok(client.get(url)), repeat)
        line(f"page: {name}", took, queries)


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
