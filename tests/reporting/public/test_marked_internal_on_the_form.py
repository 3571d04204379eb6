"""Words marked internal on the return form leave the public pages and open data at once
(issue 14): the performance team corrects a published, locked result with a reason."""

import pytest

from scorecard.models import Result
from tests.reporting.public.test_never_published import everything_public
from tests.support.returns import edit_url, result_form

pytestmark = pytest.mark.django_db

Q2 = "2009/10 Q2"


def test_commentary_marked_internal_on_the_form_leaves_every_public_page_and_file(
    client, published, secrets, performance_team, django_capture_on_commit_callbacks
):
    result = Result.objects.get(measure__code="NI 192", period__label=Q2)
    assert any(secrets.public_commentary in text for text in everything_public(client))
    client.force_login(performance_team)
    data = result_form(
        "draft",
        version=result.version,
        actual=str(result.actual),
        commentary=result.commentary,
        corrective_action=result.corrective_action,
        commentary_internal="on",
        corrective_action_internal="on",
        reason="Names a contractor",
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(edit_url(result.measure, result.period), data)
    assert response.status_code == 302
    result.refresh_from_db()
    assert (result.commentary_internal, result.status) == (True, "approved")  # still signed off
    client.logout()
    for text in everything_public(client):
        assert secrets.public_commentary not in text
        assert secrets.internal_action not in text
