"""A correction leaves a handed-in return handed in, so it must stay complete.

The performance team corrects returns after the deadline; the corrected return keeps its
sign-off (submitted or approved). It is still published, so it still needs commentary when
judged Amber or Red and a corrective action when Red, as the officer's submission did.
"""

from decimal import Decimal

import pytest

from actionplans.models import ActionUpdate
from scorecard.models import ReportingPeriod, Result
from tests.support.factories import ActionUpdateFactory, ResultFactory
from tests.support.returns import edit_url, result_form

pytestmark = pytest.mark.django_db


def closed(period):
    period.state = ReportingPeriod.State.CLOSED
    period.save()


def test_a_correction_cannot_drop_a_red_results_corrective_action(
    client, performance_team, measure, q3
):
    ResultFactory(
        measure=measure,
        period=q3,
        actual=Decimal("20"),
        rag="red",
        status="approved",
        corrective_action="Recovery plan agreed with the contractor.",
    )
    closed(q3)
    client.force_login(performance_team)
    form = result_form("draft", version=1, actual="20", corrective_action="")
    page = client.post(edit_url(measure, q3), form).content.decode()
    assert "A Red result needs a corrective action" in page
    assert Result.objects.get().corrective_action == "Recovery plan agreed with the contractor."


def test_a_correction_to_red_needs_a_corrective_action_unless_the_return_is_a_draft(
    client, performance_team, measure, q3
):
    ResultFactory(measure=measure, period=q3, actual=Decimal("55"), rag="green", status="submitted")
    closed(q3)
    client.force_login(performance_team)
    form = result_form("draft", version=1, actual="20")
    page = client.post(edit_url(measure, q3), form).content.decode()
    assert "A Red result needs a corrective action" in page
    assert Result.objects.get().actual == Decimal("55")

    # A draft is the officer's work in progress: it may be incomplete, corrected or not.
    Result.objects.update(status="draft")
    response = client.post(edit_url(measure, q3), form)
    assert response.status_code == 302
    assert Result.objects.get().actual == Decimal("20")


def test_a_correction_cannot_drop_a_judged_amber_actions_commentary(
    client, performance_team, action, q3
):
    ActionUpdateFactory(
        action=action, period=q3, rag="amber", status="submitted", commentary="Late."
    )
    closed(q3)
    client.force_login(performance_team)
    form = {"action": "draft", "version": 1, "rag": "amber", "commentary": ""}
    page = client.post(edit_url(action, q3), form).content.decode()
    assert "Say why the item is Amber" in page
    assert ActionUpdate.objects.get().commentary == "Late."
