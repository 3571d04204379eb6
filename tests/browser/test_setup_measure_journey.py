"""The performance team sets up a measure with targets in the product, at desktop (1366 px)
and phone (390 px) widths: axe on every page, and no page wider than the screen (issue 12)."""

import re
from decimal import Decimal

import pytest
from playwright.sync_api import expect

from scorecard.models import AuditEntry, Measure
from tests.support.factories import PASSWORD
from tests.support.periods import period

pytestmark = pytest.mark.django_db(transaction=True)


def assert_fits(page, width: int) -> None:
    scroll_width = page.evaluate("document.scrollingElement.scrollWidth")
    assert scroll_width <= width, f"{page.url} scrolls sideways at {width} px ({scroll_width})"


def sign_in(page, user) -> None:
    # At 390 px the Sign out button is folded into the menu: wait for the landing page instead.
    page.goto("/accounts/login/")
    page.get_by_label("Username").fill(user.username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_label("Password").press("Enter")
    expect(page).not_to_have_url(re.compile("/accounts/login/"))


def check(page, width, assert_accessible) -> None:
    assert_fits(page, width)
    assert_accessible(page)


def open_set_up(page, width) -> None:
    if width < 600:
        page.get_by_role("button", name="Menu").click()
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Set-up").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Set-up")


def add_measure(page, code: str) -> None:
    page.get_by_role("link", name="Add a measure").click()
    page.get_by_label("Code").fill(code)
    page.get_by_label("Title").fill("Household waste recycled")
    page.get_by_label("Unit").fill("%")
    page.get_by_label("Decimal places").fill("1")
    page.get_by_label("Tolerance amount").fill("5")
    targets = page.get_by_role("group", name="Target 1")
    targets.get_by_label("Period").select_option(label="2009/10 Q2")
    targets.get_by_label("Target").fill("50.5")
    second = page.get_by_role("group", name="Target 2")
    second.get_by_label("Period").select_option(label="2009/10 Q3")
    second.get_by_label("Target").fill("52")
    page.get_by_role("button", name="Save the measure").click()


@pytest.mark.parametrize("width", [1366, 390])
def test_the_team_sets_up_a_measure_with_targets(
    chromium, live_server, council, assert_accessible, width
):
    period("2009/10 Q2")
    context = chromium.new_context(
        base_url=live_server.url, locale="en-GB", viewport={"width": width, "height": 900}
    )
    page = context.new_page()
    page.set_default_timeout(10_000)
    sign_in(page, council["team"])
    open_set_up(page, width)
    check(page, width, assert_accessible)
    page.get_by_role("link", name="Measures", exact=True).click()
    check(page, width, assert_accessible)
    code = f"NI 192 {width}"
    page.get_by_role("link", name="Add a measure").click()
    check(page, width, assert_accessible)
    page.go_back()
    add_measure(page, code)
    expect(page.get_by_text(f"Saved measure {code}")).to_be_visible()
    measure = Measure.objects.get(code=code)
    assert {t.period.label: t.value for t in measure.targets.all()} == {
        "2009/10 Q2": Decimal("50.5"),
        "2009/10 Q3": Decimal("52"),
    }
    assert AuditEntry.objects.filter(summary=f"Added in set-up: {measure}").exists()

    # Tighten the tolerance: the reason is asked for, and what was typed is kept.
    page.get_by_role("link", name=code).click()
    page.get_by_label("Tolerance amount").fill("2")
    page.get_by_role("button", name="Save the measure").click()
    summary = page.get_by_role("alert")
    expect(summary).to_contain_text("Give a reason for changing how this measure is rated")
    expect(page.get_by_label("Tolerance amount")).to_have_value("2")
    check(page, width, assert_accessible)
    summary.get_by_role("link", name=re.compile("Reason for change")).click()
    expect(page.get_by_label("Reason for change")).to_be_focused()
    page.get_by_label("Reason for change").fill("Cabinet tightened the tolerance")
    page.get_by_role("button", name="Save the measure").click()
    expect(page.get_by_text(f"Saved measure {code}")).to_be_visible()
    assert Measure.objects.get(code=code).tolerance_amount == Decimal("2")

    # The change is in the council's audit log, and the header's search finds the measure.
    page.goto("/setup/audit/")
    expect(page.get_by_role("cell", name="Cabinet tightened the tolerance")).to_be_visible()
    check(page, width, assert_accessible)
    page.get_by_role("searchbox", name="Search the site").fill(code)
    page.get_by_role("searchbox", name="Search the site").press("Enter")
    expect(page.get_by_role("link", name=re.compile(code)).first).to_be_visible()
    check(page, width, assert_accessible)
    context.close()


def test_every_set_up_page_fits_a_phone_and_passes_axe(
    chromium, live_server, council, assert_accessible
):
    """Each list the set-up page links to, and the form to add to it, at 390 px."""
    context = chromium.new_context(
        base_url=live_server.url, locale="en-GB", viewport={"width": 390, "height": 900}
    )
    page = context.new_page()
    page.set_default_timeout(10_000)
    sign_in(page, council["team"])
    page.goto("/setup/")
    links = page.locator("main a").evaluate_all("links => links.map(a => a.pathname)")
    for path in links:
        page.goto(path)
        check(page, 390, assert_accessible)
        add = page.get_by_role("link", name=re.compile(r"^(Add|Invite)"))
        if add.count():
            add.first.click()
            check(page, 390, assert_accessible)
    page.goto(f"/setup/users/{council['officer'].pk}/")
    check(page, 390, assert_accessible)
    context.close()
