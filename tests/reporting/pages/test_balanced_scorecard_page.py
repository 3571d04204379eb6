"""The balanced scorecard annex: measures by perspective, with the figures, risk and action plans.

After the Oxfordshire CC Cabinet report, Q2 2009/10 (seed 004).
"""

import pytest
from django.urls import reverse

from actionplans.models import Action, ActionPlan
from scorecard.models import Objective, Perspective, Result
from tests.support.councils import many_measures, measure, update
from tests.support.factories import ActionFactory, ObjectiveFactory
from tests.support.pages import (
    cells,
    count_cold_queries,
    headers,
    main,
    rag_words,
    row,
    row_cells,
    table,
)

pytestmark = pytest.mark.django_db

Q2 = "2009/10 Q2"
FIGURES = ("Baseline", "Target", "Actual")
RISK = "Risk (likelihood × impact)"


def perspective(name: str) -> Perspective:
    return Perspective.objects.get(name=name)


def plan_for(objective: Objective, code: str, *actions: str) -> ActionPlan:
    plan = ActionPlan.objects.create(code=code, title=f"Plan {code}", objective=objective)
    for n, title in enumerate(actions, start=1):
        ActionFactory(
            code=f"{code}.{n}",
            title=title,
            objective=objective,
            action_plan=plan,
            lead_officer="Head of Service",
        )
    return plan


def with_risk(made, likelihood: int, impact: int, label: str = Q2):
    Result.objects.filter(measure=made, period__label=label).update(
        risk_likelihood=likelihood, risk_impact=impact
    )
    return made


@pytest.fixture
def scorecard_q2(council):
    waste, satisfaction, sickness, budget = (
        ObjectiveFactory(code=code) for code in ("CUS2", "CUS3", "PPL1", "FIN1")
    )
    residual = measure(
        "NI 191",
        title="Residual household waste per household",
        polarity="lower",
        unit="kg",
        baseline=596,
        perspective=perspective("Customer"),
        targets={Q2: "480"},
        results={"2008/09 Q2": "490", "2009/10 Q1": "470", Q2: "474"},
    )
    with_risk(residual, 2, 3).objectives.add(waste)
    satisfied = measure(
        "LPI 067",
        title="Residents satisfied with the council",
        decimal_places=1,
        baseline="64.2",
        perspective=perspective("Customer"),
        targets={Q2: "70"},
        results={Q2: "67.5"},
    )
    with_risk(satisfied, 4, 4).objectives.add(satisfaction)  # Amber, but a high risk
    days = measure(
        "BV 012",
        title="Working days lost to sickness absence",
        polarity="lower",
        unit="days",
        decimal_places=1,
        perspective=perspective("People"),
        targets={Q2: "7.5"},
        results={Q2: "8.6"},
    )
    with_risk(days, 2, 2).objectives.add(sickness)  # Red, at a low risk
    paid = measure(
        "BV 008",
        title="Invoices paid within 30 days",
        decimal_places=1,
        perspective=perspective("Finance"),
        targets={Q2: "95"},
        results={Q2: "95.6"},
    )
    with_risk(paid, 1, 2).objectives.add(budget)  # Green and low risk
    measure("LOC-FIRE01", title="Emergency incidents attended", results={Q2: "2540"})
    plan_for(satisfaction, "PAP-SAT", "Publish a residents' charter")
    plan_for(sickness, "PAP-SICK", "Relaunch the managing attendance policy")
    plan_for(budget, "PAP-FIN", "Renegotiate the payment terms")
    update(ActionFactory(code="CIP01.1.3"), Q2, "red")


def scorecard(client, **params):
    response = client.get(reverse("scorecard"), params)
    assert response.status_code == 200
    return main(response.content)


def test_measures_are_grouped_by_perspective_in_the_councils_order(as_viewer, scorecard_q2):
    page = scorecard(as_viewer)

    sections = [h2.text for h2 in page.find_all("h2")]

    # Projects has no measures this quarter; measures without a perspective come last.
    assert sections == ["Customer", "Finance", "People", "No perspective"]
    assert [cells(tr)[0] for tr in table(page, "Customer").find("tbody").find_all("tr")] == [
        "LPI 067",
        "NI 191",
    ]


def test_the_scorecard_shows_measures_only(as_viewer, scorecard_q2):
    assert "CIP01.1.3" not in scorecard(as_viewer).text


