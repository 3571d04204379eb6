"""An officer updates an improvement-plan action: RAG by judgement, with commentary."""

import pytest

from actionplans.models import ActionUpdate
from tests.support.factories import ActionUpdateFactory
from tests.support.periods import period
from tests.support.returns import edit_url

pytestmark = pytest.mark.django_db


def post(client, action, q3, **data):
    return client.post(edit_url(action, q3), {"action": "submit", "version": 0, **data})


def test_green_is_submitted_without_commentary(client, officer, action, q3):
    client.force_login(officer)
    assert post(client, action, q3, rag="green", commentary="").status_code == 302
    update = ActionUpdate.objects.get()
    assert (update.rag, update.status, update.entered_by) == ("green", "submitted", officer)


@pytest.mark.parametrize("rag", ["amber", "red"])
def test_amber_or_red_needs_commentary(client, officer, action, q3, rag):
    client.force_login(officer)
    page = post(client, action, q3, rag=rag, commentary="  ").content.decode()
    assert "There is a problem" in page and 'href="#id_commentary"' in page
    assert not ActionUpdate.objects.exists()


def test_a_rag_must_be_chosen_to_submit(client, officer, action, q3):
    client.force_login(officer)
    page = post(client, action, q3, rag="", commentary="Going well.").content.decode()
    assert "Choose Green, Amber or Red" in page


def test_a_rag_outside_the_choices_is_refused(client, officer, action, q3):
    client.force_login(officer)
    page = post(client, action, q3, rag="purple", commentary="x").content.decode()
    assert "Select a valid choice" in page
    assert not ActionUpdate.objects.exists()


def test_last_quarters_commentary_is_copied_forward(client, officer, action, q3):
    ActionUpdateFactory(action=action, period=period("2009/10 Q2"), commentary="Survey done.")
    client.force_login(officer)
    page = client.post(
        edit_url(action, q3), {"action": "copy", "version": 0, "rag": "amber", "commentary": ""}
    ).content.decode()
    assert "Survey done.</textarea>" in page
    assert not ActionUpdate.objects.filter(period=q3).exists()
