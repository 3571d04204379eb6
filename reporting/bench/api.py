"""`make bench` figures for the API: the results fact table as CSV, streamed, on the
`generate_data` council of 1,000 measures × 10 years that the dashboards' figures load.

Issue 14, "Proof": aim under 5 s, streamed, in constant memory. Peak memory is Python's heap
(tracemalloc) while the whole answer is read, as a client would, and compared with the heap of
one year of it: streamed, the two are alike; built in memory, the whole would be ten times it.
"""

from django.contrib.auth import get_user_model
from django.http import StreamingHttpResponse
from django.test import Client

from reporting.bench.reports import _peak_memory
from scorecard.models import ReportingPeriod, Result

# What the fact table may take at 1,000 measures × 10 years (issue 14).
FACTS_BUDGET_S = 5
URL = "/api/v1/facts.csv"


def _read_all(client: Client, query: dict) -> tuple[int, int]:
    """Stream the CSV to its end, as Power BI would: (rows, bytes)."""
    response = client.get(URL, query)
    if response.status_code != 200 or not isinstance(response, StreamingHttpResponse):
        raise RuntimeError(f"{response.status_code} from {URL}: not a streamed CSV")
    lines = size = 0
    for chunk in response.streaming_content:
        lines += chunk.count(b"\n")
        size += len(chunk)
    return lines - 1, size  # less the header


def bench_api(measure, line, repeat: int) -> None:
    """Time, queries and peak heap of the whole fact table as CSV."""
    viewer, _ = get_user_model().objects.get_or_create(username="bench-api")
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(viewer)
    results = Result.objects.count()
    rows, size = _read_all(client, {})
    took, queries = measure(lambda: _read_all(client, {}), repeat)
    line(
        f"API: fact table CSV, {rows:,} rows of {results:,} results (budget {FACTS_BUDGET_S} s)",
        took,
        queries,
    )
    cpu, _ = measure(lambda: _read_all(client, {}), repeat, cpu=True)
    line("    the same, this process's CPU time (less disturbed by a busy machine)", cpu, None)
    whole = _peak_memory(lambda: _read_all(client, {}))
    year = ReportingPeriod.objects.filter(kind="quarter").order_by("-start").first()
    one = _peak_memory(lambda: _read_all(client, {"period": year.label}))
    line(
        f"    {size / 2**20:.1f} MiB streamed; peak heap {whole:.1f} MiB, "
        f"one quarter alone {one:.1f} MiB",
        None,
        None,
    )
