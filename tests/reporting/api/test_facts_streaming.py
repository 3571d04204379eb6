"""The fact table as CSV is streamed: sent in pieces as it is made, never built whole, with
the measures read once however many periods it spans (issue 14, "Proof": constant memory)."""

import csv
import io

import pytest

from reporting.api import facts
from scorecard.models import Role
from tests.support.factories import MeasureFactory, ResultFactory
from tests.support.periods import period

pytestmark = pytest.mark.django_db


def test_the_csv_is_sent_in_pieces_as_it_is_made(council, bearer, monkeypatch):
    monkeypatch.setattr(facts, "CHUNK", 200)
    response = bearer(Role.VIEWER).get("/api/v1/facts.csv")
    assert response.streaming
    pieces = list(response.streaming_content)
    assert len(pieces) > 1
    rows = list(csv.DictReader(io.StringIO(b"".join(pieces).decode())))
    assert {row["measure_code"] for row in rows} == {"BV 012", "NI 192", "LPI 900"}


def test_more_periods_cost_a_few_queries_each_and_more_measures_none(
    council, bearer, django_assert_max_num_queries
):
    client = bearer(Role.VIEWER)
    quarters = [period(f"2010/11 Q{n}") for n in range(1, 5)]
    for n in range(40):
        measure = MeasureFactory(code=f"BULK {n:03d}")
        for quarter in quarters:
            ResultFactory(measure=measure, period=quarter, status="approved")
    # Five periods: the measures once, then a fixed handful of reads per period.
    with django_assert_max_num_queries(12 + 5 * 8):
        response = client.get("/api/v1/facts.csv")
        body = b"".join(response.streaming_content).decode()
    # Its four quarters; in 2009/10 Q2 it was not yet part of the framework, so not listed.
    assert body.count("BULK 000") == 4
