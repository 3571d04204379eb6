"""Help pages and the first-visit hint read well on a phone and a desktop, and pass axe."""

import re

import pytest
from playwright.sync_api import expect

from scorecard.helppages.views import PAGES
from tests.support.factories import PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.mark.parametrize("width", [1366, 390])
def test_an_officer_finds_help_from_the_hint_on_my_returns(
    chromium, live_server, council, assert_accessible, width
):
    context = chromium.new_context(
        base_url=live_server.url, locale="en-GB", viewport={"width": width, "height": 900}
    )
    page = context.new_page()
    page.set_default_timeout(10_000)
    page.goto("/accounts/login/")
    page.get_by_label("Username").fill(council["officer"].username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_label("Password").press("Enter")
    expect(page).not_to_have_url(re.compile("/accounts/login/"))
    page.goto("/returns/")
    expect(page.get_by_role("heading", name="New to returns?")).to_be_visible()
    assert_accessible(page)
    for slug in PAGES:
        page.goto(f"/help/{slug}/")
        expect(page.get_by_role("heading", level=1)).to_have_text(PAGES[slug][0])
        assert page.evaluate("document.scrollingElement.scrollWidth") <= width, slug
        assert_accessible(page)
    page.goto("/returns/")
    page.get_by_role("button", name="Hide this hint").click()
    expect(page.get_by_role("heading", name="New to returns?")).to_have_count(0)
    context.close()
