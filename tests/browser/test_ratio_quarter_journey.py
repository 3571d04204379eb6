"""In Chromium: an officer enters three months of a ratio measure's numerator and denominator;
once approved, the measure's page shows the quarter's rating and how it was made; axe-core
finds no WCAG 2.2 A/AA violation on the pages visited."""

import pytest
from playwright.sync_api import expect

from scorecard.models import Role
from tests.support.browser import person, sign_in, sign_out
from tests.support.factories import DirectorateFactory, TargetFactory
from tests.support.periods import open_period, period
from tests.support.returns import measure_for

pytestmark = pytest.mark.django_db(transaction=True)

MONTHS = (("Jul 2009", "400", "600"), ("Aug 2009", "480", "700"), ("Sep 2009", "400", "700"))


@pytest.fixture
def council():
    directorate = DirectorateFactory(name="Housing")
    officer = person("olivia", Role.OFFICER, directorate, first_name="Olivia")
    approver = person("adam", Role.APPROVER, directorate, first_name="Adam")
    months = [open_period(label) for label, _, _ in MONTHS]
    measure = measure_for(
        officer,
        months[0],
        target=None,
        code="LPI 040",
        title="Households re-housed",
        frequency="monthly",
        measure_type="ratio",
        directorate=directorate,
    )
    TargetFactory(measure=measure, period=period("2009/10 Q2"), value=60)
    return {"officer": officer, "approver": approver, "measure": measure, "months": months}


def test_an_officers_months_make_a_rated_and_explained_quarter(page, council, assert_accessible):
    officer, measure = council["officer"], council["measure"]
    sign_in(page, officer)
    for (label, numerator, denominator), month in zip(MONTHS, council["months"], strict=True):
        page.goto(f"/returns/measure/{measure.pk}/{month.pk}/")
        expect(page.get_by_label("Actual")).to_have_count(0)
        page.get_by_label("Numerator").fill(numerator)
        page.get_by_label("Denominator").fill(denominator)
        page.get_by_role("button", name="Check RAG").click()
        expect(page.locator(".rag-check")).to_contain_text("RAG with these figures")
        assert_accessible(page)
        page.get_by_role("button", name="Submit for approval").click()
        expect(page.get_by_role("status")).to_contain_text(f"LPI 040 {label} submitted")
    sign_out(page)

    sign_in(page, council["approver"])
    page.get_by_role("link", name="Approvals").click()
    for label, _, _ in MONTHS:
        page.get_by_role("button", name=f"Approve LPI 040 {label}").click()
        expect(page.get_by_role("status")).to_contain_text("approved")
    expect(page.get_by_text("No returns are waiting for your approval.")).to_be_visible()
    sign_out(page)

    sign_in(page, officer)
    page.goto("/measures/LPI 040/")
    quarter = page.get_by_role("row", name="2009/10 Q2")
    expect(quarter).to_contain_text("64.0%")
    expect(quarter).to_contain_text("Green")
    quarter.locator("summary").click()
    expect(quarter).to_contain_text("Q2 value 64.0% = 1,280 / 2,000, the sum of July to September.")
    assert_accessible(page)
