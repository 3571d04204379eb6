"""The priority action plan: recommendations, their findings, the current position and further
action with timescale and lead officer, and "(1a) (3)" citations as links within the page.

The demo council's Oxfordshire CC CPA Improvement Plan 2002 (seed 000).
"""

import pytest
from django.urls import reverse

from actionplans.models import Finding, Recommendation
from tests.support.factories import ActionFactory, PlanFactory
from tests.support.pages import count_queries, headers, main, row, table

pytestmark = pytest.mark.django_db

CPA = reverse("action_plan", args=["CPA-2002"])


@pytest.fixture
def cpa_page(demo_council, as_viewer):
    response = as_viewer.get(CPA)
    assert response.status_code == 200
    return main(response.content)


def recommendation(page, code: str):
    found = page.find("article", id=f"rec-{code}")
    assert found is not None, f"no recommendation {code} on the page"
    return found


def test_recommendations_sit_under_their_priority(cpa_page):
    first_priority = cpa_page.find("section")

    assert first_priority.find("h2").text == "priority 1: FORWARD planning"
    assert recommendation(first_priority, "1a") is not None
    assert (
        recommendation(cpa_page, "1a")
        .find("h3")
        .text.startswith("1a) Following completion of the community strategy, articulate a vision")
    )


def test_a_recommendation_lists_its_numbered_findings_with_their_category(cpa_page):
    findings = recommendation(cpa_page, "1a").find("ol", class_="findings")

    second = findings.find("li", id="finding-2")
    assert second.get("value") == "2"
    assert second.text == "No shared vision statement (Ambition)"
    assert len(findings.find_all("li")) == 8


def test_a_recommendation_shows_its_current_position(cpa_page):
    rec = recommendation(cpa_page, "1a")

    assert "Vision / Aim has been drafted and circulated for consultation" in rec.text


def test_further_action_shows_timescale_and_lead_officer(cpa_page):
    actions = table(recommendation(cpa_page, "1a"), "Further action on 1a")

    our_aim = row(actions, "Draft Oxfordshire Plan will incorporate")
    cells_text = [td.text for td in our_aim.find_all("td")]

    assert cells_text[2:] == ["Nov 02", "Stephen Capaldi"]


def test_citations_link_to_the_recommendation_and_findings_they_cite(cpa_page):
    actions = table(recommendation(cpa_page, "1a"), "Further action on 1a")

    def addresses(starts_with: str) -> list[tuple[str, str]]:
        column = headers(actions).index("Addresses")
        cell = row(actions, starts_with).find_all("td")[column]
        return [(a.text, a.get("href")) for a in cell.find_all("a")]

    assert addresses("Draft Oxfordshire Plan will incorporate") == [("(1a)", "#rec-1a")]
    assert addresses("Action to address crime reduction") == [
        ("(4)", "#finding-4"),
        ("(7)", "#finding-7"),
    ]


def test_every_citation_on_the_page_leads_somewhere_on_the_page(cpa_page):
    ids = {node.get("id") for node in cpa_page.iter() if node.get("id")}
    hrefs = [a.get("href", "") for a in cpa_page.find_all("a")]
    targets = [href[1:] for href in hrefs if href.startswith("#")]

    assert len(targets) > 60
    assert sorted(set(targets) - ids) == []
    assert "finding-3" in ids and "rec-1a" in ids


def test_citations_written_in_the_current_position_are_links_too(cpa_page):
    position = next(
        p
        for p in recommendation(cpa_page, "1a").find_all("p")
        if "the 5 strategic objectives" in p.text
    )

    assert ("(3)", "#finding-3") in [(a.text, a.get("href")) for a in position.find_all("a")]


def test_an_unknown_plan_is_not_found(as_viewer, council):
    assert as_viewer.get(reverse("action_plan", args=["NO-SUCH"])).status_code == 404


def test_the_page_issues_the_same_number_of_queries_for_forty_recommendations_as_for_five(
    as_viewer, council, django_assert_max_num_queries
):
    plan = PlanFactory(code="CPA-TEST")
    url = reverse("action_plan", args=[plan.code])

    def add(first: int, n: int) -> None:
        for i in range(first, first + n):
            rec = Recommendation.objects.create(plan=plan, code=f"{i}a", text=f"Do {i}", order=i)
            finding = Finding.objects.create(
                plan=plan, code=str(i), text=f"Weakness {i}", recommendation=rec, order=i
            )
            action = ActionFactory(code=f"CPA-T.{i}", recommendation=rec, timescale="Nov 02")
            action.recommendations.add(rec)
            action.findings.add(finding)

    add(0, 5)
    as_viewer.get(url)
    five = count_queries(lambda: as_viewer.get(url))
    add(5, 35)

    with django_assert_max_num_queries(five):
        response = as_viewer.get(url)

    assert five <= 15, five
    assert len(main(response.content).find_all("article")) == 40


def plan_with_position(position: str, *, finding_under_recommendation: bool = True):
    plan = PlanFactory(code="CPA-CITE")
    rec = Recommendation.objects.create(
        plan=plan, code="1a", text="Articulate a vision", current_position=position
    )
    Finding.objects.create(
        plan=plan,
        code="3",
        text="Key objectives not sufficiently explained",
        recommendation=rec if finding_under_recommendation else None,
    )
    return reverse("action_plan", args=[plan.code])


def test_citations_in_a_current_position_link_what_they_cite_and_leave_the_rest(as_viewer, council):
    url = plan_with_position("Aim agreed (1a) (3); survey (Ambition) due (9). <b>Soon</b>")

    page = main(as_viewer.get(url).content)
    position = recommendation(page, "1a").find("p", class_="pre")

    assert [(a.text, a.get("href")) for a in position.find_all("a")] == [
        ("(1a)", "#rec-1a"),
        ("(3)", "#finding-3"),
    ]
    assert position.text == "Aim agreed (1a) (3); survey (Ambition) due (9). <b>Soon</b>"
    assert position.find("b") is None  # typed markup stays text


def test_a_cited_finding_outside_any_recommendation_still_leads_somewhere_on_the_page(
    as_viewer, council
):
    url = plan_with_position("Objectives explained (3)", finding_under_recommendation=False)

    page = main(as_viewer.get(url).content)
    ids = {node.get("id") for node in page.iter() if node.get("id")}
    targets = {a.get("href")[1:] for a in page.find_all("a") if a.get("href", "").startswith("#")}

    assert targets - ids == set()
