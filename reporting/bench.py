"""`make bench` figures for the dashboards, on the `generate_data` council of 1,000 measures."""

import tempfile
from pathlib import Path

from django.contrib.auth import get_user_model
from django.test import Client

from scorecard.generated import write_generated_council
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
