"""Drafts are private to the people who work on them: the item's updaters, its approvers and the
performance team. Anyone else signed in sees what was handed in, never a draft."""

import re

import pytest

from tests.support.returns import edit_url, result_form

pytestmark = pytest.mark.django_db

DRAFT_WORDS = "Contractor strike: figures not yet checked"


@pytest.fixture
def draft(client, officer, measure, q3):
    client.force_login(officer)
    client.post(edit_url(measure, q3), result_form("draft", actual="41", commentary=DRAFT_WORDS))
    client.logout()
    return measure


def page(client, user, measure, q3) -> str:
    client.force_login(user)
    response = client.get(edit_url(measure, q3))
    assert response.status_code == 200
    return response.content.decode()


def changes_in(shown: str) -> str:
    """The changes the page's history lists, not the whole table: a time such as 14:41 may
    contain the digits looked for."""
    history = shown.split("<h2>History</h2>")[-1]
    return " ".join(re.findall(r"<li>(.*?)</li>", history))


@pytest.mark.parametrize("who", ["viewer", "clerk", "officer2", "other_approver"])
def test_a_viewer_opening_a_return_page_does_not_see_the_draft(client, request, draft, q3, who):
    shown = page(client, request.getfixturevalue(who), draft, q3)
    assert DRAFT_WORDS not in shown
    assert "41" not in changes_in(shown)  # not in the history either


@pytest.mark.parametrize("who", ["officer", "approver", "performance_team"])
def test_updaters_approvers_and_the_team_see_the_draft(client, request, draft, q3, who):
    assert DRAFT_WORDS in page(client, request.getfixturevalue(who), draft, q3)


def test_once_submitted_the_return_is_seen_but_not_the_draft_before_it(
    client, officer, viewer, draft, q3
):
    from scorecard.models import Result

    result = Result.objects.get()
    client.force_login(officer)
    client.post(
        edit_url(draft, q3),
        result_form(version=result.version, actual="55", commentary="Checked and submitted."),
    )
    shown = page(client, viewer, draft, q3)
    assert "Checked and submitted." in shown
    assert DRAFT_WORDS not in shown
    changes = changes_in(shown)
    assert "Actual: blank → 55" in changes
    assert "41" not in changes  # the draft's figure, neither as an old nor as a new value
