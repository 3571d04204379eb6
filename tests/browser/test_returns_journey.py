"""The officers' journey in Chromium: due, refused, corrected, returned, resubmitted, approved,
seen by a viewer; axe-core finds no WCAG 2.2 A/AA violation on any page visited."""

import re
from decimal import Decimal

import pytest
from playwright.sync_api import expect

from scorecard.models import Result
from tests.support.browser import sign_in, sign_out

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_quarterly_return_journey(page, council, assert_accessible):
    officer, approver, viewer = council["officer"], council["approver"], council["viewer"]

    # The officer sees what is due.
    sign_in(page, officer)
    page.get_by_role("link", name="My returns").click()
    expect(page.get_by_role("heading", name="My returns")).to_be_visible()
    row = page.get_by_role("row", name=re.compile("NI 192"))
    expect(row).to_contain_text("Not started")
    expect(row).to_contain_text("50.0%")
    expect(row).to_contain_text("48.0%")
    assert_accessible(page)

    # A Red result without a corrective action is stopped with a clear error.
    row.get_by_role("link", name="Household waste recycled").click()
    page.get_by_label("Actual").fill("20")
    page.get_by_role("button", name="Check RAG").click()
    expect(page.locator(".rag-check")).to_contain_text("Red")
    assert_accessible(page)
    page.get_by_label("Commentary", exact=True).fill("Contractor tonnage fell.")
    page.get_by_role("button", name="Submit for approval").click()
    summary = page.get_by_role("alert")
    expect(summary).to_contain_text("There is a problem")
    expect(summary).to_contain_text("A Red result needs a corrective action")
    expect(page.get_by_label("Actual")).to_have_value("20")
    assert_accessible(page)
    summary.get_by_role("link", name=re.compile("Corrective action")).click()
    expect(page.get_by_label("Corrective action", exact=True)).to_be_focused()

    # It is added, and the return submitted.
    page.get_by_label("Corrective action", exact=True).fill("New collection round from January.")
    page.get_by_role("button", name="Submit for approval").click()
    expect(page.get_by_role("status")).to_contain_text("NI 192 2009/10 Q3 submitted")
    expect(page.get_by_role("row", name=re.compile("NI 192"))).to_contain_text("Submitted")
    assert_accessible(page)
    sign_out(page)

    # The approver returns it with a comment.
    sign_in(page, approver)
    page.get_by_role("link", name="Approvals").click()
    expect(page.get_by_role("row", name=re.compile("NI 192"))).to_contain_text("20.0%")
    assert_accessible(page)
    page.get_by_role("link", name=re.compile("Return with a comment")).click()
    page.get_by_role("button", name="Return to the officer").click()
    expect(page.get_by_role("alert")).to_contain_text("Say what the officer should change")
    assert_accessible(page)
    page.get_by_label("What should the officer change?").fill("Give the tonnage behind 20%.")
    page.get_by_role("button", name="Return to the officer").click()
    expect(page.get_by_role("status")).to_contain_text("returned to the officer")
    sign_out(page)

    # The officer sees the comment and resubmits.
    sign_in(page, officer)
    page.get_by_role("link", name="My returns").click()
    row = page.get_by_role("row", name=re.compile("NI 192"))
    expect(row).to_contain_text("Returned")
    row.get_by_role("link", name="Household waste recycled").click()
    expect(page.get_by_role("note")).to_contain_text("Give the tonnage behind 20%.")
    assert_accessible(page)
    page.get_by_label("Commentary", exact=True).fill(
        "Contractor tonnage fell: 2,040 t against 4,100 t."
    )
    page.get_by_role("button", name="Submit for approval").click()
    expect(page.get_by_role("status")).to_contain_text("submitted")
    sign_out(page)

    # The approver approves.
    sign_in(page, approver)
    page.get_by_role("link", name="Approvals").click()
    page.get_by_role("button", name=re.compile("Approve NI 192")).click()
    expect(page.get_by_role("status")).to_contain_text("approved")
    expect(page.get_by_text("No returns are waiting for your approval.")).to_be_visible()
    assert_accessible(page)
    sign_out(page)

    # The viewer sees it, read only, with its history.
    sign_in(page, viewer)
    page.goto(f"/returns/measure/{council['measure'].pk}/{council['q3'].pk}/")
    expect(page.locator(".facts").first).to_contain_text("Approved")
    expect(page.get_by_text("2,040 t against 4,100 t.").first).to_be_visible()
    expect(page.get_by_label("Actual")).to_have_count(0)
    expect(page.get_by_role("table", name=re.compile("Changes to NI 192"))).to_contain_text(
        "Approved"
    )
    assert_accessible(page)

    result = Result.objects.get(measure=council["measure"], period=council["q3"])
    assert (result.status, result.rag, result.actual) == ("approved", "red", Decimal("20"))


def test_every_other_returns_page_passes_axe(page, council, assert_accessible):
    sign_in(page, council["officer"])
    page.goto(f"/returns/period/{council['q3'].pk}/all/")
    expect(page.get_by_role("heading", name=re.compile("Update all returns"))).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Actual, NI 192").fill("120")
    page.get_by_role("button", name="Submit every completed row").click()
    expect(page.get_by_role("alert")).to_contain_text("120% is outside 0 to 100%")
    assert_accessible(page)
    page.goto("/returns/upload/")
    assert_accessible(page)
    page.get_by_role("button", name="Check the return").click()
    expect(page.get_by_role("alert")).to_contain_text("There is a problem")
    assert_accessible(page)
    sign_out(page)

    sign_in(page, council["team"])
    page.get_by_role("link", name="Periods").click()
    assert_accessible(page)
    page.get_by_role("link", name="2009/10 Q3").click()
    page.get_by_role("button", name="Lock after sign-off").click()
    expect(page.get_by_role("status")).to_contain_text("locked")
    assert_accessible(page)