def test_each_measure_shows_baseline_target_and_actual_in_its_unit(as_viewer, scorecard_q2):
    customer = table(scorecard(as_viewer), "Customer")

    residual, satisfied = row_cells(customer, "NI 191"), row_cells(customer, "LPI 067")

    assert [residual[h] for h in FIGURES] == ["596 kg", "480 kg", "474 kg"]
    assert [satisfied[h] for h in FIGURES] == ["64.2%", "70.0%", "67.5%"]


def test_each_rag_is_a_word_with_its_reason_one_click_away(as_viewer, scorecard_q2):
    customer = table(scorecard(as_viewer), "Customer")

    rag_cell = row(customer, "LPI 067").find_all("td")[headers(customer).index("RAG") - 1]

    assert rag_words(rag_cell) == ["Amber"]
    summary = rag_cell.find("summary")
    assert summary.get("title").startswith("Amber: 67.5% is")
    assert rag_cell.find("details").find("p").text.startswith("Amber: 67.5% is")
    assert summary.find("span", class_="visually-hidden").text == ", why?"


def test_direction_of_travel_is_an_arrow_and_a_word(as_viewer, scorecard_q2):
    customer = table(scorecard(as_viewer), "Customer")

    residual = row_cells(customer, "NI 191")
    short, long = residual["Short-term trend"], residual["Long-term trend"]

    # 474 kg after 470 kg last quarter is worse; against 490 kg a year ago, better.
    assert short == "↓ Worse"
    assert long == "↑ Improved"
    arrow = row(customer, "NI 191").find("span", class_="travel").find("span")
    assert arrow.get("aria-hidden") == "true"
    assert row_cells(customer, "LPI 067")["Short-term trend"] == "–"
    assert row_cells(customer, "LPI 067")["Long-term trend"] == "–"


def test_risk_is_likelihood_times_impact(as_viewer, scorecard_q2):
    page = scorecard(as_viewer)

    assert row_cells(table(page, "Customer"), "LPI 067")[RISK] == "4 × 4 = 16"
    assert row_cells(table(page, "Customer"), "NI 191")[RISK] == "2 × 3 = 6"
    assert row_cells(table(page, "No perspective"), "LOC-FIRE01")[RISK] == "–"


def test_action_plans_appear_for_red_or_high_risk_measures_only(as_viewer, scorecard_q2):
    page = scorecard(as_viewer)

    plans = {
        section: table(page, f"Actions in the plans for {section}'s Red and high-risk")
        for section in ("Customer", "People")
    }

    assert "Publish a residents' charter" in plans["Customer"].text  # LPI 067: 4 × 4 = 16
    assert "Relaunch the managing attendance policy" in plans["People"].text  # BV 012: Red
    assert "Renegotiate the payment terms" not in page.text  # BV 008: Green, low risk
    assert len(page.find_all("h3")) == 2


def test_the_period_can_be_chosen(as_viewer, scorecard_q2):
    page = scorecard(as_viewer, period="2009/10 Q1")

    assert page.find("h1").text == "Balanced scorecard: 2009/10 Q1"
    assert row_cells(table(page, "Customer"), "NI 191")["Actual"] == "470 kg"


def test_an_unknown_period_is_not_found(as_viewer, scorecard_q2):
    assert as_viewer.get(reverse("scorecard"), {"period": "1999/00 Q7"}).status_code == 404


def test_the_scorecard_requires_sign_in(client, scorecard_q2):
    assert client.get(reverse("scorecard")).status_code == 302


def test_the_scorecard_issues_the_same_number_of_queries_for_forty_measures_as_for_five(
    as_viewer, council, django_assert_max_num_queries
):
    for code in ("OBJ-1", "OBJ-2", "OBJ-3"):
        objective = ObjectiveFactory(code=code)
        plan_for(objective, f"PAP-{code}", "First step", "Second step")
    many_measures(5)  # each at a risk of 4 × 4 = 16, so every objective's plan is shown
    as_viewer.get(reverse("scorecard"))
    five = count_cold_queries(lambda: as_viewer.get(reverse("scorecard")))
    many_measures(35, start=5)

    with django_assert_max_num_queries(five):
        page = scorecard(as_viewer)

    # 24: the period's items are rated once for the dashboard, list and scorecard, actions
    # too, and kept (reporting/page_cache.py): their reads, the fingerprint, the roles.
    assert five <= 24, five
    assert len(page.find_all("tr")) > 40
    assert Action.objects.filter(action_plan__isnull=False).count() == 6
    assert "Second step" in page.text
