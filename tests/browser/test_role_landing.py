"""Each role signs in and lands on its work, at desktop (1366 px) and phone (390 px) widths.

No page is wider than the screen (WCAG 2.2 SC 1.4.10, Reflow), axe finds nothing on any page
visited, and on a phone the navigation folds into a Menu button that works by keyboard. A
screenshot of each role's main page at each width is kept in test-artefacts/screens/ (ignored
by git) so a person can look at them.
"""

import re
from pathlib import Path

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from scorecard.management.commands.load_demo import demo_password
from tests.support.factories import PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)

SCREENS = Path(__file__).resolve().parents[2] / "test-artefacts" / "screens"

# The demo council's users, and the page each lands on.
LANDINGS = {
    "officer": ("/returns/", "My returns"),
    "approver": ("/returns/approvals/", "Returns waiting for approval"),
    "performance": ("/returns/progress/", "Progress of the open periods' returns"),
    "viewer": ("/dashboard/", "Performance dashboard"),
    "clerk": ("/dashboard/", "Performance dashboard"),
}
WIDTHS = (1366, 390)


def assert_fits(page, width: int) -> None:
    scroll_width = page.evaluate("document.scrollingElement.scrollWidth")
    assert scroll_width <= width, f"{page.url} scrolls sideways at {width} px ({scroll_width})"


def sign_in(page, username: str, password: str) -> None:
    page.goto("/accounts/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_label("Password").press("Enter")
    expect(page).not_to_have_url(re.compile("/accounts/login/"))


def test_each_role_lands_on_its_work_at_desktop_and_phone_widths(
    chromium, live_server, assert_accessible
):
    call_command("load_demo", "--force", verbosity=0)
    SCREENS.mkdir(parents=True, exist_ok=True)
    for width in WIDTHS:
        for username, (path, heading) in LANDINGS.items():
            context = chromium.new_context(
                base_url=live_server.url, locale="en-GB", viewport={"width": width, "height": 900}
            )
            page = context.new_page()
            sign_in(page, username, demo_password(username))
            expect(page).to_have_url(live_server.url + path)
            expect(page.get_by_role("heading", level=1)).to_contain_text(heading)
            assert_fits(page, width)
            assert_accessible(page)
            page.screenshot(path=SCREENS / f"{username}-{width}.png", full_page=True)
            context.close()


def test_every_page_the_team_can_reach_fits_a_phone(chromium, live_server, assert_accessible):
    """The performance team's navigation holds every page; each fits 390 px, and so do the
    forbidden and missing pages."""
    call_command("load_demo", "--force", verbosity=0)
    context = chromium.new_context(
        base_url=live_server.url, locale="en-GB", viewport={"width": 390, "height": 900}
    )
    page = context.new_page()
    sign_in(page, "performance", demo_password("performance"))
    links = page.locator("#site-nav a").evaluate_all("links => links.map(a => a.pathname)")
    missing = "/measures/A-CODE-SOMEONE-MISTYPED-THAT-IS-FAR-LONGER-THAN-A-PHONE-IS-WIDE/"
    for path in [p for p in links if not p.startswith("/admin/")] + [missing]:
        page.goto(path)
        assert_fits(page, 390)
        assert_accessible(page)
    context.close()
    context = chromium.new_context(
        base_url=live_server.url, locale="en-GB", viewport={"width": 390, "height": 900}
    )
    page = context.new_page()
    sign_in(page, "viewer", demo_password("viewer"))
    assert page.goto("/returns/periods/").status == 403
    expect(page.get_by_role("heading", level=1)).to_have_text("You cannot use this page")
    assert_fits(page, 390)
    assert_accessible(page)
    context.close()


def test_the_phone_menu_works_by_keyboard(chromium, live_server, viewer, assert_accessible):
    context = chromium.new_context(
        base_url=live_server.url, locale="en-GB", viewport={"width": 390, "height": 800}
    )
    page = context.new_page()
    sign_in(page, viewer.username, PASSWORD)
    menu = page.get_by_role("button", name="Menu")
    plans_link = page.get_by_role("navigation", name="Main").get_by_role("link", name="Plans")
    expect(menu).to_have_attribute("aria-expanded", "false")
    expect(plans_link).to_be_hidden()

    # Skip link, the council's name, then the Menu button.
    for _ in range(3):
        page.keyboard.press("Tab")
    expect(menu).to_be_focused()
    page.keyboard.press("Enter")
    expect(menu).to_have_attribute("aria-expanded", "true")
    expect(plans_link).to_be_visible()
    assert_accessible(page)
    assert_fits(page, 390)

    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    expect(plans_link).to_be_focused()
    page.keyboard.press("Escape")
    expect(menu).to_have_attribute("aria-expanded", "false")
    expect(menu).to_be_focused()
    expect(plans_link).to_be_hidden()

    page.keyboard.press("Space")
    expect(menu).to_have_attribute("aria-expanded", "true")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile("/plans/$"))
    context.close()


def test_without_javascript_the_navigation_shows_on_a_phone(chromium, live_server, viewer):
    context = chromium.new_context(
        base_url=live_server.url,
        locale="en-GB",
        viewport={"width": 390, "height": 800},
        java_script_enabled=False,
    )
    page = context.new_page()
    sign_in(page, viewer.username, PASSWORD)
    nav = page.get_by_role("navigation", name="Main")
    expect(nav.get_by_role("link", name="Plans")).to_be_visible()
    expect(page.get_by_role("button", name="Menu")).to_be_hidden()
    assert_fits(page, 390)
    context.close()
