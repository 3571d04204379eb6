"""The pure rules of sign-off: which ratings follow rule changes, who may approve, re-rating."""

import pytest

from scorecard.rules.signoff import approval_refusal, rerate_refusal, rerates_automatically


@pytest.mark.parametrize("state, follows", [("open", True), ("closed", False), ("locked", False)])
def test_only_open_periods_ratings_follow_a_rule_change(state, follows):
    assert rerates_automatically(state=state) is follows


@pytest.mark.parametrize("state", ["open", "closed", "locked"])
def test_a_result_never_rated_is_rated_whatever_the_period(state):
    assert rerates_automatically(state=state, rated=False)


@pytest.mark.parametrize("state", ["open", "closed", "locked"])
def test_a_result_whose_figures_were_written_is_rated_by_them(state):
    assert rerates_automatically(state=state, figures_written=True)


def test_the_performance_team_re_rates_a_period_with_a_reason():
    assert rerate_refusal(is_team=True, reason="Cabinet agreed the new tolerance applies.") == ""


def test_nobody_else_re_rates_a_period():
    assert "performance team" in rerate_refusal(is_team=False, reason="Because.")


@pytest.mark.parametrize("reason", ["", "   \n"])
def test_re_rating_a_period_needs_a_reason(reason):
    assert "reason" in rerate_refusal(is_team=True, reason=reason)


def test_an_approver_who_entered_the_return_may_not_approve_it():
    refusal = approval_refusal(approver_id=7, author_ids={7, 9}, segregate=True)
    assert "someone else must approve it" in refusal


def test_another_approver_may_approve_it():
    assert approval_refusal(approver_id=8, author_ids={7, 9}, segregate=True) == ""


def test_with_segregation_off_the_author_may_approve():
    assert approval_refusal(approver_id=7, author_ids={7}, segregate=False) == ""


def test_a_return_nobody_is_recorded_as_entering_may_be_approved():
    assert approval_refusal(approver_id=7, author_ids=set(), segregate=True) == ""
