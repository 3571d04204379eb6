"""A CMT member's journey in Chromium: the dashboard's risk matrix → a high-risk cell → its items.

With the demo council loaded, the demo `viewer` (a member of CMT) opens the dashboard for the
Cabinet report's quarter, reads the risk matrix, follows the high-risk cell at likelihood 4 ×
impact 4 to the list of exactly its targets, and opens value for money; axe checks each page.
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


def test_a_cmt_member_follows_a_high_risk_cell_to_its_targets(page, demo, assert_accessible):
    page.goto("/")
    page.get_by_label("Username").fill("viewer")
    page.get_by_label("Password").fill(demo_password("viewer"))
    page.get_by_label("Password").press("Enter")
    page.goto("/dashboard/?period=2009%2F10+Q2")

    grid = page.get_by_role("table", name="Risk matrix for 2009/10 Q2")
    expect(grid).to_be_visible()
    expect(grid.get_by_role("row", name=re.compile("^Likelihood 4"))).to_contain_text("High (16)")
    assert_accessible(page)

    cell = grid.get_by_role("link", name="2 targets at likelihood 4 × impact 4 = 16, high risk")
    cell.click()

    expect(page).to_have_url(re.compile(r"/items/\?.*likelihood=4&impact=4"))
    expect(page.get_by_role("status")).to_have_text("2 items match.")
    rows = page.get_by_role("row")
    expect(rows.filter(has_text="BV 012")).to_have_count(1)
    expect(rows.filter(has_text="NI 117")).to_have_count(1)
    expect(rows.filter(has_text="NI 59")).to_have_count(0)  # 3 × 5: another cell
    assert_accessible(page)

    page.goto("/value-for-money/?period=2009%2F10+Q2")
    expect(
        page.get_by_role("img", name="Cost and performance by service, 2009/10 Q2")
    ).to_be_visible()
    expect(
        page.get_by_role("table", name="Services ranked for fundamental review")
    ).to_contain_text("Adult social care")
    assert_accessible(page)
