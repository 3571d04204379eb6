"""An officer makes a token for Power BI from the menu, copies it once, sees it work in the API
docs, and revokes it: keyboard and pointer alike, axe-checked, at phone and desktop widths."""

import pytest
from playwright.sync_api import expect
from rest_framework.test import APIClient

from scorecard.models import Role
from tests.support.browser import person, sign_in

pytestmark = pytest.mark.django_db(transaction=True)


def _status_with(secret: str) -> int:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {secret}")
    return client.get("/api/v1/periods/").status_code


@pytest.mark.parametrize("width", [390, 1280])
def test_officer_creates_copies_and_revokes_a_token(page, assert_accessible, width):
    officer = person("olivia", Role.OFFICER, first_name="Olivia")
    sign_in(page, officer)
    page.set_viewport_size({"width": width, "height": 900})
    page.goto("/api/tokens/")
    assert_accessible(page)
    page.get_by_label("Name").fill("Power BI")
    page.get_by_role("button", name="Create the token").click()
    secret = page.get_by_label("Your new token").input_value()
    assert len(secret) > 30 and _status_with(secret) == 200
    # No sideways scroll on a phone, the secret included.
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    assert_accessible(page)
    page.get_by_role("button", name="Revoke Power BI").click()
    expect(page.get_by_role("cell", name="Revoked")).to_be_visible()
    assert _status_with(secret) == 401
    page.goto("/api/v1/docs/")
    expect(page.locator("#swagger-ui")).to_be_attached()
