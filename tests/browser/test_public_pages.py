"""The public pages in a real browser (issue 14): the performance team publishes a quarter
from its period page, and a resident with no account reads the scorecard, a measure, the
improvement plans and the open data at desktop and phone widths, axe-checked, without the
page scrolling sideways."""

import pytest
from django.core.management import call_command
from django.urls import reverse
from playwright.sync_api import expect

from scorecard.management.commands.load_demo import demo_password
from scorecard.models import ReportingPeriod

pytestmark = pytest.mark.django_db(transaction=True)

Q2 = "2009/10 Q2"


def publish_q2_as_the_team(chromium, live_server, assert_accessible) -> None:
    context = chromium.new_context(base_url=live_server.url, locale="en-GB")
    page = context.new_page()
    page.goto("/")
    page.get_by_label("Username").fill("performance")
    page.get_by_label("Password").fill(demo_password("performance"))
    page.get_by_label("Password").press("Enter")
    expect(page.get_by_role("navigation", name="Main")).to_be_visible()
    q2 = ReportingPeriod.objects.get(label=Q2)
    page.goto(reverse("returns:period", args=[q2.pk]))
    page.get_by_role("button", name="Lock after sign-off").click()
    assert_accessible(page)
    page.get_by_role("button", name=f"Publish {Q2}").click()
    expect(page.get_by_text(f"{Q2} is published on the public pages.")).to_be_visible()
    context.close()


def public_paths() -> list[str]:
    return [
        reverse("public:scorecard"),
        f"{reverse('public:measure', args=['NI 192'])}?period={Q2}",
        f"{reverse('public:plans')}?period={Q2}",
        reverse("public:data"),
    ]


def test_a_resident_reads_the_published_quarter_on_a_phone_and_a_desktop(
    chromium, live_server, assert_accessible
):
    call_command("load_demo", "--force", verbosity=0)
    publish_q2_as_the_team(chromium, live_server, assert_accessible)
    for width in (1366, 390):
        context = chromium.new_context(
            base_url=live_server.url, locale="en-GB", viewport={"width": width, "height": 800}
        )
        page = context.new_page()
        for path in public_paths():
            response = page.goto(path)
            assert response.status == 200 and "/accounts/login/" not in page.url
            scroll_width = page.evaluate("document.scrollingElement.scrollWidth")
            assert scroll_width <= width, f"{path} scrolls sideways at {width} px ({scroll_width})"
            assert_accessible(page)
        # The resident moves between the pages by the keyboard-reachable menu and links.
        page.goto(reverse("public:scorecard"))
        expect(page.get_by_role("heading", level=1)).to_have_text(f"How we are doing: {Q2}")
        page.get_by_role("link", name="NI 192").first.click()
        expect(page.get_by_role("heading", level=1)).to_contain_text("NI 192")
        page.get_by_role("navigation", name="Public pages").get_by_role(
            "link", name="Open data"
        ).click()
        expect(page.get_by_role("heading", name="Data dictionary")).to_be_visible()
        context.close()
