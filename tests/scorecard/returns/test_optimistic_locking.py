"""Two people editing the same return: the second save is refused, showing what changed."""

from decimal import Decimal

import pytest
from django.test import Client

from actionplans.models import ActionUpdate
from scorecard.models import Result, Role
from tests.support.returns import edit_url, result_form

pytestmark = pytest.mark.django_db


@pytest.fixture
def colleague(role_user, measure, action):
    user = role_user(Role.OFFICER, "colleague", first_name="Oscar", last_name="Colleague")
    measure.updaters.add(user)
    action.updaters.add(user)
    return user


def version_on_page(page: str) -> int:
    marker = 'name="version" value="'
    start = page.index(marker) + len(marker)
    return int(page[start : page.index('"', start)])


def test_the_second_save_is_refused_and_names_who_changed_what(officer, colleague, measure, q3):
    first, second = Client(), Client()
    first.force_login(officer)
    second.force_login(colleague)
    url = edit_url(measure, q3)
    # Both open the empty return.
    assert version_on_page(first.get(url).content.decode()) == 0
    assert version_on_page(second.get(url).content.decode()) == 0

    saved = first.post(url, result_form("draft", version=0, actual="45", commentary="Mine."))
    assert saved.status_code == 302

    refused = second.post(url, result_form("draft", version=0, actual="60", commentary="Theirs."))
    page = refused.content.decode()
    assert refused.status_code == 200
    assert "Your changes were not saved" in page
    assert "Test Officer changed this return" in page
    assert "Actual from “blank” to “45”" in page
    # The second person's input is kept, and the stored result is the first person's.
    assert 'value="60"' in page and "Theirs." in page
    result = Result.objects.get()
    assert result.actual == Decimal("45") and result.commentary == "Mine."

    # Having seen the change, they may save again over the latest version.
    assert version_on_page(page) == result.version
    again = second.post(
        url, result_form("draft", version=version_on_page(page), actual="60", commentary="Both.")
    )
    assert again.status_code == 302
    assert Result.objects.get().actual == Decimal("60")


def test_two_editors_of_an_existing_return(officer, colleague, measure, q3):
    first, second = Client(), Client()
    first.force_login(officer)
    second.force_login(colleague)
    url = edit_url(measure, q3)
    first.post(url, result_form("draft", version=0, actual="45"))
    loaded = Result.objects.get().version
    first.post(url, result_form("draft", version=loaded, actual="46"))
    refused = second.post(url, result_form("draft", version=loaded, actual="47"))
    assert "Your changes were not saved" in refused.content.decode()
    assert Result.objects.get().actual == Decimal("46")


def test_action_updates_are_locked_the_same_way(officer, colleague, action, q3):
    first, second = Client(), Client()
    first.force_login(officer)
    second.force_login(colleague)
    url = edit_url(action, q3)
    first.post(url, {"action": "draft", "version": 0, "rag": "green", "commentary": "On track."})
    refused = second.post(url, {"action": "draft", "version": 0, "rag": "red", "commentary": "No."})
    assert "Your changes were not saved" in refused.content.decode()
    assert ActionUpdate.objects.get().rag == "green"
