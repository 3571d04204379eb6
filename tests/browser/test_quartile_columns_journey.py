"""A member ticks Show quartiles on the balanced scorecard and the measures list and reads each
measure's quartile and rank among the comparators; axe finds nothing, and nothing scrolls
sideways on a phone (issue 11, "quartile columns available in the scorecard and lists")."""

import pytest
from playwright.sync_api import expect

from scorecard.models import Role
from tests.support.benchmarking import import_csv, neighbours
from tests.support.browser import person, sign_in
from tests.support.councils import measure
from tests.support.factories import PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def member():
    measure(
        "NI 192",
        title="Household waste recycled",
        unit="%",
        decimal_places=1,
        frequency="annual",
        external_indicator="LGI 192",
        results={"2023/24": "27.9"},
    )
    import_csv(*neighbours("LGI 192", "2023/24", "30", "35.5", "20", "41"))
    return person("victor", Role.VIEWER, first_name="Victor")


def test_a_member_shows_quartiles_on_the_scorecard_and_the_list(page, member, assert_accessible):
    sign_in(page, member)
    page.goto("/scorecard/?period=2023/24")
    expect(page.get_by_role("columnheader", name="Quartile")).to_have_count(0)
    page.get_by_label("Show quartiles").check()
    page.get_by_role("button", name="Show").click()
    row = page.get_by_role("row", name="NI 192")
    expect(row).to_contain_text("3 (third quartile)")
    expect(row).to_contain_text("4 of 5")
    expect(page.locator("#quartile-note")).to_contain_text("against Nearest neighbours")
    assert_accessible(page)

    page.goto("/items/?period=2023/24")
    page.get_by_label("Show quartiles").check()
    page.get_by_role("button", name="Apply filters").click()
    expect(page.get_by_role("row", name="NI 192")).to_contain_text("3 (third quartile)")
    assert_accessible(page)


def test_the_quartile_columns_reflow_on_a_phone(chromium, live_server, member):
    context = chromium.new_context(
        base_url=live_server.url, locale="en-GB", viewport={"width": 390, "height": 800}
    )
    page = context.new_page()
    page.goto("/accounts/login/")
    page.get_by_label("Username").fill("victor")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_label("Password").press("Enter")
    expect(page.get_by_role("navigation", name="Main")).to_be_visible()
    for path in ("/scorecard/?period=2023/24&quartiles=1", "/items/?period=2023/24&quartiles=1"):
        page.goto(path)
        width = page.evaluate("document.scrollingElement.scrollWidth")
        assert width <= 390, f"{path} scrolls sideways ({width} px)"
    context.close()
