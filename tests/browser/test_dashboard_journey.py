"""A councillor's journey in Chromium: dashboard → a Red count → one directorate → a measure.

With the demo council loaded, the demo `viewer` signs in, follows the Red count to its list,
narrows it to a directorate, opens a measure and sees its chart; axe-core checks every page, and
a RAG's explanation opens from the keyboard.
"""

import re

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from scorecard.management.commands.load_demo import demo_password

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def demo():
    call_command("load_demo", "--force", verbosity=0)


def sign_in_as_viewer(page):
    page.goto("/")
    page.get_by_label("Username").fill("viewer")
    page.get_by_label("Password").fill(demo_password("viewer"))
    page.get_by_label("Password").press("Enter")


def test_a_viewer_follows_a_red_count_to_a_measures_chart(page, demo, assert_accessible):
    sign_in_as_viewer(page)

    # The viewer lands on the dashboard for the latest quarter with any return (Cherwell's
    # action updates for Q3), and chooses the quarter the Cabinet report is about.
    expect(page).to_have_url(re.compile(r"/dashboard/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Performance dashboard: 2009/10 Q3")
    assert_accessible(page)
    page.get_by_label("Period", exact=True).select_option("2009/10 Q2")
    page.get_by_role("button", name="Show").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Performance dashboard: 2009/10 Q2")
    expect(page.get_by_role("img", name="RAG mix, 2009/10 Q2")).to_be_visible()
    assert_accessible(page)

    # (Playwright's role selectors cannot take a regular expression with a "/" in it.)
    counts = page.get_by_role("table", name="RAG counts for 2009/10 Q2")
    counts.get_by_role("link", name="5 Red", exact=True).click()

    expect(page).to_have_url(re.compile(r"/items/\?.*status=red"))
    expect(page.get_by_role("status")).to_have_text("5 items match.")
    expect(page.get_by_label("Red", exact=True)).to_be_checked()
    assert_accessible(page)

    page.get_by_label("Directorate").select_option(label="Resources")
    page.get_by_role("button", name="Apply filters").click()

    expect(page.get_by_role("status")).to_have_text("3 items match.")
    assert "status=red" in page.url and "directorate=" in page.url
    rows = page.get_by_role("row")
    expect(rows.filter(has_text="BV 012")).to_have_count(1)
    expect(rows.filter(has_text="LOC-FIN04")).to_have_count(1)
    expect(rows.filter(has_text="PAP-SICK.3")).to_have_count(1)
    expect(rows.filter(has_text="NI 117")).to_have_count(0)  # another directorate's Red
    assert_accessible(page)

    page.get_by_role("link", name="BV 012", exact=True).click()

    expect(page.get_by_role("heading", level=1)).to_contain_text("BV 012")
    chart = page.get_by_role("img", name="BV 012: actual against target")
    expect(chart).to_be_visible()
    page.get_by_text("Show the data as a table").click()
    data = page.get_by_role("table", name="BV 012: actual against target")
    expect(data.get_by_role("row", name="2009/10 Q2")).to_contain_text("8.6 days")
    assert_accessible(page)


def test_a_rags_explanation_opens_with_the_keyboard(page, demo, assert_accessible):
    sign_in_as_viewer(page)
    page.goto("/items/?period=2009%2F10+Q2&status=red")

    # From the measure's code, the next stop for Tab is its RAG; Enter opens the reason.
    page.get_by_role("link", name="BV 012", exact=True).focus()
    page.keyboard.press("Tab")
    rag = page.locator("summary.rag").first
    expect(rag).to_be_focused()
    reason = page.get_by_text(re.compile(r"^Red: 8\.6 days is 14\.7% worse than the target"))
    expect(reason).to_be_hidden()

    page.keyboard.press("Enter")

    expect(reason).to_be_visible()
    expect(rag).to_have_attribute("title", re.compile(r"^Red: 8\.6 days"))
    assert_accessible(page)


@pytest.mark.parametrize(
    "url, heading",
    [
        ("/scorecard/", "Balanced scorecard: 2009/10 Q2"),
        ("/plans/CIP-2009/improvement-plan/", "Corporate Improvement Plan 2009/10"),
        ("/plans/CPA-2002/action-plan/", "CPA Improvement Plan 2002 (Oxfordshire County Council)"),
        ("/items/?status=purple", "Measures and actions"),
        ("/dashboard/?period=2009%2F10+Q1", "Performance dashboard: 2009/10 Q1"),
    ],
)
def test_every_reporting_page_passes_axe(page, demo, assert_accessible, url, heading):
    sign_in_as_viewer(page)
    expect(page).to_have_url(re.compile(r"/dashboard/$"))

    page.goto(url)

    expect(page.get_by_role("heading", level=1)).to_have_text(heading)
    assert_accessible(page)
