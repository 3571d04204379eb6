"""The header's menu of the person's own things (API tokens) beside the main navigation:
opened and followed by keyboard alone (a <details>, so no script is needed), axe-checked, and no
sideways scroll on a phone. Its links keep their addresses."""

import pytest
from playwright.sync_api import expect

from scorecard.models import Role
from tests.support.browser import person, sign_in

pytestmark = pytest.mark.django_db(transaction=True)

FITS = "document.documentElement.scrollWidth <= window.innerWidth"


def open_by_keyboard(page) -> None:
    """Tab from the top of the page to the menu named after the person, and open it."""
    summary = page.locator(".user-menu summary")
    for _ in range(40):
        page.keyboard.press("Tab")
        if summary.evaluate("s => s === document.activeElement"):
            break
    else:
        pytest.fail("the keyboard never reaches the user menu")
    page.keyboard.press("Enter")


@pytest.mark.parametrize("width", [390, 1280])
def test_the_user_menu_opens_and_leads_to_api_tokens_by_keyboard(page, assert_accessible, width):
    sign_in(page, person("olivia", Role.OFFICER, first_name="Olivia", last_name="Hart"))
    page.set_viewport_size({"width": width, "height": 900})
    page.goto("/dashboard/")
    main = page.get_by_role("navigation", name="Main")
    expect(main.get_by_role("link", name="API tokens")).to_have_count(0)
    account = page.get_by_role("navigation", name="Your account")
    tokens = account.get_by_role("link", name="API tokens")
    expect(tokens).to_be_hidden()
    open_by_keyboard(page)
    expect(tokens).to_be_visible()
    assert page.evaluate(FITS), f"the open menu scrolls sideways at {width} px"
    assert_accessible(page)
    page.keyboard.press("Escape")  # the script's enhancement: Escape closes it
    expect(tokens).to_be_hidden()
    open_by_keyboard(page)
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    expect(page).to_have_url(f"{page.url.split('/dashboard/')[0]}/api/tokens/")
    assert_accessible(page)
