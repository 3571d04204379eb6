"""Approvers sign off their directorate's returns, or return them with a comment."""

from decimal import Decimal

import pytest
from django.urls import reverse

from scorecard.models import Result
from tests.support.factories import ResultFactory
from tests.support.returns import edit_url, measure_for, result_form

pytestmark = pytest.mark.django_db


@pytest.fixture
def submitted(measure, q3, officer):
    return ResultFactory(
        measure=measure, period=q3, actual=Decimal("55"), status="submitted", entered_by=officer
    )


def test_approver_sees_their_directorates_submitted_returns(client, approver, submitted):
    client.force_login(approver)
    page = client.get(reverse("returns:approvals")).content.decode()
    assert "NI 192" in page and "55.0%" in page


def test_approver_does_not_see_other_directorates(client, other_approver, submitted):
    client.force_login(other_approver)
    assert "NI 192" not in client.get(reverse("returns:approvals")).content.decode()


def test_approve(client, approver, submitted):
    client.force_login(approver)
    response = client.post(
        reverse("returns:approve", args=["measure", submitted.pk]),
        {"version": submitted.version},
    )
    assert response.status_code == 302
    submitted.refresh_from_db()
    assert submitted.status == "approved"
    assert submitted.approved_by == approver


def test_return_with_a_comment_that_the_officer_sees(client, approver, officer, submitted, q3):
    client.force_login(approver)
    url = reverse("returns:send_back", args=["measure", submitted.pk])
    page = client.post(url, {"comment": "", "version": submitted.version}).content.decode()
    assert "Say what the officer should change" in page
    response = client.post(url, {"comment": "Check the tonnage.", "version": submitted.version})
    assert response.status_code == 302
    submitted.refresh_from_db()
    assert submitted.status == "returned"

    client.force_login(officer)
    page = client.get(edit_url(submitted.measure, q3)).content.decode()
    assert "Returned to you for changes" in page and "Check the tonnage." in page
    client.post(
        edit_url(submitted.measure, q3),
        result_form(version=submitted.version, actual="56", commentary="Tonnage checked."),
    )
    submitted.refresh_from_db()
    assert submitted.status == "submitted" and submitted.actual == Decimal("56")


def test_only_submitted_returns_can_be_approved(client, approver, measure, q3):
    draft = ResultFactory(measure=measure, period=q3, status="draft")
    client.force_login(approver)
    client.post(reverse("returns:approve", args=["measure", draft.pk]), {"version": 1})
    assert Result.objects.get().status == "draft"


def test_approving_a_return_changed_since_it_was_shown_is_refused(client, approver, submitted):
    Result.objects.filter(pk=submitted.pk).update(version=5)
    client.force_login(approver)
    response = client.post(
        reverse("returns:approve", args=["measure", submitted.pk]), {"version": 1}, follow=True
    )
    assert "not saved" in response.content.decode()
    assert Result.objects.get().status == "submitted"


def test_the_queue_query_count_is_bounded(
    client, approver, officer, q3, directorate, django_assert_max_num_queries
):
    for n in range(20):
        item = measure_for(officer, q3, code=f"M{n}", directorate=directorate)
        ResultFactory(measure=item, period=q3, status="submitted", entered_by=officer)
    client.force_login(approver)
    # 12, and one for the queue's targets and one for the header's count of notifications.
    with django_assert_max_num_queries(14):
        page = client.get(reverse("returns:approvals")).content.decode()
    assert page.count("Approve<span") == 20
