"""A viewer who types /returns/ is told it is not theirs (403), not shown an empty page."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_a_viewer_typing_my_returns_is_refused_in_plain_words(client, viewer):
    client.force_login(viewer)

    response = client.get(reverse("returns:mine"))

    assert response.status_code == 403
    assert "officers" in response.content.decode()


def test_an_officer_still_has_my_returns(client, officer):
    client.force_login(officer)

    assert client.get(reverse("returns:mine")).status_code == 200
