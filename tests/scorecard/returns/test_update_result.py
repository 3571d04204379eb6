"""An officer enters a measure's result: checked, rated by the rule, saved or submitted."""

from decimal import Decimal

import pytest

from scorecard.models import ReportingPeriod, Result
from tests.support.returns import edit_url, result_form

pytestmark = pytest.mark.django_db


def test_the_page_shows_target_and_the_form(client, officer, measure, q3):
    client.force_login(officer)
    page = client.get(edit_url(measure, q3)).content.decode()
    assert "NI 192" in page and "50.0%" in page
    assert 'name="actual"' in page and 'name="corrective_action"' in page


def test_check_rag_shows_the_rules_rating_without_saving(client, officer, measure, q3):
    client.force_login(officer)
    page = client.post(edit_url(measure, q3), result_form("check", actual="30")).content.decode()
    assert "RAG with these figures" in page
    assert "rag--red" in page and "worse than the target of 50.0%" in page
    assert not Result.objects.exists()


def test_a_draft_is_saved_and_rated(client, officer, measure, q3):
    client.force_login(officer)
    response = client.post(edit_url(measure, q3), result_form("draft", actual="48.5"))
    assert response.status_code == 302
    result = Result.objects.get()
    assert result.actual == Decimal("48.5")
    assert result.status == "draft"
    assert result.rag == "amber"  # 3% short of 50, within the 10% tolerance
    assert result.entered_by == officer
    assert result.version == 1


def test_red_result_requires_corrective_action(client, officer, measure, q3):
    client.force_login(officer)
    response = client.post(edit_url(measure, q3), result_form(actual="20", commentary="Bad."))
    page = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in page
    assert 'href="#id_corrective_action"' in page
    assert "A Red result needs a corrective action" in page
    # Everything typed is kept.
    assert 'value="20"' in page and "Bad." in page
    assert not Result.objects.exists()


def test_red_result_with_corrective_action_is_submitted(client, officer, measure, q3):
    client.force_login(officer)
    response = client.post(
        edit_url(measure, q3),
        result_form(actual="20", commentary="Tonnage fell.", corrective_action="Recovery plan."),
    )
    assert response.status_code == 302
    result = Result.objects.get()
    assert (result.status, result.rag) == ("submitted", "red")
    assert result.submitted_at is not None


def test_a_draft_may_be_incomplete_even_when_red(client, officer, measure, q3):
    client.force_login(officer)
    client.post(edit_url(measure, q3), result_form("draft", actual="20"))
    assert Result.objects.get().status == "draft"


@pytest.mark.parametrize(
    "actual, message",
    [
        ("abc", "Enter a number"),
        ("101", "101% is outside 0 to 100%: check it"),  # until confirmed
        ("-1", "-1% is outside 0 to 100%: check it"),
        ("45.25", "at most 1 decimal place"),
    ],
)
def test_the_actual_is_validated_for_its_unit(client, officer, measure, q3, actual, message):
    client.force_login(officer)
    page = client.post(edit_url(measure, q3), result_form("draft", actual=actual))
    assert message.lower() in page.content.decode().lower()
    assert not Result.objects.exists()


def test_submitting_needs_an_actual(client, officer, measure, q3):
    client.force_login(officer)
    page = client.post(edit_url(measure, q3), result_form()).content.decode()
    assert "Enter the actual for this period" in page
    assert not Result.objects.exists()


def test_a_judgement_measure_takes_the_officers_rag(client, officer, judged, q3):
    client.force_login(officer)
    client.post(edit_url(judged, q3), result_form(officer_rag="green"))
    assert Result.objects.get().rag == "green"


def test_a_judgement_of_amber_needs_commentary(client, officer, judged, q3):
    client.force_login(officer)
    page = client.post(edit_url(judged, q3), result_form(officer_rag="amber")).content.decode()
    assert "Say why the item is Amber" in page
    assert not Result.objects.exists()


def test_risk_is_likelihood_times_impact(client, officer, measure, q3):
    client.force_login(officer)
    client.post(
        edit_url(measure, q3),
        result_form("draft", actual="55", risk_likelihood="3", risk_impact="4"),
    )
    assert Result.objects.get().risk_score == 12


def test_earlier_periods_are_shown_and_commentary_can_be_copied(client, officer, measure, q3):
    from tests.support.factories import ResultFactory
    from tests.support.periods import period

    ResultFactory(measure=measure, period=period("2009/10 Q2"), commentary="Q2 was steady.")
    client.force_login(officer)
    page = client.get(edit_url(measure, q3)).content.decode()
    assert "2009/10 Q2" in page and "Q2 was steady." in page
    copied = client.post(edit_url(measure, q3), result_form("copy", actual="51")).content.decode()
    assert "Q2 was steady.</textarea>" in copied
    assert 'value="51"' in copied
    assert not Result.objects.filter(period=q3).exists()


def test_a_locked_period_refuses_changes_and_says_why(client, officer, measure, q3):
    q3.state = ReportingPeriod.State.LOCKED
    q3.save()
    client.force_login(officer)
    page = client.get(edit_url(measure, q3)).content.decode()
    assert "locked after sign-off" in page
    response = client.post(edit_url(measure, q3), result_form(actual="60"), follow=True)
    assert "locked after sign-off" in response.content.decode()
    assert not Result.objects.exists()


def test_the_performance_team_corrects_a_locked_result_only_with_a_reason(
    client, performance_team, measure, q3
):
    from tests.support.factories import ResultFactory

    result = ResultFactory(measure=measure, period=q3, actual=Decimal("40"), status="approved")
    q3.state = ReportingPeriod.State.LOCKED
    q3.save()
    client.force_login(performance_team)
    form = result_form(
        "draft",
        version=result.version,
        actual="45",
        commentary="Revised down.",
        corrective_action="",
    )
    page = client.post(edit_url(measure, q3), form).content.decode()
    assert "give a reason" in page
    assert Result.objects.get().actual == Decimal("40")

    form["reason"] = "Contractor's figures were revised."
    response = client.post(edit_url(measure, q3), form)
    assert response.status_code == 302
    result.refresh_from_db()
    assert result.actual == Decimal("45")
    assert result.status == "approved"  # a correction leaves the sign-off as it was


def test_the_page_query_count_is_bounded(
    client, officer, measure, q3, django_assert_max_num_queries
):
    client.force_login(officer)
    with django_assert_max_num_queries(25):
        client.get(edit_url(measure, q3))
