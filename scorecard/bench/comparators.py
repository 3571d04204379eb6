"""`make bench`: import 100,000 comparator values (issue 11: "takes seconds"), and again."""

from decimal import Decimal

from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

from scorecard.models import Measure, Result
from scorecard.rules.periods import parse_period
from scorecard.services.comparators import comparators_import
from scorecard.services.periods import periods_ensure

AREAS, INDICATORS = 400, 250


def comparator_file() -> bytes:
    rows = [
        f"B{area:08d},Bench area {area},BENCH-I{ind},2023/24,{area * 1.5 + ind:.1f}"
        for area in range(AREAS)
        for ind in range(INDICATORS)
    ]
    return ("Area code,Area name,Indicator,Period,Value\n" + "\n".join(rows) + "\n").encode()


def benchmarked_measures() -> None:
    """A measure with an approved 2023/24 result for each indicator, for the pages."""
    year = periods_ensure([parse_period("2023/24")], deadline_days=30)["2023/24"]
    made = Measure.objects.bulk_create(
        Measure(
            code=f"BENCH-M{n:03d}", title=f"Bench measure {n}", external_indicator=f"BENCH-I{n}"
        )
        for n in range(INDICATORS)
    )
    Result.objects.bulk_create(
        Result(measure=m, period=year, actual=Decimal(n * 2), status="approved")
        for n, m in enumerate(made)
    )


def bench_comparators(measure, line, repeat: int) -> None:
    data = comparator_file()
    count = AREAS * INDICATORS
    took, queries = measure(
        lambda: comparators_import(name="bench.csv", data=data, group="Bench group"), 1
    )
    line(f"import {count:,} comparator values (new)", took, queries)
    took, queries = measure(
        lambda: comparators_import(name="bench.csv", data=data, group="Bench group"), repeat
    )
    line(f"import {count:,} comparator values (again)", took, queries)


def bench_benchmarking_page(measure, line, repeat: int) -> None:
    """The benchmarking summary of 250 measures among 400 areas (the 250 ms page budget)."""
    benchmarked_measures()
    user = get_user_model().objects.create_user("bench-viewer")
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(user)
    url = reverse("benchmarking")
    client.get(url)  # warm-up
    took, queries = measure(lambda: client.get(url), repeat)
    line(f"page: benchmarking summary, {INDICATORS} measures", took, queries)
