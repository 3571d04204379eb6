"""On a phone (390 px wide) pages reflow: only a wide table scrolls, never the whole page.

WCAG 2.2 SC 1.4.10 (Reflow): content is readable at 320 CSS px without scrolling in two
directions; a data table may scroll on its own, inside a region the keyboard can reach.
"""

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from scorecard.management.commands.load_demo import demo_password

pytestmark = pytest.mark.django_db(transaction=True)

# A wide table's caption is as wide as the table: its words must still wrap on the screen.
CAPTIONS_CUT_OFF = """width => [...document.querySelectorAll('.table-scroll caption')]
  .filter(c => !c.classList.contains('visually-hidden'))
  .filter(c => c.getBoundingClientRect().right > width)
  .map(c => c.innerText)"""

PAGES = (
    "/dashboard/",
    "/items/",
    "/scorecard/",
    "/scorecard/?per_page=10&page=2",  # a page of a long scorecard, with its page links
    "/plans/CIP-2009/improvement-plan/",
    "/measures/BV 012/",
    "/actions/CIP01.1.3/",
    "/returns/",
)


def test_pages_scroll_only_downwards_on_a_phone_and_at_desktop_width(
    chromium, live_server, assert_accessible
):
    call_command("load_demo", "--force", verbosity=0)
    for width in (390, 1366):
        context = chromium.new_context(
            base_url=live_server.url, locale="en-GB", viewport={"width": width, "height": 800}
        )
        page = context.new_page()
        page.goto("/")
        page.get_by_label("Username").fill("officer")
        page.get_by_label("Password").fill(demo_password("officer"))
        page.get_by_label("Password").press("Enter")
        # Signed in (on a phone the Sign out button folds behind the Menu button).
        expect(page.get_by_role("navigation", name="Main")).to_be_visible()
        for path in PAGES:
            page.goto(path)
            scroll_width = page.evaluate("document.scrollingElement.scrollWidth")
            assert scroll_width <= width, f"{path} scrolls sideways at {width} px ({scroll_width})"
            cut = page.evaluate(CAPTIONS_CUT_OFF, width)
            assert not cut, f"{path}: captions run off the screen at {width} px: {cut}"
            assert_accessible(page)
        context.close()
