"""Nobody approves a return they entered or submitted: a second person signs it off."""

from decimal import Decimal

import pytest
from django.urls import reverse

from actionplans.models import ActionUpdate
from scorecard.models import CouncilSettings, Result, Role
from scorecard.returns import services
from tests.support.returns import in_directorate

pytestmark = pytest.mark.django_db


@pytest.fixture
def head_of_service(role_user, directorate):
    """A second approver in the same directorate."""
    return in_directorate(role_user(Role.APPROVER, "head_of_service"), directorate)


@pytest.fixture
def approver_updates(approver, measure, action):
    """The approver is also named to update the directorate's measure and action."""
    measure.updaters.add(approver)
    action.updaters.add(approver)
    return approver


def submit_result(user, measure, period, **values) -> Result:
    values = {"actual": Decimal("55"), "commentary": "On track.", **values}
    current = Result.objects.filter(measure=measure, period=period).first()
    return services.return_save(
        user=user,
        item=measure,
        period=period,
        values=values,
        version=current.version if current else 0,
        submit=True,
    )


def segregation(on: bool) -> None:
    settings = CouncilSettings.load()
    settings.segregation_of_duties = on
    settings.save()


def test_segregation_of_duties_is_on_by_default(db):
    assert CouncilSettings.load().segregation_of_duties is True


def test_an_approver_cannot_approve_a_result_they_submitted(approver_updates, measure, q3):
    result = submit_result(approver_updates, measure, q3)
    with pytest.raises(services.ReturnRefused, match="someone else must approve it"):
        services.return_approve(user=approver_updates, ret=result)
    result.refresh_from_db()
    assert result.status == "submitted" and result.approved_by is None


def test_an_approver_cannot_approve_a_result_they_entered_and_an_officer_submitted(
    approver_updates, officer, measure, q3
):
    draft = services.return_save(
        user=approver_updates,
        item=measure,
        period=q3,
        values={"actual": Decimal("55"), "commentary": "Figures from the contractor."},
        version=0,
    )
    result = submit_result(officer, measure, q3, actual=draft.actual, commentary=draft.commentary)
    assert result.entered_by == officer
    with pytest.raises(services.ReturnRefused, match="you entered or submitted"):
        services.return_approve(user=approver_updates, ret=result)


def test_another_approver_can_approve_it(approver_updates, head_of_service, measure, q3):
    result = submit_result(approver_updates, measure, q3)
    approved = services.return_approve(user=head_of_service, ret=result)
    assert approved.status == "approved" and approved.approved_by == head_of_service


def test_an_approver_cannot_approve_an_action_update_they_submitted(
    approver_updates, head_of_service, action, q3
):
    update = services.return_save(
        user=approver_updates,
        item=action,
        period=q3,
        values={"rag": "green", "commentary": "Survey sent."},
        version=0,
        submit=True,
    )
    with pytest.raises(services.ReturnRefused, match="someone else must approve it"):
        services.return_approve(user=approver_updates, ret=update)
    assert services.return_approve(user=head_of_service, ret=update).status == "approved"


def test_the_performance_team_cannot_approve_what_it_submitted(performance_team, measure, q3):
    result = submit_result(performance_team, measure, q3)
    with pytest.raises(services.ReturnRefused):
        services.return_approve(user=performance_team, ret=result)


def test_with_segregation_off_the_approver_can_approve_their_own_return(
    approver_updates, measure, q3
):
    segregation(False)
    result = submit_result(approver_updates, measure, q3)
    assert services.return_approve(user=approver_updates, ret=result).status == "approved"


def test_the_queue_says_why_there_is_no_approve_button(
    client, approver_updates, officer, measure, judged, q3
):
    submit_result(approver_updates, measure, q3)
    other = submit_result(officer, judged, q3, officer_rag="green")
    client.force_login(approver_updates)
    page = client.get(reverse("returns:approvals")).content.decode()
    assert page.count("Approve<span") == 1  # the officer's return only
    assert f'Approve<span class="visually-hidden"> {judged.code}' in page
    assert reverse("returns:approve", args=["measure", other.pk]) in page
    assert "you entered or submitted this return, so someone else must approve it" in page


def test_a_forged_approval_of_ones_own_return_is_refused_with_a_message(
    client, approver_updates, measure, q3
):
    result = submit_result(approver_updates, measure, q3)
    client.force_login(approver_updates)
    response = client.post(
        reverse("returns:approve", args=["measure", result.pk]),
        {"version": result.version},
        follow=True,
    )
    text = response.content.decode()
    assert "NI 192 2009/10 Q3 not approved" in text and "someone else must approve it" in text
    result.refresh_from_db()
    assert result.status == "submitted"


def test_another_approver_sees_the_button_and_approves(
    client, approver_updates, head_of_service, measure, action, q3
):
    result = submit_result(approver_updates, measure, q3)
    services.return_save(
        user=approver_updates,
        item=action,
        period=q3,
        values={"rag": "green", "commentary": "Survey sent."},
        version=0,
        submit=True,
    )
    client.force_login(head_of_service)
    page = client.get(reverse("returns:approvals")).content.decode()
    assert page.count("Approve<span") == 2 and "someone else must approve it" not in page
    client.post(
        reverse("returns:approve", args=["measure", result.pk]), {"version": result.version}
    )
    result.refresh_from_db()
    assert result.status == "approved" and result.approved_by == head_of_service
    assert ActionUpdate.objects.get().status == "submitted"


def test_with_segregation_off_the_queue_offers_the_button_and_the_post_approves(
    client, approver_updates, measure, q3
):
    segregation(False)
    result = submit_result(approver_updates, measure, q3)
    client.force_login(approver_updates)
    assert "Approve<span" in client.get(reverse("returns:approvals")).content.decode()
    client.post(
        reverse("returns:approve", args=["measure", result.pk]), {"version": result.version}
    )
    result.refresh_from_db()
    assert result.status == "approved"


def test_returning_a_return_to_its_officer_does_not_make_the_approver_its_author(
    approver, officer, measure, q3
):
    result = submit_result(officer, measure, q3)
    services.return_send_back(user=approver, ret=result, comment="Check the tonnage.")
    resubmitted = submit_result(officer, measure, q3, commentary="Tonnage checked.")
    assert services.return_approve(user=approver, ret=resubmitted).status == "approved"


def test_the_performance_team_finds_the_setting_in_the_council_settings(client, team_member):
    settings = CouncilSettings.load()
    client.force_login(team_member)
    assert settings.pk
    page = client.get(reverse("setup:council"))
    assert "Segregation of duties in sign-off" in page.content.decode()
