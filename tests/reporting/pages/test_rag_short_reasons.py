"""Beside each RAG, a short reason in words ("Red: 12.0% worse than target"), visible without a
click in lists and tables; the full explanation stays one click away (issue 12)."""

import re

import pytest
from django.urls import reverse

from scorecard.rules.rag_reason import short_reason
from tests.support.councils import small_council
from tests.support.pages import main

pytestmark = pytest.mark.django_db

REASON = re.compile(
    r"(\d[\d,.]*(%| percentage points?| \w+)? (worse than|below|above) "
    r"(target|range)|on or better than target|within range)"
)


@pytest.fixture
def council_q2(council):
    return small_council()


def get(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return main(response.content)


def test_the_items_list_has_a_why_column_beside_the_rag(as_viewer, council_q2):
    root = get(as_viewer, reverse("items"))
    headers = [th.text.strip() for th in root.find("thead").find_all("th")]

    assert headers[headers.index("RAG") + 1] == "Why"
    reasons = [span.text for span in root.find_all("span", class_="rag-reason")]
    assert any(REASON.fullmatch(r) for r in reasons), reasons


def test_a_measures_history_says_why_beside_each_badge(as_viewer, council_q2):
    root = get(as_viewer, reverse("measure", args=["BV 012"]))

    history = next(
        t for t in root.find_all("table") if "Targets, results" in t.find("caption").text
    )
    badges = history.find("tbody").find_all("details", class_="rag-details")
    assert badges
    for badge in badges:
        explanation = badge.find("p").text
        reason = badge.parent.find("span", class_="rag-reason")
        assert reason is not None, explanation
        assert reason.text == short_reason(explanation)
        assert len(reason.text) < len(explanation)
