"""`make bench`'s public page figures: a warm public scorecard is measured with no query."""

import pytest

from reporting.bench.public import bench_public_pages
from reporting.management.commands.bench import measure

pytestmark = pytest.mark.django_db


def test_the_bench_reports_a_warm_public_page_with_no_query(published):
    lines = []
    bench_public_pages(measure, lambda *shown: lines.append(shown), 1)
    warm = next(shown for shown in lines if shown[0].startswith("public scorecard, warm"))
    assert warm[2] == 0
    cold = next(shown for shown in lines if "cold" in shown[0])
    assert cold[2] > 0
