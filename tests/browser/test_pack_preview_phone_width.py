"""A clerk checking a pack on a phone: the preview's annex tables scroll, the page does not.

WCAG 2.2 SC 1.4.10 (Reflow), as for every other page (test_phone_width.py).
"""

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from reporting.models import ReportPack
from scorecard.management.commands.load_demo import demo_password
from scorecard.models import ReportingPeriod

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_pack_preview_scrolls_only_downwards_on_a_phone(
    chromium, live_server, assert_accessible
):
    call_command("load_demo", "--force", verbosity=0)
    pack = ReportPack.objects.create(
        title="Performance report: 2009/10 Q2",
        committee="Cabinet",
        period=ReportingPeriod.objects.get(label="2009/10 Q2"),
        include_improvement_plan=True,
        include_action_plans=True,
        include_measure_pages=True,
    )
    context = chromium.new_context(
        base_url=live_server.url, locale="en-GB", viewport={"width": 390, "height": 800}
    )
    page = context.new_page()
    page.goto("/accounts/login/")
    page.get_by_label("Username").fill("clerk")
    page.get_by_label("Password").fill(demo_password("clerk"))
    page.get_by_label("Password").press("Enter")
    # Signed in: on a phone the navigation's links fold behind its Menu button.
    expect(page.get_by_role("button", name="Menu")).to_be_visible()

    page.goto(f"/packs/{pack.pk}/preview/")
    expect(page.get_by_role("heading", level=1)).to_have_text(pack.title)

    scroll_width = page.evaluate("document.scrollingElement.scrollWidth")
    assert scroll_width <= 390, f"the preview scrolls sideways ({scroll_width} px)"
    assert_accessible(page)
    context.close()
