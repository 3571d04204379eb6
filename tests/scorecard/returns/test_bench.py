"""The returns figures of `make bench` run, and the update-all page's queries do not grow."""

import pytest

from reporting.management.commands.bench import measure
from scorecard.bench.returns import bench_returns
from scorecard.models import Result

pytestmark = pytest.mark.django_db


def test_bench_returns_applies_500_rows_and_the_update_all_queries_do_not_grow():
    lines = []
    bench_returns(measure, lambda name, took, queries: lines.append((name, queries)), 1)
    figures = dict(lines)
    assert set(figures) == {
        "validate an uploaded return of 500 rows",
        "validate and apply a return of 500 rows",
        "page: update all, officer with 10 items",
        "page: update all, officer with 50 items",
    }
    assert Result.objects.filter(status="submitted").count() == 500
    assert (
        figures["page: update all, officer with 50 items"]
        == figures["page: update all, officer with 10 items"]
    )
    # Validating 500 rows takes a fixed number of queries, not one or more per row.
    assert figures["validate an uploaded return of 500 rows"] < 30


def test_bench_ratio_case_rolls_up_a_quarter_and_shows_the_pages_then_leaves_nothing_behind():
    from reporting.bench.reports import bench_ratio_dashboards

    lines = []
    bench_ratio_dashboards(measure, lambda name, *_: lines.append(name), 1, measures=12)
    assert "    12 quarters rolled up from approved months, 12 rated" in lines
    # Each page is timed on its first request after a change and again kept in the cache.
    for page in ("dashboard", "scorecard, page 1", "Red list (a directorate)"):
        assert f"ratio page: {page}, first after a change" in lines
        assert any(name.startswith(f"ratio page: {page}, kept, ") for name in lines), page
    assert not Result.objects.exists(), "the bench's ratio council is rolled back"
