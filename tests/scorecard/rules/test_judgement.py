"""A judgement RAG that contradicts the measure's target and tolerance needs a reason."""

from hypothesis import given
from hypothesis import strategies as st

from scorecard.rules.judgement import contradicts, reason_problem
from scorecard.rules.rag import Status

ALL = st.sampled_from(list(Status)) | st.none()
RATED = st.sampled_from([Status.GREEN, Status.AMBER, Status.RED])


def test_on_target_shown_amber_is_a_contradiction():
    assert contradicts(Status.AMBER, Status.GREEN)


def test_the_same_rating_is_not():
    assert not contradicts(Status.RED, Status.RED)


def test_nothing_to_contradict_without_a_rule_rating():
    assert not contradicts(Status.GREEN, Status.NOT_RATED)
    assert not contradicts(Status.GREEN, None)
    assert not contradicts(None, Status.RED)


@given(ALL, ALL)
def test_contradiction_is_symmetric(a, b):
    assert contradicts(a, b) == contradicts(b, a)


@given(RATED, RATED)
def test_rated_pairs_contradict_exactly_when_they_differ(a, b):
    assert contradicts(a, b) == (a is not b)


def test_a_submitted_contradiction_without_a_reason_is_a_problem():
    problem = reason_problem(judged=Status.GREEN, by_rule=Status.RED, reason=" ", submitting=True)
    assert problem == (
        "your RAG is Green but the target and tolerance give Red: say why your judgement differs"
    )


def test_a_reason_or_a_draft_is_no_problem():
    assert (
        reason_problem(
            judged=Status.GREEN, by_rule=Status.RED, reason="Recovering.", submitting=True
        )
        is None
    )
    assert (
        reason_problem(judged=Status.GREEN, by_rule=Status.RED, reason="", submitting=False) is None
    )
