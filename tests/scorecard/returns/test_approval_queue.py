"""The approver's queue: everything needed to decide on the page, and several approved at once.

Approving several at once reports per item: each selected return is approved through the same
service as one at a time; those that cannot be (written by the approver, changed since the page
was loaded, no longer submitted) are named with the reason, and the rest are still approved.
"""

from decimal import Decimal

import pytest
from django.urls import reverse

from scorecard.models import AuditEntry, Result
from tests.support.factories import ResultFactory
from tests.support.returns import measure_for

pytestmark = pytest.mark.django_db


def submitted(measure, q3, officer, actual="55", **fields):
    return ResultFactory(
        measure=measure,
        period=q3,
        actual=Decimal(actual),
        status="submitted",
        entered_by=officer,
        **fields,
    )


def picked(*results) -> list[str]:
    return [f"measure:{r.pk}:{r.version}" for r in results]


@pytest.fixture
def three(officer, q3, directorate):
    from scorecard.services.rating import results_rerate

    made = []
    for n, actual in enumerate(("55", "46", "20")):
        measure = measure_for(officer, q3, code=f"LPI {n}", directorate=directorate)
        made.append(
            submitted(
                measure,
                q3,
                officer,
                actual,
                commentary=f"Commentary {n}.",
                corrective_action="Extra rounds." if actual == "20" else "",
            )
        )
    results_rerate(measure_ids=[r.measure_id for r in made])
    for r in made:
        r.refresh_from_db()
    return made


def test_each_row_shows_target_actual_rag_and_why_commentary_and_corrective_action(
    client, approver, three
):
    client.force_login(approver)
    page = client.get(reverse("returns:approvals")).content.decode()
    assert "50.0%" in page and "20.0%" in page  # target and actual
    assert "Red: 20.0% is" in page  # the reason written out, not only behind a click
    assert "Commentary 2." in page and "Extra rounds." in page
    assert page.count('name="selected"') == 3


def test_approve_several_at_once(client, approver, three):
    client.force_login(approver)
    response = client.post(
        reverse("returns:approve_selected"), {"selected": picked(three[0], three[2])}, follow=True
    )
    page = response.content.decode()
    assert "2 returns approved: LPI 0, LPI 2" in page
    statuses = dict(Result.objects.values_list("measure__code", "status"))
    assert statuses == {"LPI 0": "approved", "LPI 1": "submitted", "LPI 2": "approved"}
    assert AuditEntry.objects.filter(summary__startswith="Approved").count() == 2


def test_one_that_cannot_be_approved_is_named_and_the_rest_are_approved(client, approver, three):
    stale = three[1]
    Result.objects.filter(pk=stale.pk).update(version=stale.version + 1)  # changed meanwhile
    client.force_login(approver)
    page = client.post(
        reverse("returns:approve_selected"), {"selected": picked(*three)}, follow=True
    ).content.decode()
    assert "2 returns approved: LPI 0, LPI 2" in page
    assert "LPI 1 was not approved" in page
    assert Result.objects.get(pk=stale.pk).status == "submitted"


def test_nothing_selected_says_so(client, approver, three):
    client.force_login(approver)
    page = client.post(reverse("returns:approve_selected"), {}, follow=True).content.decode()
    assert "Select the returns to approve" in page
    assert not Result.objects.filter(status="approved").exists()


def test_another_directorates_return_is_refused_by_the_service(client, other_approver, three):
    client.force_login(other_approver)
    page = client.post(
        reverse("returns:approve_selected"), {"selected": picked(three[0])}, follow=True
    ).content.decode()
    assert "LPI 0 was not approved" in page
    assert Result.objects.get(pk=three[0].pk).status == "submitted"


def test_a_forged_selection_changes_nothing(client, approver, three):
    client.force_login(approver)
    page = client.post(
        reverse("returns:approve_selected"),
        {"selected": ["measure:999999:1", "nonsense", "widget:1:1"]},
        follow=True,
    ).content.decode()
    assert "no longer waiting" in page
    assert not Result.objects.filter(status="approved").exists()


def test_a_viewer_may_not_approve_in_bulk(client, viewer, three):
    client.force_login(viewer)
    response = client.post(reverse("returns:approve_selected"), {"selected": picked(three[0])})
    assert response.status_code == 403


def test_the_queue_with_targets_stays_bounded(
    client, approver, officer, q3, directorate, django_assert_max_num_queries
):
    for n in range(30):
        item = measure_for(officer, q3, code=f"M{n}", directorate=directorate)
        submitted(item, q3, officer, commentary="Fine.")
    client.force_login(approver)
    with django_assert_max_num_queries(14):
        page = client.get(reverse("returns:approvals")).content.decode()
    assert page.count('name="selected"') == 30
    assert page.count("50.0%") >= 30
