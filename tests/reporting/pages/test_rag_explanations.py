"""Wherever a RAG appears it is a colour and a word, and why it is that colour is one click or
hover away (a <details> whose <summary> carries the reason as its title) and read out."""

import pytest
from django.urls import reverse

from tests.support.councils import small_council
from tests.support.pages import main, rag_words

pytestmark = pytest.mark.django_db

WORDS = {"Green", "Amber", "Red", "No Current Information", "Not rated"}


@pytest.fixture
def council_q2(council):
    return small_council()


def badges(page):
    return [node for node in page.iter() if "rag" in node.classes]


def assert_every_rag_explains_itself(page):
    found = badges(page)
    assert found, "no RAG on the page"
    for badge in found:
        (word,) = rag_words(badge)
        assert word in WORDS
        # The colour is a class; the word is there too, never colour alone.
        assert any(c.startswith("rag--") for c in badge.classes)
        assert badge.tag == "summary", f"{word} has no explanation: {badge.text!r}"
        reason = badge.get("title")
        assert reason and reason.startswith(word.split()[0]), reason
        details = badge.ancestor("details")
        assert details.find("p").text == reason  # in the page for screen readers, not a tooltip
        assert "why?" in badge.find("span", class_="visually-hidden").text


def page(client, url, **params):
    response = client.get(url, params)
    assert response.status_code == 200
    return main(response.content)


def test_every_rag_in_the_items_list_explains_itself(as_viewer, council_q2):
    assert_every_rag_explains_itself(page(as_viewer, reverse("items")))


def test_every_rag_on_the_balanced_scorecard_explains_itself(as_viewer, council_q2):
    assert_every_rag_explains_itself(page(as_viewer, reverse("scorecard")))


def test_every_rag_in_a_measures_history_explains_itself(as_viewer, council_q2):
    assert_every_rag_explains_itself(page(as_viewer, reverse("measure", args=["BV 012"])))


def test_every_rag_in_the_dashboards_exceptions_explains_itself(as_viewer, council_q2):
    sections = page(as_viewer, reverse("dashboard")).find_all("section")
    exceptions = next(s for s in sections if s.get("aria-labelledby") == "exceptions-heading")

    assert_every_rag_explains_itself(exceptions)


def test_every_rag_in_the_improvement_plans_quarters_explains_itself(as_viewer, council_q2):
    plan_page = page(as_viewer, reverse("improvement_plan", args=["CP"]))

    assert_every_rag_explains_itself(plan_page.find("table").find("tbody"))


def test_the_dashboards_overall_status_explains_itself(as_viewer, council_q2):
    overall = page(as_viewer, reverse("dashboard")).find("p", class_="overall")

    assert_every_rag_explains_itself(overall)


def test_the_improvement_plans_overall_status_explains_itself(as_viewer, council_q2):
    plan_page = page(as_viewer, reverse("improvement_plan", args=["CP"]))

    assert_every_rag_explains_itself(plan_page.find("tfoot"))


def test_every_rag_on_an_actions_page_explains_itself(as_viewer, council_q2):
    assert_every_rag_explains_itself(page(as_viewer, reverse("action", args=["CIP01.1.4"])))
