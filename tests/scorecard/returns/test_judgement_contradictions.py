"""A judgement RAG that contradicts the measure's target and tolerance: the officer says why,
the approver sees both ratings, the performance team gets the list per period."""

from decimal import Decimal

import pytest
from django.urls import reverse

from scorecard.models import Result
from tests.support.factories import ResultFactory
from tests.support.returns import edit_url, measure_for, result_form

pytestmark = pytest.mark.django_db


def test_green_judgement_of_a_figure_far_below_target_asks_why(client, officer, judged, q3):
    client.force_login(officer)
    page = client.post(
        edit_url(judged, q3),
        result_form(actual="35", officer_rag="green", commentary="Recovering."),
    ).content.decode()
    assert "RAG is Green but the target and tolerance give Red" in page
    assert 'value="35"' in page and "Recovering." in page  # what was typed is kept
    assert not Result.objects.exists()


def test_with_a_reason_it_is_submitted_and_kept(client, officer, judged, q3):
    client.force_login(officer)
    response = client.post(
        edit_url(judged, q3),
        result_form(
            actual="35",
            officer_rag="green",
            commentary="Recovering.",
            judgement_reason="New contract starts in January; the year-end figure will be met.",
        ),
    )
    assert response.status_code == 302
    result = Result.objects.get()
    assert (result.status, result.rag) == ("submitted", "green")
    assert result.judgement_reason.startswith("New contract starts in January")


def test_a_judgement_that_agrees_with_the_rule_needs_no_reason(client, officer, judged, q3):
    client.force_login(officer)
    response = client.post(edit_url(judged, q3), result_form(actual="55", officer_rag="green"))
    assert response.status_code == 302


def test_the_service_refuses_a_contradiction_without_a_reason(officer, judged, q3):
    from scorecard.returns.services import ReturnInvalid, return_save

    with pytest.raises(ReturnInvalid) as refused:
        return_save(
            user=officer,
            item=judged,
            period=q3,
            values={"actual": Decimal("50"), "officer_rag": "amber", "commentary": "Watch it."},
            version=0,
            submit=True,
        )
    assert "judgement_reason" in refused.value.errors


def test_the_update_all_page_asks_for_the_reason_too(client, officer, judged, q3):
    client.force_login(officer)
    prefix = f"m{judged.pk}"
    page = client.post(
        reverse("returns:update_all", args=[q3.pk]),
        {
            "action": "submit",
            f"{prefix}-version": 0,
            f"{prefix}-actual": "50",
            f"{prefix}-officer_rag": "amber",
            f"{prefix}-commentary": "Exactly on target, but the trend is down.",
        },
    ).content.decode()
    assert "RAG is Amber but the target and tolerance give Green" in page
    assert not Result.objects.exists()


@pytest.fixture
def contradicted(officer, judged, q3):
    return ResultFactory(
        measure=judged,
        period=q3,
        actual=Decimal("35"),
        officer_rag="green",
        rag="green",
        rag_explanation="Green: set by the officer's judgement; the result is 35.0%.",
        commentary="Recovering.",
        judgement_reason="New contract in January.",
        status="submitted",
        entered_by=officer,
    )


def test_the_approver_sees_both_ratings_and_the_reason(client, approver, contradicted):
    client.force_login(approver)
    page = client.get(reverse("returns:approvals")).content.decode()
    assert "By the target and tolerance" in page and "rag--red" in page
    assert "New contract in January." in page


def test_the_performance_team_lists_the_periods_contradictions(
    client, performance_team, contradicted, judged, officer, q3, django_assert_max_num_queries
):
    agrees = measure_for(officer, q3, code="LOC 02", rag_method="judgement")
    ResultFactory(measure=agrees, period=q3, actual=Decimal("55"), officer_rag="green")
    for n in range(10):
        other = measure_for(officer, q3, code=f"LOC 1{n}", rag_method="judgement")
        ResultFactory(measure=other, period=q3, actual=Decimal("50"), officer_rag="amber")
    client.force_login(performance_team)
    url = reverse("returns:contradictions", args=[q3.pk])
    with django_assert_max_num_queries(10):
        page = client.get(url).content.decode()
    assert "LOC 01" in page and "New contract in January." in page
    assert "LOC 02" not in page
    assert page.count("<tr") == 1 + 11  # the header and the 11 contradictions
    assert "11 judgement" in page


def test_only_the_performance_team_sees_the_list(client, officer, q3):
    client.force_login(officer)
    assert client.get(reverse("returns:contradictions", args=[q3.pk])).status_code == 403


def test_the_progress_page_links_to_the_list(client, performance_team, q3):
    client.force_login(performance_team)
    page = client.get(reverse("returns:progress")).content.decode()
    assert reverse("returns:contradictions", args=[q3.pk]) in page
