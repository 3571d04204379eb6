"""`make bench` figures for the public pages (issue 14), on the generated council of 1,000
measures that ``bench_dashboards`` leaves: the public scorecard cold (rendered from the
database) and warm (from the cache, with no query; aim: under 20 ms server time)."""

from django.core.cache import cache
from django.test import Client
from django.utils import timezone

from .reports import _ok

# The aim for a warm public page, server time.
WARM_BUDGET_MS = 20


def bench_public_pages(measure, line, repeat: int) -> None:
    """Publish every measure and the latest quarter with approved results, then time the
    public scorecard: rendered from the database (cold), then served from the cache (warm),
    in-process, so the figure is the server's time alone."""
    from scorecard.models import Measure, ReportingPeriod, Result

    latest = (
        Result.objects.filter(status="approved", period__kind="quarter")
        .order_by("-period__end")
        .values_list("period_id", flat=True)
        .first()
    )
    if latest is None:
        line("public scorecard: no approved quarter to publish", None, None)
        return
    Measure.objects.update(published=True)
    ReportingPeriod.objects.filter(pk=latest).update(published_at=timezone.now())
    client = Client(HTTP_HOST="127.0.0.1")
    url = "/public/"
    client.get(url)  # warm-up: template loading and imports

    def rendered():
        cache.clear()  # each run rendered from the database, as after a change
        return _ok(client.get(url))

    cold, cold_queries = measure(rendered, repeat)
    published = Measure.objects.count()
    line(f"public scorecard, {published:,} measures, cold", cold, cold_queries)
    warm, warm_queries = measure(lambda: _ok(client.get(url)), max(repeat, 25))
    line(f"public scorecard, warm (budget {WARM_BUDGET_MS} ms)", warm, warm_queries)
    line(f"    warm: {warm * 1000:.2f} ms server time", None, None)
