"""Actions in reporting periods: the officer's RAG, NCI when an update goes missing, the comment."""

from datetime import date

import pytest

from actionplans.models import Action
from reporting.action_status import action_rows
from scorecard.rules.rag import Status
from tests.support.councils import update
from tests.support.factories import ActionFactory
from tests.support.periods import period

pytestmark = pytest.mark.django_db

Q3_DEADLINE = date(2010, 1, 30)  # 2009/10 Q3 ends on 31 December 2009, due 30 days later


def cells_for(action, labels, today=date(2012, 1, 1)):
    periods = [period(label) for label in labels]
    (row,) = action_rows(periods, Action.objects.filter(pk=action.pk), today=today)
    return row


def test_an_update_shows_the_officers_rag_with_its_reason():
    action = ActionFactory()
    update(action, "2009/10 Q2", "amber")

    row = cells_for(action, ["2009/10 Q2"])

    assert row.status is Status.AMBER
    assert row.latest.explanation == "Amber: set by the officer's judgement."


def test_an_update_without_a_rag_is_counted_as_not_rated():
    action = ActionFactory()
    update(action, "2009/10 Q2", "")

    assert cells_for(action, ["2009/10 Q2"]).status is Status.NOT_RATED


def test_an_action_that_stops_reporting_is_nci_only_after_the_deadline():
    action = ActionFactory()
    update(action, "2009/10 Q2", "green")

    before = cells_for(action, ["2009/10 Q3"], today=Q3_DEADLINE)
    after = cells_for(action, ["2009/10 Q3"], today=date(2010, 1, 31))

    assert before.status is None
    assert after.status is Status.NCI
    assert "no update for 2009/10 Q3" in after.latest.explanation


def test_an_action_not_in_the_periods_cycle_is_left_out():
    action = ActionFactory()
    update(action, "2008/09 Q1", "green")

    assert cells_for(action, ["2009/10 Q3"]).status is None


def test_a_draft_update_is_not_reported():
    action = ActionFactory()
    update(action, "2009/10 Q2", "red", status="draft")

    assert cells_for(action, ["2009/10 Q2"]).status is None


def test_quarters_side_by_side_each_show_their_own_rag():
    action = ActionFactory()
    update(action, "2009/10 Q2", "amber")
    update(action, "2009/10 Q3", "red")

    row = cells_for(action, ["2009/10 Q2", "2009/10 Q3"])

    assert [cell.status for cell in row.cells] == [Status.AMBER, Status.RED]
    assert [cell.period_label for cell in row.cells] == ["2009/10 Q2", "2009/10 Q3"]
    assert row.status is Status.RED  # the latest quarter shown


def test_the_comment_is_the_latest_one_given():
    action = ActionFactory()
    update(action, "2009/10 Q2", "amber", commentary="Survey commissioned.")
    update(action, "2009/10 Q3", "green", commentary="")

    assert cells_for(action, ["2009/10 Q2", "2009/10 Q3"]).comment == "Survey commissioned."
