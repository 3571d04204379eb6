"""In a report of approved figures, a result or update submitted but not yet approved is awaiting
approval: counted apart, neither NCI nor rated, with no figure, commentary or travel from it."""

from datetime import date
from decimal import Decimal

import pytest

from actionplans.models import Action
from reporting.action_status import action_rows
from reporting.scorecard_rows import scorecard_rows
from scorecard.models import Measure, Result
from scorecard.rules.rag import Status
from scorecard.rules.summaries import summarise
from scorecard.rules.travel import Direction
from tests.support.councils import measure, update
from tests.support.factories import ActionFactory
from tests.support.periods import period

pytestmark = pytest.mark.django_db

LONG_AFTER = date(2012, 1, 1)


def rows(made, **options):
    (row,) = scorecard_rows(
        period("2009/10 Q2"), Measure.objects.filter(pk=made.pk), today=LONG_AFTER, **options
    )
    return row


def test_a_submitted_result_is_provisional_on_dashboards(council):
    made = measure(targets={"2009/10 Q2": "40"}, results={"2009/10 Q2": "45"})
    Result.objects.filter(measure=made).update(status="submitted")

    row = rows(made)

    assert row.provisional and row.status is Status.GREEN and row.actual == Decimal("45")


def test_a_submitted_result_awaits_approval_in_a_report_of_approved_figures(council):
    made = measure(targets={"2009/10 Q2": "40"}, results={"2009/10 Q2": "45"})
    Result.objects.filter(measure=made).update(status="submitted", commentary="Not yet signed off")

    row = rows(made, include_provisional=False)

    assert row.status is Status.AWAITING_APPROVAL
    assert row.explanation.startswith("Awaiting approval")
    assert row.actual is None and row.result is None and not row.provisional
    assert row.target == Decimal("40")
    assert summarise([row.status]).awaiting_approval == 1
    assert summarise([row.status]).nci == 0


def test_travel_in_a_report_of_approved_figures_ignores_provisional_comparisons(council):
    made = measure(targets={"2009/10 Q2": "40"}, results={"2009/10 Q1": "50", "2009/10 Q2": "45"})
    Result.objects.filter(measure=made, period__label="2009/10 Q1").update(status="submitted")

    assert rows(made).short_term is Direction.WORSE
    assert rows(made, include_provisional=False).short_term is None


def test_a_submitted_update_awaits_approval_and_its_comment_is_not_shown():
    action = ActionFactory()
    update(action, "2009/10 Q1", "green", commentary="On track.")
    update(action, "2009/10 Q2", "red", status="submitted", commentary="Slipping.")
    periods = [period("2009/10 Q1"), period("2009/10 Q2")]

    (shown,) = action_rows(periods, Action.objects.filter(pk=action.pk), today=LONG_AFTER)
    (approved,) = action_rows(
        periods, Action.objects.filter(pk=action.pk), today=LONG_AFTER, include_provisional=False
    )

    assert shown.status is Status.RED and shown.latest.provisional
    assert shown.comment == "Slipping."
    assert approved.status is Status.AWAITING_APPROVAL and not approved.latest.provisional
    assert approved.comment == "On track."
