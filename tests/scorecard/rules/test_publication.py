"""Who may publish a period, and when (scorecard/rules/publication.py)."""

from hypothesis import given
from hypothesis import strategies as st

from scorecard.rules.publication import publish_refusal, unpublish_refusal


@given(is_locked=st.booleans(), is_published=st.booleans(), reason=st.text(max_size=20))
def test_only_the_team_publishes_or_unpublishes(is_locked, is_published, reason):
    assert publish_refusal(
        is_team=False, is_locked=is_locked, is_published=is_published, reason=reason
    )
    assert unpublish_refusal(is_team=False, is_published=is_published, reason=reason)


@given(reason=st.text(max_size=20))
def test_a_locked_period_is_published_with_or_without_a_reason(reason):
    assert publish_refusal(is_team=True, is_locked=True, is_published=False, reason=reason) == ""


@given(reason=st.text(alphabet=" \t\n", max_size=5))
def test_an_unlocked_period_is_not_published_without_a_reason(reason):
    refusal = publish_refusal(is_team=True, is_locked=False, is_published=False, reason=reason)
    assert "give a reason" in refusal


def test_an_unlocked_period_is_published_with_a_reason():
    assert not publish_refusal(
        is_team=True, is_locked=False, is_published=False, reason="Scrutiny asked early"
    )


def test_unpublishing_needs_a_reason():
    assert "give a reason" in unpublish_refusal(is_team=True, is_published=True, reason=" ")
    assert not unpublish_refusal(is_team=True, is_published=True, reason="A figure was wrong")
