"""The list of judgements that differ from the rule, per period, as an Excel file: the same
table definition, read back with openpyxl (issue 12, "The approver")."""

from decimal import Decimal

import pytest
from django.urls import reverse

from tests.support.factories import ResultFactory
from tests.support.pages import main
from tests.support.periods import open_period
from tests.support.reports import Xlsx, by_code, shown
from tests.support.returns import measure_for

pytestmark = pytest.mark.django_db

REASON = '=HYPERLINK("http://evil.example","New contract")'


@pytest.fixture
def q3(council):
    return open_period("2009/10 Q3")


@pytest.fixture
def contradictions(officer, q3):
    """LOC 01: 35.0% against 50.0%, judged Green (the rule gives Red), with a reason that
    looks like a formula; LOC 02 agrees with its rule; LOC 03 contradicts it with no reason."""
    rows = [
        ("LOC 01", "35", "green", REASON),
        ("LOC 02", "55", "green", ""),
        ("LOC 03", "50", "red", ""),
    ]
    for code, actual, rag, reason in rows:
        measure = measure_for(officer, q3, code=code, rag_method="judgement")
        ResultFactory(
            measure=measure, period=q3, actual=Decimal(actual), officer_rag=rag, rag=rag,
            judgement_reason=reason, status="submitted", entered_by=officer,
        )  # fmt: skip


def url(q3) -> str:
    return reverse("contradictions_download", args=[q3.pk])


def test_the_download_lists_each_contradiction_with_both_ratings_and_the_reason(
    client, performance_team, contradictions, q3, django_assert_max_num_queries
):
    client.force_login(performance_team)
    with django_assert_max_num_queries(12):
        response = client.get(url(q3))
    assert response.status_code == 200
    assert response["Content-Disposition"].endswith('.xlsx"')
    rows = by_code(Xlsx(response.content)["Judgements"])
    assert set(rows) == {"LOC 01", "LOC 03"}  # LOC 02 agrees with its rule
    loc01 = rows["LOC 01"]
    assert loc01["Target"].value == 50 and loc01["Actual"].value == 35
    assert shown(loc01["Actual"]) == "35.0%"  # in the measure's unit, at its places
    assert (loc01["Officer's RAG"].value, loc01["By target and tolerance"].value) == ("G", "R")
    assert "worse than target" in loc01["Why (target and tolerance)"].value
    reason = loc01["Officer's reason"]
    assert (reason.value, reason.data_type) == (REASON, "s")  # text, never run as a formula
    assert rows["LOC 03"]["Officer's reason"].value == "None given"
    assert rows["LOC 03"]["Status"].value == "Submitted"


def test_only_the_performance_team_may_download_it(client, officer, contradictions, q3):
    client.force_login(officer)
    assert client.get(url(q3)).status_code == 403
    client.logout()
    assert client.get(url(q3)).status_code == 302  # to sign in


def test_the_page_links_to_the_download(client, performance_team, contradictions, q3):
    client.force_login(performance_team)
    page = main(client.get(reverse("returns:contradictions", args=[q3.pk])).content)
    assert url(q3) in [a.get("href") for a in page.find_all("a")]
