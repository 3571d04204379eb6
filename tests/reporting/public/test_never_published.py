"""What must never reach the public, in HTML, CSV or JSON (issue 14): unpublished measures,
unpublished periods, results awaiting approval, drafts, and words marked internal."""

import json

import pytest
from django.urls import reverse

from scorecard.returns.period_services import period_unpublish
from tests.support.periods import period

pytestmark = pytest.mark.django_db

Q2 = "2009/10 Q2"

PAGES = [
    reverse("public:scorecard"),
    f"{reverse('public:scorecard')}?period={Q2}",
    f"{reverse('public:plans')}?period={Q2}",
    reverse("public:data"),
    *[
        f"{reverse('public:measure', args=[code])}?period={Q2}"
        for code in ("NI 192", "NI 191", "BV 012", "LPI 017", "LPI 060", "LPI 061")
    ],
]


def everything_public(client) -> list[str]:
    """Every public page and file of the council, as text."""
    texts = []
    for url in PAGES:
        response = client.get(url)
        assert response.status_code == 200, url
        texts.append(response.content.decode())
    csv = client.get(reverse("public:data_csv", args=["2009-10-q2"]))
    texts.append(b"".join(csv.streaming_content).decode())
    texts.append(client.get(reverse("public:data_json", args=["2009-10-q2"])).content.decode())
    return texts


def test_an_unpublished_measure_never_appears(client, published, secrets):
    for text in everything_public(client):
        assert secrets.unpublished_measure not in text
        assert secrets.unpublished_figure not in text
        assert "LPI 050" not in text  # in the council, never marked published


def test_an_unpublished_measure_has_no_public_page(client, published):
    url = reverse("public:measure", args=["SECRET 1"])
    assert client.get(url, {"period": Q2}).status_code == 404


def test_an_unpublished_period_never_appears(client, published, secrets):
    for text in everything_public(client):
        assert "2009/10 Q3" not in text
        assert secrets.later_figure not in text
        assert "Q3 words never published" not in text
        # Q1 is approved but never published either: NI 192's 41.0% stays off the history.
        assert "2009/10 Q1" not in text


def test_an_unpublished_period_is_not_found(client, published):
    assert client.get(reverse("public:scorecard"), {"period": "2009/10 Q3"}).status_code == 404
    assert client.get(reverse("public:data_csv", args=["2009-10-q3"])).status_code == 404
    assert client.get(reverse("public:data_json", args=["2009-10-q3"])).status_code == 404


def test_a_result_awaiting_approval_or_a_draft_never_appears(client, published, secrets):
    for text in everything_public(client):
        assert secrets.provisional_figure not in text
        assert secrets.draft_figure not in text
        assert "Provisional" not in text


def test_a_result_awaiting_approval_says_so_in_words(client, published):
    content = client.get(reverse("public:scorecard"), {"period": Q2}).content.decode()
    assert "Awaiting approval" in content


def test_words_marked_internal_never_appear(client, published, secrets):
    texts = everything_public(client)
    for text in texts:
        assert secrets.internal_commentary not in text
        assert secrets.internal_action not in text
    # Public words of the same results are published.
    assert any(secrets.public_commentary in text for text in texts)
    assert any("Managing attendance policy relaunched" in text for text in texts)


def test_the_json_holds_only_published_measures(client, published):
    body = json.loads(client.get(reverse("public:data_json", args=["2009-10-q2"])).content)
    codes = sorted(row["measure_code"] for row in body["rows"])
    assert codes == ["BV 012", "LPI 017", "LPI 060", "LPI 061", "NI 191", "NI 192"]
    awaiting = next(row for row in body["rows"] if row["measure_code"] == "LPI 060")
    assert awaiting["result"] is None and awaiting["rating"] == "Awaiting approval"


def test_an_unpublished_period_disappears_at_once(
    client, published, performance_team, django_capture_on_commit_callbacks
):
    assert client.get(reverse("public:scorecard"), {"period": Q2}).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        period_unpublish(user=performance_team, period=period(Q2), reason="A figure was wrong")
    assert client.get(reverse("public:scorecard"), {"period": Q2}).status_code == 404
    page = client.get(reverse("public:scorecard")).content.decode()
    assert "has not published any performance results yet" in page
    assert client.get(reverse("public:data_csv", args=["2009-10-q2"])).status_code == 404
